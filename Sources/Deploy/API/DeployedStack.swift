import YAML

/// A stack as `describe-stacks` reports it.
public struct DeployedStack: Hashable, Sendable {
  public var stackID: String
  public var name: String
  public var status: String
  /// Parameter values in the order CloudFormation lists them.
  public var parameters: [ParameterValue]
  /// One output's name and value.
  public struct Output: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// Output values, in the order CloudFormation lists them.
  public var outputs: [Output]

  public init(stackID: String, name: String, status: String, parameters: [ParameterValue], outputs: [Output]) {
    self.stackID = stackID
    self.name = name
    self.status = status
    self.parameters = parameters
    self.outputs = outputs
  }

  init?(describeStacks node: YAMLNode) {
    guard let stack = node["Stacks"]?.elements.first, let status = stack["StackStatus"]?.text else { return nil }
    stackID = stack["StackId"]?.text ?? ""
    name = stack["StackName"]?.text ?? ""
    self.status = status
    parameters = (stack["Parameters"]?.elements ?? []).compactMap { parameter in
      guard let key = parameter["ParameterKey"]?.text else { return nil }
      return ParameterValue(key, parameter["ParameterValue"]?.text ?? "")
    }
    outputs = (stack["Outputs"]?.elements ?? []).compactMap { output in
      guard let key = output["OutputKey"]?.text, let value = output["OutputValue"]?.text else { return nil }
      return Output(name: key, value: value)
    }
  }

  public func parameter(_ logicalID: String) -> String? {
    parameters.first(where: { $0.logicalID == logicalID })?.value
  }

  public func output(_ name: String) -> String? {
    outputs.first(where: { $0.name == name })?.value
  }

  /// Whether CloudFormation is still working on the stack.
  public var isBusy: Bool { status.hasSuffix("_IN_PROGRESS") }
}
