import AWSCloudWatch
import AWSElasticLoadBalancingV2
import CloudFormation

/// Where an Application Load Balancer files one target group's metrics:
/// namespace `AWS/ApplicationELB`, dimensions `TargetGroup`
/// (`targetgroup/<name>/<id>`) and `LoadBalancer` (`app/<name>/<id>`).
struct TargetGroupMetrics {
  static let namespace: Value<String> = "AWS/ApplicationELB"

  let loadBalancer: ElasticLoadBalancingV2.LoadBalancer
  let targetGroup: ElasticLoadBalancingV2.TargetGroup

  var alarmDimensions: Value<[CloudWatch.Alarm.Dimension]> {
    [
      .init(name: "TargetGroup", value: targetGroup.targetGroupFullName),
      .init(name: "LoadBalancer", value: loadBalancer.loadBalancerFullName),
    ]
  }

  /// The metric `name` of this target group, for an alarm's metric math.
  func alarmMetric(_ name: Value<String>) -> Value<CloudWatch.Alarm.Metric> {
    .init(dimensions: alarmDimensions, metricName: name, namespace: Self.namespace)
  }

  /// Appends the metric `name` of this target group as a dashboard widget lists
  /// it: `["AWS/ApplicationELB", name, "TargetGroup", …, "LoadBalancer", …, options]`.
  func appendDashboardMetric(_ name: String, options: String, to text: inout TemplateTextInterpolation) {
    text.appendLiteral("[\"AWS/ApplicationELB\", \"\(name)\", \"TargetGroup\", \"")
    text.appendInterpolation(targetGroup.targetGroupFullName)
    text.appendLiteral("\", \"LoadBalancer\", \"")
    text.appendInterpolation(loadBalancer.loadBalancerFullName)
    text.appendLiteral("\", \(options)]")
  }
}
