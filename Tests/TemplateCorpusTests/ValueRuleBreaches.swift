import CloudFormation
import YAML

/// A rule of the validator that keeps every rendered template reading back as
/// written, as the generator must know it.
enum ValueRule: CaseIterable {
  /// No infinite or NaN float, anywhere.
  case finiteFloats
  /// No key twice in one object.
  case distinctKeys
  /// No object whose only key is `Ref` or a `Fn::` function's name.
  case noLoneFunctionKey
  /// No `Fn::ForEach::` key without a loop.
  case noLoopKey
  /// No `!ToJsonString` of a scalar.
  case toJsonStringOfCollections
  /// `!And` and `!Or` of 2 to 10 conditions.
  case conditionCount
  /// `!Condition` only where a condition is expected.
  case conditionsInConditions
  /// No `AWS::CloudFormation::Interface` metadata beside parameter groups or labels.
  case interfaceKeyOnce
  /// No character in a resource comment that a `#` line cannot hold.
  case commentCharacters
}

/// The ``ValueRule``s a template breaks, found by walking the template as
/// built, apart from the validator (which does not yet look everywhere).
struct ValueRuleBreaches {
  private(set) var broken: Set<ValueRule> = []

  init(_ template: Template) {
    for element in template.elements {
      switch element {
      case .parameter(let parameter):
        for value in [parameter.defaultValue].compactMap({ $0 }) + parameter.allowedValues { visit(value) }
        if [parameter.minValue, parameter.maxValue].contains(where: { $0.map { !$0.isFinite } ?? false }) {
          broken.insert(.finiteFloats)
        }
      case .parameterGroup: break
      case .rule(let rule):
        for condition in [rule.ruleCondition].compactMap({ $0 }) + rule.assertions.map(\.assert) {
          visit(condition.expression, isCondition: true)
        }
      case .mapping(let mapping):
        checkKeys(mapping.entries.map(\.key))
        for topLevel in mapping.entries {
          checkKeys(topLevel.value.map(\.key))
          for entry in topLevel.value { visit(entry.value.expression) }
        }
      case .condition(let condition): visit(condition.expression.expression, isCondition: true)
      case .resource(let resource):
        visit(resource.properties)
        let attributes = resource.attributes
        for value in [attributes.updatePolicy, attributes.creationPolicy, attributes.metadata].compactMap({ $0 }) {
          visit(value.expression)
        }
        if let comment = attributes.comment, comment.unicodeScalars.contains(where: Self.cannotStandInComment) {
          broken.insert(.commentCharacters)
        }
      case .output(let output):
        visit(output.value)
        if let exportName = output.exportName { visit(exportName.expression) }
      case .loop(let loop):
        visit(loop.collection.expression)
        for output in loop.outputs { visit(output.value.expression, isCondition: loop.section == .conditions) }
      }
    }
    let keys = template.metadata.map(\.key)
    if Self.rendersInterface(template) {
      if keys.contains("AWS::CloudFormation::Interface") { broken.insert(.interfaceKeyOnce) }
      checkKeys(keys + ["AWS::CloudFormation::Interface"])
    } else {
      checkKeys(keys)
    }
    for entry in template.metadata { visit(entry.value.expression) }
  }

  private mutating func visit(_ expression: Expression, isCondition: Bool = false) {
    switch expression {
    case .scalar(let scalar):
      if case .float(let number) = scalar.value, !number.isFinite { broken.insert(.finiteFloats) }
    case .object(let entries, _):
      checkKeys(entries.map(\.key), isCondition: isCondition)
      if entries.contains(where: { IntrinsicFunction.isForEachKey($0.key) }) { broken.insert(.noLoopKey) }
    case .sub(_, let variables): checkKeys(variables.map(\.key))
    case .toJsonString(.scalar): broken.insert(.toJsonStringOfCollections)
    case .and(let conditions), .or(let conditions):
      if !(2...10).contains(conditions.count) { broken.insert(.conditionCount) }
    case .condition: if !isCondition { broken.insert(.conditionsInConditions) }
    default: break
    }
    let childrenAreConditions = expression.functionCall?.function.takesConditions ?? false
    expression.visitChildren(at: .root) { child, _ in visit(child, isCondition: childrenAreConditions) }
  }

  /// The keys of one object: each once (code point by code point), and not a
  /// function's name alone (`Condition` is one only where a condition is expected).
  private mutating func checkKeys(_ keys: [String], isCondition: Bool = false) {
    let distinct = Set(keys.map { Array($0.unicodeScalars.map(\.value)) })
    if distinct.count < keys.count { broken.insert(.distinctKeys) }
    if keys.count == 1,
      IntrinsicFunction(longName: keys[0]).map({ $0 != .condition || isCondition })
        ?? IntrinsicFunction.isUnknownFunctionName(keys[0])
    {
      broken.insert(.noLoneFunctionKey)
    }
  }

  private static func rendersInterface(_ template: Template) -> Bool {
    template.elements.contains { element in
      switch element {
      case .parameterGroup: true
      case .parameter(let parameter): parameter.label != nil
      default: false
      }
    }
  }

  private static func cannotStandInComment(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: false
    case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
    default: false
    }
  }
}
