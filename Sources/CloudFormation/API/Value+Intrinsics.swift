// The intrinsic functions, as static members of `Value` so that they read as
// values where a value is expected: `value: .sub("${AWS::StackName}-vpc")`.

extension Value where Kind == String {
  /// `!Sub text`: substitutes `${Parameter}`, `${Resource}`, `${Resource.Attribute}`
  /// and `${AWS::Region}`-style pseudo parameters. `${!Literal}` writes `${Literal}`.
  public static func sub(_ text: String) -> Value { Value(.sub(text, variables: [])) }

  /// `!Sub [text, {Name: value, …}]`: substitutes the given variables too (kept in order).
  public static func sub(_ text: String, _ variables: KeyValuePairs<String, Value<String>>) -> Value {
    Value(.sub(text, variables: variables.map { Expression.ObjectEntry($0.key, $0.value.expression) }))
  }

  /// `!Join [delimiter, list]`.
  public static func join(_ delimiter: String, _ list: Value<[String]>) -> Value {
    Value(.join(delimiter: delimiter, list.expression))
  }

  /// `!Base64 value`.
  public static func base64(_ value: Value<String>) -> Value { Value(.base64(value.expression)) }

  /// `!ToJsonString value`.
  public static func toJsonString(_ value: Value<JSON>) -> Value { Value(.toJsonString(value.expression)) }
}

extension Value where Kind == [String] {
  /// `!Split [delimiter, source]`.
  public static func split(_ delimiter: String, _ source: Value<String>) -> Value {
    Value(.split(delimiter: delimiter, source.expression))
  }

  /// `!GetAZs region`; the stack's own region when `region` is omitted (`!GetAZs ""`).
  public static func getAZs(_ region: Value<String> = "") -> Value { Value(.getAZs(region.expression)) }

  /// `!Cidr [ipBlock, count, cidrBits]`.
  public static func cidr(_ ipBlock: Value<String>, count: Value<Number>, cidrBits: Value<Number>) -> Value {
    Value(.cidr(ipBlock.expression, count: count.expression, cidrBits: cidrBits.expression))
  }
}

extension Value where Kind == Number {
  /// `!Length list`.
  public static func length<Element>(_ list: Value<[Element]>) -> Value { Value(.length(list.expression)) }
}

extension Value {
  /// `!Select [index, list]`.
  public static func select(_ index: Value<Number>, _ list: Value<[Kind]>) -> Value {
    Value(.select(index: index.expression, list.expression))
  }

  /// `!If [condition, whenTrue, whenFalse]`.
  public static func `if`(_ condition: Condition, _ whenTrue: Value, _ whenFalse: Value) -> Value {
    Value(.if(condition: condition.logicalID, whenTrue.expression, whenFalse.expression))
  }

  /// `!FindInMap [mapping, topLevelKey, secondLevelKey]`.
  public static func findInMap(_ mapping: Mapping, _ topLevelKey: Value<String>, _ secondLevelKey: Value<String>)
    -> Value
  {
    Value(.findInMap(mapping: mapping.logicalID, topLevelKey.expression, secondLevelKey.expression))
  }

  /// `!ImportValue name`: an output another stack exports.
  public static func importValue(_ name: Value<String>) -> Value { Value(.importValue(name.expression)) }

  /// `!Ref AWS::NoValue`: removes the property, typically in one branch of `.if`.
  public static var noValue: Value { Value(.ref(Pseudo.noValue.rawValue)) }
}
