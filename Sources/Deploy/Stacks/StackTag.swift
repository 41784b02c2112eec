import YAML

/// A tag CloudFormation puts on the stack and every resource that supports tags.
public struct StackTag: Hashable, Sendable {
  public var key: String
  public var value: String

  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }

  /// Why the tag cannot be used, if it cannot: CloudFormation's limits.
  public var problem: String? {
    if key.isEmpty || key.count > 128 { return "the tag key \"\(key)\" must have 1 to 128 characters" }
    if key.lowercased().hasPrefix("aws:") { return "the tag key \"\(key)\" starts with aws:, which AWS reserves" }
    if value.count > 256 { return "the value of tag \(key) has more than 256 characters" }
    return nil
  }

  /// The `--tags` list of `create-change-set`, as JSON (any character is safe in it).
  static func json(_ tags: [StackTag]) throws -> String {
    try JSONWriter(indentation: nil).string(
      from: .sequence(YAMLSequence(tags.map { ["Key": .string($0.key), "Value": .string($0.value)] })))
  }
}
