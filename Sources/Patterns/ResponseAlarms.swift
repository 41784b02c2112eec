import AWSCloudWatch
import CloudFormation

/// Two CloudWatch alarms on what an Application Load Balancer sees of an
/// application (see ``LoadBalancerMetrics``):
///
/// - its 5xx rate in percent, metric math over `RequestCount` and
///   `HTTPCode_Target_5XX_Count`: `IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)`
///   (a minute without 5xx answers publishes no `HTTPCode_Target_5XX_Count`, so
///   missing errors count as zero);
/// - its p99 response time (`TargetResponseTime`, in seconds).
///
/// Each fires when two of the last three minutes are over its limit; a minute
/// without traffic does not count against the application.
///
/// ```swift
/// let alarms = ResponseAlarms(
///   version: "canary", metrics: LoadBalancerMetrics(loadBalancer: alb, targetGroup: canaryGroup),
///   maxErrorRatePercent: ResponseAlarms.maxErrorRate.ref, maxP99Seconds: ResponseAlarms.maxP99.ref)
/// ```
///
/// Logical IDs: `<Version>ErrorRateAlarm` and `<Version>LatencyAlarm` (without a
/// version: `ErrorRateAlarm`, `LatencyAlarm`); alarm names
/// `<stack name>[-<version>]-5xx-rate` and `<stack name>[-<version>]-p99`.
public struct ResponseAlarms: Sendable {
  /// A parameter for `maxErrorRatePercent`: `AlarmMaxErrorRatePercent`, default 1.
  public static let maxErrorRate = Parameter<Number>.number(
    "AlarmMaxErrorRatePercent", description: "5xx rate, in percent of requests, above which an error-rate alarm fires",
    default: 1, minValue: 0, maxValue: 100)
  /// A parameter for `maxP99Seconds`: `AlarmMaxP99Seconds`, default 0.5.
  public static let maxP99 = Parameter<Number>.number(
    "AlarmMaxP99Seconds", description: "p99 response time, in seconds, above which a latency alarm fires",
    default: 0.5, minValue: 0)

  public let errorRate: CloudWatch.Alarm
  public let latency: CloudWatch.Alarm

  /// - Parameters:
  ///   - version: `stable`, `canary`…: names the alarms and says whose numbers
  ///     they watch; `nil` for the whole application.
  ///   - metrics: the load balancer, and the version's target group, whose metrics are watched.
  ///   - maxErrorRatePercent: the 5xx rate, in percent, above which the error-rate alarm fires.
  ///   - maxP99Seconds: the p99 response time, in seconds, above which the latency alarm fires.
  ///   - fileID: with `line`, where the alarms are declared, for the problems that name them.
  ///   - line: the line of that declaration.
  public init(
    version: String? = nil, metrics: LoadBalancerMetrics, maxErrorRatePercent: Value<Number>,
    maxP99Seconds: Value<Number>, fileID: String = #fileID, line: Int = #line
  ) {
    let title = version.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? ""
    let whose = version.map { "The \($0) version's" } ?? "The application's"
    let name = version.map { "-\($0)" } ?? ""
    let requests: Value<CloudWatch.Alarm.MetricDataQuery> = .init(
      id: "requests", metricStat: .init(metric: metrics.alarmMetric("RequestCount"), period: 60, stat: "Sum"),
      returnData: false)
    let errors: Value<CloudWatch.Alarm.MetricDataQuery> = .init(
      id: "errors",
      metricStat: .init(metric: metrics.alarmMetric("HTTPCode_Target_5XX_Count"), period: 60, stat: "Sum"),
      returnData: false)
    let rate: Value<CloudWatch.Alarm.MetricDataQuery> = .init(
      id: "rate", expression: "IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)",
      label: Value("\(version.map { "\($0) " } ?? "")5xx rate (%)"), returnData: true)
    errorRate = CloudWatch.Alarm(
      "\(title)ErrorRateAlarm",
      alarmDescription: Value("\(whose) 5xx rate, in percent of its requests, is over the limit"),
      alarmName: "\(AWS.stackName)\(name)-5xx-rate", comparisonOperator: .greaterThanThreshold,
      datapointsToAlarm: 2, evaluationPeriods: 3, metrics: [requests, errors, rate],
      threshold: maxErrorRatePercent, treatMissingData: .notBreaching, fileID: fileID, line: line)
    latency = CloudWatch.Alarm(
      "\(title)LatencyAlarm",
      alarmDescription: Value("\(whose) p99 response time, in seconds, is over the limit"),
      alarmName: "\(AWS.stackName)\(name)-p99", comparisonOperator: .greaterThanThreshold,
      datapointsToAlarm: 2, dimensions: metrics.alarmDimensions, evaluationPeriods: 3,
      extendedStatistic: "p99", metricName: "TargetResponseTime", namespace: LoadBalancerMetrics.namespace,
      period: 60, threshold: maxP99Seconds, treatMissingData: .notBreaching, fileID: fileID, line: line)
  }
}
