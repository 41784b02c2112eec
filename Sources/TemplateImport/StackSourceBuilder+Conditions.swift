import ResourceNames
import TemplateSyntax
import YAML

extension StackSourceBuilder {
  mutating func readMappings(_ entries: [Expression.ObjectEntry]) throws {
    for entry in entries {
      let path = ExpressionPath.key(TemplateSection.mappings.key).appending(key: entry.key)
      beginEntry(entry.key) { planner in
        for top in entry.value.objectEntries ?? [] {
          for second in top.value.objectEntries ?? [] {
            planner.plan(second.value, as: .json, at: path.appending(key: top.key).appending(key: second.key))
          }
        }
      }
      guard let topLevel = entry.value.objectEntries else {
        throw ImportError("a mapping must be a mapping of keys to mappings", at: path)
      }
      let rows = try topLevel.map { top -> String in
        guard let second = top.value.objectEntries else {
          throw ImportError("a mapping's top-level key must hold a mapping", at: path.appending(key: top.key))
        }
        let values = try second.map {
          "\(SwiftSource.literal($0.key)): \(try writer.value($0.value, as: .json, at: path.appending(key: top.key).appending(key: $0.key)))"
        }
        return "\(SwiftSource.literal(top.key)): [\(values.isEmpty ? ":" : values.joined(separator: ", "))]"
      }
      let identifier = writer.names.mappings[entry.key]!
      declareSplitValues(under: "Mappings")
      declare(
        Declaration(
          comment: Self.commentLines(entry.comment),
          code:
            "static let \(identifier) = Mapping(\(SwiftSource.literal(entry.key)), [\(rows.isEmpty ? ":" : rows.joined(separator: ", "))])"
        ), under: "Mappings")
      elements.append(identifier)
    }
  }

  mutating func readConditions(_ entries: [Expression.ObjectEntry]) throws {
    for entry in entries {
      if IntrinsicFunction.isForEachKey(entry.key) {
        try readLoop(entry, in: .conditions, title: "Conditions")
        continue
      }
      let path = ExpressionPath.key(TemplateSection.conditions.key).appending(key: entry.key)
      let identifier = writer.names.conditions[entry.key]!
      declare(
        Declaration(
          comment: Self.commentLines(entry.comment),
          code:
            "static let \(identifier) = Condition(\(SwiftSource.literal(entry.key)), \(try condition(entry.value, at: path)))"
        ), under: "Conditions")
      elements.append(identifier)
    }
  }

  mutating func readRules(_ entries: [Expression.ObjectEntry]) throws {
    for entry in entries {
      let path = ExpressionPath.key(TemplateSection.rules.key).appending(key: entry.key)
      guard let fields = entry.value.objectEntries,
        fields.allSatisfy({ [RuleKey.ruleCondition.rawValue, RuleKey.assertions.rawValue].contains($0.key) }),
        let assertions = entry.value[RuleKey.assertions.rawValue]?.listItems
      else {
        throw ImportError("a rule must have Assertions and at most a RuleCondition", at: path)
      }
      var arguments = [SwiftSource.literal(entry.key)]
      if let ruleCondition = entry.value[RuleKey.ruleCondition.rawValue] {
        arguments.append(
          "when: \(try condition(ruleCondition, at: path.appending(key: RuleKey.ruleCondition.rawValue)))")
      }
      let items = try assertions.enumerated().map { index, assertion -> String in
        let itemPath = path.appending(key: RuleKey.assertions.rawValue).appending(.index(index))
        guard let assertFields = assertion.objectEntries,
          assertFields.allSatisfy({ [RuleKey.assert.rawValue, RuleKey.assertDescription.rawValue].contains($0.key) }),
          let assert = assertion[RuleKey.assert.rawValue]
        else { throw ImportError("an assertion must have an Assert and at most an AssertDescription", at: itemPath) }
        let description = assertion[RuleKey.assertDescription.rawValue]
        guard description == nil || description?.stringValue != nil else {
          throw ImportError("an AssertDescription must be text", at: itemPath)
        }
        return "(assert: \(try condition(assert, at: itemPath.appending(key: RuleKey.assert.rawValue))), "
          + "description: \(description?.stringValue.map(SwiftSource.literal) ?? "nil"))"
      }
      arguments.append("assertions: [\(items.joined(separator: ", "))]")
      let identifier = writer.names.rules[entry.key]!
      declare(
        Declaration(
          comment: Self.commentLines(entry.comment),
          code: "static let \(identifier) = Rule(\(arguments.joined(separator: ", ")))"), under: "Rules")
      elements.append(identifier)
    }
  }

  /// A condition function as a `ConditionExpression`: `.equals(environment.ref, "prod")`.
  mutating func condition(_ expression: Expression, at path: ExpressionPath) throws -> String {
    switch expression {
    case .equals(let left, let right):
      let kind = equalsKind(left) ?? equalsKind(right) ?? .string
      var leftCode = try writer.value(left, as: kind, at: path.appending(.index(0)))
      let rightCode = try writer.value(right, as: kind, at: path.appending(.index(1)))
      if !ValueWriter.isReference(leftCode) && !ValueWriter.isReference(rightCode) {
        // Two literals say no type: the first one states it.
        leftCode = try writer.typed(left, as: kind, at: path.appending(.index(0)))
      }
      return ".equals(\(leftCode), \(rightCode))"
    case .and(let items):
      return
        ".and([\(try items.enumerated().map { try condition($1, at: path.appending(.index($0))) }.joined(separator: ", "))])"
    case .or(let items):
      return
        ".or([\(try items.enumerated().map { try condition($1, at: path.appending(.index($0))) }.joined(separator: ", "))])"
    case .not(let item):
      return ".not(\(try condition(item, at: path.appending(.index(0)))))"
    case .condition(let name):
      return ".condition(\(try writer.conditionName(name, at: path)))"
    default:
      return ".init(\(try ExpressionSource.write(expression, at: path)))"
    }
  }

  /// The kind both sides of an `!Equals` are written as: the first side's that says one.
  private func equalsKind(_ expression: Expression) -> KindName? {
    switch expression {
    case .scalar(let scalar):
      switch scalar.value {
      case .integer, .float: return .number
      case .boolean: return .boolean
      case .string: return .string
      case .null: return nil
      }
    case .ref(let name):
      return writer.names.parameters[name]?.kind
        ?? (Pseudo(rawValue: name) == .notificationARNs ? .list(.string) : .string)
    case .sub, .join, .base64, .getAtt: return .string
    default: return nil
    }
  }
}
