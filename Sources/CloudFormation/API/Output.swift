/// An output of the template.
///
/// ```swift
/// Output("ALBDNS", value: alb.getAtt("DNSName"),
///        description: "Public DNS name of the load balancer",
///        exportName: .sub("${AWS::StackName}-ALBDNS"))
/// ```
public struct Output: Sendable {
  public let logicalID: String
  public var value: Expression
  public var description: String?
  /// `Export: {Name: …}`: the name other stacks import the value by.
  public var exportName: Value<String>?
  /// The logical ID of the condition under which the output exists.
  public var condition: String?
  /// Where the output is declared in Swift (the call's `#fileID` and `#line` by default).
  public var declaration: SourceLocation

  public init<Kind>(
    _ logicalID: String, value: Value<Kind>, description: String? = nil, exportName: Value<String>? = nil,
    condition: Condition? = nil, fileID: String = #fileID, line: Int = #line
  ) {
    self.logicalID = logicalID
    self.value = value.expression
    self.description = description
    self.exportName = exportName
    self.condition = condition?.logicalID
    declaration = SourceLocation(fileID: fileID, line: line)
  }
}

/// A group of parameters the CloudFormation console shows together
/// (`AWS::CloudFormation::Interface` `ParameterGroups`), in the order declared.
public struct ParameterGroup: Sendable {
  public var label: String
  public var parameterIDs: [String]

  public init(_ label: String, _ parameters: [any ParameterProtocol]) {
    self.label = label
    parameterIDs = parameters.map(\.logicalID)
  }
}

/// A rule of the template's `Rules` section: assertions on parameter values,
/// checked before the stack is created or updated.
public struct Rule: Sendable {
  public let logicalID: String
  public var ruleCondition: ConditionExpression?
  public var assertions: [(assert: ConditionExpression, description: String?)]
  /// Where the rule is declared in Swift (the call's `#fileID` and `#line` by default).
  public var declaration: SourceLocation

  public init(
    _ logicalID: String, when ruleCondition: ConditionExpression? = nil,
    assertions: [(assert: ConditionExpression, description: String?)], fileID: String = #fileID, line: Int = #line
  ) {
    self.logicalID = logicalID
    self.ruleCondition = ruleCondition
    self.assertions = assertions
    declaration = SourceLocation(fileID: fileID, line: line)
  }
}
