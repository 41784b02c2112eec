import SyntaxCorpus
import Testing
import YAML

@testable import TemplateSyntax

/// The contract of the layer: reading what it writes gives the same tree, in
/// every form and format. Random trees, seeded; a failure prints the seed and case.
@Suite("Round trips")
struct RoundTripTests {
  static let seed: UInt64 = 2026
  static let cases = 3000

  /// Writes `expression` in `form`, as YAML text or JSON text, parses it and reads it back.
  static func roundTrip(_ expression: Expression, form: ExpressionWriter.Form, json: Bool, isCondition: Bool = false)
    throws -> (Expression, [SyntaxNote])
  {
    let node = ExpressionWriter(form: form).node(for: expression)
    let text = json ? try JSONWriter().string(from: node) : try YAMLEmitter().string(from: node)
    var reader = ExpressionReader()
    let read = reader.read(json ? try JSONParser().parse(text) : try YAMLParser().parse(text), isCondition: isCondition)
    return (read, reader.notes)
  }

  @Test("random values: short and long form, YAML and JSON, read back as the same tree")
  func values() throws {
    var generator = RandomExpressionGenerator(seed: Self.seed)
    var failures = 0
    for index in 0..<Self.cases where failures < 3 {
      let isCondition = index % 5 == 0
      let expression = isCondition ? generator.condition() : generator.expression()
      let expected = expression.inOutputOrder
      for (form, json) in [(ExpressionWriter.Form.short, false), (.long, false), (.long, true)] {
        let (read, notes) = try Self.roundTrip(expression, form: form, json: json, isCondition: isCondition)
        if read != expected || !notes.isEmpty {
          failures += 1
          let text = try YAMLEmitter().string(from: ExpressionWriter(form: form).node(for: expression))
          Issue.record(
            "seed \(Self.seed) case \(index) (\(form), \(json ? "JSON" : "YAML")): read back \(read), expected \(expected), notes \(notes)\n\(text)"
          )
        }
      }
    }
  }

  @Test("random templates: the document read back from YAML and from JSON is the document written")
  func documents() throws {
    var generator = RandomDocumentGenerator(seed: Self.seed)
    var failures = 0
    for index in 0..<1000 where failures < 3 {
      let document = generator.document()
      let expected = TemplateDocument(entries: document.entries.map { .init($0.key, $0.value.inOutputOrder) })
      for (form, json) in [(ExpressionWriter.Form.short, false), (.long, true)] {
        let node = document.node(form: form)
        let text = json ? try JSONWriter().string(from: node) : try YAMLEmitter().string(from: node)
        let read = try TemplateDocument(parsing: text)
        if read != expected || !read.notes.isEmpty {
          failures += 1
          Issue.record("seed \(Self.seed) case \(index) (\(json ? "JSON" : "YAML")): notes \(read.notes)\n\(text)")
        }
      }
    }
  }
}
