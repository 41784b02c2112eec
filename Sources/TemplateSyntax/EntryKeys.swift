// The keys inside a template's entries, each enum in the order the keys are written.

/// The keys of a resource, in the order they are written.
public enum ResourceKey: String, CaseIterable, Hashable, Sendable {
  case type = "Type"
  case condition = "Condition"
  case dependsOn = "DependsOn"
  case deletionPolicy = "DeletionPolicy"
  case updateReplacePolicy = "UpdateReplacePolicy"
  case updatePolicy = "UpdatePolicy"
  case creationPolicy = "CreationPolicy"
  case metadata = "Metadata"
  case properties = "Properties"
}

/// The keys of a parameter, in the order they are written.
public enum ParameterKey: String, CaseIterable, Hashable, Sendable {
  case type = "Type"
  case description = "Description"
  case `default` = "Default"
  case allowedValues = "AllowedValues"
  case allowedPattern = "AllowedPattern"
  case minLength = "MinLength"
  case maxLength = "MaxLength"
  case minValue = "MinValue"
  case maxValue = "MaxValue"
  case constraintDescription = "ConstraintDescription"
  case noEcho = "NoEcho"
}

/// The keys of an output, in the order they are written; `Export` holds `Name`.
public enum OutputKey: String, CaseIterable, Hashable, Sendable {
  case description = "Description"
  case value = "Value"
  case export = "Export"
  case condition = "Condition"

  /// The key inside `Export`.
  public static let exportName = "Name"
}

/// The keys of a rule and of its assertions.
public enum RuleKey: String, CaseIterable, Hashable, Sendable {
  case ruleCondition = "RuleCondition"
  case assertions = "Assertions"
  case assert = "Assert"
  case assertDescription = "AssertDescription"
}

/// The keys of the `AWS::CloudFormation::Interface` metadata, which the
/// CloudFormation console reads to group and label parameters.
public enum InterfaceKey: String, CaseIterable, Hashable, Sendable {
  /// The metadata entry itself.
  case interface = "AWS::CloudFormation::Interface"
  case parameterGroups = "ParameterGroups"
  case parameterLabels = "ParameterLabels"
  case label = "Label"
  case parameters = "Parameters"
  /// The text of a label.
  case `default` = "default"
}
