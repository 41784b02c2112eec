/// One problem found in a template: where it is and what to do about it.
public struct TemplateProblem: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Hashable, Sendable {
    case error
    case warning
  }

  public var severity: Severity
  /// The section holding the element: `Resources`, `Parameters`, …; `nil` for the template as a whole.
  public var section: String?
  /// The element's logical ID.
  public var logicalID: String?
  /// Where inside the element: `Properties.SecurityGroupIngress[0].FromPort`, `DependsOn`…
  public var property: String?
  public var message: String
  /// Where the element is declared in Swift.
  public var declaration: SourceLocation?

  public init(
    _ severity: Severity = .error, section: String? = nil, logicalID: String? = nil, property: String? = nil,
    message: String, declaration: SourceLocation? = nil
  ) {
    self.severity = severity
    self.section = section
    self.logicalID = logicalID
    self.property = property
    self.message = message
    self.declaration = declaration
  }

  /// `MyStacks/Web.swift:42: Resources.ServiceStable Properties.Cluster: message`.
  public var description: String {
    let text = templateDescription
    return declaration.map { "\($0): \(text)" } ?? text
  }

  /// The problem without the Swift location: `Resources.ServiceStable Properties.Cluster: message`.
  public var templateDescription: String {
    var location = [section, logicalID].compactMap { $0 }.joined(separator: ".")
    if let property { location += location.isEmpty ? property : " " + property }
    let prefix = severity == .warning ? "warning: " : ""
    return location.isEmpty ? prefix + message : "\(prefix)\(location): \(message)"
  }
}

/// The template has errors; all of them are listed, nothing was written.
public struct TemplateValidationError: Error, Hashable, Sendable, CustomStringConvertible {
  public var problems: [TemplateProblem]

  public init(problems: [TemplateProblem]) {
    self.problems = problems
  }

  public var description: String {
    let errors = problems.filter { $0.severity == .error }
    let header = errors.count == 1 ? "the template has 1 error:" : "the template has \(errors.count) errors:"
    return ([header] + problems.map { "  - \($0)" }).joined(separator: "\n")
  }
}
