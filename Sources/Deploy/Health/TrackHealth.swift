/// One version's traffic over a span of time, from its target group's load
/// balancer metrics: requests, 5xx responses and response times.
public struct TrackHealth: Hashable, Sendable {
  /// `RequestCount` (Sum).
  public var requests: Double
  /// `HTTPCode_Target_5XX_Count` (Sum).
  public var errors: Double
  /// `TargetResponseTime` p50, in seconds; nil without data.
  public var p50: Double?
  /// `TargetResponseTime` p99, in seconds; nil without data.
  public var p99: Double?

  public init(requests: Double, errors: Double, p50: Double? = nil, p99: Double? = nil) {
    self.requests = requests
    self.errors = errors
    self.p50 = p50
    self.p99 = p99
  }

  /// 5xx responses per 100 requests; nil without requests.
  public var errorRate: Double? { requests > 0 ? errors / requests * 100 : nil }

  /// No data at all.
  public static let empty = TrackHealth(requests: 0, errors: 0)
}

/// How a health figure is shown: `1,204`, `0.8%`, `210ms`, or `-` without data.
enum HealthText {
  static func count(_ value: Double) -> String {
    let whole = Int(value.rounded())
    var digits = String(whole)
    var groups: [String] = []
    while digits.count > 3 {
      groups.insert(String(digits.suffix(3)), at: 0)
      digits = String(digits.dropLast(3))
    }
    groups.insert(digits, at: 0)
    return groups.joined(separator: ",")
  }

  static func percent(_ value: Double?) -> String {
    guard let value else { return "-" }
    return value == value.rounded() ? "\(Int(value))%" : "\((value * 100).rounded() / 100)%"
  }

  static func latency(_ value: Double?) -> String { value.map(TimeSpan.latency) ?? "-" }
}
