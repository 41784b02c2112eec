import CloudFormation

/// One version of an application behind a listener, as the traffic commands
/// find it in the deployed stack: by the outputs holding its target group's
/// ARN and its ECS service's name.
public struct TrafficTarget: Hashable, Sendable {
  /// `stable`, `canary`, `blue`, `green`.
  public var name: String
  public var targetGroupOutput: OutputName
  public var serviceNameOutput: OutputName

  public init(name: String, targetGroupOutput: OutputName, serviceNameOutput: OutputName) {
    self.name = name
    self.targetGroupOutput = targetGroupOutput
    self.serviceNameOutput = serviceNameOutput
  }
}

/// The outputs that locate the listener the traffic commands steer: its ARN,
/// its load balancer's DNS name, and the ECS cluster the services run in.
public struct ListenerOutputs: Hashable, Sendable {
  public var listenerARN: OutputName
  public var loadBalancerDNS: OutputName
  public var cluster: OutputName

  public init(listenerARN: OutputName, loadBalancerDNS: OutputName, cluster: OutputName) {
    self.listenerARN = listenerARN
    self.loadBalancerDNS = loadBalancerDNS
    self.cluster = cluster
  }
}
