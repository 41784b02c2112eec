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
