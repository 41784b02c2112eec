/// A set of strings a property allows, generated as a Swift enum. Values of such
/// a kind are written with the static members generated on `Value`
/// (`protocol: .http`); a wrong value does not compile.
///
/// ```swift
/// listener.protocol = .https
/// listener.protocol = .init(protocolParameter.ref)   // a String parameter: not checked
/// listener.protocol = .unlisted("QUIC2")             // a value AWS added since generation
/// ```
public protocol StringEnumeration: RawRepresentable, CaseIterable, Sendable where RawValue == String {}

extension Value where Kind: StringEnumeration {
  /// One of the allowed values.
  public init(_ value: Kind) {
    self.init(.string(value.rawValue))
  }

  /// One of the allowed values, as the generated members such as `.http` return it.
  ///
  /// Generated code calls this rather than `init(_:)`: a module of many kinds
  /// extends `Value` with hundreds of initializers, and the first `init` a
  /// compile job resolves weighs them all (over 200 ms in QuickSight).
  public static func allowed(_ value: Kind) -> Value {
    Value(.string(value.rawValue))
  }

  /// A string parameter or intrinsic where one of the allowed values is expected;
  /// CloudFormation checks it when the stack is deployed.
  public init(_ value: Value<String>) {
    self.init(value.expression)
  }

  /// A value AWS added after the schema this enum was generated from.
  public static func unlisted(_ rawValue: String) -> Value {
    Value(.string(rawValue))
  }
}
