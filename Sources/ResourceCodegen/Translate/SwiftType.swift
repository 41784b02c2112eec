/// The kind of a property's or attribute's values: the `Kind` of its
/// `Value<Kind>`. The ``Translator`` builds one from the schema, ``SharedKinds``
/// rewrites it structurally (``mapNested(_:)``), and ``rendered`` is the one place that spells it.
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
  /// A kind several resource types of a service repeat, declared once in the
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

  /// The kind inside any lists and maps: `Demo.Thing.Rule` for `[String: [Demo.Thing.Rule]]`.
  package var innermost: SwiftType {
    switch self {
    case .list(let element): element.innermost
    case .map(let value): value.innermost
    case .string, .number, .boolean, .json, .nested, .shared: self
    }
  }

  /// This type with each nested kind `transform` gives a replacement for
  /// (called with the kind's resource and name) replaced, inside lists and maps too.
  package func mapNested(_ transform: (_ resource: String, _ name: String) -> SwiftType?) -> SwiftType {
    switch self {
    case .list(let element): .list(element.mapNested(transform))
    case .map(let value): .map(value.mapNested(transform))
    case .nested(_, let resource, let name): transform(resource, name) ?? self
    case .string, .number, .boolean, .json, .shared: self
    }
  }
}
