/// One limit a canary broke in an interval: the metric, its value and the threshold.
public struct CheckFailure: Hashable, Sendable, CustomStringConvertible {
  /// Such as `canary 5xx rate` or `alarm app-canary-5xx`.
  public var metric: String
  /// Such as `2.4%` or `ALARM`.
  public var value: String
  /// Such as `at most 1%`.
  public var threshold: String

  public init(metric: String, value: String, threshold: String) {
    self.metric = metric
    self.value = value
    self.threshold = threshold
  }

  /// `canary 5xx rate 2.4% (limit: at most 1%)`.
  public var description: String { "\(metric) \(value) (limit: \(threshold))" }
}

/// What one judged interval says about the canary.
public enum IntervalVerdict: Hashable, Sendable {
  case passed
  /// Every limit it broke.
  case failed([CheckFailure])
  /// Not enough data to judge, and why.
  case inconclusive(String)
}

/// Judges a canary interval by interval, against fixed limits and against the
/// stable version over the same interval (``RolloutThresholds``).
///
/// - An alarm in `ALARM` fails the interval whatever the traffic.
/// - With fewer than `minRequests` canary requests, or no p99 datapoint, the
///   interval is inconclusive.
/// - The canary's own 5xx rate and p99 must be within the absolute limits.
/// - When stable also has `minRequests`, the canary's 5xx rate may exceed
///   stable's by at most `maxErrorRateIncrease` points, and its p99 be at most
///   `maxP99Ratio` times stable's. A comparison is skipped when stable itself
///   breaks that metric's absolute limit: a failure both versions share is not
///   the canary's, unless the canary breaks the absolute limit too.
///
/// ```swift
/// let verdict = CanaryAnalysis(thresholds: RolloutThresholds())
///   .judge(canary: TrackHealth(requests: 400, errors: 12, p99: 0.2), stable: TrackHealth(requests: 1600, errors: 2, p99: 0.2))
/// // .failed([canary 5xx rate 3% (limit: at most 1%), 5xx rate above stable's …])
/// ```
public struct CanaryAnalysis: Hashable, Sendable {
  public var thresholds: RolloutThresholds

  public init(thresholds: RolloutThresholds) {
    self.thresholds = thresholds
  }

  public func judge(canary: TrackHealth, stable: TrackHealth, alarmsInAlarm: [String] = []) -> IntervalVerdict {
    var failures = alarmsInAlarm.map { CheckFailure(metric: "alarm \($0)", value: "ALARM", threshold: "OK") }
    guard canary.requests >= thresholds.minRequests, let canaryRate = canary.errorRate else {
      return failures.isEmpty
        ? .inconclusive(
          "the canary had \(HealthText.count(canary.requests)) requests, fewer than the "
            + "\(HealthText.count(thresholds.minRequests)) needed")
        : .failed(failures)
    }
    if canaryRate > thresholds.maxErrorRate {
      failures.append(
        CheckFailure(
          metric: "canary 5xx rate", value: HealthText.percent(canaryRate),
          threshold: "at most \(HealthText.percent(thresholds.maxErrorRate))"))
    }
    if let p99 = canary.p99, p99 > thresholds.maxP99 {
      failures.append(
        CheckFailure(
          metric: "canary p99", value: HealthText.latency(p99),
          threshold: "at most \(HealthText.latency(thresholds.maxP99))"))
    }
    if stable.requests >= thresholds.minRequests, let stableRate = stable.errorRate {
      let increase = canaryRate - stableRate
      if stableRate <= thresholds.maxErrorRate, increase > thresholds.maxErrorRateIncrease {
        failures.append(
          CheckFailure(
            metric: "canary 5xx rate above stable's",
            value: "+\(Self.points(increase)) points (\(HealthText.percent(canaryRate)) against "
              + "\(HealthText.percent(stableRate)))",
            threshold: "at most +\(Self.points(thresholds.maxErrorRateIncrease)) points"))
      }
      if let canaryP99 = canary.p99, let stableP99 = stable.p99, stableP99 > 0, stableP99 <= thresholds.maxP99,
        canaryP99 / stableP99 > thresholds.maxP99Ratio
      {
        failures.append(
          CheckFailure(
            metric: "canary p99 against stable's",
            value: "\(Self.ratio(canaryP99 / stableP99))× (\(HealthText.latency(canaryP99)) against "
              + "\(HealthText.latency(stableP99)))",
            threshold: "at most \(Self.ratio(thresholds.maxP99Ratio))×"))
      }
    }
    if !failures.isEmpty { return .failed(failures) }
    guard canary.p99 != nil else { return .inconclusive("no p99 datapoint for the canary") }
    return .passed
  }

  static func points(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  static func ratio(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
