import CanaryStack
import CanaryWatchedStack
import CloudFormation
import Deploy

/// How gen's deploy commands see the canary stacks: their deploy settings and
/// their weighted traffic, every name taken from ``CanaryStack`` and
/// ``CanaryWatchedStack``.
public enum CanaryDeployment {
  /// The stack name `gen deploy canary` uses without `--stack-name` or `STACK_NAME`.
  public static let settings = DeploySettings(stackName: "ecs-canary-demo-stack")

  /// The stack name `gen deploy canary-watched` uses without `--stack-name` or `STACK_NAME`.
  public static let watchedSettings = DeploySettings(stackName: "ecs-canary-watched-stack")

  /// `gen set-weights`, `rollback`, `probe`, `rollout` and `promote` steer this: one
  /// weight and one image parameter per track.
  public static let traffic = weightedTraffic { _ in [] }

  /// The canary's traffic with each version's alarms, which `gen status` shows
  /// and `gen rollout` checks (the canary's alarm in ALARM fails a check).
  public static let watchedTraffic = weightedTraffic(alarms: CanaryWatchedStack.Outputs.alarmNames)

  private static func weightedTraffic(alarms: (CanaryStack.Track) -> [OutputName]) -> TrafficModel {
    .weighted(
      WeightedTraffic(
        tracks: CanaryStack.Track.allCases.map { track in
          .init(
            CanaryStack.weight(track), image: CanaryStack.image(track),
            target: TrafficTarget(
              name: track.rawValue, targetGroupOutput: CanaryStack.Outputs.targetGroupARN(track),
              serviceNameOutput: CanaryStack.Outputs.serviceName(track)),
            alarmOutputs: alarms(track))
        },
        listener: ListenerOutputs(
          listenerARN: CanaryStack.Outputs.listenerARN, loadBalancerDNS: CanaryStack.Outputs.loadBalancerDNS,
          cluster: CanaryStack.Outputs.clusterName)))
  }
}
