/// Writes a ``YAMLNode`` tree as JSON (RFC 8259): keys in the tree's order,
/// deterministic bytes, strings escaped as the RFC requires.
///
/// JSON has no tags, so a tagged node is turned into an untagged one first, by
/// ``TagHandling``. The default wraps it in a one-key object named after the tag
/// (`!Ref VPC` → `{"!Ref": "VPC"}`); a layer that knows what its tags mean (the
/// template-syntax layer writes `!GetAtt A.B` in its long form, a one-key object)
/// passes its own conversion.
///
/// ```swift
/// let json = try JSONWriter().string(from: ["Port": 80, "Name": "web"])
/// // {
/// //   "Port": 80,
/// //   "Name": "web"
/// // }
/// ```
public struct JSONWriter: Sendable {
  /// What to do with a tagged node.
  public enum TagHandling: Sendable {
    /// `{"<tag>": <node without its tag>}`.
    case wrapInObject
    /// Write the node as if it had no tag.
    case drop
    /// Replace the node (given with its tag) by the untagged node this returns.
    case convert(@Sendable (YAMLNode) throws -> YAMLNode)
  }

  /// Pretty-printed with this many spaces per level, or compact on one line when `nil`.
  public var indentation: Int?
  public var tagHandling: TagHandling

  public init(indentation: Int? = 2, tagHandling: TagHandling = .wrapInObject) {
    self.indentation = indentation
    self.tagHandling = tagHandling
  }

  /// The JSON text of `node`, ending with a newline when pretty-printed.
  public func string(from node: YAMLNode) throws -> String {
    String(decoding: try bytes(from: node), as: UTF8.self)
  }

  /// The JSON bytes of `node` (UTF-8).
  public func bytes(from node: YAMLNode) throws -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(1 << 12)
    try write(node, level: 0, into: &output)
    if indentation != nil { output.append(UInt8(ascii: "\n")) }
    return output
  }

  private func write(_ node: YAMLNode, level: Int, into output: inout [UInt8]) throws {
    if node.tag != nil {
      try write(untagged(node), level: level, into: &output)
      return
    }
    switch node {
    case .scalar(let scalar):
      try Self.writeScalar(scalar, into: &output)
    case .sequence(let sequence):
      guard !sequence.items.isEmpty else { return output.append(contentsOf: "[]".utf8) }
      output.append(UInt8(ascii: "["))
      for (index, item) in sequence.items.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        newline(level + 1, into: &output)
        try write(item, level: level + 1, into: &output)
      }
      newline(level, into: &output)
      output.append(UInt8(ascii: "]"))
    case .mapping(let mapping):
      guard !mapping.entries.isEmpty else { return output.append(contentsOf: "{}".utf8) }
      output.append(UInt8(ascii: "{"))
      for (index, entry) in mapping.entries.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        newline(level + 1, into: &output)
        guard case .scalar(let key) = entry.key, key.tag == nil else {
          throw YAMLError.notRepresentableInJSON(
            problem: "mapping key \(entry.key) is not an untagged scalar; JSON object keys are strings")
        }
        Self.writeString(key.text, into: &output)
        output.append(UInt8(ascii: ":"))
        if indentation != nil { output.append(UInt8(ascii: " ")) }
        try write(entry.value, level: level + 1, into: &output)
      }
      newline(level, into: &output)
      output.append(UInt8(ascii: "}"))
    }
  }

  private func untagged(_ node: YAMLNode) throws -> YAMLNode {
    var bare = node
    switch bare {
    case .scalar(var scalar):
      scalar.tag = nil
      bare = .scalar(scalar)
    case .sequence(var sequence):
      sequence.tag = nil
      bare = .sequence(sequence)
    case .mapping(var mapping):
      mapping.tag = nil
      bare = .mapping(mapping)
    }
    switch tagHandling {
    case .wrapInObject:
      return .mapping(YAMLMapping([YAMLMapping.Entry(key: .string(node.tag!), value: bare)]))
    case .drop:
      return bare
    case .convert(let convert):
      let converted = try convert(node)
      guard converted.tag == nil else {
        throw YAMLError.notRepresentableInJSON(problem: "the tag conversion left the tag \(converted.tag!) in place")
      }
      return converted
    }
  }

  private func newline(_ level: Int, into output: inout [UInt8]) {
    guard let indentation else { return }
    output.append(UInt8(ascii: "\n"))
    for _ in 0..<(level * indentation) { output.append(UInt8(ascii: " ")) }
  }

  private static func writeScalar(_ scalar: YAMLScalar, into output: inout [UInt8]) throws {
    switch scalar.value {
    case .string(let value):
      writeString(value, into: &output)
    case .integer(let value):
      output.append(contentsOf: String(value).utf8)
    case .float(let value):
      guard value.isFinite else {
        throw YAMLError.notRepresentableInJSON(
          problem: "the float \(value) has no JSON form (RFC 8259 has no NaN or infinity)")
      }
      output.append(contentsOf: YAMLScalar.text(for: value).utf8)
    case .boolean(let value):
      output.append(contentsOf: (value ? "true" : "false").utf8)
    case .null:
      output.append(contentsOf: "null".utf8)
    }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// RFC 8259 section 7: quote, backslash and U+0000–U+001F must be escaped. DEL,
  /// the C1 controls, U+2028, U+2029, U+FFFE and U+FFFF are escaped too, so the
  /// JSON is also valid YAML 1.1 and safe in JavaScript; the rest is UTF-8.
  static func writeString(_ value: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    for scalar in value.unicodeScalars {
      let code = scalar.value
      switch code {
      case 0x22: output.append(contentsOf: [0x5C, 0x22])
      case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
      case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
      case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
      case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFFFE, 0xFFFF:
        output.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) {
          output.append(hexDigits[Int((code >> UInt32(shift)) & 0xF)])
        }
      case 0x20..<0x7F:
        output.append(UInt8(code))
      default:
        output.append(contentsOf: String(scalar).utf8)
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}
