/// An ordered list of YAML nodes with an optional tag.
///
/// ```swift
/// // !Select [0, !GetAZs ""]
/// let select = YAMLSequence(
///   [.integer(0), .scalar(.string("", tag: "!GetAZs"))], style: .flow, tag: "!Select")
/// ```
public struct YAMLSequence: Hashable, Sendable {
  /// How a sequence is laid out. Presentation only: it does not take part in equality.
  public enum Style: Hashable, Sendable {
    /// One item per line, each behind `- `, indented under its key.
    case block
    /// On one line in brackets: `[a, b]`.
    case flow
  }

  public var items: [YAMLNode]
  public var style: Style
  public var tag: String?

  public init(_ items: [YAMLNode] = [], style: Style = .block, tag: String? = nil) {
    self.items = items
    self.style = style
    self.tag = tag
  }

  public static func == (left: YAMLSequence, right: YAMLSequence) -> Bool {
    left.tag == right.tag && left.items == right.items
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(tag)
    hasher.combine(items)
  }
}
