import AWSCloudWatch
import AWSElasticLoadBalancingV2
import CloudFormation

/// The two alarms that watch one version behind an Application Load Balancer,
/// from the load balancer's own metrics for the version's target group
/// (namespace `AWS/ApplicationELB`, dimensions `TargetGroup` and `LoadBalancer`):
///
/// - its 5xx rate in percent, metric math over `RequestCount` and
///   `HTTPCode_Target_5XX_Count` (a minute without 5xx answers publishes no
///   `HTTPCode_Target_5XX_Count`, so missing errors count as zero);
/// - its p99 response time (`TargetResponseTime`, in seconds).
///
/// Each fires when two of the last three minutes are over the limit; a minute
/// without traffic does not count against the version.
///
/// Logical IDs: `<Track>ErrorRateAlarm` and `<Track>LatencyAlarm`; the alarms are
/// named `<stack name>-<track>-5xx-rate` and `<stack name>-<track>-p99`.
struct TrackAlarms {
  let errorRate: CloudWatch.Alarm
  let latency: CloudWatch.Alarm

  /// - Parameters:
  ///   - track: `stable` or `canary`: names the alarms.
  ///   - metrics: the load balancer and target group whose metrics are watched.
  ///   - maxErrorRatePercent: the 5xx rate, in percent, above which the alarm fires.
  ///   - maxP99Seconds: the p99 response time, in seconds, above which the alarm fires.
  init(
    track: String, metrics: TargetGroupMetrics, maxErrorRatePercent: Value<Number>, maxP99Seconds: Value<Number>
  ) {
    let title = track.prefix(1).uppercased() + track.dropFirst()
    let requests: Value<CloudWatch.Alarm.MetricDataQuery> = .init(
      id: "requests", metricStat: .init(metric: metrics.alarmMetric("RequestCount"), period: 60, stat: "Sum"),
      returnData: false)
    let errors: Value<CloudWatch.Alarm.MetricDataQuery> = .init(
      id: "errors",
      metricStat: .init(metric: metrics.alarmMetric("HTTPCode_Target_5XX_Count"), period: 60, stat: "Sum"),
      returnData: false)
    let rate: Value<CloudWatch.Alarm.MetricDataQuery> = .init(
      id: "rate", expression: "IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)",
      label: "\(track) 5xx rate (%)", returnData: true)
    errorRate = CloudWatch.Alarm(
      "\(title)ErrorRateAlarm",
      alarmDescription: "The \(track) version's 5xx rate, in percent of its requests, is over the limit",
      alarmName: "\(AWS.stackName)-\(track)-5xx-rate", comparisonOperator: .greaterThanThreshold,
      datapointsToAlarm: 2, evaluationPeriods: 3, metrics: [requests, errors, rate],
      threshold: maxErrorRatePercent, treatMissingData: .notBreaching)
    latency = CloudWatch.Alarm(
      "\(title)LatencyAlarm",
      alarmDescription: "The \(track) version's p99 response time, in seconds, is over the limit",
      alarmName: "\(AWS.stackName)-\(track)-p99", comparisonOperator: .greaterThanThreshold,
      datapointsToAlarm: 2, dimensions: metrics.alarmDimensions, evaluationPeriods: 3,
      extendedStatistic: "p99", metricName: "TargetResponseTime", namespace: TargetGroupMetrics.namespace,
      period: 60, threshold: maxP99Seconds, treatMissingData: .notBreaching)
  }
}
