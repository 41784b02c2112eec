import CloudFormation

/// One template of the corpus, with what the generator knows about it.
///
/// ```swift
/// var generator = RandomTemplateGenerator(seed: 2026)
/// let generated = generator.template()
/// let text = try generated.template.yaml()   // throws when generated.faults is not empty
/// ```
public struct GeneratedTemplate: Sendable {
  /// The template, built through the public `CloudFormation` API only.
  public var template: Template
  /// The errors in the template, one sentence each: the one put in on purpose
  /// in a few templates (a reference to nothing, a malformed or repeated logical
  /// ID, an unknown `${…}` name…), and any a hostile string made (an empty
  /// parameter type, a `${` left open). Empty when the template is meant to
  /// pass validation.
  public var faults: [String]

  /// Whether `yaml()` and `json()` should both accept the template.
  public var isMeantToValidate: Bool { faults.isEmpty }
}
