import CloudFormation

// The keys of objects: free-form objects, mappings at both levels, `!Sub`
// variable maps and the template's metadata.
extension RandomTemplateGenerator {
  /// Up to ``maximumKeyValuePairs`` entries of one object with hostile keys,
  /// distinct code point by code point (`é` and `e\u{301}` are two keys) and
  /// from `besides`, the keys the renderer writes into the same object. An
  /// object whose only key names a function (`Ref`, `Fn::If`) would be read
  /// back as that function call, so such a key gets a companion. Deliberately,
  /// now and then, a key repeats one of the object's, or a function's name is
  /// the object's only key.
  mutating func entries<Value>(depth: Int, besides: [String] = [], _ value: (inout Self, Int) -> Value)
    -> [(key: String, value: Value)]
  {
    if besides.isEmpty && faulty(.loneFunctionKey) {
      let key = pick(IntrinsicFunction.allCases.filter { $0 != .condition }).longName
      fault("the object's only key is \(key), so it reads as that function")
      return [(key: key, value: value(&self, depth))]
    }
    var result: [(key: String, value: Value)] = []
    for _ in 0..<Int.random(in: 0...maximumKeyValuePairs, using: &strings.random) {
      var key = self.key()
      if !result.isEmpty && faulty(.repeatedKey) {
        key = pick(result).key
        fault("the key \(String(reflecting: key)) is given twice in one object")
      } else if (besides + result.map(\.key)).contains(where: { $0.unicodeScalars.elementsEqual(key.unicodeScalars) }) {
        continue
      }
      result.append((key: key, value: value(&self, depth)))
    }
    if besides.isEmpty, result.count == 1, Self.namesFunction(result[0].key) {
      var companion = key()
      while companion.unicodeScalars.elementsEqual(result[0].key.unicodeScalars) { companion = key() }
      result.append((key: companion, value: value(&self, depth)))
    }
    return result
  }

  /// Whether an object whose only key is `key` is a function call to
  /// CloudFormation: `Ref` or any `Fn::` name (one it does not know is refused).
  /// (`Condition` is one only where a condition is expected, and no object of
  /// the generator stands there.)
  static func namesFunction(_ key: String) -> Bool {
    IntrinsicFunction(longName: key).map { $0 != .condition } ?? IntrinsicFunction.isUnknownFunctionName(key)
  }

  /// A key: hostile, a word, or a name CloudFormation gives meaning to. Never a
  /// `Fn::ForEach::` key, which must hold a loop.
  mutating func key() -> String {
    switch roll(100) {
    case 0..<70: return text()
    case 70..<90: return word()
    default:
      return pick([
        IntrinsicFunction.ref.longName, IntrinsicFunction.sub.longName, IntrinsicFunction.getAtt.longName,
        IntrinsicFunction.if.longName, IntrinsicFunction.condition.longName, "<<", Self.interfaceKey, "Properties",
      ])
    }
  }
}
