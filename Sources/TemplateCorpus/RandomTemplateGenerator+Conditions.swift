import CloudFormation

// The Conditions and Rules sections, and condition functions.
extension RandomTemplateGenerator {
  /// Conditions on parameters, pseudo parameters, mappings and earlier conditions.
  mutating func conditions() -> [TemplateElement] {
    context.allowsResources = false
    context.allowsIf = false
    context.allowsConditionReference = true
    var elements: [TemplateElement] = []
    for _ in 0..<Int.random(in: 0...5, using: &strings.random) {
      let id = logicalID("Condition", section: context.conditions.map(\.logicalID))
      let condition = Condition(id, conditionExpression(depth: 1))
      context.conditions.append(condition)
      elements += Self.elements(condition)
    }
    return elements
  }

  /// Rules: assertions on parameters, with an optional rule condition.
  mutating func rules() -> [TemplateElement] {
    context.allowsConditionReference = false
    var elements: [TemplateElement] = []
    var ids: [String] = []
    for _ in 0..<Int.random(in: 0...2, using: &strings.random) {
      let id = logicalID("Rule", section: ids)
      ids.append(id)
      let ruleCondition = maybe(40) { $0.conditionExpression(depth: 2) }
      var assertions: [(assert: ConditionExpression, description: String?)] = []
      for _ in 0..<Int.random(in: 1...3, using: &strings.random) {
        assertions.append((assert: conditionExpression(depth: 2), description: maybe(60) { $0.text() }))
      }
      elements += Self.elements(Rule(id, when: ruleCondition, assertions: assertions))
    }
    return elements
  }

  /// `.equals` of any two values of one type, `.and` and `.or` of 2 to 10
  /// conditions, `.not`, and `.condition` where it may stand (now and then,
  /// deliberately, naming a condition the template does not declare, or `.and`
  /// and `.or` of too few or too many).
  mutating func conditionExpression(depth: Int) -> ConditionExpression {
    if depth >= 3 || chance(50) { return equals(depth: depth) }
    switch roll(4) {
    case 0, 1:
      let isAnd = chance(50)
      var count = Int.random(in: 2...3, using: &strings.random)
      if faulty(.conditionCount) {
        count = pick([0, 1, 11])
        fault("\(isAnd ? "!And" : "!Or") of \(count) conditions, not 2 to 10")
      }
      var operands: [ConditionExpression] = []
      for _ in 0..<count { operands.append(conditionExpression(depth: depth + 1)) }
      return isAnd ? .and(operands) : .or(operands)
    case 2: return .not(conditionExpression(depth: depth + 1))
    default:
      guard context.allowsConditionReference else { return equals(depth: depth) }
      if faulty(.undeclaredCondition) {
        let ghost = Condition(ghostID(), .equals(Value<String>("a"), "a"))
        fault("!Condition \(ghost.logicalID) names a condition the template does not declare")
        return .condition(ghost)
      }
      return context.conditions.isEmpty ? equals(depth: depth) : .condition(pick(context.conditions))
    }
  }

  mutating func equals(depth: Int) -> ConditionExpression {
    switch roll(10) {
    case 0..<6: .equals(stringValue(depth: depth + 1), stringValue(depth: depth + 1))
    case 6, 7: .equals(numberValue(depth: depth + 1), numberValue(depth: depth + 1))
    case 8: .equals(jsonValue(depth: depth + 1), jsonValue(depth: depth + 1))
    default: .equals(listValue(depth: depth + 1), listValue(depth: depth + 1))
    }
  }

  /// Now and then, deliberately, `!Condition` where a value is expected (only
  /// a condition may hold it), in a template that declares a condition.
  mutating func misplacedCondition() -> Value<JSON>? {
    guard !context.conditions.isEmpty, faulty(.misplacedCondition) else { return nil }
    let condition = pick(context.conditions)
    fault("!Condition \(condition.logicalID) stands where a value is expected")
    return Value(ConditionExpression.condition(condition).expression)
  }

  @TemplateBuilder static func elements(_ condition: Condition) -> [TemplateElement] {
    condition
  }

  @TemplateBuilder static func elements(_ rule: Rule) -> [TemplateElement] {
    rule
  }
}
