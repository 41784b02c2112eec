import CanaryStack
import Deploy

/// How gen's deploy commands see the canary stack: its deploy settings and its
/// weighted traffic, every name taken from ``CanaryStack``.
public enum CanaryDeployment {
  /// The stack name `gen deploy canary` uses without `--stack-name` or `STACK_NAME`.
  public static let settings = DeploySettings(stackName: "ecs-canary-demo-stack")

  /// `gen set-weights`, `rollback`, `probe`, `rollout` and `promote` steer this: one
  /// weight and one image parameter per track.
  public static let traffic = TrafficModel.weighted(
    WeightedTraffic(
      tracks: CanaryStack.Track.allCases.map { track in
        .init(
          CanaryStack.weight(track), image: CanaryStack.image(track),
          target: TrafficTarget(
            name: track.rawValue, targetGroupOutput: CanaryStack.Outputs.targetGroupARN(track),
            serviceNameOutput: CanaryStack.Outputs.serviceName(track)))
      },
      listener: ListenerOutputs(
        listenerARN: CanaryStack.Outputs.listenerARN, loadBalancerDNS: CanaryStack.Outputs.loadBalancerDNS,
        cluster: CanaryStack.Outputs.clusterName)))
}
