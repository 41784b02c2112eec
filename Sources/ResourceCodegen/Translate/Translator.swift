/// Translate stage: ``ResourceSchema`` → ``ResourceDeclaration``.
///
/// Every writable property becomes a `Value<Kind>` (required ones non-optional),
/// named definitions and inline objects become nested kinds, string sets become
/// enums, `patternProperties` become maps, and whatever has no single shape
/// (`type` lists, `oneOf`/`anyOf` of different kinds, objects without
/// properties) becomes free-form `JSON`: a documented fallback, never a dropped
/// property.
package struct Translator {
  let schema: ResourceSchema
  let namespace: String
  let name: String
  private var nestedTypes: [NestedType] = []
  /// Definition name → Swift kind, once translated (or being translated).
  private var definitionKinds: [String: SwiftType] = [:]
  /// Nested type names taken so far.
  private var claimedNames: Set<String> = []

  /// Type names a nested type may not take: they would hide the model's own
  /// types inside the resource's namespace, or are reserved by Swift.
  static let reservedTypeNames: Set<String> = [
    "Any", "Array", "Bool", "Condition", "Dictionary", "Double", "Error", "Expression", "Int", "JSON", "Kind",
    "Mapping", "Number", "Optional", "Output", "Parameter", "Protocol", "Resource", "ResourceAttributes", "Self", "Set",
    "String", "Template", "Type", "Value",
  ]

  /// Member names the `Resource` protocol and its extensions already use.
  static let reservedMemberNames: Set<String> = [
    "objectEntries", "attributes", "comment", "condition", "creationPolicy", "deletionPolicy", "dependsOn", "getAtt",
    "logicalID", "attributeNames", "propertyNames", "isStateful", "fileID", "line",
    "metadata", "properties", "ref", "resourceType", "typeName", "updatePolicy", "updateReplacePolicy",
  ]

  package init(schema: ResourceSchema) {
    self.schema = schema
    let parts = schema.typeName.split(separator: "::").map(String.init)
    namespace = parts.count > 1 ? parts[1] : parts[0]
    name = Self.resourceTypeName(parts.count > 2 ? parts[2] : parts.last ?? "Resource")
  }

  /// Names Swift does not allow for a member type, even inside a namespace.
  static let memberTypeNamesSwiftForbids: Set<String> = ["Protocol", "Self", "Type"]

  /// The Swift name of a resource type: its own name, or with `Resource` after
  /// a name Swift forbids (`AWS::Cassandra::Type` is `Cassandra.TypeResource`).
  static func resourceTypeName(_ name: String) -> String {
    memberTypeNamesSwiftForbids.contains(name) ? name + "Resource" : name
  }

  package mutating func translate() -> ResourceDeclaration {
    let readOnly = Set(schema.readOnlyProperties)
    let createOnly = Set(schema.createOnlyProperties)
    let required = Set(schema.required)
    let writable = schema.properties.filter { !readOnly.contains($0.name) }
    var usedNames = Self.reservedMemberNames
    var properties: [PropertyDeclaration] = []
    for property in writable {
      let kind = kind(for: property.schema, propertyName: property.name, owner: name)
      let swiftName = Self.unique(Naming.lowerCamel(property.name), in: &usedNames, suffix: "Property")
      properties.append(
        PropertyDeclaration(
          awsName: property.name, swiftName: swiftName, kind: kind, isRequired: required.contains(property.name),
          documentation: Self.documentation(
            property.name, property.schema, required: required.contains(property.name),
            replaces: createOnly.contains(property.name))))
    }
    let alternative = (schema.requiredAlternatives.first ?? []).compactMap { name in
      properties.first { $0.awsName == name && !$0.isRequired }?.swiftName
    }
    var attributes: [AttributeDeclaration] = []
    for pointer in schema.readOnlyProperties where !pointer.contains("*") {
      let awsName = pointer.replacingAll("/", with: ".")
      let kind = attributeKind(pointer)
      let swiftName = Self.unique(
        Naming.lowerCamel(awsName.replacingAll(".", with: "")), in: &usedNames, suffix: "Attribute")
      attributes.append(AttributeDeclaration(awsName: awsName, swiftName: swiftName, kind: kind))
    }
    var declaration = ResourceDeclaration(
      typeName: schema.typeName, namespace: namespace, name: name, properties: properties, attributes: attributes,
      nestedTypes: nestedTypes.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) },
      requiredAlternative: alternative)
    declaration.example = schema.example
    return declaration
  }

  // MARK: - Kinds

  /// The Swift kind of a property's values.
  mutating func kind(for property: PropertySchema, propertyName: String, owner: String) -> SwiftType {
    switch property {
    case .string, .formattedString: return .string
    case .integer, .number: return .number
    case .boolean: return .boolean
    case .json: return .json
    case .array(let items): return .list(kind(for: items, propertyName: propertyName, owner: owner))
    case .map(let values): return .map(kind(for: values, propertyName: propertyName, owner: owner))
    case .enumeration(let values):
      let cases = Self.enumerationCases(values)
      return nested(
        .enumeration(
          name: Naming.upperCamel(propertyName) + "Value", source: source(owner, propertyName), cases: cases),
        owner: owner)
    case .object(let properties, let required):
      let typeName = Self.safeTypeName(Naming.upperCamel(propertyName), suffix: "Object")
      return objectKind(
        typeName, source: source(owner, propertyName), properties: properties, required: required, owner: owner)
    case .reference(let definition):
      return definitionKind(definition)
    }
  }

  private mutating func definitionKind(_ definition: String) -> SwiftType {
    if let known = definitionKinds[definition] { return known }
    guard let schema = schema.definition(definition) else { return .json }
    switch schema {
    case .object(let properties, let required):
      let typeName = claim(Self.safeTypeName(Naming.upperCamel(definition), suffix: "Definition"), owner: "")
      let qualified = qualify(typeName)
      definitionKinds[definition] = qualified  // before the properties: definitions may be recursive
      let declarations = objectProperties(properties, required: required, owner: definition)
      nestedTypes.append(
        .object(name: typeName, source: "\(self.schema.typeName).\(definition)", properties: declarations))
      return qualified
    default:
      definitionKinds[definition] = .json  // guards a reference cycle through non-objects
      let resolved = kind(for: schema, propertyName: definition, owner: definition)
      definitionKinds[definition] = resolved
      return resolved
    }
  }

  private mutating func objectKind(
    _ typeName: String, source: String, properties: [PropertySchema.PropertyEntry], required: [String], owner: String
  ) -> SwiftType {
    let declarations = objectProperties(properties, required: required, owner: owner)
    return nested(.object(name: typeName, source: source, properties: declarations), owner: owner)
  }

  private mutating func objectProperties(
    _ properties: [PropertySchema.PropertyEntry], required: [String], owner: String
  ) -> [PropertyDeclaration] {
    let requiredSet = Set(required)
    var usedNames: Set<String> = ["objectEntries"]
    return properties.map { property in
      PropertyDeclaration(
        awsName: property.name,
        swiftName: Self.unique(Naming.lowerCamel(property.name), in: &usedNames, suffix: "Value"),
        kind: kind(for: property.schema, propertyName: property.name, owner: owner),
        isRequired: requiredSet.contains(property.name),
        documentation: Self.documentation(
          property.name, property.schema, required: requiredSet.contains(property.name), replaces: false))
    }
  }

  /// Registers an inline nested type, reusing an identical one of the same name;
  /// a different one with the name gets its owner's name in front.
  private mutating func nested(_ type: NestedType, owner: String) -> SwiftType {
    if let existing = nestedTypes.first(where: { $0.name == type.name }), Self.sameContent(existing, type) {
      return qualify(existing.name)
    }
    if !claimedNames.contains(type.name) && type.name != name && type.name != namespace {
      claimedNames.insert(type.name)
      nestedTypes.append(type)
      return qualify(type.name)
    }
    let prefixed = Self.renamed(type, Naming.upperCamel(owner) + type.name)
    if let existing = nestedTypes.first(where: { $0.name == prefixed.name }), Self.sameContent(existing, prefixed) {
      return qualify(existing.name)
    }
    let final = Self.renamed(type, claim(prefixed.name, owner: ""))
    nestedTypes.append(final)
    return qualify(final.name)
  }

  /// Claims a free nested type name: `name`, or `name2`, `name3`…
  private mutating func claim(_ typeName: String, owner: String) -> String {
    var candidate = typeName
    var counter = 2
    while claimedNames.contains(candidate) || candidate == name || candidate == namespace {
      candidate = typeName + String(counter)
      counter += 1
    }
    claimedNames.insert(candidate)
    return candidate
  }

  /// The kind of this resource type's nested type `typeName`.
  private func qualify(_ typeName: String) -> SwiftType {
    .nested(namespace: namespace, resource: name, name: typeName)
  }

  private func source(_ owner: String, _ property: String) -> String {
    owner == name ? "\(schema.typeName).\(property)" : "\(schema.typeName).\(owner).\(property)"
  }

  /// The kind `!GetAtt` gives for a read-only property at `pointer`
  /// (`Arn`, `Endpoint/Address`), following `$ref`s at every step: a
  /// primitive or a list of primitives is typed, anything else is JSON.
  private func attributeKind(_ pointer: String) -> SwiftType {
    let parts = pointer.split(separator: "/").map(String.init)
    guard let first = parts.first, var current = schema.properties.first(where: { $0.name == first })?.schema else {
      return .json
    }
    for part in parts.dropFirst() {
      guard case .object(let properties, _) = resolved(current), let next = properties.first(where: { $0.name == part })
      else { return .json }
      current = next.schema
    }
    func primitive(_ schema: PropertySchema) -> SwiftType? {
      switch resolved(schema) {
      case .string, .formattedString, .enumeration: .string
      case .integer, .number: .number
      case .boolean: .boolean
      default: nil
      }
    }
    if let kind = primitive(current) { return kind }
    if case .array(let items) = resolved(current), let kind = primitive(items) { return .list(kind) }
    return .json
  }

  /// `schema` with its `$ref`s followed to the definition they name (a cycle
  /// of references stays a reference).
  private func resolved(_ schema: PropertySchema) -> PropertySchema {
    var current = schema
    var seen: Set<String> = []
    while case .reference(let definition) = current, seen.insert(definition).inserted,
      let target = self.schema.definition(definition)
    {
      current = target
    }
    return current
  }

  // MARK: - Helpers

  static func safeTypeName(_ name: String, suffix: String) -> String {
    reservedTypeNames.contains(name) ? name + suffix : name
  }

  static func unique(_ name: String, in used: inout Set<String>, suffix: String) -> String {
    var candidate = name
    if used.contains(candidate) { candidate = name + suffix }
    var counter = 2
    while used.contains(candidate) {
      candidate = name + suffix + String(counter)
      counter += 1
    }
    used.insert(candidate)
    return candidate
  }

  static func enumerationCases(_ values: [String]) -> [EnumerationCase] {
    var used: Set<String> = []
    return values.map { value in
      EnumerationCase(swiftName: unique(naturalCaseName(value), in: &used, suffix: "Value"), rawValue: value)
    }
  }

  /// The case `value` gets unless another value of its enum took the name first.
  package static func naturalCaseName(_ value: String) -> String {
    value.isEmpty ? "empty" : Naming.caseName(value)
  }

  private static func sameContent(_ left: NestedType, _ right: NestedType) -> Bool {
    switch (left, right) {
    case (.enumeration(_, _, let a), .enumeration(_, _, let b)): a == b
    case (.object(_, _, let a), .object(_, _, let b)): a == b
    default: false
    }
  }

  private static func renamed(_ type: NestedType, _ newName: String) -> NestedType {
    switch type {
    case .object(_, let source, let properties): .object(name: newName, source: source, properties: properties)
    case .enumeration(_, let source, let cases): .enumeration(name: newName, source: source, cases: cases)
    }
  }

  /// What the schema says about a property, as a doc comment: the registry
  /// schemas cfn-lint ships carry no descriptions, so the facts stand in for one.
  static func documentation(_ awsName: String, _ schema: PropertySchema, required: Bool, replaces: Bool) -> [String] {
    var line = "`\(awsName)`: \(describe(schema))."
    if required { line += " Required." }
    if replaces { line += " Changing it replaces the resource." }
    return [line]
  }

  static func describe(_ schema: PropertySchema) -> String {
    switch schema {
    case .string: "a string"
    case .formattedString(let format): "a string (`\(format)`)"
    case .enumeration(let values):
      values.count <= 6
        ? "one of " + values.map { "`\($0)`" }.joined(separator: ", ") : "one of \(values.count) allowed strings"
    case .integer: "an integer"
    case .number: "a number"
    case .boolean: "a boolean"
    case .array(let items): "a list of \(plural(items))"
    case .map(let values): "a map of names to \(plural(values))"
    case .object: "an object"
    case .reference(let name): "a `\(name)`"
    case .json: "free-form JSON (the schema allows several shapes)"
    }
  }

  private static func plural(_ schema: PropertySchema) -> String {
    switch schema {
    case .string, .formattedString, .enumeration: "strings"
    case .integer: "integers"
    case .number: "numbers"
    case .boolean: "booleans"
    case .array: "lists"
    case .map: "maps"
    case .object: "objects"
    case .reference(let name): "`\(name)` values"
    case .json: "JSON values"
    }
  }
}
