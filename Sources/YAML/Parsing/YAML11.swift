#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Plain-scalar resolution as PyYAML (the YAML 1.1 reader behind awscli and
/// cfn-lint) does it, without regular expressions.
enum YAML11 {
  /// The value PyYAML's implicit resolvers give a plain scalar, or `nil` when it
  /// stays a string. Timestamps are not resolved here (see ``isTimestamp(_:)``).
  static func resolve(_ text: String) -> YAMLScalar.Value? {
    var text = text
    return text.withUTF8 { resolve($0) }
  }

  static func resolve(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLScalar.Value? {
    guard let first = bytes.first else { return .null }
    switch first {
    case UInt8(ascii: "~"):
      return bytes.count == 1 ? .null : nil
    case UInt8(ascii: "n"), UInt8(ascii: "N"):
      if equalsAny(bytes, ["null", "Null", "NULL"]) { return .null }
      if equalsAny(bytes, ["no", "No", "NO"]) { return .boolean(false) }
      return nil
    case UInt8(ascii: "y"), UInt8(ascii: "Y"):
      return equalsAny(bytes, ["yes", "Yes", "YES"]) ? .boolean(true) : nil
    case UInt8(ascii: "t"), UInt8(ascii: "T"):
      return equalsAny(bytes, ["true", "True", "TRUE"]) ? .boolean(true) : nil
    case UInt8(ascii: "f"), UInt8(ascii: "F"):
      return equalsAny(bytes, ["false", "False", "FALSE"]) ? .boolean(false) : nil
    case UInt8(ascii: "o"), UInt8(ascii: "O"):
      if equalsAny(bytes, ["on", "On", "ON"]) { return .boolean(true) }
      if equalsAny(bytes, ["off", "Off", "OFF"]) { return .boolean(false) }
      return nil
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
      UInt8(ascii: "."):
      if let integer = integerValue(bytes) { return integer }
      if let float = floatValue(bytes) { return float }
      return nil
    default:
      return nil
    }
  }

  /// Whether the text matches PyYAML's `tag:yaml.org,2002:int` pattern, even when
  /// its value does not fit an `Int`.
  static func looksLikeInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    integerForm(bytes) != nil
  }

  // MARK: - Integers

  private enum IntegerForm { case binary, octal, decimal, hexadecimal, sexagesimal }

  /// `[-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+
  /// | [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`
  private static func integerForm(_ bytes: UnsafeBufferPointer<UInt8>) -> (IntegerForm, Int)? {
    var index = 0
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
      index += 1
    }
    let start = index
    guard start < bytes.count else { return nil }
    let rest = UnsafeBufferPointer(rebasing: bytes[start...])
    if rest[0] == UInt8(ascii: "0") {
      if rest.count == 1 { return (.decimal, start) }
      if rest[1] == UInt8(ascii: "b") {
        return rest.count > 2 && rest[2...].allSatisfy { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }
          ? (.binary, start) : nil
      }
      if rest[1] == UInt8(ascii: "x") {
        return rest.count > 2 && rest[2...].allSatisfy { isHexDigit($0) || $0 == 0x5F }
          ? (.hexadecimal, start) : nil
      }
      return rest[1...].allSatisfy { ($0 >= 0x30 && $0 <= 0x37) || $0 == 0x5F } ? (.octal, start) : nil
    }
    guard rest[0] >= UInt8(ascii: "1") && rest[0] <= UInt8(ascii: "9") else { return nil }
    var position = 1
    while position < rest.count, isDigit(rest[position]) || rest[position] == 0x5F { position += 1 }
    if position == rest.count { return (.decimal, start) }
    return matchesSexagesimalTail(rest, from: position) == rest.count ? (.sexagesimal, start) : nil
  }

  /// Consumes `(:[0-5]?[0-9])+` and returns the index after it, or `nil`.
  private static func matchesSexagesimalTail(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var position = start
    var groups = 0
    while position < bytes.count, bytes[position] == UInt8(ascii: ":") {
      position += 1
      guard position < bytes.count, isDigit(bytes[position]) else { return nil }
      if position + 1 < bytes.count, isDigit(bytes[position + 1]) {
        guard bytes[position] <= UInt8(ascii: "5") else { return nil }
        position += 2
      } else {
        position += 1
      }
      groups += 1
    }
    return groups > 0 ? position : nil
  }

  private static func integerValue(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLScalar.Value? {
    guard let (form, digitsStart) = integerForm(bytes) else { return nil }
    let negative = bytes[0] == UInt8(ascii: "-")
    let digits = String(decoding: bytes[digitsStart...].filter { $0 != 0x5F }, as: UTF8.self)
    var magnitude: UInt?
    switch form {
    case .binary: magnitude = UInt(digits.dropFirst(2), radix: 2)
    case .hexadecimal: magnitude = UInt(digits.dropFirst(2), radix: 16)
    case .octal: magnitude = digits == "0" ? 0 : UInt(digits.dropFirst(1), radix: 8)
    case .decimal: magnitude = UInt(digits)
    case .sexagesimal:
      var total: UInt = 0
      for part in digits.split(separator: ":") {
        guard let value = UInt(part) else { return nil }
        let (product, overflow1) = total.multipliedReportingOverflow(by: 60)
        let (sum, overflow2) = product.addingReportingOverflow(value)
        if overflow1 || overflow2 { return nil }
        total = sum
      }
      magnitude = total
    }
    guard let magnitude else { return nil }
    if negative {
      guard magnitude <= UInt(Int.max) + 1 else { return nil }
      return .integer(Int(truncatingIfNeeded: 0 &- magnitude))
    }
    guard magnitude <= UInt(Int.max) else { return nil }
    return .integer(Int(magnitude))
  }

  // MARK: - Floats

  /// `[-+]?([0-9][0-9_]*)\.[0-9_]*([eE][-+][0-9]+)? | \.[0-9][0-9_]*([eE][-+][0-9]+)?
  /// | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`
  private static func floatValue(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLScalar.Value? {
    var index = 0
    var signed = false
    if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
      index = 1
      signed = true
    }
    let negative = bytes[0] == UInt8(ascii: "-")
    let rest = UnsafeBufferPointer(rebasing: bytes[index...])
    guard !rest.isEmpty else { return nil }
    if equalsAny(rest, [".inf", ".Inf", ".INF"]) { return .float(negative ? -.infinity : .infinity) }
    if !signed, equalsAny(rest, [".nan", ".NaN", ".NAN"]) { return .float(.nan) }
    if rest[0] == UInt8(ascii: ".") {
      // \.[0-9][0-9_]*([eE][-+][0-9]+)?  (no sign allowed)
      guard !signed, rest.count > 1, isDigit(rest[1]) else { return nil }
      var position = 2
      while position < rest.count, isDigit(rest[position]) || rest[position] == 0x5F { position += 1 }
      guard let end = matchesExponent(rest, from: position), end == rest.count else { return nil }
      return parseDouble(bytes)
    }
    guard isDigit(rest[0]) else { return nil }
    var position = 1
    while position < rest.count, isDigit(rest[position]) || rest[position] == 0x5F { position += 1 }
    guard position < rest.count else { return nil }
    if rest[position] == UInt8(ascii: ".") {
      position += 1
      while position < rest.count, isDigit(rest[position]) || rest[position] == 0x5F { position += 1 }
      guard let end = matchesExponent(rest, from: position), end == rest.count else { return nil }
      return parseDouble(bytes)
    }
    if rest[position] == UInt8(ascii: ":") {
      guard let afterGroups = matchesSexagesimalTail(rest, from: position), afterGroups < rest.count,
        rest[afterGroups] == UInt8(ascii: ".")
      else { return nil }
      guard rest[(afterGroups + 1)...].allSatisfy({ isDigit($0) || $0 == 0x5F }) else { return nil }
      let text = String(decoding: rest.filter { $0 != 0x5F }, as: UTF8.self)
      var total = 0.0
      for part in text.split(separator: ":") {
        guard let value = Double(part) else { return nil }
        total = total * 60 + value
      }
      return .float(negative ? -total : total)
    }
    return nil
  }

  /// Consumes an optional `[eE][-+][0-9]+`; returns the index after it, or `nil`
  /// when an exponent starts but is malformed.
  private static func matchesExponent(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard start < bytes.count else { return start }
    guard bytes[start] == UInt8(ascii: "e") || bytes[start] == UInt8(ascii: "E") else { return start }
    var position = start + 1
    guard position < bytes.count, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+")
    else { return nil }
    position += 1
    guard position < bytes.count, isDigit(bytes[position]) else { return nil }
    while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    return position
  }

  private static func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLScalar.Value? {
    // Normalise PyYAML's forms (`1.`, `.5`, `1_000.5`, `1.e+3`) into what `Double` reads.
    var normalised: [UInt8] = []
    normalised.reserveCapacity(bytes.count + 2)
    for byte in bytes where byte != 0x5F {
      if byte == UInt8(ascii: "."), normalised.last.map({ !isDigit($0) }) ?? true {
        normalised.append(UInt8(ascii: "0"))
      }
      if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E"), normalised.last == UInt8(ascii: ".") {
        normalised.append(UInt8(ascii: "0"))
      }
      normalised.append(byte)
    }
    if normalised.last == UInt8(ascii: ".") { normalised.append(UInt8(ascii: "0")) }
    guard let value = Double(String(decoding: normalised, as: UTF8.self)) else { return nil }
    return .float(value)
  }

  // MARK: - Timestamps

  /// PyYAML's timestamp pattern: `YYYY-MM-DD`, or a date, `T`/`t`/blanks and a time
  /// with optional fraction and zone. A plain timestamp reads as a date, not a string.
  static func isTimestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var position = 0
    func digits(_ minimum: Int, _ maximum: Int) -> Bool {
      var count = 0
      while count < maximum, position < bytes.count, isDigit(bytes[position]) {
        position += 1
        count += 1
      }
      return count >= minimum
    }
    func character(_ ascii: Unicode.Scalar) -> Bool {
      guard position < bytes.count, bytes[position] == UInt8(ascii: ascii) else { return false }
      position += 1
      return true
    }
    guard digits(4, 4), character("-") else { return false }
    let monthStart = position
    guard digits(1, 2), character("-") else { return false }
    let monthDigits = position - monthStart - 1
    let dayStart = position
    guard digits(1, 2) else { return false }
    let dayDigits = position - dayStart
    if position == bytes.count { return monthDigits == 2 && dayDigits == 2 }
    // (?:[Tt]|[ \t]+)
    if position < bytes.count, bytes[position] == UInt8(ascii: "T") || bytes[position] == UInt8(ascii: "t") {
      position += 1
    } else {
      var blanks = 0
      while position < bytes.count, ScalarText.isBlank(bytes[position]) {
        position += 1
        blanks += 1
      }
      guard blanks > 0 else { return false }
    }
    guard digits(1, 2), character(":"), digits(2, 2), character(":"), digits(2, 2) else { return false }
    if character(".") { _ = digits(0, Int.max) }
    while position < bytes.count, ScalarText.isBlank(bytes[position]) { position += 1 }
    if position == bytes.count { return true }
    if character("Z") { return position == bytes.count }
    guard position < bytes.count, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+")
    else { return false }
    position += 1
    guard digits(1, 2) else { return false }
    if character(":") { guard digits(2, 2) else { return false } }
    return position == bytes.count
  }

  // MARK: - Helpers

  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  @inline(__always)
  static func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
  }

  static func equalsAny(_ bytes: UnsafeBufferPointer<UInt8>, _ candidates: [StaticString]) -> Bool {
    for candidate in candidates where candidate.utf8CodeUnitCount == bytes.count {
      if memcmp(candidate.utf8Start, bytes.baseAddress!, bytes.count) == 0 { return true }
    }
    return false
  }
}
