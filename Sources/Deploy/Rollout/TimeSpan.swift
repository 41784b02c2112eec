/// A length of time as the rollout options write it: `500ms`, `4s`, `1m`,
/// `5m`, `1h`, or a sum such as `1m30s`.
public struct TimeSpan: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var seconds: Double

  public init(seconds: Double) {
    self.seconds = seconds
  }

  /// Reads `text`; nil when it is not a sum of a number and a unit (`ms`, `s`, `m`, `h`).
  public init?(_ text: String) {
    var total = 0.0
    var rest = Substring(text)
    guard !rest.isEmpty else { return nil }
    while !rest.isEmpty {
      let number = rest.prefix { $0.isNumber || $0 == "." }
      guard !number.isEmpty, let value = Double(number) else { return nil }
      rest = rest.dropFirst(number.count)
      let unit = rest.prefix { $0.isLetter }
      rest = rest.dropFirst(unit.count)
      switch unit {
      case "ms": total += value / 1000
      case "s": total += value
      case "m": total += value * 60
      case "h": total += value * 3600
      default: return nil
      }
    }
    seconds = total
  }

  public static func < (left: TimeSpan, right: TimeSpan) -> Bool { left.seconds < right.seconds }

  /// `500ms`, `4s`, `1m30s`, `5m`.
  public var description: String {
    if seconds < 1, seconds > 0 { return "\(Int((seconds * 1000).rounded()))ms" }
    let whole = Int(seconds.rounded())
    let (minutes, remainder) = whole.quotientAndRemainder(dividingBy: 60)
    if minutes == 0 { return "\(remainder)s" }
    return remainder == 0 ? "\(minutes)m" : "\(minutes)m\(remainder)s"
  }

  /// A latency for people: `210ms`, `1.25s`.
  static func latency(_ seconds: Double) -> String {
    seconds < 1 ? "\(Int((seconds * 1000).rounded()))ms" : "\((seconds * 100).rounded() / 100)s"
  }
}
