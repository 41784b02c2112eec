/// What a canary must meet in each judged interval of a rollout: absolute
/// limits on its own 5xx rate and p99, and limits relative to the stable
/// version over the same interval.
public struct RolloutThresholds: Hashable, Sendable {
  /// The canary's 5xx rate, percent (`--max-error-rate`).
  public var maxErrorRate: Double
  /// The canary's p99 response time, seconds (`--max-p99`).
  public var maxP99: Double
  /// How far the canary's 5xx rate may exceed stable's, percentage points (`--max-error-rate-increase`).
  public var maxErrorRateIncrease: Double
  /// How many times stable's p99 the canary's may be (`--max-p99-ratio`).
  public var maxP99Ratio: Double
  /// Requests a version needs in an interval for its rates to count (`--min-requests`).
  public var minRequests: Double

  public init(
    maxErrorRate: Double = 1, maxP99: Double = 0.5, maxErrorRateIncrease: Double = 0.5, maxP99Ratio: Double = 1.5,
    minRequests: Double = 50
  ) {
    self.maxErrorRate = maxErrorRate
    self.maxP99 = maxP99
    self.maxErrorRateIncrease = maxErrorRateIncrease
    self.maxP99Ratio = maxP99Ratio
    self.minRequests = minRequests
  }
}
