import TemplateSyntax

/// The `Principal` (or `NotPrincipal`) of a ``PolicyStatement``: everyone
/// (`"*"`), or AWS accounts and roles, services, federated providers and
/// canonical users, each written as one value or a list.
///
/// ```swift
/// .service("ecs-tasks.amazonaws.com")             // Principal: {Service: ecs-tasks.amazonaws.com}
/// .aws(role.arn, "arn:\(AWS.partition):iam::\(AWS.accountID):root")
/// .any                                           // Principal: "*"
/// ```
public struct PolicyPrincipal: Sendable {
  private var isEveryone: Bool
  /// Each kind with its values, in the order given.
  private var entries: [(kind: String, values: [Expression])]

  private init(isEveryone: Bool, entries: [(kind: String, values: [Expression])]) {
    self.isEveryone = isEveryone
    self.entries = entries
  }

  /// `"*"`: everyone.
  public static var any: PolicyPrincipal { PolicyPrincipal(isEveryone: true, entries: []) }

  /// `AWS`: accounts, users and roles by ARN or account ID.
  public static func aws(_ principal: Value<String>, _ more: Value<String>...) -> PolicyPrincipal {
    PolicyPrincipal(isEveryone: false, entries: [("AWS", ([principal] + more).map(\.expression))])
  }

  /// `Service`: AWS services, such as `ecs-tasks.amazonaws.com`.
  public static func service(_ service: String, _ more: String...) -> PolicyPrincipal {
    PolicyPrincipal(isEveryone: false, entries: [("Service", ([service] + more).map(Expression.string))])
  }

  /// `Federated`: identity providers, such as `cognito-identity.amazonaws.com` or a SAML provider's ARN.
  public static func federated(_ provider: Value<String>, _ more: Value<String>...) -> PolicyPrincipal {
    PolicyPrincipal(isEveryone: false, entries: [("Federated", ([provider] + more).map(\.expression))])
  }

  /// `CanonicalUser`: canonical user IDs.
  public static func canonicalUser(_ id: String, _ more: String...) -> PolicyPrincipal {
    PolicyPrincipal(isEveryone: false, entries: [("CanonicalUser", ([id] + more).map(Expression.string))])
  }

  /// This principal and `other` in one (`{AWS: …, Service: …}`).
  public func and(_ other: PolicyPrincipal) -> PolicyPrincipal {
    PolicyPrincipal(isEveryone: isEveryone || other.isEveryone, entries: entries + other.entries)
  }

  var expression: Expression {
    guard !isEveryone else { return .string("*") }
    var merged: [(kind: String, values: [Expression])] = []
    for entry in entries {
      if let index = merged.firstIndex(where: { $0.kind == entry.kind }) {
        merged[index].values += entry.values
      } else {
        merged.append(entry)
      }
    }
    return .object(
      merged.map { Expression.ObjectEntry($0.kind, PolicyStatement.oneOrList($0.values)) }, ordering: .asWritten)
  }
}
