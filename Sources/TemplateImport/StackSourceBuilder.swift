import ResourceNames
import TemplateSyntax
import YAML

/// Collects the Swift of one imported stack, section by section: the static
/// values, and the elements of the template in the order declared.
struct StackSourceBuilder {
  /// One static value of the stack type, with the comment lines above it.
  struct Declaration {
    var comment: [String] = []
    var code: String
  }

  let name: String
  var writer: ValueWriter
  var description: String?
  var transform: [String] = []
  var metadata: [String] = []
  /// The interface metadata as written, for when its groups or labels name no parameter.
  var rawInterface: String?
  /// `// MARK:` title → declarations, in section order.
  var declarations: [(title: String, items: [Declaration])] = []
  /// The builder's statements, in the template's order.
  var elements: [String] = []
  var outputs: [String] = []
  var services: Set<String> = []

  init(name: String, table: ResourceNameTable) {
    self.name = name
    writer = ValueWriter(names: ImportNames(), table: table)
  }

  /// The modules to import, in byte order.
  var modules: [String] {
    (services.map { "AWS" + $0 } + ["CloudFormation"]).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  mutating func read(_ document: TemplateDocument) throws {
    for entry in document.entries {
      guard TemplateSection(rawValue: entry.key) != nil else {
        throw ImportError(
          "not a section of a CloudFormation template (SAM's Globals and the like need their transform's own tools); remove it or expand the template first",
          at: .key(entry.key))
      }
    }
    // Names first: values refer to entries declared later in the template too.
    try declareNames(document)
    if let note = document.notes.first {
      throw ImportError(note.message + "; the import would not be faithful", at: note.path)
    }
    if let version = document[.formatVersion], version != .string("2010-09-09") {
      throw ImportError("the only template format version is 2010-09-09", at: .key(TemplateSection.formatVersion.key))
    }
    if let description = document[.description] {
      guard let text = description.stringValue else {
        throw ImportError("the description must be text", at: .key(TemplateSection.description.key))
      }
      self.description = text
    }
    try readTransform(document[.transform])
    let interface = try readMetadata(document[.metadata])
    try readParameters(document.entries(in: .parameters), interface: interface)
    try readRules(document.entries(in: .rules))
    try readMappings(document.entries(in: .mappings))
    try readConditions(document.entries(in: .conditions))
    try readResources(document.entries(in: .resources))
    try readOutputs(document.entries(in: .outputs))
  }

  /// A `Fn::ForEach` loop of `section`, kept as written: its outputs name
  /// entries only CloudFormation's expansion makes, so they are free-form.
  mutating func readLoop(_ entry: Expression.ObjectEntry, in section: TemplateSection, title: String) throws {
    guard case .forEach(let identifier, let collection, let outputs) = entry.value,
      let loop = writer.names.loops[entry.key]
    else { return }
    let path = ExpressionPath.key(section.key).appending(key: entry.key)
    beginEntry(entry.key) { planner in
      for output in outputs {
        planner.plan(output.value, as: .json, at: path.appending(.index(2)).appending(key: output.key))
      }
    }
    writer.insideLoop = true
    defer { writer.insideLoop = false }
    let collectionCode = try writer.value(collection, as: .list(.string), at: path.appending(.index(1)))
    let outputCodes = try outputs.map {
      "\(SwiftSource.literal($0.key)): \(try writer.value($0.value, as: .json, at: path.appending(.index(2)).appending(key: $0.key)))"
    }
    declareSplitValues(under: title)
    let name = String(entry.key.dropFirst(IntrinsicFunction.forEachPrefix.count))
    let sectionCase = section == .resources ? "resources" : section == .outputs ? "outputs" : "conditions"
    declare(
      Declaration(
        comment: Self.commentLines(entry.comment),
        code:
          "static let \(loop.identifier) = ForEachLoop(\(SwiftSource.literal(name)), in: .\(sectionCase), identifier: \(SwiftSource.literal(identifier)), collection: \(collectionCode), outputs: [\(outputCodes.joined(separator: ", "))])"
      ), under: title)
    if section == .outputs {
      self.outputs.append(loop.identifier)
    } else {
      elements.append(loop.identifier)
    }
  }

  /// Every logical ID gets its Swift name before any value is written.
  private mutating func declareNames(_ document: TemplateDocument) throws {
    for section in TemplateSection.sectionsOfEntries {
      guard let value = document[section] else { continue }
      guard case .object(let entries, _) = value else {
        throw ImportError("the section must be a mapping of logical IDs", at: .key(section.key))
      }
      for entry in entries {
        let path = ExpressionPath.key(section.key).appending(key: entry.key)
        if IntrinsicFunction.isForEachKey(entry.key) {
          guard [.resources, .outputs, .conditions].contains(section),
            case .forEach(_, _, let outputs) = entry.value
          else {
            throw ImportError(
              "a Fn::ForEach loop stands in Resources, Outputs or Conditions, as [identifier, collection, {outputs}]; fix it",
              at: path)
          }
          let name = String(entry.key.dropFirst(IntrinsicFunction.forEachPrefix.count))
          writer.names.loops[entry.key] = (
            writer.names.identifier(for: name + "Loop", suffix: "Value"), outputs.map(\.key)
          )
          continue
        }
        switch section {
        case .parameters:
          let kind = Self.parameterKind(entry.value[ParameterKey.type.rawValue]?.stringValue ?? "String")
          writer.names.parameters[entry.key] = .init(
            identifier: writer.names.identifier(for: entry.key, suffix: "Parameter"), kind: kind)
        case .resources:
          let type = entry.value[ResourceKey.type.rawValue]?.stringValue.flatMap { writer.table.resourceType($0) }
          let reason = type.flatMap { Self.untypedReason(entry.value, $0) }
          writer.names.resources[entry.key] = .init(
            identifier: writer.names.identifier(for: entry.key, suffix: "Resource"), type: reason == nil ? type : nil,
            untypedReason: reason)
        case .conditions:
          writer.names.conditions[entry.key] = writer.names.identifier(for: entry.key, suffix: "Condition")
        case .mappings:
          writer.names.mappings[entry.key] = writer.names.identifier(for: entry.key, suffix: "Mapping")
        case .rules:
          writer.names.rules[entry.key] = writer.names.identifier(for: entry.key, suffix: "Rule")
        default:
          break
        }
      }
    }
    // An attribute the generated type does not know would not validate: such a
    // resource is imported untyped (the schema may lag what CloudFormation returns).
    for entry in document.entries {
      for reference in entry.value.references(at: .key(entry.key)) {
        let attribute: (resource: String, name: String)
        switch reference.kind {
        case .getAtt(let name): attribute = (reference.name, name)
        case .substitution:
          guard let (resource, name) = Expression.splitAtFirstDot(reference.name) else { continue }
          attribute = (resource, name)
        default: continue
        }
        guard let names = writer.names.resources[attribute.resource], let type = names.type,
          !Self.reads(type, attribute.name)
        else { continue }
        // A typed resource's attributes are members; an untyped one reads any by name.
        writer.names.resources[attribute.resource]?.type = nil
        writer.names.resources[attribute.resource]?.untypedReason =
          "the template reads its attribute \(SwiftSource.commentText(attribute.name)), which \(type.typeName)'s schema does not list"
      }
    }
  }

  /// Why a resource of a generated type cannot be written with it, if it cannot:
  /// its properties are computed, leave out one the type requires, or set one
  /// the schema lacks under a key an override cannot name.
  static func untypedReason(_ resource: Expression, _ type: ResourceTypeNames) -> String? {
    let properties = resource[ResourceKey.properties.rawValue]
    guard let entries = properties.map({ $0.objectEntries }) ?? [] else {
      return "its Properties are a computed value, not a mapping of properties"
    }
    if let key = entries.first(where: { type.property($0.key) == nil && ($0.key.isEmpty || $0.key.contains(".")) }) {
      return "its property \"\(SwiftSource.commentText(key.key))\" is not in \(type.typeName)'s schema"
    }
    let missing = type.properties.filter { property in
      property.isRequired && !entries.contains { $0.key.utf8.elementsEqual(property.awsName.utf8) }
    }.map(\.awsName)
    if !missing.isEmpty {
      return
        "the template leaves out \(SwiftSource.commentText(missing.joined(separator: ", "))), which \(type.typeName) requires"
    }
    return nil
  }

  /// Whether `!GetAtt` may read `attribute` on a resource of `type`, as the
  /// model's validator decides: an attribute, or a property (CloudFormation lets
  /// some types read those), or something under one.
  static func reads(_ type: ResourceTypeNames, _ attribute: String) -> Bool {
    let head = Expression.splitAtFirstDot(attribute)?.0 ?? attribute
    return type.attribute(attribute) != nil || type.property(attribute) != nil || type.property(head) != nil
  }

  /// `String`, `Number`, `[String]` or `[Number]`: what a parameter of `type` gives.
  static func parameterKind(_ type: String) -> KindName {
    if type == "Number" { return .number }
    if type == "List<Number>" { return .list(.number) }
    let isList =
      type.hasPrefix("List<") || type == "CommaDelimitedList" || type.contains("<List<")
      || type.contains("<CommaDelimitedList>")
    return isList ? .list(.string) : .string
  }

  private mutating func readTransform(_ value: Expression?) throws {
    guard let value else { return }
    let path = ExpressionPath.key(TemplateSection.transform.key)
    switch value {
    case .scalar(let scalar) where scalar.tag == nil:
      transform = [scalar.text]
    case .list(let items) where items.allSatisfy({ $0.stringValue != nil }):
      transform = items.compactMap(\.stringValue)
    default:
      throw ImportError(
        "a Transform with parameters (such as AWS::Include) changes the template in ways the Swift model cannot say; expand it first (aws cloudformation get-template --template-stage Processed)",
        at: path)
    }
  }

  mutating func declare(_ declaration: Declaration, under title: String) {
    if let index = declarations.firstIndex(where: { $0.title == title }) {
      declarations[index].items.append(declaration)
    } else {
      declarations.append((title, [declaration]))
    }
  }

  /// Refuses a key of an entry that is none of `Key`'s cases, as CloudFormation
  /// refuses the template: `kind` says what the key is not (`an attribute of a resource`).
  static func refuseUnknownKeys<Key: RawRepresentable<String>>(
    _ fields: [Expression.ObjectEntry], of _: Key.Type, notBeing kind: String, at path: ExpressionPath
  ) throws {
    for field in fields where Key(rawValue: field.key) == nil {
      throw ImportError(
        "\(field.key) is not \(kind); remove it (CloudFormation refuses it)", at: path.appending(key: field.key))
    }
  }

  /// Starts writing the entry `logicalID`: its large nested values are split out.
  /// `plan` decides which of its values to split (see ``SplitPlanner``).
  mutating func beginEntry(_ logicalID: String, plan: (inout SplitPlanner) -> Void) {
    var planner = SplitPlanner(table: writer.table)
    plan(&planner)
    writer.table = planner.table
    writer.splitPaths = planner.paths
    writer.owner = logicalID
    writer.splitValues = []
  }

  /// Declares the values split out of the entry just written, before it.
  mutating func declareSplitValues(under title: String) {
    for value in writer.splitValues {
      declare(Declaration(code: "static let \(value.name): \(value.type) = \(value.code)"), under: title)
    }
    writer.splitValues = []
    writer.owner = nil
  }

  /// `// Network` lines for a YAML comment above an entry.
  static func commentLines(_ comment: String?) -> [String] {
    guard let comment else { return [] }
    return comment.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.isEmpty ? "//" : "// " + SwiftSource.commentText(String($0))
    }
  }

  // MARK: - Source

  /// The whole file, before swift-format.
  func source(sourceName: String) -> String {
    var lines = ["// Imported from \(SwiftSource.commentText(sourceName)) by `gen import`.", ""]
    lines += modules.map { "import \($0)" }
    lines.append("")
    if let description {
      lines += description.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.isEmpty ? "///" : "/// " + SwiftSource.commentText(String($0))
      }
    } else {
      lines.append("/// The stack imported from \(SwiftSource.commentText(sourceName)).")
    }
    lines.append("public enum \(name) {")
    for section in declarations {
      lines.append("  // MARK: - \(section.title)")
      lines.append("")
      for item in section.items {
        lines += item.comment.map { "  " + $0 }
        lines.append("  " + item.code)
        lines.append("")
      }
    }
    lines.append("  // MARK: - Template")
    lines.append("")
    lines.append("  /// The template, its entries in the order the imported one declared them.")
    lines.append("  public static var template: Template {")
    var arguments: [String] = []
    if let description { arguments.append("description: \(SwiftSource.literal(description))") }
    if !transform.isEmpty {
      arguments.append("transform: [\(transform.map(SwiftSource.literal).joined(separator: ", "))]")
    }
    if !metadata.isEmpty { arguments.append("metadata: [\(metadata.joined(separator: ", "))]") }
    lines.append("    Template(\(arguments.joined(separator: ", "))) {")
    lines += (elements + outputs).map { "      " + $0 }
    lines.append("    }")
    lines.append("  }")
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }
}
