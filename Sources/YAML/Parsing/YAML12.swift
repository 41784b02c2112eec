/// Which plain scalars YAML 1.2 readers take for numbers, for the quoting rule.
///
/// Two readers are covered, and a text is a number when either takes it for one:
/// - a strict YAML 1.2 core-schema reader: `[-+]?[0-9]+`, `0o[0-7]+`,
///   `0x[0-9a-fA-F]+`, `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`,
///   `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`;
/// - ruamel.yaml (0.18), whose default resolver reads YAML 1.2 with wider tables
///   (`implicit_resolvers` in `ruamel/yaml/resolver.py`, looked up only for texts
///   beginning with `-`, `+`, a digit or `.`):
///   int `[-+]?0b[0-1_]+`, `[-+]?0o?[0-7_]+`, `[-+]?[0-9_]+`, `[-+]?0x[0-9a-fA-F_]+`;
///   float `[-+]?([0-9][0-9_]*)\.[0-9_]*([eE][-+]?[0-9]+)?`,
///   `[-+]?([0-9][0-9_]*)([eE][-+]?[0-9]+)`, `[-+]?\.[0-9_]+([eE][-+][0-9]+)?`,
///   `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
///
/// Both readers' null and boolean words are YAML 1.1's too, and ruamel's
/// timestamp pattern is PyYAML's (``YAML11``). So are the patterns of ruamel's
/// own YAML 1.1 tables, where they are not among the above.
enum YAML12 {
  /// Whether the core schema or ruamel.yaml's YAML 1.2 tables read `bytes`,
  /// written plain, as an integer or a float (or fail trying, as ruamel does on `-_`).
  static func isNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let sign = bytes.first else { return false }
    let signed = sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+")
    let rest = UnsafeBufferPointer(rebasing: bytes[(signed ? 1 : 0)...])
    guard let first = rest.first else { return false }
    if first == UInt8(ascii: ".") {
      if YAML11.equalsAny(rest, [".inf", ".Inf", ".INF"]) { return true }
      if !signed && YAML11.equalsAny(rest, [".nan", ".NaN", ".NAN"]) { return true }
      // `\.[0-9_]+`, then ruamel's exponent, always signed, or after digits alone
      // the core schema's, whose sign is optional.
      var position = 1
      var underscores = false
      while position < rest.count, YAML11.isDigit(rest[position]) || rest[position] == UInt8(ascii: "_") {
        underscores = underscores || rest[position] == UInt8(ascii: "_")
        position += 1
      }
      return position > 1 && endsWithExponent(rest, from: position, signRequired: underscores)
    }
    if first == UInt8(ascii: "0") && rest.count > 2 {
      switch rest[1] {
      case UInt8(ascii: "b"): return rest[2...].allSatisfy { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }
      case UInt8(ascii: "o"): return rest[2...].allSatisfy { ($0 >= 0x30 && $0 <= 0x37) || $0 == 0x5F }
      case UInt8(ascii: "x"): return rest[2...].allSatisfy { YAML11.isHexDigit($0) || $0 == 0x5F }
      default: break
      }
    }
    // `[-+]?[0-9_]+` (an integer), or a float, which begins with a digit.
    guard YAML11.isDigit(first) || (signed && first == UInt8(ascii: "_")) else { return false }
    var position = 1
    while position < rest.count, YAML11.isDigit(rest[position]) || rest[position] == UInt8(ascii: "_") {
      position += 1
    }
    if position == rest.count { return true }
    guard YAML11.isDigit(first) else { return false }
    if rest[position] == UInt8(ascii: ".") {
      position += 1
      while position < rest.count, YAML11.isDigit(rest[position]) || rest[position] == UInt8(ascii: "_") {
        position += 1
      }
      return endsWithExponent(rest, from: position, signRequired: false)
    }
    // Without a `.`, the exponent is required.
    return isExponent(rest[position]) && endsWithExponent(rest, from: position, signRequired: false)
  }

  /// Whether `bytes` ends at `start`, or with `[eE][-+]?[0-9]+` from there
  /// (`[eE][-+][0-9]+` when `signRequired`).
  private static func endsWithExponent(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, signRequired: Bool)
    -> Bool
  {
    guard start < bytes.count else { return true }
    guard isExponent(bytes[start]) else { return false }
    var position = start + 1
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
      position += 1
    } else if signRequired {
      return false
    }
    guard position < bytes.count else { return false }
    return bytes[position...].allSatisfy(YAML11.isDigit)
  }

  @inline(__always)
  private static func isExponent(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
  }
}
