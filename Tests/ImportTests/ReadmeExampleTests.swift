import TemplateImport
import TemplateSyntax
import TestSupport
import Testing

/// The README's "Bring your own template" example is what `gen import` writes.
@Suite("The README's gen import example")
struct ReadmeExampleTests {
  @Test("the YAML block after \"A smaller template:\" imports to the Swift block after it")
  func example() throws {
    let readme = try readTextFile("\(packageRoot)/README.md")
    let start = try #require(readme.firstRange(of: "A smaller template:\n\n```yaml\n"))
    let rest = readme[start.upperBound...]
    let yamlEnd = try #require(rest.firstRange(of: "```\n"))
    let template = String(rest[..<yamlEnd.lowerBound])
    let swiftStart = try #require(rest.firstRange(of: "```swift\n"))
    let swiftEnd = try #require(rest[swiftStart.upperBound...].firstRange(of: "```\n"))
    let shown = String(rest[swiftStart.upperBound..<swiftEnd.lowerBound])

    var importer = StackImporter()
    let stack = try importer.importStack(try TemplateDocument(parsing: template), name: "Jobs", sourceName: "jobs.yml")
    let written = try SwiftFormatter.format(stack.source, asFile: "\(packageRoot)/Sources/MyStacks/Jobs.swift")
    if let difference = firstDifference(expected: shown, actual: written) {
      Issue.record("the README shows other Swift than gen import writes for its example\n\(difference)\n\(written)")
    }
  }
}
