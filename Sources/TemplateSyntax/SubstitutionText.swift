/// The text of a `!Sub`, split into what is written as is and what is replaced:
/// `${Name}` and `${Resource.Attribute}` are variables, `${!Literal}` writes
/// `${Literal}`. The text is scanned by bytes, so a combining mark after `}` or
/// `.` does not hide it.
///
/// ```swift
/// SubstitutionText("arn:${AWS::Partition}:s3:::${Bucket}/*").variableNames   // ["AWS::Partition", "Bucket"]
/// ```
public struct SubstitutionText: Hashable, Sendable {
  /// One piece of the text.
  public enum Part: Hashable, Sendable {
    /// Text written as is.
    case text(String)
    /// `${!Literal}`: written as `${Literal}`.
    case escaped(String)
    /// `${Name}` or `${Resource.Attribute}`.
    case variable(String)
  }

  public var parts: [Part]
  /// Whether a `${` has no closing `}`; the rest of the text is then a `.text` part.
  public var hasUnclosedVariable: Bool

  public init(_ text: String) {
    parts = []
    hasUnclosedVariable = false
    let bytes = Array(text.utf8)
    var index = 0
    var textStart = 0
    func flushText(upTo end: Int) {
      if end > textStart { parts.append(.text(String(decoding: bytes[textStart..<end], as: UTF8.self))) }
    }
    while index + 1 < bytes.count {
      guard bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "{") else {
        index += 1
        continue
      }
      guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "}")) else {
        hasUnclosedVariable = true
        break
      }
      flushText(upTo: index)
      let name = bytes[(index + 2)..<close]
      if name.first == UInt8(ascii: "!") {
        parts.append(.escaped(String(decoding: name.dropFirst(), as: UTF8.self)))
      } else {
        parts.append(.variable(String(decoding: name, as: UTF8.self)))
      }
      index = close + 1
      textStart = index
    }
    flushText(upTo: bytes.count)
  }

  /// The names of the variables, in order, repeats included.
  public var variableNames: [String] {
    parts.compactMap { part in
      if case .variable(let name) = part { return name }
      return nil
    }
  }
}

extension Expression {
  /// A piece of text with values in it: literal text, or a value.
  public enum TextPiece: Hashable, Sendable {
    case text(String)
    case value(Expression)
  }

  /// Text with values in it, as CloudFormation writes it: literal text alone is
  /// a string; a lone value is that value; anything else is a `!Sub`, where a
  /// `!Ref` is `${Name}`, a `!GetAtt` is `${Resource.Attribute}`, a literal or a
  /// `!Sub` without variables is its text, and any other value goes through the
  /// variable map (`${Value1}`, named so as to shadow nothing the text names).
  /// A literal `${` is escaped as `${!`.
  ///
  /// ```swift
  /// Expression.substitution([.text("/"), .value(.ref("AWS::StackName")), .text("/data")])
  /// // !Sub /${AWS::StackName}/data
  /// ```
  public static func substitution(_ pieces: [TextPiece]) -> Expression {
    var merged: [TextPiece] = []
    for piece in pieces {
      switch (piece, merged.last) {
      case (.text(let text), .text(let previous)?): merged[merged.count - 1] = .text(previous + text)
      case (.text(let text), _) where text.isEmpty: break
      default: merged.append(piece)
      }
    }
    switch merged.count {
    case 0: return .string("")
    case 1:
      if case .value(let value) = merged[0] { return value }
      if case .text(let text) = merged[0] { return .string(text) }
    default: break
    }
    if merged.allSatisfy({ if case .text = $0 { true } else { false } }) {
      return .string(merged.map { if case .text(let text) = $0 { text } else { "" } }.joined())
    }
    // Names the text refers to, so that no variable shadows one of them.
    var named = Set<String>()
    for case .value(let value) in merged {
      switch value {
      case .ref(let name): named.insert(name)
      case .getAtt(let resource, _): named.insert(resource)
      case .sub(let text, let variables) where variables.isEmpty: named.formUnion(SubstitutionText(text).variableNames)
      default: break
      }
    }
    var text = ""
    var variables: [ObjectEntry] = []
    var literal = ""
    func flushLiteral() {
      text += Self.escapingSubstitutions(literal)
      literal = ""
    }
    for piece in merged {
      switch piece {
      case .text(let part):
        literal += part
      case .value(.scalar(let scalar)) where scalar.tag == nil && scalar.value != .null:
        literal += scalar.text
      case .value(.ref(let name)):
        flushLiteral()
        text += "${\(name)}"
      case .value(.getAtt(let resource, let attribute)):
        flushLiteral()
        text += "${\(resource).\(attribute)}"
      case .value(.sub(let inner, let innerVariables)) where innerVariables.isEmpty:
        flushLiteral()
        text += inner
      case .value(let value):
        flushLiteral()
        var index = variables.count + 1
        while named.contains("Value\(index)") { index += 1 }
        let name = "Value\(index)"
        named.insert(name)
        variables.append(ObjectEntry(name, value))
        text += "${\(name)}"
      }
    }
    flushLiteral()
    return .sub(text, variables: variables)
  }

  /// `${` written as `${!`, which `!Sub` turns back into `${`.
  static func escapingSubstitutions(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
    var bytes: [UInt8] = []
    var previous: UInt8 = 0
    for byte in text.utf8 {
      bytes.append(byte)
      if previous == UInt8(ascii: "$") && byte == UInt8(ascii: "{") { bytes.append(UInt8(ascii: "!")) }
      previous = byte
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
