import TemplateSyntax

/// Generates random templates as documents for the diff's property tests:
/// parameters, mappings, conditions, resources and outputs holding random
/// expressions, `Fn::ForEach` loops among the resources and conditions,
/// sometimes a `Transform`, `Metadata` and `Rules`.
///
/// ```swift
/// var generator = RandomDocumentGenerator(seed: 7)
/// let document = generator.document()
/// ```
public struct RandomDocumentGenerator {
  public var values: RandomExpressionGenerator

  public init(seed: UInt64) {
    values = RandomExpressionGenerator(seed: seed, maximumDepth: 3)
  }

  /// Resource types from the catalog (so that a diff computes their impact) and one it lacks.
  static let resourceTypes = [
    "AWS::EC2::VPC", "AWS::S3::Bucket", "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::Logs::LogGroup",
    "AWS::IAM::Role", "AWS::EC2::SecurityGroup", "Custom::Thing",
  ]

  public mutating func document() -> TemplateDocument {
    var entries: [Expression.ObjectEntry] = [.init(TemplateSection.formatVersion.key, .string("2010-09-09"))]
    func add(_ section: TemplateSection, _ value: Expression) { entries.append(.init(section.key, value)) }
    if values.strings.chance(50) { add(.description, .string(values.text())) }
    if values.strings.chance(20) { add(.metadata, values.object(depth: 1)) }
    if values.strings.chance(70) { add(.parameters, section(count: 1 + values.number(below: 3)) { $0.parameter() }) }
    if values.strings.chance(20) { add(.rules, section(count: 1) { $0.rule() }) }
    if values.strings.chance(30) { add(.mappings, section(count: 1 + values.number(below: 2)) { $0.mapping() }) }
    if values.strings.chance(50) {
      var conditions = section(count: 1 + values.number(below: 3)) { $0.values.condition(depth: 1) }
      if values.strings.chance(20), case .object(var items, _) = conditions {
        items.append(values.forEachEntry(depth: 2) { generator, depth in generator.condition(depth: depth) })
        conditions = .object(items, ordering: .asWritten)
      }
      add(.conditions, conditions)
    }
    if values.strings.chance(20) {
      add(
        .transform,
        values.strings.chance(50)
          ? .string("AWS::LanguageExtensions")
          : .list([.string("AWS::Serverless-2016-10-31"), .string("AWS::LanguageExtensions")]))
    }
    var resources = section(count: 1 + values.number(below: 4)) { $0.resource() }
    if values.strings.chance(25), case .object(var items, _) = resources {
      items.append(values.forEachEntry(depth: 1) { generator, _ in Self.resourceBody(&generator) })
      resources = .object(items, ordering: .asWritten)
    }
    add(.resources, resources)
    if values.strings.chance(60) { add(.outputs, section(count: 1 + values.number(below: 2)) { $0.output() }) }
    return TemplateDocument(entries: entries)
  }

  // MARK: - Entries

  private mutating func section(count: Int, _ entry: (inout RandomDocumentGenerator) -> Expression) -> Expression {
    var items: [Expression.ObjectEntry] = []
    var names = Set<String>()
    while items.count < count {
      let name = values.name() + String(values.number(below: 100))
      guard names.insert(name).inserted else { continue }
      items.append(.init(name, entry(&self)))
    }
    return .object(items, ordering: .asWritten)
  }

  private func object(_ entries: [(String, Expression)]) -> Expression {
    .object(entries.map { Expression.ObjectEntry($0.0, $0.1) }, ordering: .asWritten)
  }

  private mutating func parameter() -> Expression {
    var fields: [(String, Expression)] = [
      (ParameterKey.type.rawValue, .string(values.strings.pick(["String", "Number"])))
    ]
    if values.strings.chance(60) { fields.append((ParameterKey.default.rawValue, values.scalar())) }
    if values.strings.chance(30) {
      fields.append((ParameterKey.allowedValues.rawValue, .list([values.scalar(), values.scalar()])))
    }
    return object(fields)
  }

  private mutating func rule() -> Expression {
    object([
      (RuleKey.ruleCondition.rawValue, values.condition(depth: 1)),
      (RuleKey.assertions.rawValue, .list([object([(RuleKey.assert.rawValue, values.condition(depth: 1))])])),
    ])
  }

  private mutating func mapping() -> Expression {
    object([(values.name(), values.object(depth: 2)), (values.name() + "x", values.object(depth: 2))])
  }

  private mutating func resource() -> Expression {
    Self.resourceBody(&values)
  }

  static func resourceBody(_ values: inout RandomExpressionGenerator) -> Expression {
    var fields: [Expression.ObjectEntry] = [
      .init(ResourceKey.type.rawValue, .string(values.strings.pick(resourceTypes)))
    ]
    if values.strings.chance(20) { fields.append(.init(ResourceKey.condition.rawValue, .string(values.name()))) }
    if values.strings.chance(20) { fields.append(.init(ResourceKey.dependsOn.rawValue, .string(values.name()))) }
    if values.strings.chance(10) {
      fields.append(.init(ResourceKey.deletionPolicy.rawValue, .string(values.strings.pick(["Retain", "Delete"]))))
    }
    if values.strings.chance(85) {
      var properties = values.objectEntries(count: 1 + values.number(below: 4), depth: 1) { generator, depth in
        generator.expression(depth: depth)
      }
      if values.strings.chance(10) {
        properties.append(values.forEachEntry(depth: 2) { generator, depth in generator.expression(depth: depth) })
      }
      fields.append(.init(ResourceKey.properties.rawValue, .object(properties, ordering: .asWritten)))
    }
    return .object(fields, ordering: .asWritten)
  }

  private mutating func output() -> Expression {
    var fields: [(String, Expression)] = [(OutputKey.value.rawValue, values.expression(depth: 1))]
    if values.strings.chance(40) {
      fields.append((OutputKey.export.rawValue, object([(OutputKey.exportName, values.expression(depth: 2))])))
    }
    return object(fields)
  }
}
