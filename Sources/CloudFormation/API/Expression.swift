import YAML

/// The untyped form of every value in a template: a literal, a list, an object,
/// or an intrinsic function. ``Value`` wraps it with a Swift type so the compiler
/// checks what goes where; generated resources and the renderer work with this.
public indirect enum Expression: Hashable, Sendable {
  /// A literal scalar: string, number, boolean or null.
  case scalar(YAMLScalar)
  /// A list of values.
  case list([Expression])
  /// An object. Keys a schema types are sorted on output (`ordering: .sortedKeys`);
  /// free-form objects (an IAM policy document, a `Metadata` value) keep the
  /// order they were written in (`ordering: .asWritten`).
  case object([ObjectEntry], ordering: ObjectOrdering)
  /// `!Ref Name`: a parameter, resource or pseudo parameter.
  case ref(String)
  /// `!GetAtt Resource.Attribute`.
  case getAtt(resource: String, attribute: String)
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
  /// `!FindInMap [mapping, topKey, secondKey]`.
  case findInMap(mapping: String, Expression, Expression)
  /// `!ImportValue name`.
  case importValue(Expression)
  /// `!Base64 value`.
  case base64(Expression)
  /// `!Cidr [ipBlock, count, cidrBits]`.
  case cidr(Expression, count: Expression, cidrBits: Expression)
  /// `!Length list`.
  case length(Expression)
  /// `!ToJsonString value`.
  case toJsonString(Expression)

  /// One key/value pair of an object.
  public struct ObjectEntry: Hashable, Sendable {
    public var key: String
    public var value: Expression

    public init(_ key: String, _ value: Expression) {
      self.key = key
      self.value = value
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
}
