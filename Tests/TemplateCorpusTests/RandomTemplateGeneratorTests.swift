import CloudFormation
import TemplateCorpus
import Testing
import YAML

@Suite("Random templates through the public API")
struct RandomTemplateGeneratorTests {
  /// The YAML, or the error, of each of the first `count` templates of `seed`.
  static func renderings(seed: UInt64, count: Int) -> [String] {
    var generator = RandomTemplateGenerator(seed: seed)
    return (0..<count).map { _ in
      let template = generator.template().template
      do { return try template.yaml() } catch { return "refused: \(error)" }
    }
  }

  @Test("the same seed gives the same templates; another seed, others")
  func seeded() {
    let first = Self.renderings(seed: 11, count: 40)
    #expect(first == Self.renderings(seed: 11, count: 40))
    #expect(first != Self.renderings(seed: 12, count: 40))
  }

  @Test("every intrinsic function appears, nested, in templates that validate")
  func coverage() {
    var generator = RandomTemplateGenerator(seed: 2026)
    var tags: [String: Int] = [:]
    var nested = 0
    var meantToValidate = 0
    for _ in 0..<300 {
      let generated = generator.template()
      if generated.isMeantToValidate { meantToValidate += 1 }
      guard let node = try? generated.template.render() else { continue }
      Self.visit(node, insideTag: false) { tag, isNested in
        tags[tag, default: 0] += 1
        if isNested { nested += 1 }
      }
    }
    let expected = [
      "!Ref", "!GetAtt", "!Sub", "!Join", "!Select", "!Split", "!GetAZs", "!If", "!FindInMap", "!ImportValue",
      "!Base64", "!Cidr", "!Length", "!ToJsonString", "!Equals", "!And", "!Or", "!Not", "!Condition",
    ]
    for tag in expected {
      #expect(tags[tag, default: 0] > 0, "no \(tag) in 300 templates")
    }
    #expect(nested > 1000)
    #expect(meantToValidate > 250, "most templates are meant to validate")
    #expect(meantToValidate < 300, "some templates hold deliberate errors")
  }

  /// Calls `found` with each tag in `node` and whether it stands inside another tagged node.
  static func visit(_ node: YAMLNode, insideTag: Bool, _ found: (String, Bool) -> Void) {
    if let tag = node.tag { found(tag, insideTag) }
    let inside = insideTag || node.tag != nil
    switch node {
    case .scalar: break
    case .sequence(let sequence):
      for item in sequence.items { visit(item, insideTag: inside, found) }
    case .mapping(let mapping):
      for entry in mapping.entries { visit(entry.value, insideTag: inside, found) }
    }
  }
}
