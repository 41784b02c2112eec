/// How `gen rollout` moves a canary: the canary percentages to step through,
/// how long each step bakes and how often it is judged, what fails a step, and
/// what to do when the data does not decide.
public struct RolloutPlan: Hashable, Sendable {
  /// What to do when a step's bake ends without a passed interval.
  public enum InconclusiveAction: String, CaseIterable, Hashable, Sendable {
    /// Stop with the weights as they are (exit 3), printing the command to go on.
    case hold
    /// Take the next step anyway.
    case `continue`
    /// Roll back to 100/0.
    case rollback
  }

  /// Canary percentages, increasing, from 1 to 100 (`--steps 5,25,50,100`).
  public var steps: [Int]
  /// How long each step bakes (`--bake`).
  public var bake: TimeSpan
  /// How often the canary is judged while baking (`--interval`): also the
  /// CloudWatch period, so 1, 5, 10 or 30 seconds or a multiple of a minute.
  public var interval: TimeSpan
  public var thresholds: RolloutThresholds
  /// Failed intervals at one step that roll back (`--failures`).
  public var failureLimit: Int
  public var onInconclusive: InconclusiveAction
  /// Stop once this step has baked, for a person (`--pause-at`).
  public var pauseAt: Int?
  /// How late CloudWatch publishes: each judged interval ends this long ago (`--metrics-lag`).
  public var metricsLag: TimeSpan
  /// Alarms whose `ALARM` state fails an interval (`--alarm`), besides those the stack outputs.
  public var alarms: [String]
  /// Requests sent through the load balancer each interval, counted from the client side (`--probe`).
  public var probeRequests: Int?
  /// The path the probe requests (`--probe-path`).
  public var probePath: String
  /// Roll out even when the canary runs the stable version's image.
  public var allowSameImage: Bool

  public init(
    steps: [Int] = [5, 25, 50, 100], bake: TimeSpan = TimeSpan(seconds: 300),
    interval: TimeSpan = TimeSpan(seconds: 60),
    thresholds: RolloutThresholds = RolloutThresholds(), failureLimit: Int = 2,
    onInconclusive: InconclusiveAction = .hold,
    pauseAt: Int? = nil, metricsLag: TimeSpan = TimeSpan(seconds: 60), alarms: [String] = [], probeRequests: Int? = nil,
    probePath: String = "/whoami", allowSameImage: Bool = false
  ) {
    self.steps = steps
    self.bake = bake
    self.interval = interval
    self.thresholds = thresholds
    self.failureLimit = failureLimit
    self.onInconclusive = onInconclusive
    self.pauseAt = pauseAt
    self.metricsLag = metricsLag
    self.alarms = alarms
    self.probeRequests = probeRequests
    self.probePath = probePath.hasPrefix("/") ? probePath : "/" + probePath
    self.allowSameImage = allowSameImage
  }

  /// The CloudWatch periods shorter than a minute (high-resolution metrics).
  static let subminutePeriods: Set<Int> = [1, 5, 10, 30]

  /// What may not work as meant, without stopping the rollout: an interval
  /// under a minute, which an Application Load Balancer's metrics (published
  /// once a minute) leave mostly empty.
  public var notes: [String] {
    guard interval.seconds < 60 else { return [] }
    return [
      "--interval \(interval) is under a minute, but an Application Load Balancer publishes its metrics once a "
        + "minute: most intervals would have no data on AWS (use it with metrics written at a finer period)"
    ]
  }

  /// Every problem with the plan, each naming the option and the rule.
  public var problems: [String] {
    var problems: [String] = []
    if steps.isEmpty || steps.contains(where: { !(1...100).contains($0) }) || steps != steps.sorted()
      || Set(steps).count != steps.count
    {
      problems.append(
        "--steps takes increasing canary percentages from 1 to 100, such as 5,25,50,100; got "
          + steps.map(String.init).joined(separator: ","))
    }
    let period = Int(interval.seconds.rounded())
    if Double(period) != interval.seconds
      || !(Self.subminutePeriods.contains(period) || (period > 0 && period % 60 == 0))
    {
      problems.append(
        "--interval is also the CloudWatch period: 1s, 5s, 10s, 30s or whole minutes; got \(interval)")
    }
    if bake < interval { problems.append("--bake (\(bake)) must be at least one --interval (\(interval))") }
    if failureLimit < 1 { problems.append("--failures must be at least 1") }
    if let pauseAt, !steps.contains(pauseAt) {
      problems.append(
        "--pause-at \(pauseAt) is not one of the steps (\(steps.map(String.init).joined(separator: ",")))")
    }
    if metricsLag.seconds < 0 { problems.append("--metrics-lag must not be negative") }
    let limits = thresholds
    if limits.maxErrorRate < 0 || limits.maxErrorRate > 100 {
      problems.append("--max-error-rate is a percentage from 0 to 100")
    }
    if limits.maxP99 <= 0 { problems.append("--max-p99 must be more than 0") }
    if limits.maxErrorRateIncrease < 0 { problems.append("--max-error-rate-increase must not be negative") }
    if limits.maxP99Ratio < 1 { problems.append("--max-p99-ratio must be at least 1") }
    if limits.minRequests < 1 { problems.append("--min-requests must be at least 1") }
    if let probeRequests, probeRequests < 1 { problems.append("--probe must be at least 1 request") }
    return problems
  }

  /// The steps still to take when the canary has `canaryWeight` now: those above it.
  public func remainingSteps(from canaryWeight: Int) -> [Int] {
    steps.filter { $0 > canaryWeight }
  }
}
