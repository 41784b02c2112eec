import YAML

/// What a rollout did, step by step, and how it ended: as a table while it
/// runs and at the end, as JSON or Markdown for CI (`gen rollout --format`).
public struct RolloutReport: Hashable, Sendable {
  /// How a step ended.
  public enum StepResult: String, Hashable, Sendable {
    case passed, failed, inconclusive, interrupted
  }

  /// One step: the canary's share and what its intervals measured, added up.
  public struct Step: Hashable, Sendable {
    /// The step's place in the plan's steps, from 1 (a rerun that continues keeps it).
    public var number: Int
    public var canaryPercent: Int
    public var tally: BakeTally
    public var canary: TrackHealth
    public var stable: TrackHealth
    public var result: StepResult

    public init(
      number: Int, canaryPercent: Int, tally: BakeTally, canary: TrackHealth, stable: TrackHealth, result: StepResult
    ) {
      self.number = number
      self.canaryPercent = canaryPercent
      self.tally = tally
      self.canary = canary
      self.stable = stable
      self.result = result
    }
  }

  /// How the rollout ended.
  public enum Outcome: Hashable, Sendable {
    /// Every step passed and the stable version runs the canary's image, all traffic on it.
    case promoted
    /// Rolled back to 100/0, and why.
    case rolledBack(reason: String)
    /// Stopped with the weights as they are because the data did not decide.
    case held(reason: String)
    /// Stopped after a step baked, for a person (`--pause-at`).
    case paused
    /// Stopped by Ctrl-C, the weights as they are.
    case interrupted
    /// Rolled back on request (`--abort`).
    case aborted

    /// `gen rollout`'s exit status.
    public var exitStatus: Int32 {
      switch self {
      case .promoted, .paused, .aborted: 0
      case .rolledBack: 1
      case .held: 3
      case .interrupted: 130
      }
    }

    var name: String {
      switch self {
      case .promoted: "promoted"
      case .rolledBack: "rolled back"
      case .held: "held"
      case .paused: "paused"
      case .interrupted: "interrupted"
      case .aborted: "aborted"
      }
    }

    var reason: String? {
      switch self {
      case .rolledBack(let reason), .held(let reason): reason
      default: nil
      }
    }
  }

  public var stackName: String
  public var steps: [Step]
  public var outcome: Outcome
  /// The command to run next (continue, or roll back), when there is one.
  public var next: String?

  public init(stackName: String, steps: [Step], outcome: Outcome, next: String? = nil) {
    self.stackName = stackName
    self.steps = steps
    self.outcome = outcome
    self.next = next
  }

  var rows: [[String]] {
    [
      [
        "Step", "Canary", "Intervals pass/fail/no data", "Canary req", "5xx", "p99", "Stable req", "5xx", "p99",
        "Result",
      ]
    ]
      + steps.map { step in
        [
          "\(step.number)", "\(step.canaryPercent)%",
          "\(step.tally.passed)/\(step.tally.failed)/\(step.tally.inconclusive)",
          HealthText.count(step.canary.requests),
          HealthText.percent(step.canary.errorRate), HealthText.latency(step.canary.p99),
          HealthText.count(step.stable.requests), HealthText.percent(step.stable.errorRate),
          HealthText.latency(step.stable.p99), step.result.rawValue,
        ]
      }
  }

  /// The steps as an aligned table (none when no step ran), then the outcome
  /// and what to run next.
  public var text: String {
    let rows = rows
    let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    var lines =
      steps.isEmpty
      ? []
      : rows.map { row in
        row.enumerated().map { column, cell in column == row.count - 1 ? cell : cell.padded(to: widths[column] + 2) }
          .joined()
      } + [""]
    lines.append(summary)
    if let next { lines.append("Next: \(next)") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The report as a Markdown table, for a pull-request or job summary.
  public var markdown: String {
    let rows = rows
    var lines = ["### Rollout of stack \(stackName): \(outcome.name)", ""]
    if !steps.isEmpty {
      lines.append("| " + rows[0].joined(separator: " | ") + " |")
      lines.append("|" + String(repeating: " --- |", count: rows[0].count))
      for row in rows.dropFirst() { lines.append("| " + row.joined(separator: " | ") + " |") }
      lines.append("")
    }
    lines.append(summary)
    if let next { lines += ["", "Next: `\(next)`"] }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One sentence: `Stack demo: rolled back at 50%: canary 5xx rate 3% (limit: at most 1%).`
  public var summary: String {
    let at = steps.last.map { " at \($0.canaryPercent)%" } ?? ""
    switch outcome {
    case .promoted:
      return "Stack \(stackName): promoted; the stable version runs the canary's image, all traffic on it."
    case .rolledBack(let reason): return "Stack \(stackName): rolled back\(at): \(reason)."
    case .held(let reason): return "Stack \(stackName): held\(at), weights left as they are: \(reason)."
    case .paused: return "Stack \(stackName): paused\(at) for a person, weights left as they are."
    case .interrupted: return "Stack \(stackName): interrupted\(at), weights left as they are."
    case .aborted: return "Stack \(stackName): aborted; all traffic back on stable."
    }
  }

  /// The report as JSON: `{"stack", "outcome", "reason", "next", "steps": [...]}`.
  public func json() throws -> String {
    let health = StackStatusReport.json
    var root = YAMLMapping()
    root.append("stack", .string(stackName))
    root.append("outcome", .string(outcome.name))
    root.append("reason", outcome.reason.map { .string($0) } ?? .null)
    root.append("next", next.map { .string($0) } ?? .null)
    root.append(
      "steps",
      .sequence(
        YAMLSequence(
          steps.map { step in
            [
              "step": .integer(step.number), "canaryPercent": .integer(step.canaryPercent),
              "passedIntervals": .integer(step.tally.passed),
              "failedIntervals": .integer(step.tally.failed),
              "inconclusiveIntervals": .integer(step.tally.inconclusive), "canary": health(step.canary),
              "stable": health(step.stable), "result": .string(step.result.rawValue),
            ]
          })))
    return try JSONWriter().string(from: .mapping(root))
  }
}
