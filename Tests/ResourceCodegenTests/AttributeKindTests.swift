import ResourceCodegen
import ResourceSchemas
import Testing
import YAML

/// `!GetAtt` attributes are typed from the schema: what the read-only
/// property's schema says, read here straight from the JSON (through `$ref`s
/// and nested paths), is the attribute's Swift kind, for every registry type.
@Suite("Attribute kinds")
struct AttributeKindTests {
  @Test("every read-only attribute of every registry type has its schema's type")
  func everyAttribute() throws {
    guard let directory = installedSchemaDirectory() else { return }
    let registry = try SchemaRegistry(dataDirectory: directory)
    let generator = ServiceGenerator(registry: registry, generatorNote: "test")
    var checked = 0
    var typed = 0
    for typeName in registry.files.map(\.typeName) {
      let document = SchemaPatches.apply(to: try registry.schemaDocument(for: typeName), typeName: typeName)
      let declaration = try generator.translate(typeName)
      for attribute in declaration.attributes {
        let pointer = attribute.awsName.split(separator: ".").map(String.init)
        let expected = Self.kind(at: pointer, in: document)
        #expect(attribute.kind == expected, "\(typeName).\(attribute.awsName)")
        checked += 1
        if expected != .json { typed += 1 }
      }
    }
    #expect(checked > 3_000)
    print("attribute kinds: \(checked) attributes checked, \(typed) typed, \(checked - typed) JSON")
  }

  @Test("S3.Bucket.arn is text, through its $ref")
  func bucketARN() throws {
    guard let directory = installedSchemaDirectory() else { return }
    let generator = ServiceGenerator(registry: try SchemaRegistry(dataDirectory: directory), generatorNote: "test")
    let bucket = try generator.translate("AWS::S3::Bucket")
    #expect(bucket.attributes.first { $0.awsName == "Arn" }?.kind == .string)
  }

  /// The Swift kind of the schema at `path` under `properties`.
  static func kind(at path: [String], in document: YAMLNode) -> SwiftType {
    var node = document["properties"]?[path[0]]
    for part in path.dropFirst() {
      node = resolved(node, in: document)?["properties"]?[part]
    }
    func primitive(_ node: YAMLNode?) -> SwiftType? {
      let node = resolved(node, in: document)
      if node?["enum"] != nil && node?["type"] == nil { return .string }
      switch node?["type"]?.stringValue {
      case "string": return .string
      case "integer", "number": return .number
      case "boolean": return .boolean
      default: return nil
      }
    }
    if let kind = primitive(node) { return kind }
    let schema = resolved(node, in: document)
    if schema?["type"]?.stringValue == "array", let item = primitive(schema?["items"]) { return .list(item) }
    return .json
  }

  /// `node` with its `$ref: #/definitions/Name` followed.
  static func resolved(_ node: YAMLNode?, in document: YAMLNode) -> YAMLNode? {
    var current = node
    var hops = 0
    while let reference = current?["$ref"]?.stringValue, hops < 16 {
      current = document["definitions"]?[String(reference.split(separator: "/").last ?? "")]
      hops += 1
    }
    return current
  }
}
