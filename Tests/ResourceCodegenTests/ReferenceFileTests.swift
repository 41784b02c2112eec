import ResourceCodegen
import ResourceSchemas
import TestSupport
import Testing
import YAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let testsDirectory = String(#filePath.prefix(upTo: #filePath.lastIndex(of: "/")!))
let packageRoot = testsDirectory.replacingAll("/Tests/ResourceCodegenTests", with: "")

/// File-based reference tests: pinned copies of four registry schemas go
/// through all three stages and must give exactly the committed Swift. Set
/// `RECORD_REFERENCES=1` to rewrite the expected files after a deliberate change
/// (CI never does), then review them like code.
@Suite("Reference files")
struct ReferenceFileTests {
  @Test(
    "pinned schemas generate the committed Swift",
    arguments: [
      "ElasticLoadBalancingV2Listener", "ElasticLoadBalancingV2TargetGroup", "ECSService", "ECSTaskDefinition",
    ])
  func reference(name: String) throws {
    let schemaText = try readText("\(testsDirectory)/Fixtures/Schemas/\(name).json")
    let document = try YAMLParser().parse(SchemaRegistry.rewritingSurrogateEscapes(schemaText))
    let typeName = try #require(document["typeName"]?.stringValue)
    var translator = Translator(schema: try SchemaParser.parse(SchemaPatches.apply(to: document, typeName: typeName)))
    let actual = SwiftRenderer.render(translator.translate(), generatorNote: "pinned reference schema")
    let expectedPath = "\(testsDirectory)/Fixtures/Expected/\(name).swift.expected"
    if getenv("RECORD_REFERENCES") != nil {
      try FileWriter.writeAtomically(expectedPath, actual)
      return
    }
    let expected = try readText(expectedPath)
    if let difference = firstDifference(expected: expected, actual: actual) {
      Issue.record("\(name) differs from Fixtures/Expected/\(name).swift.expected\n\(difference)")
    }
  }
}
