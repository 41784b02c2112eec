/// A YAML scalar: a value of one kind (string, integer, float, boolean or null)
/// and an optional tag.
///
/// The kind decides how the scalar is written: a string is written plain only
/// when a YAML 1.1 or YAML 1.2 reader would read the plain text back as that same
/// string, and in double quotes otherwise; integers, floats and booleans are
/// always plain, and floats always carry a `.` (`5.0`, `1.0e+16`).
///
/// ```swift
/// let reference = YAMLScalar.string("VPC", tag: "!Ref")  // !Ref VPC
/// let version = YAMLScalar.string("2010-09-09")          // "2010-09-09"
/// ```
public struct YAMLScalar: Hashable, Sendable {
  /// The value of a scalar, by kind.
  public enum Value: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case float(Double)
    case boolean(Bool)
    case null

    public static func == (left: Value, right: Value) -> Bool {
      switch (left, right) {
      // By bytes: Swift's `==` takes `é` and `e` with a combining accent for one
      // string, but to a YAML or JSON reader (and to CloudFormation) they are two.
      case (.string(let a), .string(let b)): a.utf8.elementsEqual(b.utf8)
      case (.integer(let a), .integer(let b)): a == b
      case (.float(let a), .float(let b)): a == b || (a.isNaN && b.isNaN)
      case (.boolean(let a), .boolean(let b)): a == b
      case (.null, .null): true
      default: false
      }
    }

    public func hash(into hasher: inout Hasher) {
      switch self {
      case .string(let value):
        hasher.combine(0)
        hasher.combine(value)
      case .integer(let value):
        hasher.combine(1)
        hasher.combine(value)
      case .float(let value):
        hasher.combine(2)
        // NaN equals NaN here and 0.0 equals -0.0, so hash them alike.
        hasher.combine(value.isNaN ? Double.nan.bitPattern : (value == 0 ? 0 : value.bitPattern))
      case .boolean(let value):
        hasher.combine(3)
        hasher.combine(value)
      case .null:
        hasher.combine(4)
      }
    }
  }

  /// The kinds of scalar values.
  public enum Kind: String, Hashable, Sendable {
    case string, integer, float, boolean, null
  }

  /// The value.
  public var value: Value
  /// The tag as written in YAML, for example `!Ref` or `tag:yaml.org,2002:binary`;
  /// `nil` for an untagged scalar.
  ///
  /// A tag on a non-string scalar is written as is (`!Tag 5`), but every YAML 1.1
  /// reader, this package's parser included, reads a tagged scalar back as a string.
  public var tag: String?

  public init(_ value: Value, tag: String? = nil) {
    self.value = value
    self.tag = tag
  }

  /// The kind of the value.
  public var kind: Kind {
    switch value {
    case .string: .string
    case .integer: .integer
    case .float: .float
    case .boolean: .boolean
    case .null: .null
    }
  }

  public static func string(_ value: String, tag: String? = nil) -> YAMLScalar {
    YAMLScalar(.string(value), tag: tag)
  }

  public static func integer(_ value: Int) -> YAMLScalar { YAMLScalar(.integer(value)) }

  public static func float(_ value: Double) -> YAMLScalar { YAMLScalar(.float(value)) }

  public static func boolean(_ value: Bool) -> YAMLScalar { YAMLScalar(.boolean(value)) }

  public static var null: YAMLScalar { YAMLScalar(.null) }

  /// The text a YAML reader sees for this value, before any quoting:
  /// `true`, `42`, `5.0`, `1.0e+16`, `.inf`, `null`, or the string itself.
  public var text: String {
    switch value {
    case .string(let value): value
    case .integer(let value): String(value)
    case .float(let value): YAMLScalar.text(for: value)
    case .boolean(let value): value ? "true" : "false"
    case .null: "null"
    }
  }

  /// Writes a double so that YAML 1.1 readers (PyYAML) and YAML 1.2 readers both
  /// read a float: always with a `.` before any exponent, and a signed exponent.
  static func text(for value: Double) -> String {
    if value.isNaN { return ".nan" }
    if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
    let description = value.description  // shortest form that reads back exactly
    guard !description.contains(".") else { return description }
    if let exponent = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      return description[..<exponent] + ".0" + description[exponent...]
    }
    return description + ".0"
  }
}
