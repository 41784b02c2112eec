import CloudFormation

/// A stack whose listener sends all traffic to one of its targets, chosen by a
/// parameter (blue/green: `ActiveColor` is `blue` or `green`): `gen switch`
/// works on it. Each target's name is the parameter value that selects it.
///
/// ```swift
/// SwitchedTraffic(
///   BlueGreenStack.activeColor,
///   targets: [
///     .init(name: "blue", targetGroupOutput: "BlueTargetGroupArn", serviceNameOutput: "BlueServiceName"),
///     .init(name: "green", targetGroupOutput: "GreenTargetGroupArn", serviceNameOutput: "GreenServiceName"),
///   ],
///   listener: .init(listenerARN: "ListenerArn", loadBalancerDNS: "ALBDNS", cluster: "ClusterName"))
/// ```
public struct SwitchedTraffic: Hashable, Sendable {
  /// The logical ID of the parameter that names the active target.
  public var parameter: String
  public var targets: [TrafficTarget]
  public var listener: ListenerOutputs

  public init(_ parameter: Parameter<String>, targets: [TrafficTarget], listener: ListenerOutputs) {
    self.parameter = parameter.logicalID
    self.targets = targets
    self.listener = listener
  }

  /// The values `gen switch` takes.
  public var choices: [String] { targets.map(\.name) }
}
