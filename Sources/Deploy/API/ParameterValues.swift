import CloudFormation
import YAML

/// The value given for one template parameter.
public struct ParameterValue: Hashable, Sendable {
  public var logicalID: String
  public var value: String
  /// Keep the deployed value (`UsePreviousValue`): only for a `NoEcho`
  /// parameter, whose value CloudFormation shows as `****` and never returns.
  public var usePreviousValue: Bool

  public init(_ logicalID: String, _ value: String, usePreviousValue: Bool = false) {
    self.logicalID = logicalID
    self.value = value
    self.usePreviousValue = usePreviousValue
  }

  /// What CloudFormation shows instead of a `NoEcho` parameter's value.
  public static let maskedValue = "****"
}

/// Values for the template's parameters from the user's settings (an option,
/// else the environment variable, else the template's default), checked against
/// the template's own constraints before anything touches AWS.
///
/// ```swift
/// let values = try ParameterValues.resolve(stack.parameters) { name in settings[name] ?? getenv(name) }
/// ```
public enum ParameterValues {
  /// One value per parameter, in template order. `setting` answers by
  /// environment-variable name (`IMAGE_URI_STABLE`). Throws one ``DeployError``
  /// listing every bad or missing value.
  public static func resolve(
    _ parameters: [AnyParameter], setting: (String) -> String?
  ) throws -> [ParameterValue] {
    var values: [ParameterValue] = []
    var problems: [String] = []
    for parameter in parameters {
      let variable = SettingName.environmentVariable(for: parameter.logicalID)
      let option = "--" + SettingName.option(for: parameter.logicalID)
      guard let value = setting(variable) ?? defaultText(parameter) else {
        problems.append(
          "\(variable) is not set: give \(parameter.logicalID) with \(option) or \(variable)"
            + (parameter.description.map { " (\($0))" } ?? ""))
        continue
      }
      if let problem = problem(with: value, for: parameter) {
        problems.append("\(variable)=\"\(value)\": \(problem); set \(option) or \(variable)")
      } else {
        values.append(ParameterValue(parameter.logicalID, value))
      }
    }
    guard problems.count <= 1 else {
      throw DeployError(
        "\(problems.count) settings are wrong:\n" + problems.map { "  - " + $0 }.joined(separator: "\n"))
    }
    if let problem = problems.first { throw DeployError(problem) }
    return values
  }

  /// The default as CloudFormation receives it, when the parameter has a literal one.
  static func defaultText(_ parameter: AnyParameter) -> String? {
    guard case .scalar(let scalar) = parameter.defaultValue else { return nil }
    return scalar.text
  }

  /// Why `value` breaks the parameter's constraints, if it does.
  public static func problem(with value: String, for parameter: AnyParameter) -> String? {
    if let minLength = parameter.minLength, value.count < minLength {
      return value.isEmpty
        ? "\(parameter.logicalID) must not be empty" : "\(parameter.logicalID) needs at least \(minLength) characters"
    }
    if let maxLength = parameter.maxLength, value.count > maxLength {
      return "\(parameter.logicalID) takes at most \(maxLength) characters"
    }
    if parameter.type == .number {
      guard let number = Double(value.trimmingWhitespace()), !value.isEmpty else {
        return "\(parameter.logicalID) must be a number"
      }
      if let minValue = parameter.minValue, number < minValue {
        return "\(parameter.logicalID) must be at least \(format(minValue))"
      }
      if let maxValue = parameter.maxValue, number > maxValue {
        return "\(parameter.logicalID) must be at most \(format(maxValue))"
      }
    }
    let allowed = parameter.allowedValues.compactMap { expression -> String? in
      guard case .scalar(let scalar) = expression else { return nil }
      return scalar.text
    }
    if !allowed.isEmpty, !allowed.contains(value) {
      return "\(parameter.logicalID) must be one of \(allowed.joined(separator: ", "))"
    }
    if let pattern = parameter.allowedPattern, let regex = try? Regex(pattern),
      (try? regex.wholeMatch(in: value)) == nil
    {
      return "\(parameter.logicalID) must match \(pattern)"
        + (parameter.constraintDescription.map { " (\($0))" } ?? "")
    }
    return nil
  }

  static func format(_ number: Double) -> String {
    number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
  }
}

/// Listener weights, one per track: whole numbers from 0 to 100 that add up to 100.
public enum TrafficWeights {
  /// Parses and checks `texts` for `roles` (same count). Throws a ``DeployError``
  /// naming the bad value and the rule.
  /// `example` shows good input, such as "for example `gen set-weights 75 25`".
  public static func parse(_ texts: [String], roles: [String], command: String, example: String) throws -> [Int] {
    guard texts.count == roles.count else {
      throw DeployError(
        "\(command) takes exactly \(roles.count) weights, \(roles.joined(separator: " and ")) (\(example)); got \(texts.count)"
      )
    }
    var weights: [Int] = []
    for (text, role) in zip(texts, roles) {
      guard let weight = Int(text), (0...100).contains(weight) else {
        throw DeployError("the \(role) weight \"\(text)\" is not a whole number from 0 to 100 (\(example))")
      }
      weights.append(weight)
    }
    let sum = weights.reduce(0, +)
    guard sum == 100 else {
      throw DeployError(
        "the weights must add up to 100; \(weights.map(String.init).joined(separator: " + ")) = \(sum) (\(example))")
    }
    return weights
  }
}
