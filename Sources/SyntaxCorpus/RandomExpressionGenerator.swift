import TemplateSyntax
import YAML
import YAMLCorpus

/// Generates random expression trees for the round-trip and diff property tests:
/// every intrinsic function inside every other (one-argument functions wrapping
/// others, `Fn::ForEach` loops, `Fn::Transform`, the rule functions), with the
/// hostile strings of ``RandomTreeGenerator`` everywhere.
///
/// The trees are the ones the syntax can carry: no tagged scalars, no
/// non-finite numbers, no repeated keys, no object spelled like a function,
/// `!Condition` only where a condition is expected, loops only under a
/// `Fn::ForEach::` key.
///
/// ```swift
/// var generator = RandomExpressionGenerator(seed: 7)
/// let value = generator.expression()
/// ```
public struct RandomExpressionGenerator {
  public var strings: RandomTreeGenerator
  /// The deepest nesting.
  public var maximumDepth: Int

  public init(seed: UInt64, maximumDepth: Int = 4) {
    strings = RandomTreeGenerator(seed: seed, includesNonFiniteFloats: false)
    self.maximumDepth = maximumDepth
  }

  // MARK: - Values

  /// A random value.
  public mutating func expression(depth: Int = 0) -> Expression {
    let roll = number(below: 100)
    if depth >= maximumDepth || roll < 35 { return scalar() }
    if roll < 45 { return .list((0..<number(below: 4)).map { _ in expression(depth: depth + 1) }) }
    if roll < 58 { return object(depth: depth + 1) }
    return function(depth: depth + 1)
  }

  /// A random condition: a condition function or `!Condition`.
  public mutating func condition(depth: Int = 0) -> Expression {
    if depth >= maximumDepth { return .condition(name()) }
    switch number(below: 6) {
    case 0: return .condition(name())
    case 1: return .equals(expression(depth: depth + 1), expression(depth: depth + 1))
    case 2: return .and((0..<2 + number(below: 3)).map { _ in condition(depth: depth + 1) })
    case 3: return .or((0..<2 + number(below: 3)).map { _ in condition(depth: depth + 1) })
    case 4: return .not(condition(depth: depth + 1))
    default: return .contains(expression(depth: depth + 1), expression(depth: depth + 1))
    }
  }

  /// A random literal: a hostile string most often, numbers, booleans, null.
  public mutating func scalar() -> Expression {
    switch number(below: 100) {
    case 0..<62: return .string(text())
    case 62..<76: return .scalar(.integer(strings.pick([0, 1, -1, 80, 443, 8000, Int.max, Int.min, 123_456])))
    case 76..<86: return .scalar(.float(strings.pick([0.5, -2.25, 1e16, 1e-7, 100.0, 0.0, 3.14159])))
    case 86..<95: return .scalar(.boolean(strings.chance(50)))
    default: return .scalar(.null)
    }
  }

  /// An object with distinct keys, none spelled like a function or a loop.
  public mutating func object(depth: Int) -> Expression {
    let entries = objectEntries(count: number(below: 4), depth: depth) { generator, depth in
      generator.expression(depth: depth)
    }
    return .object(entries, ordering: strings.chance(30) ? .sortedKeys : .asWritten)
  }

  /// A random function call; its arguments are random values (conditions where conditions go).
  public mutating func function(depth: Int) -> Expression {
    func value() -> Expression { expression(depth: depth) }
    switch number(below: 28) {
    case 0: return .ref(name())
    case 1:
      let attribute = strings.chance(20) ? name() + "." + name() : strings.chance(10) ? text() : name()
      return .getAtt(resource: name(), attribute: attribute)
    case 2: return .sub(text(), variables: [])
    case 3:
      let variables = objectEntries(count: 1 + number(below: 2), depth: depth) { generator, depth in
        generator.expression(depth: depth)
      }
      return .sub(text(), variables: variables)
    case 4: return .join(delimiter: strings.pick(["", ",", ":", "-", " "]), value())
    case 5: return .select(index: value(), value())
    case 6: return .split(delimiter: strings.pick([",", "|", "/"]), value())
    case 7: return .getAZs(strings.chance(50) ? .string("") : value())
    case 8: return .if(condition: name(), value(), value())
    case 9: return .findInMap(mapping: name(), value(), value())
    case 10: return .findInMap(mapping: name(), value(), value(), defaultValue: value())
    case 11: return .importValue(value())
    case 12: return .base64(value())
    case 13: return .cidr(value(), count: value(), cidrBits: value())
    case 14: return .length(value())
    case 15: return .toJsonString(value())
    case 16:
      let parameters = objectEntries(count: number(below: 3), depth: depth) { generator, depth in
        generator.expression(depth: depth)
      }
      return .transform(name: strings.pick(["AWS::Include", "MyMacro", text()]), parameters: parameters)
    case 17: return .equals(value(), value())
    case 18: return .and([condition(depth: depth), condition(depth: depth)])
    case 19: return .not(condition(depth: depth))
    case 20: return .eachMemberEquals(value(), value())
    case 21: return .eachMemberIn(value(), value())
    case 22: return .refAll(strings.pick(["AWS::EC2::VPC::Id", "String", text()]))
    case 23: return .valueOf(parameter: name(), attribute: text())
    case 24: return .valueOfAll(parameterType: text(), attribute: text())
    case 25: return .computedRef(.sub("${\(name())}" + name(), variables: []))
    case 26:
      let attribute: Expression = strings.chance(50) ? .string(name()) : .ref(name())
      return .computedGetAtt(resource: .sub(name() + "${\(name())}", variables: []), attribute: attribute)
    default: return .or([condition(depth: depth), condition(depth: depth), condition(depth: depth)])
    }
  }

  /// A `Fn::ForEach::Name` entry: `[identifier, collection, {outputs}]`.
  public mutating func forEachEntry(depth: Int, outputValue: (inout RandomExpressionGenerator, Int) -> Expression)
    -> Expression.ObjectEntry
  {
    let identifier = name()
    let outputs = objectEntries(count: 1 + number(below: 2), depth: depth) { generator, depth in
      outputValue(&generator, depth)
    }
    let keyed = outputs.map { Expression.ObjectEntry($0.key + "${\(identifier)}", $0.value) }
    let collection: Expression = strings.chance(50) ? .list([.string(name()), .string(name())]) : .ref(name())
    return .init(
      IntrinsicFunction.forEachPrefix + name(),
      .forEach(identifier: identifier, collection: collection, outputs: keyed))
  }

  // MARK: - Pieces

  /// Entries with distinct keys that no reader takes for a function or a loop.
  public mutating func objectEntries(
    count: Int, depth: Int, value: (inout RandomExpressionGenerator, Int) -> Expression
  ) -> [Expression.ObjectEntry] {
    var entries: [Expression.ObjectEntry] = []
    var keys = Set<String>()
    while entries.count < count {
      let key = strings.chance(50) ? name() : text()
      guard !Self.isFunctionLike(key), keys.insert(key).inserted else { continue }
      entries.append(.init(key, value(&self, depth)))
    }
    return entries
  }

  /// Keys a reader would take for a function or a loop (in a one-key object).
  public static func isFunctionLike(_ key: String) -> Bool {
    IntrinsicFunction(longName: key) != nil || key.utf8.starts(with: IntrinsicFunction.functionPrefix.utf8)
  }

  /// A logical-ID-like name.
  public mutating func name() -> String {
    strings.pick(["VPC", "Bucket", "Queue", "Topic", "Env", "IsProd", "Sizes", "Web", "Name", "Zone"])
      + (strings.chance(30) ? String(number(below: 10)) : "")
  }

  /// Any text, hostile or not.
  public mutating func text() -> String { strings.string() }

  public mutating func number(below limit: Int) -> Int {
    Int.random(in: 0..<limit, using: &strings.random)
  }
}
