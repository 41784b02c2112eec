#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one quoting rule, and the facts about a string's text the emitter needs.
///
/// Everything here works on UTF-8 bytes without allocating, because it runs for
/// every scalar of every document.
enum ScalarText {
  // MARK: - Would a reader take the plain text for something other than a string?

  /// Whether a YAML 1.1 reader (PyYAML's resolver, plus the YAML 1.1 spec's
  /// `y`/`n` booleans), a YAML 1.2 core-schema reader or ruamel.yaml's YAML 1.2
  /// resolver (``YAML12``) would read `text`, written plain, as anything but this
  /// same string: null, bool, int, float, timestamp, merge key `<<` or the value
  /// key `=`.
  static func isAmbiguous(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { isAmbiguous($0) }
  }

  static func isAmbiguous(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first else { return true }  // empty reads as null
    switch first {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
      UInt8(ascii: "."):
      // The integer pattern alone decides (PyYAML fails on `0x_`, and a value too
      // large for Int is still an integer to a reader). The cheap scans go first.
      return YAML12.isNumber(bytes) || YAML11.looksLikeInteger(bytes) || YAML11.resolve(bytes) != nil
        || YAML11.isTimestamp(bytes)
    case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "y"),
      UInt8(ascii: "Y"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"),
      UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
      return YAML11.resolve(bytes) != nil || bytes.count == 1 && "yYnN".utf8.contains(first)
    case UInt8(ascii: "<"):
      return bytes.count == 2 && bytes[1] == UInt8(ascii: "<")
    case UInt8(ascii: "="):
      return bytes.count == 1
    default:
      return false
    }
  }

  // MARK: - Can the text stand plain where it is?

  /// Mirrors libyaml 0.2.5's `yaml_emitter_analyze_scalar`: whether the text may be
  /// written plain in block context (`inFlow == false`) or inside a flow collection.
  /// The emitter never asks libyaml for plain style unless this says yes, so libyaml
  /// never falls back to its own choice of single quotes.
  static func canBePlain(_ bytes: UnsafeBufferPointer<UInt8>, inFlow: Bool) -> Bool {
    let count = bytes.count
    guard count > 0 else { return false }
    let first = bytes[0]
    if count >= 3, first == UInt8(ascii: "-") || first == UInt8(ascii: "."), bytes[1] == first, bytes[2] == first {
      return false
    }
    if first == UInt8(ascii: " ") || bytes[count - 1] == UInt8(ascii: " ") { return false }
    let firstFollowedByWhitespace = followedByWhitespace(bytes, characterWidth(first))
    switch first {
    case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
      UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"),
      UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
      UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
      return false
    case UInt8(ascii: "?"), UInt8(ascii: ":"):
      if inFlow || firstFollowedByWhitespace { return false }
    case UInt8(ascii: "-"):
      if firstFollowedByWhitespace { return false }
    default:
      if !isPlainSafe(first) && (!isPrintable(bytes, 0) || isBreakAt(bytes, 0)) { return false }
    }
    var index = characterWidth(first)
    var precededByBlank = false
    while index < count {
      let byte = bytes[index]
      if isPlainSafe(byte) {
        index += 1
        precededByBlank = false
        continue
      }
      switch byte {
      case UInt8(ascii: " "):
        precededByBlank = true
        index += 1
        continue
      case UInt8(ascii: "#"):
        if precededByBlank { return false }
      case UInt8(ascii: ":"):
        if inFlow || followedByWhitespace(bytes, index + 1) { return false }
      case UInt8(ascii: ","), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"),
        UInt8(ascii: "{"), UInt8(ascii: "}"):
        if inFlow { return false }
      default:
        // Tab, line breaks, control characters and everything beyond ASCII.
        if !isPrintable(bytes, index) || isBreakAt(bytes, index) { return false }
      }
      precededByBlank = false
      index += characterWidth(byte)
    }
    return true
  }

  /// Whether the text is a word that can stand plain anywhere, block or flow:
  /// only plain-safe characters (``isPlainSafe(_:)``: no space, no line break,
  /// nothing beyond ASCII), not beginning with an indicator, not a lone `-`, and
  /// not beginning with `---` or `...`. Whether a reader would take it for
  /// another type is ``isAmbiguous(_:)``'s question.
  @inline(__always)
  static func isPlainWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    guard count > 0, let base = bytes.baseAddress else { return false }
    switch base[0] {
    case UInt8(ascii: "!"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "|"),
      UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"),
      UInt8(ascii: "@"), UInt8(ascii: "`"):
      return false
    case UInt8(ascii: "-"), UInt8(ascii: "."):
      if count == 1 && base[0] == UInt8(ascii: "-") { return false }
      if count >= 3 && base[1] == base[0] && base[2] == base[0] { return false }
    default:
      break
    }
    var index = 0
    while index < count {
      if !isPlainSafe(base[index]) { return false }
      index &+= 1
    }
    return true
  }

  /// libyaml's `IS_BLANKZ_AT`: the end of the text, a space, a tab or a line break.
  @inline(__always)
  static func followedByWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    index >= bytes.count || isBlank(bytes[index]) || isBreakAt(bytes, index)
  }

  /// Printable ASCII that needs no further thought inside a plain scalar, in
  /// block or flow context alike: everything from `!` to `~` except `#`, `:`, `,`,
  /// `?`, `[`, `]`, `{` and `}` (bit masks, so the test is a shift and an `and`).
  @inline(__always)
  static func isPlainSafe(_ byte: UInt8) -> Bool {
    // Bits 0x21–0x3F except # (0x23), , (0x2C), : (0x3A), ? (0x3F).
    let low: UInt64 = 0x7BFF_EFF6_0000_0000
    // Bits 0x40–0x7E except [ (0x5B), ] (0x5D), { (0x7B), } (0x7D).
    let high: UInt64 = 0x57FF_FFFF_D7FF_FFFF
    if byte < 64 { return low & (1 << UInt64(byte)) != 0 }
    if byte < 128 { return high & (1 << UInt64(byte - 64)) != 0 }
    return false
  }

  /// Whether libyaml will honour a request for a literal block (`|`) for this text
  /// in block context: no trailing spaces (at the end or before a line break), no
  /// character libyaml must escape (tab, CR, other controls, characters beyond
  /// U+FFFD), and no line break but LF (NEL, LS and PS would be normalised or
  /// kept differently by readers, so those strings go in double quotes).
  static func canBeLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    guard count > 0 else { return false }
    if bytes[count - 1] == UInt8(ascii: " ") { return false }
    var index = 0
    while index < count {
      let byte = bytes[index]
      if byte > 0x20 && byte < 0x7F {
        index += 1
        continue
      }
      if byte == UInt8(ascii: " ") {
        if index + 1 < count && bytes[index + 1] == UInt8(ascii: "\n") { return false }
      } else if byte != UInt8(ascii: "\n") && (!isPrintable(bytes, index) || isBreakAt(bytes, index)) {
        return false
      }
      index += characterWidth(byte)
    }
    return true
  }

  /// Whether a multi-line string is written as a literal block in block context.
  @inline(__always)
  static func isLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    containsLineFeed(bytes) && canBeLiteral(bytes)
  }

  @inline(__always)
  static func containsLineFeed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
    return memchr(base, 0x0A, bytes.count) != nil
  }

  /// Whether the text contains a line break as libyaml counts them (LF, CR, NEL, LS, PS).
  static func containsBreak(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    // Continuation bytes (0x80–0xBF) can never equal these lead bytes.
    for index in bytes.indices {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D { return true }
      if (byte == 0xC2 || byte == 0xE2) && isBreakAt(bytes, index) { return true }
    }
    return false
  }

  /// Whether a literal block for this text ends in keep chomping (`|+`): libyaml
  /// chooses it when the text is a lone line break or ends in two of them. A blank
  /// line after such a block would become part of its value.
  static func literalKeepsTrailingBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    guard count > 0, bytes[count - 1] == UInt8(ascii: "\n") else { return false }
    return count == 1 || bytes[count - 2] == UInt8(ascii: "\n")
  }

  // MARK: - Character classes (libyaml's macros)

  @inline(__always)
  static func characterWidth(_ byte: UInt8) -> Int {
    if byte & 0x80 == 0 { return 1 }
    if byte & 0xE0 == 0xC0 { return 2 }
    if byte & 0xF0 == 0xE0 { return 3 }
    if byte & 0xF8 == 0xF0 { return 4 }
    return 1
  }

  @inline(__always)
  static func isBlank(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
  }

  /// LF, CR, NEL (C2 85), LS (E2 80 A8), PS (E2 80 A9).
  @inline(__always)
  static func isBreakAt(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    guard index < bytes.count else { return false }
    let byte = bytes[index]
    if byte == 0x0A || byte == 0x0D { return true }
    if byte == 0xC2 { return index + 1 < bytes.count && bytes[index + 1] == 0x85 }
    if byte == 0xE2 {
      return index + 2 < bytes.count && bytes[index + 1] == 0x80
        && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
    }
    return false
  }

  /// libyaml's `IS_PRINTABLE`: LF, 0x20–0x7E, U+00A0–U+D7FF, U+E000–U+FFFD except
  /// U+FEFF. Characters beyond the Basic Multilingual Plane are not printable to
  /// libyaml 0.2.5, which escapes them (`\U0001F600`) in double quotes.
  @inline(__always)
  static func isPrintable(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    let byte = bytes[index]
    let second: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
    let third: UInt8 = index + 2 < bytes.count ? bytes[index + 2] : 0
    if byte == 0x0A { return true }
    if byte >= 0x20 && byte <= 0x7E { return true }
    if byte == 0xC2 { return second >= 0xA0 }
    if byte > 0xC2 && byte < 0xED { return true }
    if byte == 0xED { return second < 0xA0 }
    if byte == 0xEE { return true }
    if byte == 0xEF {
      return !(second == 0xBB && third == 0xBF) && !(second == 0xBF && (third == 0xBE || third == 0xBF))
    }
    return false
  }
}
