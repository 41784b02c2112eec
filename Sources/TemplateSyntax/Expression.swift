import YAML

/// Every value of a template as CloudFormation reads it: a literal, a list, an
/// object, or an intrinsic function with its arguments. The typed `Value` of the
/// `CloudFormation` module wraps it; the renderer writes it, and templates read
/// from YAML or JSON come back as it (``ExpressionReader``), whatever form they
/// were written in: `!GetAtt A.B`, `!GetAtt [A, B]` and `{"Fn::GetAtt": ["A", "B"]}`
/// are all `.getAtt(resource: "A", attribute: "B")`.
///
/// Arguments that CloudFormation takes only as literal text (a `!Ref`'s name, a
/// `!Join`'s delimiter, an `!If`'s condition name) are `String`s; arguments that
/// may be computed are expressions.
public indirect enum Expression: Hashable, Sendable {
  /// A literal scalar: string, number, boolean or null. Never tagged.
  case scalar(YAMLScalar)
  /// A list of values.
  case list([Expression])
  /// An object. Keys a schema types are sorted on output (`ordering: .sortedKeys`);
  /// free-form objects (an IAM policy document, a `Metadata` value) keep the
  /// order they were written in (`ordering: .asWritten`), as does every object read.
  case object([ObjectEntry], ordering: ObjectOrdering)
  /// `!Ref Name`: a parameter, resource or pseudo parameter.
  case ref(String)
  /// `!GetAtt Resource.Attribute`.
  case getAtt(resource: String, attribute: String)
  /// `!Ref` of a computed name, such as `!Ref {Fn::Sub: "${Name}Queue"}` in a
  /// `Fn::ForEach` loop's outputs (`AWS::LanguageExtensions` resolves it).
  case computedRef(Expression)
  /// `!GetAtt [resource, attribute]` with a computed part, such as
  /// `!GetAtt [!Sub "${Name}Queue", Arn]` or `!GetAtt [Bucket, !Ref Property]`
  /// (`AWS::LanguageExtensions`). Either part is a string literal or a function.
  case computedGetAtt(resource: Expression, attribute: Expression)
  /// `!Sub "text ${Name}"`, with an optional variable map (order kept).
  case sub(String, variables: [ObjectEntry])
  /// `!Join [delimiter, list]`.
  case join(delimiter: String, Expression)
  /// `!Select [index, list]`.
  case select(index: Expression, Expression)
  /// `!Split [delimiter, source]`.
  case split(delimiter: String, Expression)
  /// `!GetAZs region` (`""` for the stack's region).
  case getAZs(Expression)
  /// `!If [condition, whenTrue, whenFalse]`.
  case `if`(condition: String, Expression, Expression)
  /// `!Equals [a, b]`.
  case equals(Expression, Expression)
  /// `!And [conditions]`.
  case and([Expression])
  /// `!Or [conditions]`.
  case or([Expression])
  /// `!Not [condition]`.
  case not(Expression)
  /// `!Condition Name`: a named condition inside a condition function.
  case condition(String)
  /// `!FindInMap [mapping, topKey, secondKey]`, with `{DefaultValue: value}` as a
  /// fourth argument when `defaultValue` is given (`AWS::LanguageExtensions`).
  case findInMap(mapping: String, Expression, Expression, defaultValue: Expression? = nil)
  /// `!ImportValue name`.
  case importValue(Expression)
  /// `!Base64 value`.
  case base64(Expression)
  /// `!Cidr [ipBlock, count, cidrBits]`.
  case cidr(Expression, count: Expression, cidrBits: Expression)
  /// `!Length list` (`AWS::LanguageExtensions`).
  case length(Expression)
  /// `!ToJsonString value` (`AWS::LanguageExtensions`): an object or a list as a JSON string.
  case toJsonString(Expression)
  /// `!Transform {Name: macro, Parameters: {…}}`: a macro applied to this part of the template.
  case transform(name: String, parameters: [ObjectEntry])
  /// The value of a `Fn::ForEach::LoopName` key (`AWS::LanguageExtensions`):
  /// `[identifier, collection, {outputKey: outputValue}]`, the outputs repeated
  /// once per item of the collection with `${identifier}` and `&{identifier}` replaced.
  case forEach(identifier: String, collection: Expression, outputs: [ObjectEntry])
  /// `!Contains [list, value]`, in a rule.
  case contains(Expression, Expression)
  /// `!EachMemberEquals [list, value]`, in a rule.
  case eachMemberEquals(Expression, Expression)
  /// `!EachMemberIn [list, allowed]`, in a rule.
  case eachMemberIn(Expression, Expression)
  /// `!RefAll parameterType`, in a rule: the values of every parameter of that type.
  case refAll(String)
  /// `!ValueOf [parameter, attribute]`, in a rule.
  case valueOf(parameter: String, attribute: String)
  /// `!ValueOfAll [parameterType, attribute]`, in a rule.
  case valueOfAll(parameterType: String, attribute: String)

  /// One key/value pair of an object.
  public struct ObjectEntry: Hashable, Sendable {
    public var key: String
    public var value: Expression
    /// Comment lines written above the entry in YAML (`# Network`) and read back
    /// from YAML. Presentation only: ignored by equality.
    public var comment: String?

    public init(_ key: String, _ value: Expression, comment: String? = nil) {
      self.key = key
      self.value = value
      self.comment = comment
    }

    public static func == (left: ObjectEntry, right: ObjectEntry) -> Bool {
      left.key == right.key && left.value == right.value
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(key)
      hasher.combine(value)
    }
  }

  /// How an object's keys are ordered on output.
  public enum ObjectOrdering: Hashable, Sendable {
    /// Sorted by byte order (`Z` before `a`), for keys a resource schema types.
    case sortedKeys
    /// In the order given, for free-form values.
    case asWritten
  }

  /// A string literal.
  public static func string(_ value: String) -> Expression { .scalar(.string(value)) }
  /// An integer literal.
  public static func integer(_ value: Int) -> Expression { .scalar(.integer(value)) }
  /// A float literal.
  public static func float(_ value: Double) -> Expression { .scalar(.float(value)) }
  /// A boolean literal.
  public static func boolean(_ value: Bool) -> Expression { .scalar(.boolean(value)) }
  /// JSON null.
  public static var null: Expression { .scalar(.null) }
}

extension Expression {
  /// The value under `key` when this is an object (keys compared by bytes, as readers compare them).
  public subscript(key: String) -> Expression? {
    guard case .object(let entries, _) = self else { return nil }
    return entries.first { $0.key.utf8.elementsEqual(key.utf8) }?.value
  }

  /// The text when this is a string literal.
  public var stringValue: String? {
    guard case .scalar(let scalar) = self, case .string(let text) = scalar.value else { return nil }
    return text
  }

  /// The entries when this is an object.
  public var objectEntries: [ObjectEntry]? {
    guard case .object(let entries, _) = self else { return nil }
    return entries
  }

  /// The items when this is a list.
  public var listItems: [Expression]? {
    guard case .list(let items) = self else { return nil }
    return items
  }

  /// The tree as it is written: objects with sorted keys sorted, every object
  /// `.asWritten`. Reading a written expression back gives this tree.
  public var inOutputOrder: Expression {
    switch self {
    case .object(let entries, let ordering):
      let ordered = ordering == .sortedKeys ? ObjectEntry.sortedByKey(entries) : entries
      return .object(
        ordered.map { ObjectEntry($0.key, $0.value.inOutputOrder, comment: $0.comment) }, ordering: .asWritten)
    default:
      return mapChildren(\.inOutputOrder)
    }
  }
}

extension Expression.ObjectEntry {
  /// Entries sorted by the byte order of their keys (`Z` before `a`).
  public static func sortedByKey(_ entries: [Expression.ObjectEntry]) -> [Expression.ObjectEntry] {
    entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
  }
}
