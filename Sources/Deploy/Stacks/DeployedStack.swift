import CloudFormation
import YAML

/// A stack as `describe-stacks` reports it.
public struct DeployedStack: Hashable, Sendable {
  public var stackID: String
  public var name: String
  public var status: StackStatus
  /// Parameter values in the order CloudFormation lists them (a `NoEcho` one as `****`).
  public var parameters: [ParameterValue]
  /// One output's name and value.
  public struct Output: Hashable, Sendable {
    public var name: OutputName
    public var value: String

    public init(name: OutputName, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// Output values, in the order CloudFormation lists them.
  public var outputs: [Output]
  /// Whether the stack refuses to be deleted (`EnableTerminationProtection`).
  public var terminationProtection: Bool

  public init(
    stackID: String, name: String, status: StackStatus, parameters: [ParameterValue], outputs: [Output],
    terminationProtection: Bool = false
  ) {
    self.stackID = stackID
    self.name = name
    self.status = status
    self.parameters = parameters
    self.outputs = outputs
    self.terminationProtection = terminationProtection
  }

  /// The first stack of a `describe-stacks` answer; nil when it lists none.
  init?(describeStacks node: YAMLNode) throws {
    guard let stack = node["Stacks"]?.elements.first, let statusText = stack["StackStatus"]?.text else { return nil }
    guard let status = StackStatus(rawValue: statusText) else {
      throw DeployError(
        "CloudFormation reports stack status \(statusText), which this gen does not know; "
          + "check the stack in the console or with aws cloudformation describe-stacks")
    }
    stackID = stack["StackId"]?.text ?? ""
    name = stack["StackName"]?.text ?? ""
    self.status = status
    parameters = (stack["Parameters"]?.elements ?? []).compactMap { parameter in
      guard let key = parameter["ParameterKey"]?.text else { return nil }
      return ParameterValue(key, parameter["ParameterValue"]?.text ?? "")
    }
    outputs = (stack["Outputs"]?.elements ?? []).compactMap { output in
      guard let key = output["OutputKey"]?.text, let value = output["OutputValue"]?.text else { return nil }
      return Output(name: OutputName(key), value: value)
    }
    terminationProtection = stack["EnableTerminationProtection"]?.scalar?.value == .boolean(true)
  }

  public func parameter(_ logicalID: String) -> String? {
    parameters.first(where: { $0.logicalID == logicalID })?.value
  }

  public func output(_ name: OutputName) -> String? {
    outputs.first(where: { $0.name == name })?.value
  }

  /// Whether CloudFormation is still working on the stack.
  public var isBusy: Bool { status.isBusy }
}

extension DeployedStack {
  /// The outputs as a JSON object of names to values, in CloudFormation's
  /// order, for the next step of a pipeline (`gen deploy --outputs-file`).
  public func outputsJSON() throws -> String {
    try JSONWriter().string(
      from: .mapping(YAMLMapping(outputs.map { .init(key: .string($0.name.logicalID), value: .string($0.value)) })))
  }
}
