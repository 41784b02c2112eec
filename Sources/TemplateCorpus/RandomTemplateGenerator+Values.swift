import CloudFormation

// Typed values: literals, references and every intrinsic function, nested in
// one another up to `maximumDepth`.
extension RandomTemplateGenerator {
  // MARK: - Strings

  mutating func stringValue(depth: Int) -> Value<String> {
    if depth >= Self.maximumDepth || chance(45) { return stringLeaf() }
    switch roll(20) {
    case 0, 1, 2: return .sub(subText(variables: []))
    case 3, 4:
      let variables = entries(depth: depth + 1) { $0.stringValue(depth: $1) }
      return .sub(subText(variables: variables.map(\.key)), keyValuePairs(variables))
    case 5, 6: return .join(text(), listValue(depth: depth + 1))
    case 7, 8: return .select(numberValue(depth: depth + 1), listValue(depth: depth + 1))
    case 9: return .base64(stringValue(depth: depth + 1))
    case 10: return .importValue(stringValue(depth: depth + 1))
    case 11, 12: return ifValue { $0.stringValue(depth: depth + 1) } ?? stringLeaf()
    case 13, 14: return findInMap(depth: depth) ?? stringLeaf()
    case 15: return toJsonString(depth: depth + 1)
    default: return resource().map { $0.getAtt(attributeName()) } ?? stringLeaf()
    }
  }

  /// `.toJsonString` of an object, a list or a function: a scalar, which it
  /// cannot take, is wrapped in a list, except now and then, deliberately.
  mutating func toJsonString(depth: Int) -> Value<String> {
    if faulty(.scalarToJsonString, percent: 100) {
      fault("!ToJsonString of a scalar, which takes an object or a list")
      return .toJsonString(jsonScalar())
    }
    let value = jsonValue(depth: depth)
    guard case .scalar = value.expression else { return .toJsonString(value) }
    let list: [Value<JSON>] = [value]
    return .toJsonString(Value(list))
  }

  mutating func stringLeaf() -> Value<String> {
    switch roll(20) {
    case 0..<12: return Value(text())
    case 12, 13: return parameterRef(context.stringParameters) ?? Value(text())
    case 14, 15: return resource()?.ref ?? Value(text())
    case 16: return resource().map { $0.getAtt(attributeName()) } ?? Value(text())
    case 17, 18: return pick([AWS.region, AWS.accountID, AWS.stackName, AWS.stackID, AWS.partition, AWS.urlSuffix])
    default: return .noValue
    }
  }

  // MARK: - Numbers

  mutating func numberValue(depth: Int) -> Value<Number> {
    if depth >= Self.maximumDepth || chance(55) {
      switch roll(10) {
      case 0..<4: return Value(integer())
      case 4..<7: return Value(float())
      default: return parameterRef(context.numberParameters) ?? Value(integer())
      }
    }
    switch roll(6) {
    case 0: return .length(listValue(depth: depth + 1))
    case 1:
      let list = parameterRef(context.numberListParameters) ?? Value([numberValue(depth: depth + 1)])
      return .select(numberValue(depth: depth + 1), list)
    case 2: return ifValue { $0.numberValue(depth: depth + 1) } ?? Value(integer())
    case 3: return findInMap(depth: depth) ?? Value(float())
    case 4: return .importValue(stringValue(depth: depth + 1))
    default: return resource().map { $0.getAtt(attributeName(), as: Number.self) } ?? Value(integer())
    }
  }

  /// Integers, extremes included.
  mutating func integer() -> Int {
    switch roll(4) {
    case 0: pick([0, -1, 1, Int.max, Int.min, 8000, 65535, 15, 123, 1_000_000])
    case 1: Int.random(in: Int.min...Int.max, using: &strings.random)
    default: Int.random(in: -100_000...100_000, using: &strings.random)
    }
  }

  /// Floats: integral ones, extremes, random ones; now and then, deliberately,
  /// infinity or NaN (which JSON cannot express).
  mutating func float() -> Double {
    if faulty(.nonFiniteFloat) {
      let number = pick([Double.infinity, -.infinity, .nan])
      fault("the float \(number) has no JSON form")
      return number
    }
    switch roll(4) {
    case 0:
      return pick([
        0.5, -0.0, 0.0, 1.0, 100.0, 1e16, 1e21, 1e22, 1e-5, 0.1, 123456.789, 1e300, -2.5, .leastNonzeroMagnitude,
        .greatestFiniteMagnitude, 2.5e-308, 9_007_199_254_740_992,
      ])
    case 1: return Double.random(in: -1e6...1e6, using: &strings.random)
    default:
      while true {
        let value = Double(bitPattern: strings.random.next())
        if value.isFinite { return value }
      }
    }
  }

  // MARK: - Lists

  mutating func listValue(depth: Int) -> Value<[String]> {
    if depth >= Self.maximumDepth || chance(40) {
      switch roll(10) {
      case 0..<5:
        var items: [Value<String>] = []
        for _ in 0..<Int.random(in: 0...4, using: &strings.random) { items.append(Value(text())) }
        return Value(items)
      case 5..<8: return parameterRef(context.listParameters) ?? .getAZs()
      case 8: return AWS.notificationARNs
      default: return .getAZs()
      }
    }
    switch roll(9) {
    case 0: return .split(text(), stringValue(depth: depth + 1))
    case 1: return .getAZs(stringValue(depth: depth + 1))
    case 2:
      return .cidr(
        stringValue(depth: depth + 1), count: numberValue(depth: depth + 1), cidrBits: numberValue(depth: depth + 1))
    case 3: return ifValue { $0.listValue(depth: depth + 1) } ?? .getAZs()
    case 4: return findInMap(depth: depth) ?? .getAZs()
    case 5: return .importValue(stringValue(depth: depth + 1))
    case 6: return resource().map { $0.getAtt(attributeName(), as: [String].self) } ?? .getAZs()
    default:
      var items: [Value<String>] = []
      for _ in 0..<Int.random(in: 0...4, using: &strings.random) { items.append(stringValue(depth: depth + 1)) }
      return .list {
        for item in items { item }
      }
    }
  }

  // MARK: - Free-form JSON

  mutating func jsonValue(depth: Int) -> Value<JSON> {
    if let condition = misplacedCondition() { return condition }
    if depth >= Self.maximumDepth || chance(40) { return jsonScalar() }
    switch roll(12) {
    case 0, 1:
      var items: [Value<JSON>] = []
      for _ in 0..<Int.random(in: 0...4, using: &strings.random) { items.append(jsonValue(depth: depth + 1)) }
      return Value(items)
    case 2, 3, 4: return object(depth: depth + 1)
    case 5: return Value(stringValue(depth: depth + 1))
    case 6: return Value(numberValue(depth: depth + 1))
    case 7: return Value(listValue(depth: depth + 1))
    case 8: return ifValue { $0.jsonValue(depth: depth + 1) } ?? jsonScalar()
    case 9:
      var items: [Value<JSON>] = []
      for _ in 0..<Int.random(in: 1...3, using: &strings.random) { items.append(jsonValue(depth: depth + 1)) }
      return .select(numberValue(depth: depth + 1), Value<[JSON]>(items))
    case 10: return findInMap(depth: depth) ?? jsonScalar()
    default: return .importValue(stringValue(depth: depth + 1))
    }
  }

  /// A free-form object (see ``entries(depth:besides:_:)``); now and then,
  /// deliberately, with a `Fn::ForEach::` key that holds no loop.
  mutating func object(depth: Int) -> Value<JSON> {
    var entries = entries(depth: depth) { $0.jsonValue(depth: $1) }
    if entries.count < maximumKeyValuePairs && faulty(.loopKey) {
      let key = IntrinsicFunction.forEachPrefix + word()
      fault("the key \(key) holds no Fn::ForEach loop")
      entries.append((key: key, value: jsonValue(depth: depth)))
    }
    return .map(keyValuePairs(entries))
  }

  /// A string, integer, float, boolean or null.
  mutating func jsonScalar() -> Value<JSON> {
    switch roll(10) {
    case 0..<5: return Value(text())
    case 5, 6: return Value(integer())
    case 7: return Value(float())
    case 8: return Value(chance(50))
    default: return .null
    }
  }

  // MARK: - References

  /// `!Ref` to a parameter of `candidates`, or (deliberately) to one the template does not declare.
  mutating func parameterRef<Kind>(_ candidates: [Parameter<Kind>]) -> Value<Kind>? {
    if faulty(.undeclaredParameter) {
      let ghost = Parameter<String>.string(ghostID())
      fault("!Ref \(ghost.logicalID) refers to a parameter the template does not declare")
      return ghost.ref.cast()
    }
    return candidates.isEmpty ? nil : pick(candidates).ref
  }

  /// A resource the value may refer to, or (deliberately) one the template does not declare.
  mutating func resource() -> UntypedResource? {
    guard context.allowsResources else { return nil }
    if faulty(.undeclaredResource) {
      let ghost = UntypedResource(ghostID(), type: "AWS::SNS::Topic")
      fault("a reference to the resource \(ghost.logicalID), which the template does not declare")
      return ghost
    }
    return context.visibleResources.isEmpty ? nil : pick(context.visibleResources)
  }

  /// `.if` with a declared condition (or, deliberately, one that is not), where `.if` may stand.
  mutating func ifValue<Kind>(_ branch: (inout Self) -> Value<Kind>) -> Value<Kind>? {
    guard context.allowsIf else { return nil }
    let condition: Condition
    if faulty(.undeclaredCondition) {
      condition = Condition(ghostID(), .equals(Value<String>("a"), "a"))
      fault("!If uses the condition \(condition.logicalID), which the template does not declare")
    } else if context.conditions.isEmpty {
      return nil
    } else {
      condition = pick(context.conditions)
    }
    return .if(condition, branch(&self), branch(&self))
  }

  /// `.findInMap` on a declared mapping, mostly with keys it has (or,
  /// deliberately, on one the template does not declare).
  mutating func findInMap<Kind>(depth: Int) -> Value<Kind>? {
    if faulty(.undeclaredMapping) {
      let ghost = Mapping(ghostID(), [:])
      fault("!FindInMap reads the mapping \(ghost.logicalID), which the template does not declare")
      return .findInMap(ghost, Value(text()), Value(text()))
    }
    guard !context.mappings.isEmpty else { return nil }
    let mapping = pick(context.mappings)
    let top = mapping.entries.isEmpty ? nil : pick(Array(mapping.entries))
    let second = top.flatMap { $0.value.isEmpty ? nil : pick(Array($0.value)).key }
    let topKey = chance(80) ? Value<String>(top?.key ?? text()) : stringValue(depth: depth + 1)
    let secondKey = chance(80) ? Value<String>(second ?? text()) : stringValue(depth: depth + 1)
    return .findInMap(mapping, topKey, secondKey)
  }
}
