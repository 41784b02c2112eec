import CloudFormation
import YAMLCorpus

/// Generates random templates through the public `CloudFormation` API only:
/// parameters of every kind with constraints, mappings, conditions, rules,
/// hand-declared resources with every attribute, outputs with exports, and
/// values that nest every intrinsic function inside every other. Strings are
/// hostile everywhere (keys, values, descriptions, comments, `!Sub` text): YAML
/// 1.1 and 1.2 look-alikes, indicators, quotes, control characters, combining
/// accents, emoji, line separators, very long and empty strings. References
/// mostly point at what the template declares; a few templates hold deliberate
/// errors, listed in ``GeneratedTemplate/faults``.
///
/// ```swift
/// var generator = RandomTemplateGenerator(seed: 2026)
/// for _ in 0..<1000 {
///   let generated = generator.template()
///   _ = try? generated.template.json()
/// }
/// ```
///
/// The same seed gives the same templates in every process and on every machine.
public struct RandomTemplateGenerator {
  /// The source of hostile strings, and of every random choice (its `random`).
  var strings: RandomTreeGenerator
  var context = TemplateContext()

  /// The deepest nesting of intrinsic functions and collections in a value.
  static let maximumDepth = 3

  /// A generator whose templates are determined by `seed`.
  public init(seed: UInt64) {
    strings = RandomTreeGenerator(seed: seed)
  }

  /// The next random template.
  public mutating func template() -> GeneratedTemplate {
    context = TemplateContext()
    context.pendingFault = chance(10) ? pick(FaultKind.allCases) : nil

    var elements = parameters()
    elements += parameterGroups()
    elements += mappings()
    for _ in 0..<Int.random(in: 1...6, using: &strings.random) {
      let id = logicalID("Resource", section: context.resourceIDs, clashesWith: context.parameterIDs)
      context.resourceIDs.append(id)
    }
    elements += conditions()
    elements += rules()
    elements += resources()
    elements += outputs()

    let description = maybe(70) { $0.text() }
    var transform: [String] = []
    for _ in 0..<Int.random(in: 0...2, using: &strings.random) {
      transform.append(chance(70) ? pick(["AWS::Serverless-2016-10-31", "AWS::LanguageExtensions"]) : text())
    }
    let metadata = metadata(beside: elements)
    let template = Template(description: description, transform: transform, metadata: keyValuePairs(metadata)) {
      elements
    }
    return GeneratedTemplate(template: template, faults: context.faults)
  }

  // MARK: - Random choices

  mutating func chance(_ percent: Int) -> Bool {
    Int.random(in: 0..<100, using: &strings.random) < percent
  }

  mutating func pick<T>(_ values: [T]) -> T {
    values[Int.random(in: 0..<values.count, using: &strings.random)]
  }

  mutating func roll(_ count: Int) -> Int {
    Int.random(in: 0..<count, using: &strings.random)
  }

  /// `make`'s value `percent` times in 100, else `nil`.
  mutating func maybe<T>(_ percent: Int, _ make: (inout Self) -> T) -> T? {
    chance(percent) ? make(&self) : nil
  }

  /// Whether to put the template's deliberate error here, when it is of `kind`
  /// and not in yet: `percent` times in 100, so that of a kind's many places
  /// the first does not always take it (100 where its places are few).
  mutating func faulty(_ kind: FaultKind, percent: Int = 50) -> Bool {
    guard context.pendingFault == kind, chance(percent) else { return false }
    context.pendingFault = nil
    return true
  }

  /// Records an error of the template (see ``GeneratedTemplate/faults``).
  mutating func fault(_ sentence: String) {
    context.faults.append(sentence)
  }
}
