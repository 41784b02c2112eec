import TemplateImport
import TemplateSyntax
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Swift `gen import` writes for small templates, one construct family
/// each, compared with the reviewed text in `Snapshots/<Name>.swift.txt`.
/// Run with `RECORD_SNAPSHOTS=1` to rewrite them after a deliberate change,
/// and review the difference like code.
@Suite("gen import writes the reviewed Swift")
struct ImportSnapshotTests {
  @Test(
    "each construct's Swift",
    arguments: ["parameters.yaml", "intrinsics.yaml", "resources.yaml", "casts.yaml", "rules.json"])
  func snapshot(file: String) throws {
    let directory = "\(testsDirectory)/Snapshots"
    let document = try TemplateDocument(parsing: try readTextFile("\(directory)/\(file)"))
    let name = StackImporter.typeName(forFile: file)
    var importer = StackImporter()
    let stack = try importer.importStack(document, name: name, sourceName: file)
    // Formatted with the package's .swift-format, as gen import formats a stack written into it.
    let actual = try SwiftFormatter.format(stack.source, asFile: "\(directory)/\(name).swift")
    let expectedPath = "\(directory)/\(name).swift.txt"
    if getenv("RECORD_SNAPSHOTS") != nil {
      try writeFileAtomically(expectedPath, Array(actual.utf8))
      return
    }
    let expected = try readTextFile(expectedPath)
    if let difference = firstDifference(expected: expected, actual: actual) {
      Issue.record("the Swift of \(file) differs from Snapshots/\(name).swift.txt\n\(difference)")
    }
  }

  @Test("type names come from file names; logical IDs become Swift names, leading capitals lowered")
  func names() {
    #expect(StackImporter.typeName(forFile: "templates/deploy-canary.yml") == "DeployCanary")
    #expect(StackImporter.typeName(forFile: "01-s3_bucket.json") == "Stack01S3Bucket")
    #expect(StackImporter.typeName(forFile: "---.yaml") == "ImportedStack")
    // A name that would hide a type the stack uses inside it gets a suffix.
    #expect(StackImporter.typeName(forFile: "EC2.yaml") == "EC2Stack")
    #expect(StackImporter.typeName(forFile: "template.yml") == "TemplateStack")
    #expect(!StackImporter.isValidTypeName("Value"))
    #expect(!StackImporter.isValidTypeName("my-stack"))
  }
}
