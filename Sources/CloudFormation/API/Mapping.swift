/// A mapping of the template's `Mappings` section: two levels of keys to values,
/// read with `.findInMap`. Keys keep the order written.
///
/// ```swift
/// let sizes = Mapping("EnvironmentSizes", [
///   "prod": ["Count": 4, "Cpu": "1024"],
///   "dev": ["Count": 1, "Cpu": "256"],
/// ])
/// let count: Value<Number> = .findInMap(sizes, environment.ref, "Count")
/// ```
public struct Mapping: Sendable {
  public let logicalID: String
  public var entries: KeyValuePairs<String, KeyValuePairs<String, Value<JSON>>>

  public init(_ logicalID: String, _ entries: KeyValuePairs<String, KeyValuePairs<String, Value<JSON>>>) {
    self.logicalID = logicalID
    self.entries = entries
  }
}
