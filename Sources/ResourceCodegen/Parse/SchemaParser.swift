import YAML

/// Parse stage: a registry schema document (JSON read as a YAML tree) → ``ResourceSchema``.
package enum SchemaParser {
  package static func parse(_ document: YAMLNode) throws -> ResourceSchema {
    guard let typeName = document["typeName"]?.stringValue else {
      throw CodegenError.schema(typeName: "?", problem: "the schema has no typeName")
    }
    let properties = sortedEntries(document["properties"]?.mapping).map { (name: $0.0, schema: propertySchema($0.1)) }
    let definitions = sortedEntries(document["definitions"]?.mapping).map { (name: $0.0, schema: propertySchema($0.1)) }
    // `allOf: [{required: […]}]` requires as surely as `required` does.
    var required = strings(document["required"])
    var alternatives: [[String]] = []
    for constraint in document["allOf"]?.sequence?.items ?? [] {
      required += strings(constraint["required"]).filter { !required.contains($0) }
      alternatives += requiredAlternatives(constraint)
    }
    alternatives += requiredAlternatives(document)
    var schema = ResourceSchema(
      typeName: typeName, properties: properties, required: required,
      readOnlyProperties: pointers(document["readOnlyProperties"]),
      createOnlyProperties: pointers(document["createOnlyProperties"]), definitions: definitions)
    schema.requiredAlternatives = alternatives
    schema.example = SchemaExample.of(document, in: document, isResource: true)
    return schema
  }

  /// The `required` lists of a `oneOf`/`anyOf` whose branches only require
  /// properties (the first set that applies is used for samples).
  private static func requiredAlternatives(_ node: YAMLNode) -> [[String]] {
    guard let branches = (node["oneOf"] ?? node["anyOf"])?.sequence?.items,
      branches.allSatisfy({ $0.mapping?.stringKeys.allSatisfy { $0 == "required" } ?? false })
    else { return [] }
    return [branches.first.map { strings($0["required"]) } ?? []]
  }

  /// One property's schema.
  package static func propertySchema(_ node: YAMLNode) -> PropertySchema {
    guard let mapping = node.mapping else { return .json }
    if let reference = node["$ref"]?.stringValue {
      return definitionName(reference).map { .reference($0) } ?? .json
    }
    if let values = node["enum"]?.sequence?.items {
      let strings = values.compactMap(\.stringValue)
      if strings.count == values.count && !strings.isEmpty { return .enumeration(strings) }
    }
    let type = node["type"]
    if let types = type?.sequence?.items {
      // A list of types (`["string", "object"]`, a policy given as JSON or as text).
      let names = Set(types.compactMap(\.stringValue))
      if names == ["integer", "number"] { return .number }
      return .json
    }
    switch type?.stringValue {
    case "string":
      if let format = node["format"]?.stringValue { return .formattedString(format) }
      return .string
    case "integer": return .integer
    case "number": return .number
    case "boolean": return .boolean
    case "array":
      guard let items = node["items"] else { return .array(.json) }
      return .array(propertySchema(items))
    case "object":
      return objectSchema(node, mapping)
    case nil:
      if node["properties"] != nil { return objectSchema(node, mapping) }
      if let alternatives = node["oneOf"] ?? node["anyOf"] { return alternativesSchema(alternatives) }
      return .json
    default:
      return .json
    }
  }

  private static func objectSchema(_ node: YAMLNode, _ mapping: YAMLMapping) -> PropertySchema {
    if let properties = node["properties"]?.mapping, !properties.entries.isEmpty {
      return .object(
        properties: sortedEntries(properties).map { PropertySchema.PropertyEntry($0.0, propertySchema($0.1)) },
        required: strings(node["required"]))
    }
    if let patterns = node["patternProperties"]?.mapping, !patterns.entries.isEmpty {
      let schemas = Set(patterns.entries.map { propertySchema($0.value) })
      return schemas.count == 1 ? .map(schemas.first!) : .map(.json)
    }
    if let additional = node["additionalProperties"], additional.mapping != nil {
      return .map(propertySchema(additional))
    }
    if let alternatives = node["oneOf"] ?? node["anyOf"] { return alternativesSchema(alternatives) }
    return .json
  }

  /// `oneOf`/`anyOf` used as a choice of types: one kind when every branch agrees,
  /// free-form JSON otherwise.
  private static func alternativesSchema(_ alternatives: YAMLNode) -> PropertySchema {
    let branches = (alternatives.sequence?.items ?? []).map(propertySchema)
    guard let first = branches.first, branches.allSatisfy({ $0 == first }) else { return .json }
    return first
  }

  private static func sortedEntries(_ mapping: YAMLMapping?) -> [(String, YAMLNode)] {
    (mapping?.entries ?? []).compactMap { entry in entry.key.stringValue.map { ($0, entry.value) } }
      .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
  }

  private static func strings(_ node: YAMLNode?) -> [String] {
    node?.sequence?.items.compactMap(\.stringValue) ?? []
  }

  /// `Name` for the reference `#/definitions/Name`; nil for any other reference.
  static func definitionName(_ reference: String) -> String? {
    let prefix = "#/definitions/"
    return reference.hasPrefix(prefix) ? String(reference.dropFirst(prefix.count)) : nil
  }

  /// The JSON pointers below `/properties/` in a list of pointers (`readOnlyProperties`…).
  static func pointers(_ node: YAMLNode?) -> [String] {
    strings(node).compactMap { pointer in
      let prefix = "/properties/"
      return pointer.hasPrefix(prefix) ? String(pointer.dropFirst(prefix.count)) : nil
    }
  }
}

/// Problems of code generation, each naming the type and what to do.
package enum CodegenError: Error, CustomStringConvertible, Equatable {
  case schema(typeName: String, problem: String)
  case usage(String)
  case io(String)

  package var description: String {
    switch self {
    case .schema(let typeName, let problem): "schema of \(typeName): \(problem)"
    case .usage(let message): message
    case .io(let message): message
    }
  }
}
