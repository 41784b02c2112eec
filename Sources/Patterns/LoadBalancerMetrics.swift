import AWSCloudWatch
import AWSElasticLoadBalancingV2
import CloudFormation

/// Where an Application Load Balancer files its metrics: namespace
/// `AWS/ApplicationELB`, dimension `LoadBalancer` (`app/<name>/<id>`), and
/// `TargetGroup` (`targetgroup/<name>/<id>`) first for one target group's.
///
/// ```swift
/// let canary = LoadBalancerMetrics(loadBalancer: alb, targetGroup: canaryGroup)
/// let requests = canary.alarmMetric("RequestCount")
/// ```
public struct LoadBalancerMetrics: Sendable {
  /// `AWS/ApplicationELB`.
  public static let namespace: Value<String> = "AWS/ApplicationELB"

  public let loadBalancer: ElasticLoadBalancingV2.LoadBalancer
  /// The target group whose metrics these are; `nil` for the whole load balancer's.
  public let targetGroup: ElasticLoadBalancingV2.TargetGroup?

  public init(loadBalancer: ElasticLoadBalancingV2.LoadBalancer, targetGroup: ElasticLoadBalancingV2.TargetGroup? = nil)
  {
    self.loadBalancer = loadBalancer
    self.targetGroup = targetGroup
  }

  /// The dimensions, in the order the load balancer files them: `TargetGroup`
  /// (when there is one), then `LoadBalancer`.
  public var dimensions: [(name: String, value: Value<String>)] {
    (targetGroup.map { [(name: "TargetGroup", value: $0.targetGroupFullName)] } ?? [])
      + [(name: "LoadBalancer", value: loadBalancer.loadBalancerFullName)]
  }

  /// The dimensions as an alarm takes them.
  public var alarmDimensions: Value<[CloudWatch.Alarm.Dimension]> {
    Value(dimensions.map { .init(name: Value($0.name), value: $0.value) })
  }

  /// The metric `name` (`RequestCount`, `HTTPCode_Target_5XX_Count`, …), for an alarm's metric math.
  public func alarmMetric(_ name: Value<String>) -> Value<CloudWatch.Alarm.Metric> {
    .init(dimensions: alarmDimensions, metricName: name, namespace: Self.namespace)
  }
}
