import AWSCloudWatch
import AWSElasticLoadBalancingV2
import CloudFormation

/// The alarms ECS watches during a deployment: the whole load balancer's 5xx
/// rate (metric math over `RequestCount` and `HTTPCode_Target_5XX_Count`) and
/// p99 response time. They see both revisions at once: which target group
/// holds the new revision changes with every deployment, so a static alarm
/// cannot single it out.
struct ServiceAlarms {
  let errorRate: CloudWatch.Alarm
  let latency: CloudWatch.Alarm

  init(
    loadBalancer: ElasticLoadBalancingV2.LoadBalancer, maxErrorRatePercent: Value<Number>,
    maxP99Seconds: Value<Number>
  ) {
    let dimensions: Value<[CloudWatch.Alarm.Dimension]> = [
      .init(name: "LoadBalancer", value: loadBalancer.loadBalancerFullName)
    ]
    let namespace: Value<String> = "AWS/ApplicationELB"
    let requests: Value<CloudWatch.Alarm.MetricDataQuery> = .init(
      id: "requests",
      metricStat: .init(
        metric: .init(dimensions: dimensions, metricName: "RequestCount", namespace: namespace), period: 60,
        stat: "Sum"),
      returnData: false)
    let errors: Value<CloudWatch.Alarm.MetricDataQuery> = .init(
      id: "errors",
      metricStat: .init(
        metric: .init(dimensions: dimensions, metricName: "HTTPCode_Target_5XX_Count", namespace: namespace),
        period: 60, stat: "Sum"),
      returnData: false)
    let rate: Value<CloudWatch.Alarm.MetricDataQuery> = .init(
      id: "rate", expression: "IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)", label: "5xx rate (%)",
      returnData: true)
    errorRate = CloudWatch.Alarm(
      "ErrorRateAlarm", alarmDescription: "The service's 5xx rate, in percent of its requests, is over the limit",
      alarmName: "\(AWS.stackName)-5xx-rate", comparisonOperator: .greaterThanThreshold, datapointsToAlarm: 2,
      evaluationPeriods: 3, metrics: [requests, errors, rate], threshold: maxErrorRatePercent,
      treatMissingData: .notBreaching)
    latency = CloudWatch.Alarm(
      "LatencyAlarm", alarmDescription: "The service's p99 response time, in seconds, is over the limit",
      alarmName: "\(AWS.stackName)-p99", comparisonOperator: .greaterThanThreshold, datapointsToAlarm: 2,
      dimensions: dimensions, evaluationPeriods: 3, extendedStatistic: "p99", metricName: "TargetResponseTime",
      namespace: namespace, period: 60, threshold: maxP99Seconds, treatMissingData: .notBreaching)
  }
}
