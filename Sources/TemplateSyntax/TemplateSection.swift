/// The top-level sections of a template, in CloudFormation's anatomy order (the
/// order `rain fmt` writes them in, and the order templates are rendered in).
public enum TemplateSection: String, CaseIterable, Hashable, Sendable {
  case formatVersion = "AWSTemplateFormatVersion"
  case description = "Description"
  case metadata = "Metadata"
  case parameters = "Parameters"
  case rules = "Rules"
  case mappings = "Mappings"
  case conditions = "Conditions"
  case transform = "Transform"
  case resources = "Resources"
  case outputs = "Outputs"

  /// The key in the template.
  public var key: String { rawValue }

  /// The sections whose entries are named by logical IDs, in order.
  public static let sectionsOfEntries: [TemplateSection] = [
    .parameters, .rules, .mappings, .conditions, .resources, .outputs,
  ]

  /// What one entry of the section is called: `resource` for `Resources`; `nil`
  /// for sections without logical IDs.
  public var entryName: String? {
    switch self {
    case .parameters: "parameter"
    case .rules: "rule"
    case .mappings: "mapping"
    case .conditions: "condition"
    case .resources: "resource"
    case .outputs: "output"
    case .formatVersion, .description, .metadata, .transform: nil
    }
  }

  /// Whether a blank line separates the section's entries in YAML, for a
  /// reader's eye (the template's own top level is always spaced so).
  public var spacesEntries: Bool { self == .resources }
}
