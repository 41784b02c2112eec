import TemplateSyntax

extension ParameterDeclaration {
  /// Why `value` breaks the parameter's constraints, if it does: the checks
  /// CloudFormation makes when it creates a change set, made before any AWS call.
  ///
  /// ```swift
  /// declaration.problem(with: "300")  // "TaskCpu must be one of 256, 512, 1024"
  /// ```
  public func problem(with value: String) -> String? {
    if let minLength, value.count < minLength {
      return value.isEmpty ? "\(logicalID) must not be empty" : "\(logicalID) needs at least \(minLength) characters"
    }
    if let maxLength, value.count > maxLength {
      return "\(logicalID) takes at most \(maxLength) characters"
    }
    if isNumber, let problem = numberProblem(value, name: logicalID) { return problem }
    if isNumberList {
      for item in value.split(separator: ",", omittingEmptySubsequences: false) {
        if let problem = numberProblem(String(item), name: "each number of \(logicalID)") { return problem }
      }
    }
    if !allowedValues.isEmpty, !allowedValues.contains(value) {
      return "\(logicalID) must be one of \(allowedValues.joined(separator: ", "))"
    }
    if let allowedPattern, let regex = try? Regex(allowedPattern), (try? regex.wholeMatch(in: value)) == nil {
      return "\(logicalID) must match \(allowedPattern)" + (constraintDescription.map { " (\($0))" } ?? "")
    }
    return nil
  }

  private func numberProblem(_ text: String, name: String) -> String? {
    let trimmed = text.trimmingWhitespace()
    guard let number = Double(trimmed), !trimmed.isEmpty, number.isFinite else { return "\(name) must be a number" }
    if let minValue, number < minValue { return "\(name) must be at least \(Self.format(minValue))" }
    if let maxValue, number > maxValue { return "\(name) must be at most \(Self.format(maxValue))" }
    return nil
  }

  static func format(_ number: Double) -> String {
    number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
  }
}
