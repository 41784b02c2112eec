import TemplateSyntax
import YAML

/// Parameter values from a file (`gen deploy --parameters-file FILE`), JSON or
/// YAML, in either of two forms:
///
/// ```yaml
/// # A map of parameter names to values
/// ImageURIStable: repo/app:1.4.0
/// DesiredCountStable: 3
/// Subnets: [subnet-1, subnet-2]      # a list parameter: joined with commas
/// ```
///
/// ```json
/// [{"ParameterKey": "ImageURIStable", "ParameterValue": "repo/app:1.4.0"},
///  {"ParameterKey": "TaskCpu", "UsePreviousValue": true}]
/// ```
///
/// The second is what `aws cloudformation create-stack --parameters file://…` reads.
public struct ParameterFile: Hashable, Sendable {
  /// One value of the file.
  public struct Entry: Hashable, Sendable {
    public var logicalID: String
    public var value: String
    /// `UsePreviousValue: true` (list form only): keep the deployed value.
    public var usePreviousValue: Bool

    public init(logicalID: String, value: String, usePreviousValue: Bool = false) {
      self.logicalID = logicalID
      self.value = value
      self.usePreviousValue = usePreviousValue
    }
  }

  /// The file's path, as given.
  public var path: String
  /// The values, in the order the file lists them.
  public var entries: [Entry]

  public init(path: String, entries: [Entry]) {
    self.path = path
    self.entries = entries
  }

  /// Reads and checks `path`. Throws a ``DeployError`` naming the file and what is wrong.
  public init(readingFile path: String) throws {
    try self.init(path: path, text: try readFile(path))
  }

  /// Reads the text of a file at `path` (used in messages).
  public init(path: String, text: String) throws {
    self.path = path
    let node: YAMLNode
    do {
      node = try TemplateDocument.parse(text)
    } catch {
      throw DeployError("\(path) is not JSON or YAML: \(error)")
    }
    switch node {
    case .mapping(let mapping):
      entries = try mapping.entries.map { entry in
        guard let name = entry.key.stringValue else {
          throw DeployError("\(path): a key is not a parameter name (\(entry.key)); write Name: value")
        }
        return Entry(logicalID: name, value: try Self.text(of: entry.value, for: name, in: path))
      }
    case .sequence(let sequence):
      entries = try sequence.items.enumerated().map { index, item in
        try Self.listEntry(item, index: index, in: path)
      }
    case .scalar(let scalar) where scalar.value == .null:
      throw DeployError(
        "\(path) is empty; write a map of parameter names to values, or the aws list of ParameterKey/ParameterValue")
    default:
      throw DeployError(
        "\(path) is neither a map of parameter names to values nor a list of ParameterKey/ParameterValue objects")
    }
    var seen = Set<String>()
    for entry in entries where !seen.insert(entry.logicalID).inserted {
      throw DeployError("\(path) gives \(entry.logicalID) twice; give each parameter once")
    }
  }

  /// One `{"ParameterKey": …, "ParameterValue": …}` (or `"UsePreviousValue": true`) of the list form.
  private static func listEntry(_ item: YAMLNode, index: Int, in path: String) throws -> Entry {
    let place = "\(path): item \(index + 1) of the list"
    guard let mapping = item.mapping else {
      throw DeployError("\(place) is not an object with ParameterKey and ParameterValue")
    }
    let known: Set<String> = ["ParameterKey", "ParameterValue", "UsePreviousValue", "ResolvedValue"]
    if let unknown = mapping.entries.first(where: { !known.contains($0.key.stringValue ?? "") }) {
      throw DeployError(
        "\(place) has the key \(unknown.key.stringValue ?? "\(unknown.key)"); the keys are ParameterKey, "
          + "ParameterValue and UsePreviousValue")
    }
    guard let name = item["ParameterKey"]?.stringValue, !name.isEmpty else {
      throw DeployError("\(place) has no ParameterKey (the parameter's name)")
    }
    let usePrevious = item["UsePreviousValue"]
    if let usePrevious, usePrevious.scalar?.value != .boolean(true), usePrevious.scalar?.value != .boolean(false) {
      throw DeployError("\(place): UsePreviousValue of \(name) must be true or false")
    }
    if usePrevious?.scalar?.value == .boolean(true) {
      guard item["ParameterValue"] == nil else {
        throw DeployError("\(place): \(name) has both ParameterValue and UsePreviousValue; give one")
      }
      return Entry(logicalID: name, value: "", usePreviousValue: true)
    }
    guard let value = item["ParameterValue"] else {
      throw DeployError("\(place): \(name) has no ParameterValue")
    }
    return Entry(logicalID: name, value: try text(of: value, for: name, in: path))
  }

  /// A value as CloudFormation receives it: a string, an integer's or boolean's
  /// text, a list's items joined with commas.
  private static func text(of node: YAMLNode, for name: String, in path: String) throws -> String {
    switch node {
    case .scalar(let scalar) where scalar.tag == nil:
      switch scalar.value {
      case .string(let text): return text
      case .integer, .boolean: return scalar.text
      case .float:
        throw DeployError(
          "\(path): the value of \(name) reads as the number \(scalar.text), which may not be the text you wrote; "
            + "quote it (\"…\")")
      case .null: throw DeployError("\(path): \(name) has no value; give one, or leave \(name) out")
      }
    case .sequence(let sequence):
      return try sequence.items.map { item in
        guard case .scalar = item else {
          throw DeployError("\(path): the list value of \(name) must hold plain values")
        }
        return try text(of: item, for: name, in: path)
      }.joined(separator: ",")
    default:
      throw DeployError("\(path): the value of \(name) must be a string, a number or a list of them")
    }
  }
}
