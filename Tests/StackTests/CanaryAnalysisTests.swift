import Deploy
import Testing

/// The rollout's decisions on synthetic intervals: every limit on both sides of
/// its boundary, too little traffic, missing datapoints, a stable version that
/// fails too, alarms, and how intervals add up to a step.
@Suite("Canary analysis")
struct CanaryAnalysisTests {
  static let analysis = CanaryAnalysis(thresholds: RolloutThresholds())
  /// A healthy stable version: 1,000 requests, 0.2% 5xx, p99 200 ms.
  static let stable = TrackHealth(requests: 1000, errors: 2, p50: 0.05, p99: 0.2)

  static func canary(requests: Double = 200, errorRate: Double = 0, p99: Double? = 0.2) -> TrackHealth {
    TrackHealth(requests: requests, errors: requests * errorRate / 100, p50: 0.05, p99: p99)
  }

  static func metrics(_ verdict: IntervalVerdict) -> [String] {
    guard case .failed(let failures) = verdict else { return [] }
    return failures.map(\.metric)
  }

  @Test("a healthy canary passes")
  func healthy() {
    #expect(Self.analysis.judge(canary: Self.canary(errorRate: 0.5), stable: Self.stable) == .passed)
  }

  @Test(
    "the canary's own 5xx rate: at the limit passes, above it fails",
    arguments: [(1.0, true), (1.01, false), (0.99, true)])
  func absoluteErrorRate(rate: Double, passes: Bool) {
    // Stable at 0.9% so that the increase (at most 0.11 points) never decides.
    let stable = TrackHealth(requests: 1000, errors: 9, p50: 0.05, p99: 0.2)
    let verdict = Self.analysis.judge(canary: Self.canary(requests: 10_000, errorRate: rate), stable: stable)
    #expect((verdict == .passed) == passes, "\(verdict)")
    if !passes { #expect(Self.metrics(verdict) == ["canary 5xx rate"]) }
  }

  @Test("the canary's own p99: at the limit passes, above it fails", arguments: [(0.5, true), (0.501, false)])
  func absoluteLatency(p99: Double, passes: Bool) {
    let stable = TrackHealth(requests: 1000, errors: 2, p50: 0.05, p99: 0.45)
    let verdict = Self.analysis.judge(canary: Self.canary(p99: p99), stable: stable)
    #expect((verdict == .passed) == passes, "\(verdict)")
    if !passes { #expect(Self.metrics(verdict) == ["canary p99"]) }
  }

  @Test(
    "the 5xx rate above stable's: up to 0.5 points passes, more fails",
    arguments: [(0.7, true), (0.71, false)])
  func relativeErrorRate(rate: Double, passes: Bool) {
    let verdict = Self.analysis.judge(canary: Self.canary(requests: 10_000, errorRate: rate), stable: Self.stable)
    #expect((verdict == .passed) == passes, "\(verdict)")
    if !passes {
      #expect(Self.metrics(verdict) == ["canary 5xx rate above stable's"])
      guard case .failed(let failures) = verdict else { return }
      #expect(
        failures[0].description
          == "canary 5xx rate above stable's +0.51 points (0.71% against 0.2%) (limit: at most +0.5 points)")
    }
  }

  @Test("p99 against stable's: up to 1.5 times passes, more fails", arguments: [(0.3, true), (0.302, false)])
  func relativeLatency(p99: Double, passes: Bool) {
    let verdict = Self.analysis.judge(canary: Self.canary(p99: p99), stable: Self.stable)
    #expect((verdict == .passed) == passes, "\(verdict)")
    if !passes { #expect(Self.metrics(verdict) == ["canary p99 against stable's"]) }
  }

  @Test("too few canary requests: inconclusive, at the minimum: judged")
  func tooFewRequests() {
    #expect(
      Self.analysis.judge(canary: Self.canary(requests: 49), stable: Self.stable)
        == .inconclusive("the canary had 49 requests, fewer than the 50 needed"))
    #expect(Self.analysis.judge(canary: Self.canary(requests: 50), stable: Self.stable) == .passed)
    // Even a canary failing every request is not judged on 10 of them…
    #expect(
      Self.analysis.judge(canary: Self.canary(requests: 10, errorRate: 100), stable: Self.stable)
        == .inconclusive("the canary had 10 requests, fewer than the 50 needed"))
  }

  @Test("too few stable requests: the comparison is skipped, the absolute limits still apply")
  func stableTooQuiet() {
    let quiet = TrackHealth(requests: 20, errors: 0, p50: 0.01, p99: 0.01)
    #expect(Self.analysis.judge(canary: Self.canary(errorRate: 0.9, p99: 0.45), stable: quiet) == .passed)
    #expect(
      Self.metrics(Self.analysis.judge(canary: Self.canary(errorRate: 1.5), stable: quiet)) == ["canary 5xx rate"])
  }

  @Test("missing datapoints: no requests at all, or no p99, is inconclusive")
  func missingDatapoints() {
    #expect(
      Self.analysis.judge(canary: .empty, stable: Self.stable)
        == .inconclusive("the canary had 0 requests, fewer than the 50 needed"))
    #expect(
      Self.analysis.judge(canary: Self.canary(p99: nil), stable: Self.stable)
        == .inconclusive("no p99 datapoint for the canary"))
    // A stable version without a p99 only skips the latency comparison.
    #expect(
      Self.analysis.judge(canary: Self.canary(), stable: TrackHealth(requests: 1000, errors: 0)) == .passed)
  }

  @Test("a failure both versions share is not the canary's, unless it breaks the absolute limit itself")
  func sharedFailure() {
    // Stable fails (5% 5xx, p99 900 ms); the canary is 5.3 points worse and 3 times slower, but within its own limits…
    let failingStable = TrackHealth(requests: 1000, errors: 50, p50: 0.3, p99: 0.9)
    let verdict = Self.analysis.judge(canary: Self.canary(errorRate: 0.5, p99: 0.3), stable: failingStable)
    #expect(verdict == .passed)
    // …and over its own absolute limit it fails, on that limit alone.
    #expect(
      Self.metrics(Self.analysis.judge(canary: Self.canary(errorRate: 6, p99: 0.95), stable: failingStable))
        == ["canary 5xx rate", "canary p99"])
  }

  @Test("an alarm in ALARM fails the interval, even without traffic")
  func alarms() {
    let verdict = Self.analysis.judge(canary: .empty, stable: Self.stable, alarmsInAlarm: ["app-canary-5xx"])
    #expect(verdict == .failed([CheckFailure(metric: "alarm app-canary-5xx", value: "ALARM", threshold: "OK")]))
  }

  @Test("a step fails at the failure limit, passes with a passed interval, is inconclusive without")
  func tally() {
    var tally = BakeTally()
    tally.record(.inconclusive("quiet"))
    #expect(!tally.endedConclusively)
    tally.record(.failed([CheckFailure(metric: "canary p99", value: "1s", threshold: "at most 500ms")]))
    #expect(!tally.hasFailed(failureLimit: 2))
    tally.record(.passed)
    #expect(tally.endedConclusively)
    tally.record(.failed([CheckFailure(metric: "canary 5xx rate", value: "3%", threshold: "at most 1%")]))
    #expect(tally.hasFailed(failureLimit: 2))
    #expect(tally.lastFailures.map(\.metric) == ["canary 5xx rate"])
    #expect((tally.passed, tally.failed, tally.inconclusive) == (1, 2, 1))
  }

  @Test("the plan's options are checked, each naming the option")
  func planProblems() {
    #expect(RolloutPlan().problems.isEmpty)
    let bad = RolloutPlan(
      steps: [50, 25], bake: TimeSpan(seconds: 30), interval: TimeSpan(seconds: 45), failureLimit: 0, pauseAt: 75)
    #expect(
      bad.problems == [
        "--steps takes increasing canary percentages from 1 to 100, such as 5,25,50,100; got 50,25",
        "--interval is also the CloudWatch period: 1s, 5s, 10s, 30s or whole minutes; got 45s",
        "--bake (30s) must be at least one --interval (45s)", "--failures must be at least 1",
        "--pause-at 75 is not one of the steps (50,25)",
      ])
    #expect(RolloutPlan().notes.isEmpty)
    #expect(RolloutPlan(interval: TimeSpan(seconds: 10)).notes.count == 1)
    #expect(RolloutPlan().remainingSteps(from: 0) == [5, 25, 50, 100])
    #expect(RolloutPlan().remainingSteps(from: 25) == [50, 100])
    #expect(RolloutPlan().remainingSteps(from: 30) == [50, 100])
    #expect(RolloutPlan().remainingSteps(from: 100) == [])
  }

  @Test(
    "times are written as the options take them",
    arguments: [
      ("500ms", 0.5), ("4s", 4), ("1m", 60), ("1m30s", 90), ("2h", 7200), ("0s", 0),
    ])
  func timeSpans(text: String, seconds: Double) {
    #expect(TimeSpan(text)?.seconds == seconds)
  }

  @Test("a time without a unit, or with an unknown one, is not one", arguments: ["5", "5x", "", "m", "1.5.2s"])
  func badTimeSpans(text: String) {
    #expect(TimeSpan(text) == nil)
  }
}
