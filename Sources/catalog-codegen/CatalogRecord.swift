import ResourceSchemas
import YAML

/// One resource type's facts as the catalog stores them (the translate stage:
/// schema JSON in, property paths out).
struct CatalogRecord: Equatable {
  var typeName: String
  var createOnlyProperties: [String]
  var conditionalCreateOnlyProperties: [String]
  var readOnlyProperties: [String]
  var isStateful: Bool

  /// Reads the lists of `schema`, the registry schema of `typeName`.
  init(typeName: String, schema: YAMLNode, isStateful: Bool) throws {
    try Self.check(typeName, of: typeName, what: "type name")
    self.typeName = typeName
    createOnlyProperties = try Self.paths("createOnlyProperties", in: schema, of: typeName)
    conditionalCreateOnlyProperties = try Self.paths("conditionalCreateOnlyProperties", in: schema, of: typeName)
    readOnlyProperties = try Self.paths("readOnlyProperties", in: schema, of: typeName)
    self.isStateful = isStateful
  }

  /// Every type of `registry`, in the registry's order (sorted by type name).
  static func load(from registry: SchemaRegistry) throws -> [CatalogRecord] {
    let typeNames = registry.files.map(\.typeName)
    let stateful = try registry.statefulTypeNames()
    let known = Set(typeNames)
    for typeName in stateful where !known.contains(typeName) {
      StandardError.print("catalog-codegen: warning: \(typeName) is stateful but not in the registry; ignored")
    }
    let statefulSet = Set(stateful)
    return try typeNames.map { typeName in
      try CatalogRecord(
        typeName: typeName, schema: registry.schemaDocument(for: typeName),
        isStateful: statefulSet.contains(typeName))
    }
  }

  /// The JSON pointers listed under `key`, without their `/properties/` prefix,
  /// in the schema's order; none when the key is absent.
  private static func paths(_ key: String, in schema: YAMLNode, of typeName: String) throws -> [String] {
    guard let node = schema[key] else { return [] }
    guard let items = node.sequence?.items else {
      throw CodegenError.invalidSchema(typeName: typeName, problem: "has a \(key) that is not a list")
    }
    let prefix = "/properties/"
    return try items.map { item in
      guard let pointer = item.stringValue, pointer.hasPrefix(prefix), pointer.count > prefix.count else {
        throw CodegenError.invalidSchema(
          typeName: typeName, problem: "lists \(item) in \(key), which is not a /properties/… JSON pointer")
      }
      let path = String(pointer.dropFirst(prefix.count))
      try check(path, of: typeName, what: "\(key) entry")
      return path
    }
  }

  /// Rejects text that the catalog's line format (`|` and `,` separators, a raw
  /// Swift string literal) cannot hold.
  private static func check(_ text: String, of typeName: String, what: String) throws {
    let forbidden: Set<Character> = ["|", ",", "\\", "\"", "#", " ", "\t", "\r", "\n"]
    if let character = text.first(where: { forbidden.contains($0) || !$0.isASCII }) {
      throw CodegenError.invalidSchema(
        typeName: typeName,
        problem: "has the \(what) '\(text)' with the character \(character.debugDescription), "
          + "which the catalog's line format cannot hold; extend the format in catalog-codegen and ResourceCatalog")
    }
  }
}
