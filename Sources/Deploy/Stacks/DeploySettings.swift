/// How a stack is deployed when the command line does not say otherwise. The
/// defaults suit most stacks: the stack is named after its `gen list` name, and
/// the capabilities are derived from the template.
///
/// ```swift
/// DeploySettings(
///   stackName: "orders-prod", tags: ["team": "payments", "cost-center": "42"],
///   terminationProtection: true)
/// ```
public struct DeploySettings: Hashable, Sendable {
  /// The CloudFormation stack's name when neither `--stack-name` nor `STACK_NAME` gives one.
  public var stackName: String?
  /// Tags for the stack and its resources; `--tag` adds to them or overrides one.
  public var tags: [StackTag]
  /// Turn termination protection on once the stack exists.
  public var terminationProtection: Bool
  /// Capabilities to acknowledge beyond those derived from the template (for a
  /// nested stack's IAM resources, which the parent template does not show).
  public var capabilities: [Capability]

  public init(
    stackName: String? = nil, tags: KeyValuePairs<String, String> = [:], terminationProtection: Bool = false,
    capabilities: [Capability] = []
  ) {
    self.stackName = stackName
    self.tags = tags.map { StackTag(key: $0.key, value: $0.value) }
    self.terminationProtection = terminationProtection
    self.capabilities = capabilities
  }
}
