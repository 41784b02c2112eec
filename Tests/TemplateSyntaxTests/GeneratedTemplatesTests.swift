import TestSupport
import Testing
import YAML

@testable import TemplateSyntax

/// Every committed template reads and writes back to the same bytes: the
/// layer's reading and writing are each other's inverse on real output.
@Suite("Committed templates round-trip")
struct GeneratedTemplatesTests {
  static let generated = SyntaxOwnershipTests.packageRoot + "/Generated"

  static var files: [String] {
    let listing = (try? runProcess(["ls", generated]))?.outputText ?? ""
    return listing.split(separator: "\n").map(String.init).filter { $0.hasSuffix(".yml") }.sorted()
  }

  @Test("reading each template under Generated/ and writing it again gives the same bytes", arguments: files)
  func sameBytes(_ file: String) throws {
    let text = try readTextFile(Self.generated + "/" + file)
    let document = try TemplateDocument(parsing: text)
    #expect(document.notes.isEmpty)
    let written = try YAMLEmitter().string(from: document.node(form: .short))
    #expect(written == text, "\(firstDifference(expected: text, actual: written) ?? "")")
  }

  @Test("there are templates to check")
  func found() {
    #expect(Self.files.count >= 2)
  }
}
