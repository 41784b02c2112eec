import YAML

/// A typed template value: a literal, or an intrinsic function whose result has
/// the type `Kind`. `Kind` is a marker: `String`, ``Number``, `Bool`, ``JSON``,
/// `[Element]` for lists, `[String: Element]` for maps, or a generated property type.
///
/// Literals are written as Swift literals; intrinsics as static members:
///
/// ```swift
/// let name: Value<String> = .sub("${AWS::StackName}-vpc")
/// let port: Value<Number> = containerPort.ref      // a Number parameter
/// let zones: Value<[String]> = .getAZs()
/// let zone: Value<String> = .select(0, zones)
/// ```
///
/// A `Value<String>` cannot stand where a `Value<Number>` is expected, so a
/// `String` parameter used for a port does not compile.
public struct Value<Kind>: Hashable, Sendable {
  /// The untyped expression this value renders.
  public var expression: Expression

  /// Wraps an expression. Use it to state a type the compiler cannot know (the
  /// result of `Fn::FindInMap`, an attribute of a hand-declared resource).
  public init(_ expression: Expression) {
    self.expression = expression
  }

  /// An object of `properties`, written with its keys in byte order: what the
  /// generated initializers of property kinds build (`.init(type: .forward, …)`).
  ///
  /// Generated code calls this rather than `init(_:)`: a module of many kinds
  /// extends `Value` with hundreds of initializers, and the first `init` a
  /// compile job resolves weighs them all (over 200 ms in QuickSight).
  public static func object(properties: [Expression.ObjectEntry]) -> Value {
    Value(.object(properties, ordering: .sortedKeys))
  }

  /// The same expression with another type. For the rare value CloudFormation
  /// converts itself (a number given as a string, say).
  public func cast<Other>(to type: Other.Type = Other.self) -> Value<Other> {
    Value<Other>(expression)
  }
}

/// The type of CloudFormation numbers: integers (`8000`) and floats (`0.5`).
public enum Number: Sendable {}

/// The type of free-form JSON values: IAM policy documents, `Metadata`, the
/// properties of a hand-declared resource. Objects keep their keys in the order
/// written; strings, numbers, booleans, lists and objects are all literals.
public enum JSON: Sendable {}

/// Types whose values may be written as string literals: `String` and ``JSON``.
public protocol StringLiteralKind {}
/// Types whose values may be written as number literals: ``Number`` and ``JSON``.
public protocol NumberLiteralKind {}
/// Types whose values may be written as `true`/`false`: `Bool` and ``JSON``.
public protocol BooleanLiteralKind {}

/// List types, for list literals: `[Element]`, and ``JSON``.
public protocol ListKind {
  associatedtype Element
}

/// Map types, for map literals: `[String: Element]`, and ``JSON``.
public protocol MapKind {
  associatedtype MapValue
  /// How the keys of a map literal are ordered on output.
  static var keyOrdering: Expression.ObjectOrdering { get }
}

extension String: StringLiteralKind {}
extension Number: NumberLiteralKind {}
extension Bool: BooleanLiteralKind {}
extension Array: ListKind {}

extension Dictionary: MapKind where Key == String {
  public typealias MapValue = Dictionary.Value
  /// Keys a schema types as a map are sorted.
  public static var keyOrdering: Expression.ObjectOrdering { .sortedKeys }
}

extension JSON: StringLiteralKind, NumberLiteralKind, BooleanLiteralKind, ListKind, MapKind {
  public typealias Element = JSON
  public typealias MapValue = JSON
  /// Free-form objects keep the order written.
  public static var keyOrdering: Expression.ObjectOrdering { .asWritten }
}

// MARK: - Literals

extension Value: ExpressibleByUnicodeScalarLiteral where Kind: StringLiteralKind {
  public init(unicodeScalarLiteral value: String) { self.init(.string(value)) }
}

extension Value: ExpressibleByExtendedGraphemeClusterLiteral where Kind: StringLiteralKind {
  public init(extendedGraphemeClusterLiteral value: String) { self.init(.string(value)) }
}

extension Value: ExpressibleByStringLiteral where Kind: StringLiteralKind {
  public init(stringLiteral value: String) { self.init(.string(value)) }
}

extension Value where Kind: StringLiteralKind {
  /// A string literal from a Swift string.
  public init(_ value: String) { self.init(.string(value)) }
}

extension Value: ExpressibleByIntegerLiteral where Kind: NumberLiteralKind {
  public init(integerLiteral value: Int) { self.init(.scalar(.integer(value))) }
}

extension Value: ExpressibleByFloatLiteral where Kind: NumberLiteralKind {
  public init(floatLiteral value: Double) { self.init(.scalar(.float(value))) }
}

extension Value where Kind: NumberLiteralKind {
  /// An integer literal from a Swift integer.
  public init(_ value: Int) { self.init(.scalar(.integer(value))) }
  /// A float literal from a Swift double.
  public init(_ value: Double) { self.init(.scalar(.float(value))) }
}

extension Value: ExpressibleByBooleanLiteral where Kind: BooleanLiteralKind {
  public init(booleanLiteral value: Bool) { self.init(.scalar(.boolean(value))) }
}

extension Value where Kind: BooleanLiteralKind {
  /// A boolean literal from a Swift boolean.
  public init(_ value: Bool) { self.init(.scalar(.boolean(value))) }
}

extension Value: ExpressibleByArrayLiteral where Kind: ListKind {
  public init(arrayLiteral elements: Value<Kind.Element>...) {
    // A closure, not `\.expression`: a key path into a generic type is built at
    // run time on every call, a measurable cost for the thousands of lists of a large stack.
    self.init(.list(elements.map { $0.expression }))
  }
}

extension Value where Kind: ListKind {
  /// A list built from values, with `if`, `for` and `switch` allowed:
  ///
  /// ```swift
  /// let subnets: Value<[String]> = .list {
  ///   for subnet in publicSubnets { subnet.ref }
  ///   if let extra { extra }
  /// }
  /// ```
  public static func list(@ListBuilder<Kind.Element> _ content: () -> [Value<Kind.Element>]) -> Value {
    Value(.list(content().map { $0.expression }))
  }

  /// A list literal from an array of values.
  public init(_ elements: [Value<Kind.Element>]) {
    self.init(.list(elements.map { $0.expression }))
  }
}

extension Value where Kind: MapKind {
  /// A map or object, from key/value pairs. A map's keys are sorted on output,
  /// like every key a schema types; a free-form ``JSON`` object keeps them in the
  /// order written.
  ///
  /// ```swift
  /// let options: Value<[String: String]> = .map(["awslogs-group": logGroup.ref, "awslogs-region": AWS.region])
  /// let policy: Value<JSON> = .map(["Version": "2012-10-17", "Statement": [...]])
  /// ```
  ///
  /// (`Value` cannot take dictionary literals itself: that protocol's associated
  /// type `Value` would hide this type's name inside its own extensions. A free-form
  /// object's entries are ``JSONValue``s, which can.)
  @_disfavoredOverload
  public static func map(_ entries: KeyValuePairs<String, Value<Kind.MapValue>>) -> Value {
    Value(.object(entries.map { Expression.ObjectEntry($0.key, $0.value.expression) }, ordering: Kind.keyOrdering))
  }
}

extension Value where Kind == JSON {
  /// Any typed value inside a free-form document (a reference in a policy, say).
  public init<Other>(_ value: Value<Other>) { self.init(value.expression) }

  /// JSON null.
  public static var null: Value { Value(.scalar(.null)) }
}
