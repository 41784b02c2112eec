import CanaryStack
import Deploy

/// The canary stack as gen's deploy commands see it: the parameter that weighs
/// each track and the outputs they read, every name taken from ``CanaryStack``.
public enum CanaryDeployment {
  /// `gen deploy`, `set-weights`, `rollback`, `status`, `delete` and `probe` work on this.
  public static let stack = WeightedStack(
    defaultStackName: "ecs-canary-demo-stack", template: { CanaryStack.template },
    tracks: CanaryStack.Track.allCases.map { track in
      .init(
        role: track.rawValue, weight: CanaryStack.weight(track),
        targetGroupOutput: CanaryStack.OutputName.targetGroupARN(track),
        serviceNameOutput: CanaryStack.OutputName.serviceName(track))
    },
    loadBalancerDNSOutput: CanaryStack.OutputName.loadBalancerDNS,
    listenerARNOutput: CanaryStack.OutputName.listenerARN, clusterOutput: CanaryStack.OutputName.clusterName)
}
