import YAML

/// The value given for one template parameter.
public struct ParameterValue: Hashable, Sendable {
  public var logicalID: String
  public var value: String
  /// Keep the deployed value (`UsePreviousValue`): for a `NoEcho` parameter,
  /// whose value CloudFormation shows as `****` and never returns, and for a
  /// value the stack keeps on purpose.
  public var usePreviousValue: Bool

  public init(_ logicalID: String, _ value: String, usePreviousValue: Bool = false) {
    self.logicalID = logicalID
    self.value = value
    self.usePreviousValue = usePreviousValue
  }

  /// What CloudFormation shows instead of a `NoEcho` parameter's value.
  public static let maskedValue = "****"

  /// The `--parameters` list of `create-change-set`, as JSON.
  static func json(_ values: [ParameterValue]) throws -> String {
    try JSONWriter(indentation: nil).string(
      from: .sequence(
        YAMLSequence(
          values.map { value in
            value.usePreviousValue
              ? ["ParameterKey": .string(value.logicalID), "UsePreviousValue": .boolean(true)]
              : ["ParameterKey": .string(value.logicalID), "ParameterValue": .string(value.value)]
          })))
  }
}

/// Where a parameter's value came from, in the order of precedence.
public enum ParameterSource: Hashable, Sendable {
  /// A command-line option, as written: `--task-cpu` or `--parameter TaskCpu`.
  case option(String)
  /// A parameters file, by its path.
  case file(String)
  /// An environment variable, by its name.
  case environment(String)
  /// The template's `Default`.
  case templateDefault
}

/// A parameter's value and where it came from.
public struct ParameterSetting: Hashable, Sendable {
  public var value: ParameterValue
  public var source: ParameterSource

  public init(_ value: ParameterValue, source: ParameterSource) {
    self.value = value
    self.source = source
  }
}
