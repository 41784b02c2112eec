import CloudFormation
import TemplateCorpus
import Testing

@Suite("The validator's rules on values, as the generator knows them")
struct ValueRuleTests {
  /// The rules each of the first 1,500 templates of seed 2026 breaks, with whether it is meant to validate.
  static let breaches: [(broken: Set<ValueRule>, isMeantToValidate: Bool)] = {
    var generator = RandomTemplateGenerator(seed: 2026)
    return (0..<1500).map { _ in
      let generated = generator.template()
      return (ValueRuleBreaches(generated.template).broken, generated.isMeantToValidate)
    }
  }()

  @Test("a template meant to validate breaks none of them")
  func meantToValidate() {
    for (index, template) in Self.breaches.enumerated() where template.isMeantToValidate {
      #expect(template.broken.isEmpty, "template \(index) breaks \(template.broken) although meant to validate")
    }
  }

  @Test("each is broken on purpose now and then", arguments: ValueRule.allCases)
  func brokenOnPurpose(rule: ValueRule) {
    #expect(Self.breaches.contains { $0.broken.contains(rule) })
  }
}
