import SyntaxCorpus
import SystemSupport
import TemplateSyntax
import Testing
import YAML
import YAMLCorpus

@testable import TemplateDiff

#if canImport(Glibc)
  import Glibc
#endif

/// `gen diff` on random templates: every spelling of a template diffs equal to
/// it; one random semantic change diffs unequal and names the entry it is in.
/// Seeded (`DIFF_PROPERTY_SEED`, `DIFF_PROPERTY_CASES`); a failure prints the seed and case.
@Suite("Diff properties")
struct DiffPropertyTests {
  static let seed = UInt64(environmentValue("DIFF_PROPERTY_SEED") ?? "") ?? 2026
  static let cases = Int(environmentValue("DIFF_PROPERTY_CASES") ?? "") ?? 5000

  static func environmentValue(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// The ways a template is written: short-form YAML, long-form YAML, JSON, and
  /// a random respelling (mixed forms, shuffled keys, other styles, numbers as strings).
  static func spellings(_ document: TemplateDocument, respeller: inout Respeller) throws -> [(String, String)] {
    let short = document.node(form: .short)
    return [
      ("short YAML", try YAMLEmitter().string(from: short)),
      ("long YAML", try YAMLEmitter().string(from: document.node(form: .long))),
      ("JSON", try JSONWriter().string(from: document.node(form: .long))),
      ("respelled YAML", try YAMLEmitter().string(from: respeller.respell(short, typesToo: false))),
      ("respelled YAML with types", try YAMLEmitter().string(from: respeller.respell(short, typesToo: true))),
    ]
  }

  @Test("spellings diff equal; one semantic change diffs unequal and names its entry")
  func spellingsAndChanges() throws {
    var generator = RandomDocumentGenerator(seed: Self.seed)
    var respeller = Respeller(random: SeededRandom(seed: Self.seed ^ 0x5EED))
    var mutator = Mutator(random: SeededRandom(seed: Self.seed ^ 0xC4A6))
    var failures = 0
    var changesChecked = 0
    for index in 0..<Self.cases where failures < 5 {
      let document = generator.document()
      let spellings = try Self.spellings(document, respeller: &respeller)
      let canonical = try TemplateDocument(parsing: spellings[0].1)
      for (name, text) in spellings.dropFirst() {
        let difference = TemplateDiffer.compare(old: canonical, new: try TemplateDocument(parsing: text))
        if !difference.isEmpty {
          failures += 1
          Issue.record(
            """
            seed \(Self.seed) case \(index): \(name) differs from short YAML:
            \(DifferenceRenderer.text(difference))
            --- short YAML
            \(spellings[0].1)--- \(name)
            \(text)
            """)
        }
      }
      guard let (changed, site) = mutator.mutate(document) else { continue }
      changesChecked += 1
      let changedText = try Self.spellings(changed, respeller: &respeller)[index % 5].1
      let difference = TemplateDiffer.compare(old: canonical, new: try TemplateDocument(parsing: changedText))
      let named = difference.sections.contains { section in
        section.name == site.section && section.entries.contains { $0.logicalID == site.logicalID }
      }
      if !named {
        failures += 1
        Issue.record(
          """
          seed \(Self.seed) case \(index): \(site) not reported:
          \(DifferenceRenderer.text(difference))
          --- before
          \(spellings[0].1)--- after
          \(changedText)
          """)
      }
    }
    #expect(changesChecked > Self.cases * 9 / 10)
  }
}
