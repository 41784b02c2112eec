import TemplateSyntax

/// Swift string interpolation where a text value is expected means `!Sub`:
///
/// ```swift
/// let name: Value<String> = "/\(AWS.stackName)/data-bucket-name"   // !Sub /${AWS::StackName}/data-bucket-name
/// let arn: Value<String> = "\(bucket.arn)/*"                         // !Sub ${Bucket.Arn}/*
/// let policy: Value<JSON> = .map(["Resource": "arn:\(AWS.partition):s3:::\(bucket.ref)/*"])
/// ```
///
/// A parameter's, resource's or pseudo parameter's `ref` becomes `${Name}`, an
/// attribute `${Resource.Attribute}`, any other value goes through the `!Sub`
/// variable map; a literal `${` is escaped as `${!`; text without values stays a
/// string and a lone value stays that value. Only text and numbers (as values or
/// Swift literals) can be interpolated; a list, a condition or a resource itself
/// does not compile, and neither does a `Value` inside a plain Swift `String`.
extension Value: ExpressibleByStringInterpolation where Kind: StringLiteralKind {
  public init(stringInterpolation: TemplateTextInterpolation) {
    self.init(Expression.substitution(stringInterpolation.pieces))
  }
}

/// The interpolation behind ``Value``'s string literals: collects literal text
/// and values, in order.
public struct TemplateTextInterpolation: StringInterpolationProtocol {
  var pieces: [Expression.TextPiece] = []

  public init(literalCapacity: Int, interpolationCount: Int) {
    pieces.reserveCapacity(2 * interpolationCount + 1)
  }

  public mutating func appendLiteral(_ literal: String) {
    pieces.append(.text(literal))
  }

  /// A text value: `${Name}`, `${Resource.Attribute}` or a `!Sub` variable.
  public mutating func appendInterpolation(_ value: Value<String>) {
    pieces.append(.value(value.expression))
  }

  /// A number value, which `!Sub` writes as text.
  public mutating func appendInterpolation(_ value: Value<Number>) {
    pieces.append(.value(value.expression))
  }

  /// Swift text, written as is.
  public mutating func appendInterpolation(_ text: String) {
    pieces.append(.text(text))
  }

  /// A Swift integer, written in decimal.
  public mutating func appendInterpolation<Integer: BinaryInteger>(_ number: Integer) {
    pieces.append(.text(String(number)))
  }
}

/// Template values, which a plain Swift `String` cannot hold: interpolated
/// into a `String` they would write their debug description into the template.
/// Two equally fitting `appendInterpolation` overloads make that call ambiguous
/// on purpose, so that it does not compile ("ambiguous use of
/// 'appendInterpolation'"); interpolate into a `Value<String>` literal instead,
/// where it means `!Sub`.
public protocol NotForSwiftStrings {}

/// The second half of ``NotForSwiftStrings``'s ambiguity.
public protocol NotForSwiftStringsEither {}

extension Value: NotForSwiftStrings, NotForSwiftStringsEither {}
extension Parameter: NotForSwiftStrings, NotForSwiftStringsEither {}

extension DefaultStringInterpolation {
  /// Never called: the call is ambiguous with the overload below, so a template
  /// value in a Swift `String` does not compile.
  public mutating func appendInterpolation<Guarded: NotForSwiftStrings>(_ value: Guarded) {
    appendLiteral("\(type(of: value))")
  }

  /// Never called: see the overload above.
  public mutating func appendInterpolation<Guarded: NotForSwiftStringsEither>(_ value: Guarded) {
    appendLiteral("\(type(of: value))")
  }
}
