import AWSElasticLoadBalancingV2
import CloudFormation

/// An HTTP listener whose default action forwards to several target groups,
/// splitting traffic by relative weight: the heart of a canary deployment (95/5)
/// and of blue/green (100/0, switched at once).
///
/// ```swift
/// let listener = WeightedForwardListener(
///   "Listener", loadBalancer: alb,
///   targets: [(stable.targetGroup, stableWeight.ref), (canary.targetGroup, canaryWeight.ref)])
/// ```
public struct WeightedForwardListener: Sendable {
  public let listener: ElasticLoadBalancingV2.Listener

  /// - Parameters:
  ///   - logicalID: the listener's logical ID.
  ///   - loadBalancer: the load balancer the listener belongs to.
  ///   - port: the port it listens on (HTTP).
  ///   - targets: each target group with its weight (0–999; a parameter, an `.if`…).
  ///   - stickiness: whether a client keeps going to the same target group.
  public init(
    _ logicalID: String, loadBalancer: ElasticLoadBalancingV2.LoadBalancer, port: Value<Number> = 80,
    targets: [(targetGroup: ElasticLoadBalancingV2.TargetGroup, weight: Value<Number>)], stickiness: Bool = false
  ) {
    listener = ElasticLoadBalancingV2.Listener(
      logicalID,
      defaultActions: [
        .init(
          type: .forward,
          forwardConfig: .init(
            targetGroupStickinessConfig: .init(enabled: Value(stickiness)),
            targetGroups: Value(targets.map { .init(targetGroupARN: $0.targetGroup.ref, weight: $0.weight) })))
      ],
      loadBalancerARN: loadBalancer.ref, port: port, protocol: .http)
  }
}
