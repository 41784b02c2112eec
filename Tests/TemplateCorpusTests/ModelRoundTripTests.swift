import CloudFormation
import TemplateCorpus
import Testing
import YAML

/// The round-trip contract from the model's side: every template the model
/// renders, read back from its YAML or its JSON, is the document it rendered
/// (keys a schema types sorted, as written). Random templates through the
/// public API, hostile strings included; a failure prints the seed and case.
@Suite("The model's templates read back as rendered")
struct ModelRoundTripTests {
  static let seed: UInt64 = 2026

  @Test("yaml() and json() of 1,000 random templates read back as the rendered document")
  func readBack() throws {
    var generator = RandomTemplateGenerator(seed: Self.seed)
    var checked = 0
    var failures = 0
    for index in 0..<1000 where failures < 3 {
      let template = generator.template().template
      guard let document = try? template.document() else { continue }
      checked += 1
      let expected = TemplateDocument(entries: document.entries.map { .init($0.key, $0.value.inOutputOrder) })
      for (format, text) in [("YAML", try template.yaml()), ("JSON", try template.json())] {
        let read = try TemplateDocument(parsing: text)
        if read != expected || !read.notes.isEmpty {
          failures += 1
          Issue.record(
            "seed \(Self.seed) case \(index): the \(format) reads back otherwise; notes \(read.notes)\n\(text)")
        }
      }
    }
    #expect(checked > 800)
  }
}
