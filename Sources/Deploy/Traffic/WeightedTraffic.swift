import CloudFormation

/// A stack whose listener splits traffic between tracks (`stable` and
/// `canary`) by weight, each weight a parameter: `gen set-weights`, `rollback`
/// and `probe` work on it. Every name comes from the Swift stack, so the template
/// and the commands cannot drift.
///
/// ```swift
/// WeightedTraffic(
///   tracks: [
///     .init(CanaryStack.stableWeight, target: .init(name: "stable", targetGroupOutput: "StableTargetGroupArn",
///                                                   serviceNameOutput: "StableServiceName")),
///     .init(CanaryStack.canaryWeight, target: .init(name: "canary", targetGroupOutput: "CanaryTargetGroupArn",
///                                                   serviceNameOutput: "CanaryServiceName")),
///   ],
///   listener: .init(listenerARN: "ListenerArn", loadBalancerDNS: "ALBDNS", cluster: "ClusterName"))
/// ```
public struct WeightedTraffic: Hashable, Sendable {
  /// One track: its target, the parameter that sets its listener weight, the
  /// one that sets its image (for `gen promote`), and the outputs naming its alarms.
  public struct Track: Hashable, Sendable {
    public var target: TrafficTarget
    /// The logical ID of the weight parameter.
    public var weightParameter: String
    /// The logical ID of the image parameter, if the track has one.
    public var imageParameter: String?
    /// Outputs holding the names of CloudWatch alarms on this track; `gen rollout`
    /// fails an interval when one of the canary's is in `ALARM`.
    public var alarmOutputs: [OutputName]

    public init(
      _ weight: Parameter<Number>, image: Parameter<String>? = nil, target: TrafficTarget,
      alarmOutputs: [OutputName] = []
    ) {
      self.target = target
      weightParameter = weight.logicalID
      imageParameter = image?.logicalID
      self.alarmOutputs = alarmOutputs
    }

    /// Its role, such as `stable`.
    public var role: String { target.name }
  }

  /// The tracks; `rollback` sends all traffic to the first.
  public var tracks: [Track]
  public var listener: ListenerOutputs

  public init(tracks: [Track], listener: ListenerOutputs) {
    self.tracks = tracks
    self.listener = listener
  }

  public var roles: [String] { tracks.map(\.role) }
}
