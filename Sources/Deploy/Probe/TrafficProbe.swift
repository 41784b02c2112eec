import YAML

/// Sends requests to the load balancer and compares the split of answers by
/// version with the configured weights (`gen probe`).
///
/// ```swift
/// let report = try TrafficProbe.run(
///   url: "http://demo.elb.amazonaws.com/whoami", requests: 200, timeoutSeconds: 5,
///   roles: ["stable", "canary"], expectedWeights: [95, 5])
/// print(report.text)
/// ```
public enum TrafficProbe {
  /// Sends `requests` GETs one after another and tallies the answers.
  /// Throws only for a URL it cannot use.
  public static func run(
    url: String, requests: Int, timeoutSeconds: Double, roles: [String], expectedWeights: [Int]
  ) throws -> ProbeReport {
    let target: HTTPGet.Target
    do {
      target = try HTTPGet.target(from: url)
    } catch {
      throw DeployError("cannot probe \"\(url)\": only http://HOST[:PORT][/PATH] URLs are supported")
    }
    var report = ProbeReport(url: url, roles: roles, expectedWeights: expectedWeights)
    for _ in 0..<requests {
      do {
        let response = try HTTPGet.get(target, timeoutSeconds: timeoutSeconds)
        if (200..<300).contains(response.status) {
          report.record(answer: response.body)
        } else {
          report.increment(&report.httpErrors, "HTTP \(response.status)")
        }
      } catch {
        switch error {
        case .timeout:
          let seconds =
            timeoutSeconds == timeoutSeconds.rounded() ? String(Int(timeoutSeconds)) : String(timeoutSeconds)
          report.increment(&report.connectionErrors, "no answer within \(seconds)s")
        case .resolve(let reason): report.increment(&report.connectionErrors, "cannot resolve host: \(reason)")
        case .connect(let reason): report.increment(&report.connectionErrors, "cannot connect: \(reason)")
        case .malformedResponse: report.increment(&report.connectionErrors, "malformed HTTP response")
        case .badURL(let url): report.increment(&report.connectionErrors, "bad URL \(url)")
        }
      }
    }
    return report
  }

  /// The role an answer names: the body is the role, or the role is the one
  /// role name among its words (`{"version": "canary"}`, `app canary v2`).
  public static func role(ofAnswer body: String, roles: [String]) -> String? {
    let trimmed = body.trimmingWhitespace().lowercased()
    if let exact = roles.first(where: { $0.lowercased() == trimmed }) { return exact }
    let words = Set(trimmed.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }))
    let named = roles.filter { words.contains(Substring($0.lowercased())) }
    return named.count == 1 ? named[0] : nil
  }

  /// The Wilson score interval for `successes` out of `trials` at 95% confidence.
  public static func wilsonInterval(successes: Int, trials: Int) -> (low: Double, high: Double) {
    guard trials > 0 else { return (0, 1) }
    let z = 1.959964
    let n = Double(trials)
    let p = Double(successes) / n
    let denominator = 1 + z * z / n
    let center = (p + z * z / (2 * n)) / denominator
    let margin = z * ((p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()) / denominator
    return (max(0, center - margin), min(1, center + margin))
  }
}

/// The tally of a probe and its verdict.
public struct ProbeReport: Sendable {
  public var url: String
  public var roles: [String]
  /// Percentages, one per role.
  public var expectedWeights: [Int]
  /// Answers per role, in role order.
  public var answers: [Int]
  /// Answers that name no role (or several), by text.
  public var otherAnswers: [(answer: String, count: Int)] = []
  /// Non-2xx answers, by status.
  public var httpErrors: [(answer: String, count: Int)] = []
  /// Requests that got no answer, by reason.
  public var connectionErrors: [(answer: String, count: Int)] = []

  init(url: String, roles: [String], expectedWeights: [Int]) {
    self.url = url
    self.roles = roles
    self.expectedWeights = expectedWeights
    answers = Array(repeating: 0, count: roles.count)
  }

  mutating func record(answer body: String) {
    if let role = TrafficProbe.role(ofAnswer: body, roles: roles), let index = roles.firstIndex(of: role) {
      answers[index] += 1
    } else {
      let shown = String(body.trimmingWhitespace().prefix(60))
      increment(&otherAnswers, shown.isEmpty ? "(empty body)" : shown)
    }
  }

  func increment(_ tally: inout [(answer: String, count: Int)], _ key: String) {
    if let index = tally.firstIndex(where: { $0.answer == key }) {
      tally[index].count += 1
    } else {
      tally.append((answer: key, count: 1))
    }
  }

  /// Answers that named a role: the sample the split is measured on.
  public var classified: Int { answers.reduce(0, +) }

  public var requests: Int {
    classified + [otherAnswers, httpErrors, connectionErrors].flatMap { $0 }.map(\.count).reduce(0, +)
  }

  /// The 95% interval of each role's share.
  public var intervals: [(low: Double, high: Double)] {
    answers.map { TrafficProbe.wilsonInterval(successes: $0, trials: classified) }
  }

  /// Whether every configured share lies in its 95% interval (and anything answered).
  public var agrees: Bool {
    let intervals = intervals
    return classified > 0 && roles.indices.allSatisfy { expectationFits(intervals[$0], at: $0) }
  }

  /// Whether the configured share of the role at `index` lies in `interval`.
  func expectationFits(_ interval: (low: Double, high: Double), at index: Int) -> Bool {
    let share = Double(expectedWeights[index]) / 100
    return share >= interval.low - 1e-9 && share <= interval.high + 1e-9
  }

  /// The tally as text, one line per role, then errors and the verdict.
  public var text: String {
    func percent(_ value: Double) -> String {
      let tenths = Int((value * 1000).rounded())
      return "\(tenths / 10).\(tenths % 10)%"
    }
    var lines = ["Probed \(url): \(requests) requests, \(classified) answered by a known version", ""]
    let width = max(6, roles.map(\.count).max() ?? 0)
    lines.append("\("Track".padded(to: width))  Answers  Observed  95% interval    Configured")
    let intervals = intervals
    for (index, role) in roles.enumerated() {
      let observed = classified > 0 ? Double(answers[index]) / Double(classified) : 0
      let interval = intervals[index]
      let inside = expectationFits(interval, at: index)
      lines.append(
        "\(role.padded(to: width))  \(String(answers[index]).padded(to: 7))  \(percent(observed).padded(to: 8))  "
          + "\((percent(interval.low) + "–" + percent(interval.high)).padded(to: 14))  \(expectedWeights[index])%"
          + (inside ? "" : "  outside the interval"))
    }
    for (title, tally) in [
      ("Answers naming no version", otherAnswers), ("HTTP errors", httpErrors), ("Connection errors", connectionErrors),
    ] where !tally.isEmpty {
      lines.append("")
      lines.append("\(title): \(tally.map(\.count).reduce(0, +))")
      for entry in tally { lines.append("  \(entry.count) × \(entry.answer)") }
    }
    lines.append("")
    if classified == 0 {
      lines.append("Verdict: no answer named a version; cannot compare with the configured weights.")
    } else if agrees {
      lines.append("Verdict: the observed split agrees with the configured weights (95% interval).")
    } else {
      lines.append("Verdict: the observed split does NOT agree with the configured weights (95% interval).")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
