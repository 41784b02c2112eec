/// A node of an ordered YAML document tree: a scalar, a sequence or a mapping.
///
/// The tree keeps the order of sequence items and of mapping entries exactly as
/// built or parsed, so the same tree always produces the same bytes.
///
/// Equality compares content (values, kinds, tags and order), not presentation:
/// a flow and a block sequence with the same items are equal, and so are two
/// mappings that differ only in blank-line layout.
///
/// ```swift
/// let node: YAMLNode = .mapping([
///   "VpcId": .scalar(.string("VPC", tag: "!Ref")),
///   "Ports": .sequence([.integer(80), .integer(443)]),
/// ])
/// ```
public enum YAMLNode: Hashable, Sendable {
  /// A single value: string, integer, float, boolean or null.
  case scalar(YAMLScalar)
  /// An ordered list of nodes.
  case sequence(YAMLSequence)
  /// An ordered list of key/value pairs.
  case mapping(YAMLMapping)
}

extension YAMLNode {
  /// A plain string scalar without a tag.
  public static func string(_ value: String) -> YAMLNode { .scalar(.string(value)) }
  /// An integer scalar.
  public static func integer(_ value: Int) -> YAMLNode { .scalar(.integer(value)) }
  /// A floating-point scalar.
  public static func float(_ value: Double) -> YAMLNode { .scalar(.float(value)) }
  /// A boolean scalar.
  public static func boolean(_ value: Bool) -> YAMLNode { .scalar(.boolean(value)) }
  /// The null scalar.
  public static var null: YAMLNode { .scalar(.null) }

  /// The tag of this node, if any (for example `!Ref`).
  public var tag: String? {
    switch self {
    case .scalar(let scalar): scalar.tag
    case .sequence(let sequence): sequence.tag
    case .mapping(let mapping): mapping.tag
    }
  }

  /// The same node with its tag replaced (`nil` removes it).
  ///
  /// ```swift
  /// YAMLNode.string("VPC").withTag("!Ref")   // !Ref VPC
  /// ```
  public func withTag(_ tag: String?) -> YAMLNode {
    switch self {
    case .scalar(var scalar):
      scalar.tag = tag
      return .scalar(scalar)
    case .sequence(var sequence):
      sequence.tag = tag
      return .sequence(sequence)
    case .mapping(var mapping):
      mapping.tag = tag
      return .mapping(mapping)
    }
  }

  /// The scalar, when this node is one.
  public var scalar: YAMLScalar? {
    if case .scalar(let scalar) = self { return scalar }
    return nil
  }

  /// The sequence, when this node is one.
  public var sequence: YAMLSequence? {
    if case .sequence(let sequence) = self { return sequence }
    return nil
  }

  /// The mapping, when this node is one.
  public var mapping: YAMLMapping? {
    if case .mapping(let mapping) = self { return mapping }
    return nil
  }

  /// The string value, when this node is a string scalar.
  public var stringValue: String? {
    if case .scalar(let scalar) = self, case .string(let value) = scalar.value { return value }
    return nil
  }

  /// The value stored under the string key `key`, when this node is a mapping.
  public subscript(key: String) -> YAMLNode? {
    mapping?[key]
  }
}

extension YAMLNode: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self = .string(value) }
}

extension YAMLNode: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) { self = .integer(value) }
}

extension YAMLNode: ExpressibleByFloatLiteral {
  public init(floatLiteral value: Double) { self = .float(value) }
}

extension YAMLNode: ExpressibleByBooleanLiteral {
  public init(booleanLiteral value: Bool) { self = .boolean(value) }
}

extension YAMLNode: ExpressibleByArrayLiteral {
  public init(arrayLiteral elements: YAMLNode...) { self = .sequence(YAMLSequence(elements)) }
}

extension YAMLNode: ExpressibleByDictionaryLiteral {
  /// Builds a mapping whose entries keep the literal's order.
  public init(dictionaryLiteral elements: (String, YAMLNode)...) {
    self = .mapping(YAMLMapping(elements.map { YAMLMapping.Entry(key: .string($0.0), value: $0.1) }))
  }
}
