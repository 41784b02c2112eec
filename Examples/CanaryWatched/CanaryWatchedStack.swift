import AWSCloudWatch
import CanaryStack
import CloudFormation
import Patterns

/// The canary deployment, watched: ``CanaryStack`` as it is, plus, for each
/// version, CloudWatch alarms on its 5xx rate and its p99 response time, and a
/// dashboard of both versions' requests, 5xx rate and p99. The alarms' and the
/// dashboard's names are in Outputs, where `gen status` and `gen rollout` read
/// them: an alarm of the canary in ALARM fails the rollout's check.
/// `Generated/deploy-canary-watched.yml` is the committed output.
public enum CanaryWatchedStack {
  public typealias Track = CanaryStack.Track

  // MARK: - Interface

  /// `AlarmMaxErrorRatePercent`: see ``ResponseAlarms``.
  public static let alarmMaxErrorRate = ResponseAlarms.maxErrorRate
  /// `AlarmMaxP99Seconds`: see ``ResponseAlarms``.
  public static let alarmMaxP99 = ResponseAlarms.maxP99

  /// The outputs the deploy commands read, beyond the canary's own (``CanaryStack/Outputs``).
  public enum Outputs {
    /// `StableErrorRateAlarmName`, `CanaryErrorRateAlarmName`.
    public static func errorRateAlarmName(_ track: Track) -> OutputName {
      OutputName("\(track.title)ErrorRateAlarmName")
    }
    /// `StableLatencyAlarmName`, `CanaryLatencyAlarmName`.
    public static func latencyAlarmName(_ track: Track) -> OutputName { OutputName("\(track.title)LatencyAlarmName") }
    /// The names of `track`'s alarms.
    public static func alarmNames(_ track: Track) -> [OutputName] {
      [errorRateAlarmName(track), latencyAlarmName(track)]
    }
    public static let dashboardName: OutputName = "DashboardName"
    public static let dashboardURL: OutputName = "DashboardURL"
  }

  // MARK: - The stack

  /// The template: the canary's, with the alarms, the dashboard and their outputs.
  public static var template: Template {
    let parts = CanaryStack.Parts()
    let loadBalancer = parts.foundation.loadBalancer
    let watched = Track.allCases.map { track in
      (
        track: track,
        metrics: LoadBalancerMetrics(loadBalancer: loadBalancer, targetGroup: parts.service(track).targetGroup)
      )
    }
    let alarms = watched.map { track, metrics in
      (
        track: track,
        alarms: ResponseAlarms(
          version: track.rawValue, metrics: metrics, maxErrorRatePercent: alarmMaxErrorRate.ref,
          maxP99Seconds: alarmMaxP99.ref)
      )
    }
    let dashboard = TrafficDashboard(
      "Dashboard", name: "\(AWS.stackName)-traffic",
      tracks: watched.map { TrafficDashboard.Track(name: $0.track.rawValue, metrics: $0.metrics) }
    ).dashboard
    let dashboardURL: Value<String> =
      "https://\(AWS.region).console.aws.amazon.com/cloudwatch/home?region=\(AWS.region)#dashboards:name=\(dashboard.ref)"

    var template = CanaryStack.template(parts)
    template.description =
      "Canary deployment on ECS Fargate behind an Application Load Balancer whose listener splits traffic between a stable and a canary target group by weight (StableWeight / CanaryWeight), with CloudWatch alarms on each version's 5xx rate and p99 response time and a dashboard of both."
    template.elements +=
      Template {
        ParameterGroup("Alarms", [alarmMaxErrorRate, alarmMaxP99])
        alarmMaxErrorRate
        alarmMaxP99

        for (index, entry) in alarms.enumerated() {
          index == 0 ? entry.alarms.errorRate.comment("Alarms and dashboard") : entry.alarms.errorRate
          entry.alarms.latency
        }
        dashboard

        for entry in alarms {
          Output(
            Outputs.errorRateAlarmName(entry.track), value: entry.alarms.errorRate.ref,
            description: "Alarm on the \(entry.track.rawValue) version's 5xx rate")
          Output(
            Outputs.latencyAlarmName(entry.track), value: entry.alarms.latency.ref,
            description: "Alarm on the \(entry.track.rawValue) version's p99 response time")
        }
        Output(
          Outputs.dashboardName, value: dashboard.ref, description: "CloudWatch dashboard of both versions' traffic")
        Output(Outputs.dashboardURL, value: dashboardURL, description: "Link to the dashboard in the AWS console")
      }.elements
    return template
  }
}
