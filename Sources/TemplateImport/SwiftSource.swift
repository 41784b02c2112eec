/// Swift source spelling shared by the importer: string literals, identifiers
/// made from logical IDs, and members whose names need backticks.
enum SwiftSource {
  /// A Swift string literal of `text`: one line with escapes, or a multi-line
  /// literal when the text has line breaks (a script in `UserData`), so that it
  /// reads as the template did.
  static func literal(_ text: String) -> String {
    if text.contains("\n"), !text.contains("\r"), !text.contains("\"\"\""),
      !text.unicodeScalars.contains(where: isInvisible)
    {
      return multiLineLiteral(text)
    }
    return "\"" + escaped(text, multiLine: false) + "\""
  }

  /// The text inside a one-line literal, or between an interpolation's values.
  static func escaped(_ text: String, multiLine: Bool) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case "\"": result += multiLine ? "\"" : "\\\""
      case "\n": result += multiLine ? "\n" : "\\n"
      case "\r": result += "\\r"
      case "\t": result += multiLine ? "\t" : "\\t"
      default:
        if isInvisible(scalar) {
          result += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// `"""` on its own line, the text, `"""`; swift-format indents the block.
  /// A line's trailing space or tab is escaped, so that no tool strips it and
  /// no line is only whitespace (which the literal would read as empty).
  private static func multiLineLiteral(_ text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      guard let last = line.last, last == " " || last == "\t" else { return escaped(String(line), multiLine: true) }
      return escaped(String(line.dropLast()), multiLine: true) + (last == " " ? "\\u{20}" : "\\t")
    }
    return "\"\"\"\n" + lines.joined(separator: "\n") + "\n\"\"\""
  }

  /// Whether a line of `text` ends in whitespace (an interpolated multi-line
  /// literal cannot escape it, so it is written on one line).
  static func hasTrailingWhitespace(_ text: String) -> Bool {
    text.split(separator: "\n", omittingEmptySubsequences: false).contains { $0.last == " " || $0.last == "\t" }
  }

  /// Control characters and other scalars a reader cannot see, written as `\u{…}`.
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 && scalar != "\n" && scalar != "\t" || scalar.value == 0x7F
      || (0x80...0x9F).contains(scalar.value) || scalar.properties.generalCategory == .format
  }

  /// Text from the template inside a `//` comment: on one line, control
  /// characters written as escapes.
  static func commentText(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      default:
        if isInvisible(scalar) || scalar.properties.generalCategory == .lineSeparator
          || scalar.properties.generalCategory == .paragraphSeparator
        {
          result += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// A member name after a dot, in backticks where Swift requires them there.
  static func member(_ name: String) -> String {
    ["init", "self", "Self", "Type", "Protocol"].contains(name) ? "`\(name)`" : name
  }

  /// An argument label, in backticks where Swift requires them there.
  static func label(_ name: String) -> String {
    ["inout", "var", "let"].contains(name) ? "`\(name)`" : name
  }

  /// `vpc` for `VPC`, `albSecurityGroup` for `ALBSecurityGroup`,
  /// `imageURIStable` for `ImageURIStable`: the leading capitals of a logical ID
  /// lowered, except the one that starts the next word.
  static func identifier(from logicalID: String) -> String {
    var characters = Array(logicalID.filter { $0.isLetter || $0.isNumber || $0 == "_" })
    guard !characters.isEmpty else { return "value" }
    var upperRun = 0
    while upperRun < characters.count, characters[upperRun].isUppercase { upperRun += 1 }
    let startsWord = upperRun > 1 && upperRun < characters.count && characters[upperRun].isLowercase
    for index in 0..<(startsWord ? upperRun - 1 : upperRun) {
      characters[index] = Character(characters[index].lowercased())
    }
    var result = String(characters)
    if result.first?.isNumber == true { result = "_" + result }
    return keywords.contains(result) ? result + "Value" : result
  }

  /// Words an identifier may not be without backticks.
  static let keywords: Set<String> = [
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
    "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
    "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
    "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as",
    "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "_", "template", "some", "any",
  ]
}
