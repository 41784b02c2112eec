/// An ordered list of key/value pairs with an optional tag.
///
/// Entries keep the order they were added in; nothing is ever sorted or hashed on
/// the way out, so output is deterministic. Looking a key up is a linear search,
/// which is what small CloudFormation mappings want.
///
/// ```swift
/// var resources = YAMLMapping([], blankLinesBetweenEntries: true)
/// resources.append("VPC", .mapping(["Type": "AWS::EC2::VPC"]))
/// ```
public struct YAMLMapping: Hashable, Sendable {
  /// One key/value pair.
  public struct Entry: Hashable, Sendable {
    public var key: YAMLNode
    public var value: YAMLNode
    /// A comment written on its own line(s) above the entry (`# Network`), one
    /// `#` line per line of text. Presentation only: written for block mappings
    /// with a scalar key, and ignored by equality. ``YAMLParser`` reads back the
    /// comment lines directly above a key of a block mapping (those above the
    /// document's first key belong to the first top-level entry); it drops
    /// comments after content on the same line, inside flow collections and
    /// before sequence items.
    public var comment: String?

    public init(key: YAMLNode, value: YAMLNode, comment: String? = nil) {
      self.key = key
      self.value = value
      self.comment = comment
    }

    public static func == (left: Entry, right: Entry) -> Bool {
      left.key == right.key && left.value == right.value
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(key)
      hasher.combine(value)
    }
  }

  /// How a mapping is laid out. Presentation only: it does not take part in equality.
  public enum Style: Hashable, Sendable {
    /// One entry per line.
    case block
    /// On one line in braces: `{a: 1, b: 2}`.
    case flow
  }

  public var entries: [Entry]
  public var style: Style
  public var tag: String?
  /// Whether a blank line separates the entries of this (block) mapping, for
  /// readability (a template's top level, its `Resources`). Presentation only.
  public var blankLinesBetweenEntries: Bool

  /// An empty block mapping.
  public init() {
    self.init([])
  }

  public init(
    _ entries: [Entry], style: Style = .block, tag: String? = nil,
    blankLinesBetweenEntries: Bool = false
  ) {
    self.entries = entries
    self.style = style
    self.tag = tag
    self.blankLinesBetweenEntries = blankLinesBetweenEntries
  }

  /// Appends an entry with a string key.
  public mutating func append(_ key: String, _ value: YAMLNode, comment: String? = nil) {
    entries.append(Entry(key: .string(key), value: value, comment: comment))
  }

  /// The value of the first entry whose key is the string `key`.
  public subscript(key: String) -> YAMLNode? {
    for entry in entries where entry.key.stringValue == key { return entry.value }
    return nil
  }

  /// The string keys, in order.
  public var stringKeys: [String] { entries.compactMap { $0.key.stringValue } }

  public static func == (left: YAMLMapping, right: YAMLMapping) -> Bool {
    left.tag == right.tag && left.entries == right.entries
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(tag)
    hasher.combine(entries)
  }
}

extension YAMLMapping: ExpressibleByDictionaryLiteral {
  public init(dictionaryLiteral elements: (String, YAMLNode)...) {
    self.init(elements.map { Entry(key: .string($0.0), value: $0.1) })
  }
}
