#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Wall-clock time and the timestamps CloudFormation writes.
enum WallClock {
  /// Seconds since 1970.
  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  static func sleep(seconds: Double) {
    guard seconds > 0 else { return }
    usleep(useconds_t(min(seconds, 60) * 1_000_000))
  }

  /// Seconds since 1970 for a timestamp as the aws CLI prints it: a number of
  /// seconds since 1970 (awscli 1.x prints the timestamps of JSON-protocol
  /// services such as CloudWatch as it receives them: `1796508095` or
  /// `1796508095.25`), or ISO 8601 text (see ``seconds(fromISO8601:)``).
  static func seconds(fromTimestamp text: String) -> Double? {
    if let seconds = Double(text), seconds.isFinite { return seconds }
    return seconds(fromISO8601: text)
  }

  /// Seconds since 1970 for an ISO 8601 timestamp such as
  /// `2026-11-27T16:20:01.123Z` or `2026-11-27T16:20:01.123000+00:00`.
  static func seconds(fromISO8601 text: String) -> Double? {
    let characters = Array(text.utf8)
    func number(_ start: Int, _ length: Int) -> Int? {
      guard start + length <= characters.count else { return nil }
      var value = 0
      for byte in characters[start..<start + length] {
        guard byte >= 48 && byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
      let minute = number(14, 2), let second = number(17, 2)
    else { return nil }
    var index = 19
    var fraction = 0.0
    if index < characters.count, characters[index] == UInt8(ascii: ".") {
      index += 1
      var scale = 0.1
      while index < characters.count, characters[index] >= 48, characters[index] <= 57 {
        fraction += Double(characters[index] - 48) * scale
        scale /= 10
        index += 1
      }
    }
    var offset = 0
    if index < characters.count, characters[index] == UInt8(ascii: "+") || characters[index] == UInt8(ascii: "-"),
      let offsetHours = number(index + 1, 2), let offsetMinutes = number(index + 4, 2)
    {
      offset = (offsetHours * 3600 + offsetMinutes * 60) * (characters[index] == UInt8(ascii: "-") ? -1 : 1)
    }
    // Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm).
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146097 + dayOfEra - 719468
    return Double(days * 86400 + hour * 3600 + minute * 60 + second - offset) + fraction
  }

  /// `2026-11-27T16:20:01Z` for seconds since 1970 (whole seconds, UTC), as CloudWatch takes times.
  static func iso8601(_ seconds: Double) -> String {
    var time = time_t(seconds.rounded(.down))
    var parts = tm()
    gmtime_r(&time, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
  }

  /// `16:20:01` from an ISO 8601 timestamp.
  static func timeOfDay(fromISO8601 text: String) -> String {
    let characters = Array(text)
    guard characters.count >= 19 else { return text }
    return String(characters[11..<19])
  }

  /// `42s`, `3m05s`.
  static func duration(_ seconds: Double) -> String {
    let whole = max(0, Int(seconds.rounded()))
    return whole < 60 ? "\(whole)s" : "\(whole / 60)m" + (whole % 60 < 10 ? "0" : "") + "\(whole % 60)s"
  }
}
