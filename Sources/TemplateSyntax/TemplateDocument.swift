import YAML

/// A whole template as expressions: its top-level entries in order, each
/// section's value read through ``ExpressionReader`` with the section's rules
/// (a `Conditions` entry and a rule's assertions are conditions). This is how
/// the model writes templates and how the diff, the deploy commands and the
/// importer read them.
///
/// ```swift
/// let document = try TemplateDocument(reading: try YAMLParser().parse(text))
/// for resource in document.entries(in: .resources) { print(resource.key) }
/// let json = try JSONWriter().string(from: document.node(form: .long))
/// ```
///
/// Writing lays the YAML out for a reader: a blank line between the top-level
/// sections and between resources, and entry comments above their entries.
public struct TemplateDocument: Hashable, Sendable {
  /// The top-level entries in order; keys that are no section are kept too.
  public var entries: [Expression.ObjectEntry]
  /// What reading found that could only be kept as written (not part of equality).
  public var notes: [SyntaxNote]

  public init(entries: [Expression.ObjectEntry], notes: [SyntaxNote] = []) {
    self.entries = entries
    self.notes = notes
  }

  /// Reads a parsed template. An empty document is an empty template; any
  /// other document that is not a mapping of sections is refused.
  public init(reading node: YAMLNode) throws {
    switch node {
    case .scalar(let scalar) where scalar.value == .null && scalar.tag == nil:
      self.init(entries: [])
    case .mapping(let mapping) where mapping.tag == nil:
      var reader = ExpressionReader()
      var entries: [Expression.ObjectEntry] = []
      for entry in mapping.entries {
        let key = entry.key.scalar?.text ?? "\(entry.key)"
        let path = ExpressionPath.key(key)
        let value: Expression
        switch (TemplateSection(rawValue: key), entry.value) {
        case (.conditions?, .mapping(let conditions)) where conditions.tag == nil:
          value = .object(reader.readEntries(conditions, at: path, valuesAreConditions: true), ordering: .asWritten)
        case (.rules?, .mapping(let rules)) where rules.tag == nil:
          value = .object(
            rules.entries.map { rule in
              let key = rule.key.scalar?.text ?? "\(rule.key)"
              return .init(
                key, Self.readRule(rule.value, at: path.appending(key: key), with: &reader), comment: rule.comment)
            }, ordering: .asWritten)
        default:
          value = reader.read(entry.value, at: path)
        }
        entries.append(Expression.ObjectEntry(key, value, comment: entry.comment))
      }
      self.init(entries: entries, notes: reader.notes)
    default:
      throw TemplateReadError(
        message: "the document is not a template: its top level must be a mapping of sections (Resources, …)")
    }
  }

  /// Reads a template's text, JSON or YAML: text that starts with `{` and is
  /// JSON is read as JSON (``JSONParser``), anything else as YAML.
  public init(parsing text: String) throws {
    try self.init(reading: try Self.parse(text))
  }

  /// The tree of a template's text, JSON or YAML (see ``init(parsing:)``).
  public static func parse(_ text: String) throws -> YAMLNode {
    let start = text.utf8.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF }
    if start == UInt8(ascii: "{"), let node = try? JSONParser().parse(text) { return node }
    return try YAMLParser().parse(text)
  }

  /// A rule: its `RuleCondition` and each assertion's `Assert` are conditions.
  private static func readRule(_ node: YAMLNode, at path: ExpressionPath, with reader: inout ExpressionReader)
    -> Expression
  {
    guard case .mapping(let rule) = node, rule.tag == nil else { return reader.read(node, at: path) }
    return .object(
      rule.entries.map { entry in
        let key = entry.key.scalar?.text ?? "\(entry.key)"
        let entryPath = path.appending(key: key)
        switch (RuleKey(rawValue: key), entry.value) {
        case (.ruleCondition?, _):
          return .init(key, reader.read(entry.value, at: entryPath, isCondition: true), comment: entry.comment)
        case (.assertions?, .sequence(let assertions)) where assertions.tag == nil:
          let items = assertions.items.enumerated().map { index, assertion -> Expression in
            let itemPath = entryPath.appending(.index(index))
            guard case .mapping(let fields) = assertion, fields.tag == nil else {
              return reader.read(assertion, at: itemPath)
            }
            return .object(
              fields.entries.map { field in
                let name = field.key.scalar?.text ?? "\(field.key)"
                let value = reader.read(
                  field.value, at: itemPath.appending(key: name), isCondition: RuleKey(rawValue: name) == .assert)
                return .init(name, value, comment: field.comment)
              }, ordering: .asWritten)
          }
          return .init(key, .list(items), comment: entry.comment)
        default:
          return .init(key, reader.read(entry.value, at: entryPath), comment: entry.comment)
        }
      }, ordering: .asWritten)
  }

  public static func == (left: TemplateDocument, right: TemplateDocument) -> Bool {
    left.entries == right.entries
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(entries)
  }

  // MARK: - Sections

  /// The value of a section, if the template has it.
  public subscript(section: TemplateSection) -> Expression? {
    entries.first { $0.key == section.key }?.value
  }

  /// The entries of a section of logical IDs (`Resources`, …), in order; empty
  /// when the section is missing or not an object.
  public func entries(in section: TemplateSection) -> [Expression.ObjectEntry] {
    self[section]?.objectEntries ?? []
  }

  /// The logical IDs of a section's entries, in order.
  public func logicalIDs(in section: TemplateSection) -> [String] {
    entries(in: section).map(\.key)
  }

  // MARK: - Writing

  /// The template as a YAML tree: intrinsics in `form`, a blank line between
  /// top-level entries and between resources, comments above their entries.
  public func node(form: ExpressionWriter.Form = .short) -> YAMLNode {
    let writer = ExpressionWriter(form: form)
    var top = YAMLMapping([], blankLinesBetweenEntries: true)
    for entry in entries {
      var value = writer.node(for: entry.value)
      if TemplateSection(rawValue: entry.key)?.spacesEntries == true, case .mapping(var section) = value {
        section.blankLinesBetweenEntries = true
        value = .mapping(section)
      }
      top.entries.append(YAMLMapping.Entry(key: .string(entry.key), value: value, comment: entry.comment))
    }
    return .mapping(top)
  }
}

/// A document that cannot be read as a template.
public struct TemplateReadError: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String

  public init(message: String) {
    self.message = message
  }

  public var description: String { message }
}
