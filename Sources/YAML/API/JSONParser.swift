/// Reads JSON (RFC 8259) into a ``YAMLNode`` tree: objects as mappings (key
/// order kept, a repeated key refused), arrays as sequences, numbers without a
/// fraction or exponent that fit an `Int` as integers and other numbers as
/// floats, strings with every escape (surrogate pairs included).
///
/// JSON is almost YAML, but not quite: a YAML parser refuses an object key over
/// 1,024 characters, and a YAML 1.1 reader takes `1e3` for a string. This reads
/// JSON as JSON.
///
/// ```swift
/// let node = try JSONParser().parse(#"{"Port": 80, "Name": "web"}"#)
/// node["Port"]   // .integer(80)
/// ```
public struct JSONParser: Sendable {
  /// The deepest nesting accepted, so that hostile input cannot exhaust the stack.
  public var maximumDepth: Int

  public init(maximumDepth: Int = 512) {
    self.maximumDepth = maximumDepth
  }

  /// Parses one JSON text.
  public func parse(_ text: String) throws -> YAMLNode {
    var text = text
    return try text.withUTF8 { try parse(bytes: $0) }
  }

  /// Parses one JSON text from UTF-8 bytes.
  public func parse(bytes: UnsafeBufferPointer<UInt8>) throws -> YAMLNode {
    var reader = JSONReader(bytes: bytes, maximumDepth: maximumDepth)
    reader.skipByteOrderMark()
    reader.skipWhitespace()
    let node = try reader.value(depth: 0)
    reader.skipWhitespace()
    guard reader.isAtEnd else { throw reader.error("text after the JSON value") }
    return node
  }
}

/// The state of one parse: a position in the bytes.
private struct JSONReader {
  let bytes: UnsafeBufferPointer<UInt8>
  let maximumDepth: Int
  var index = 0

  init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
    self.bytes = bytes
    self.maximumDepth = maximumDepth
  }

  var isAtEnd: Bool { index >= bytes.count }

  func error(_ problem: String) -> YAMLError {
    let (line, column) = position()
    return .syntax(problem: "JSON: \(problem)", line: line, column: column, context: nil)
  }

  /// The line and column (from 1, in characters) of the current byte.
  func position() -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for position in 0..<min(index, bytes.count) {
      if bytes[position] == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if bytes[position] & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  mutating func skipByteOrderMark() {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  mutating func value(depth: Int) throws -> YAMLNode {
    guard depth < maximumDepth else {
      let (line, column) = position()
      throw YAMLError.nestingTooDeep(limit: maximumDepth, line: line, column: column)
    }
    guard index < bytes.count else { throw error("the text ends where a value was expected") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .boolean(true))
    case UInt8(ascii: "f"): return try literal("false", .boolean(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw error("unexpected character where a value was expected")
    }
  }

  private mutating func literal(_ word: StaticString, _ node: YAMLNode) throws -> YAMLNode {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count,
      (0..<count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] })
    else { throw error("unexpected character where a value was expected") }
    index += count
    return node
  }

  private mutating func object(depth: Int) throws -> YAMLNode {
    index += 1
    var mapping = YAMLMapping()
    var keys = Set<[UInt8]>()
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .mapping(mapping)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a string key") }
      let keyStart = index
      let key = try string()
      guard keys.insert(Array(key.utf8)).inserted else {
        index = keyStart
        let (line, column) = position()
        throw YAMLError.duplicateKey(key: key, line: line, column: column)
      }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
      index += 1
      skipWhitespace()
      mapping.append(key, try value(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw error("the text ends inside an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { throw error("expected ',' or '}' in an object") }
      index += 1
      return .mapping(mapping)
    }
  }

  private mutating func array(depth: Int) throws -> YAMLNode {
    index += 1
    var items: [YAMLNode] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .sequence(YAMLSequence(items))
    }
    while true {
      skipWhitespace()
      items.append(try value(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw error("the text ends inside an array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { throw error("expected ',' or ']' in an array") }
      index += 1
      return .sequence(YAMLSequence(items))
    }
  }

  private mutating func string() throws -> String {
    index += 1
    var output: [UInt8] = []
    while true {
      guard index < bytes.count else { throw error("the text ends inside a string") }
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        guard let text = String(validating: output, as: UTF8.self) else { throw error("a string is not valid UTF-8") }
        return text
      case UInt8(ascii: "\\"):
        index += 1
        guard index < bytes.count else { throw error("the text ends inside an escape") }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"): output.append(contentsOf: try unicodeEscape())
        default: throw error("an unknown escape in a string")
        }
      case 0x00..<0x20:
        throw error("a control character inside a string must be escaped")
      default:
        output.append(byte)
        index += 1
      }
    }
  }

  /// `\uXXXX`, with a following `\uXXXX` for a surrogate pair; a lone surrogate is refused.
  private mutating func unicodeEscape() throws -> [UInt8] {
    var code = try hexQuad()
    if (0xD800...0xDBFF).contains(code) {
      guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
        throw error("a lone surrogate in a \\u escape")
      }
      index += 2
      let low = try hexQuad()
      guard (0xDC00...0xDFFF).contains(low) else { throw error("a lone surrogate in a \\u escape") }
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
    } else if (0xDC00...0xDFFF).contains(code) {
      throw error("a lone surrogate in a \\u escape")
    }
    return Array(String(Character(Unicode.Scalar(code)!)).utf8)
  }

  private mutating func hexQuad() throws -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("the text ends inside a \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("a \\u escape needs four hexadecimal digits")
      }
      value = value * 16 + UInt32(digit)
      index += 1
    }
    return value
  }

  /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
  private mutating func number() throws -> YAMLNode {
    let start = index
    var isInteger = true
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number needs digits") }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else {
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number needs digits after '.'") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      isInteger = false
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number needs digits in its exponent") }
      while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    if isInteger, let integer = Int(text) { return .integer(integer) }
    guard let double = Double(text), double.isFinite else { throw error("the number \(text) is out of range") }
    return .float(double)
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
