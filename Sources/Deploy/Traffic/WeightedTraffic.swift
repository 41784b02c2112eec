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
  /// One track: its target and the parameter that sets its listener weight.
  public struct Track: Hashable, Sendable {
    public var target: TrafficTarget
    /// The logical ID of the weight parameter.
    public var weightParameter: String

    public init(_ weight: Parameter<Number>, target: TrafficTarget) {
      self.target = target
      weightParameter = weight.logicalID
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
