import ResourceCodegen
import ResourceSchemas
import Testing
import YAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let testsDirectory = String(#filePath.prefix(upTo: #filePath.lastIndex(of: "/")!))
let packageRoot = testsDirectory.replacingAll("/Tests/ResourceCodegenTests", with: "")

/// The first difference between two texts, with a few lines of context, so a
/// failure reads like a diff.
func firstDifference(expected: String, actual: String) -> String? {
  guard expected != actual else { return nil }
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  var index = 0
  while index < min(expectedLines.count, actualLines.count) && expectedLines[index] == actualLines[index] { index += 1 }
  var report = ["first difference at line \(index + 1):"]
  for line in expectedLines[max(0, index - 2)..<min(expectedLines.count, index + 3)] { report.append("- \(line)") }
  for line in actualLines[max(0, index - 2)..<min(actualLines.count, index + 3)] { report.append("+ \(line)") }
  return report.joined(separator: "\n")
}

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
