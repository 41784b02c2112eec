import TemplateSyntax

/// An IAM policy document as a value: statements with their effect, principals,
/// actions, resources and conditions, rendered as the canonical JSON (`Version`,
/// then `Statement`) wherever a policy document is expected — a role's trust
/// policy and inline policies, a bucket or key policy:
///
/// ```swift
/// let role = IAM.Role(
///   "TaskRole", assumeRolePolicyDocument: .policy(.allow("sts:AssumeRole", principal: .service("ecs-tasks.amazonaws.com"))))
/// let bucketPolicy: Value<JSON> = .policy(
///   .allow("s3:GetObject", on: ["\(bucket.getAtt("Arn"))/*"], principal: .aws(role.arn)),
///   .deny("s3:*", on: ["\(bucket.getAtt("Arn"))/*"], principal: .any, when: [.bool("aws:SecureTransport", false)]))
/// ```
public struct PolicyDocument: Sendable {
  /// `Version`: the policy language version, `2012-10-17` unless said otherwise.
  public var version: String
  public var statements: [PolicyStatement]

  public init(version: String = "2012-10-17", statements: [PolicyStatement]) {
    self.version = version
    self.statements = statements
  }

  public init(version: String = "2012-10-17", _ statements: PolicyStatement...) {
    self.init(version: version, statements: statements)
  }

  /// `{"Version": …, "Statement": [ … ]}`.
  public var expression: Expression {
    .object(
      [.init("Version", .string(version)), .init("Statement", .list(statements.map(\.expression)))],
      ordering: .asWritten)
  }
}

extension Value where Kind == JSON {
  /// A policy document where one is expected (`Version` 2012-10-17).
  ///
  /// ```swift
  /// assumeRolePolicyDocument: .policy(.allow("sts:AssumeRole", principal: .service("ecs-tasks.amazonaws.com")))
  /// ```
  public static func policy(_ statements: PolicyStatement...) -> Value {
    Value(PolicyDocument(statements: statements))
  }

  /// A policy document where one is expected.
  public init(_ document: PolicyDocument) {
    self.init(document.expression)
  }
}

extension JSONValue {
  /// A policy document inside a free-form document (an escape-hatch resource's
  /// `PolicyDocument`, say).
  public static func policy(_ statements: PolicyStatement...) -> JSONValue {
    JSONValue(PolicyDocument(statements: statements))
  }

  /// A policy document inside a free-form document.
  public init(_ document: PolicyDocument) {
    self.init(document.expression)
  }
}
