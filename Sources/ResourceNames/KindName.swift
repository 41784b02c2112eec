/// The kind of a generated property's values: the `Kind` of its `Value<Kind>`.
public indirect enum KindName: Hashable, Sendable {
  case string
  case number
  case boolean
  case json
  case list(KindName)
  case map(KindName)
  /// An object or enumeration kind, by its Swift name: `ElasticLoadBalancingV2.Listener.Action`.
  case named(String)

  /// Reads a kind's code in the table: `s`, `n`, `b`, `j`, `[` or `{` before an
  /// element's code, `@` before a kind's path in the service's namespace.
  init?(code: String, service: String) {
    guard let first = code.first else { return nil }
    let rest = String(code.dropFirst())
    switch first {
    case "s": self = .string
    case "n": self = .number
    case "b": self = .boolean
    case "j": self = .json
    case "[":
      guard let element = KindName(code: rest, service: service) else { return nil }
      self = .list(element)
    case "{":
      guard let value = KindName(code: rest, service: service) else { return nil }
      self = .map(value)
    case "@": self = .named("\(service).\(rest)")
    default: return nil
    }
  }

  /// The type in Swift source: `[String: EC2.Instance.Tag]`.
  public var swiftType: String {
    switch self {
    case .string: "String"
    case .number: "Number"
    case .boolean: "Bool"
    case .json: "JSON"
    case .list(let element): "[\(element.swiftType)]"
    case .map(let value): "[String: \(value.swiftType)]"
    case .named(let name): name
    }
  }
}

/// What a named kind is: an object built with `.init(…)`, or a set of allowed strings.
public enum NamedKind: Hashable, Sendable {
  /// Properties in the order `.init(…)` takes them (required ones first).
  case object(properties: [PropertyNames])
  case enumeration(cases: [EnumerationCaseNames])
}

/// One allowed value of an enumeration kind and its Swift member (`.internetFacing`).
public struct EnumerationCaseNames: Hashable, Sendable {
  /// `internet-facing`.
  public var rawValue: String
  /// `internetFacing`.
  public var swiftName: String

  public init(rawValue: String, swiftName: String) {
    self.rawValue = rawValue
    self.swiftName = swiftName
  }
}
