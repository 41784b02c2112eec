/// The kind of a property's or attribute's values: the `Kind` of its
/// `Value<Kind>`. The ``Translator`` builds one from the schema, ``SharedKinds``
/// rewrites it structurally, and ``rendered`` is the one place that spells it.
package indirect enum SwiftType: Hashable, Sendable {
  /// `String`.
  case string
  /// `Number`: integers and numbers alike.
  case number
  /// `Bool`.
  case boolean
  /// `JSON`: free-form, for what has no single shape.
  case json
  /// `[Element]`.
  case list(SwiftType)
  /// `[String: Value]`: a map of names to values.
  case map(SwiftType)
  /// A kind nested in a resource type (an object or an enum): `Demo.Thing.SchemeValue`
  /// is `namespace` `Demo`, `resource` `Thing`, `name` `SchemeValue`.
  case nested(namespace: String, resource: String, name: String)
  /// An enum several resource types of a service repeat, declared once in the
  /// service namespace: `EC2.InstanceTypeValue`.
  case shared(namespace: String, name: String)

  /// The type in Swift source: `[String: Demo.Thing.Rule]`.
  package var rendered: String {
    switch self {
    case .string: "String"
    case .number: "Number"
    case .boolean: "Bool"
    case .json: "JSON"
    case .list(let element): "[\(element.rendered)]"
    case .map(let value): "[String: \(value.rendered)]"
    case .nested(let namespace, let resource, let name): "\(namespace).\(resource).\(name)"
    case .shared(let namespace, let name): "\(namespace).\(name)"
    }
  }

  /// This type with `old` replaced by `new` wherever it occurs, inside lists and maps too.
  package func replacing(_ old: SwiftType, with new: SwiftType) -> SwiftType {
    if self == old { return new }
    switch self {
    case .list(let element): return .list(element.replacing(old, with: new))
    case .map(let value): return .map(value.replacing(old, with: new))
    case .string, .number, .boolean, .json, .nested, .shared: return self
    }
  }
}
