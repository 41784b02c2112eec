/// The intervals judged while a step bakes, and what they add up to: a step
/// fails as soon as `failureLimit` intervals have failed; when its bake ends it
/// passes if at least one interval passed, and is inconclusive otherwise.
public struct BakeTally: Hashable, Sendable {
  public var passed = 0
  public var failed = 0
  public var inconclusive = 0
  /// The limits broken in the last failed interval.
  public var lastFailures: [CheckFailure] = []

  public init() {}

  public mutating func record(_ verdict: IntervalVerdict) {
    switch verdict {
    case .passed: passed += 1
    case .failed(let failures):
      failed += 1
      lastFailures = failures
    case .inconclusive: inconclusive += 1
    }
  }

  /// Whether the step has failed, with `failureLimit` failed intervals allowed at most minus one.
  public func hasFailed(failureLimit: Int) -> Bool { failed >= failureLimit }

  /// What the bake comes to once it has ended without failing.
  public var endedConclusively: Bool { passed > 0 }
}
