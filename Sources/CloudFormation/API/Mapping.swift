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
  /// Where the mapping is declared in Swift (the call's `#fileID` and `#line` by default).
  public var declaration: SourceLocation

  public init(
    _ logicalID: String, _ entries: KeyValuePairs<String, KeyValuePairs<String, Value<JSON>>>,
    fileID: String = #fileID, line: Int = #line
  ) {
    self.logicalID = logicalID
    self.entries = entries
    declaration = SourceLocation(fileID: fileID, line: line)
  }
}
