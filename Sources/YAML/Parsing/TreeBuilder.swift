import CYAML

/// Turns libyaml parser events into a ``YAMLNode`` tree, with the comments above
/// the keys of block mappings (``CommentReader``).
final class TreeBuilder {
  private enum Frame {
    case sequence(YAMLSequence, anchor: String?)
    /// A mapping, with the key waiting for its value and the comment read above that key.
    case mapping(YAMLMapping, pendingKey: YAMLNode?, keys: Set<YAMLNode>, anchor: String?, comment: String?)

    /// Adds a finished node as the next item, key or value, in place; false
    /// when it is a key the mapping already has.
    ///
    /// The frame is emptied while its collection grows: a copy left in it would
    /// make every append copy all the items or entries so far.
    mutating func add(_ node: YAMLNode) -> Bool {
      switch self {
      case .sequence(var sequence, let anchor):
        self = Self.emptied
        sequence.items.append(node)
        self = .sequence(sequence, anchor: anchor)
      case .mapping(var mapping, let pendingKey, var keys, let anchor, let comment):
        self = Self.emptied
        if let pendingKey {
          mapping.entries.append(YAMLMapping.Entry(key: pendingKey, value: node, comment: comment))
          self = .mapping(mapping, pendingKey: nil, keys: keys, anchor: anchor, comment: nil)
        } else {
          let inserted = keys.insert(node).inserted
          self = .mapping(mapping, pendingKey: inserted ? node : nil, keys: keys, anchor: anchor, comment: comment)
          return inserted
        }
      }
      return true
    }

    /// When this is a block mapping waiting for a key, gives that key the
    /// comment `read` finds above it.
    mutating func attachComment(_ read: () -> String?) {
      guard case .mapping(let mapping, nil, let keys, let anchor, _) = self, mapping.style == .block,
        let comment = read()
      else { return }
      self = .mapping(mapping, pendingKey: nil, keys: keys, anchor: anchor, comment: comment)
    }

    /// What a frame holds while its collection is taken out of it.
    private static let emptied = Frame.sequence(YAMLSequence(), anchor: nil)
  }

  private struct Anchored {
    var node: YAMLNode
    var size: Int
  }

  private let maximumNodes: Int
  private let maximumDepth: Int
  private var nodeCount = 0
  private var stack: [Frame] = []
  /// Sizes of the open collections, to know an anchored collection's size when it closes.
  private var openSizes: [Int] = []
  private var anchors: [String: Anchored] = [:]
  private var root: YAMLNode?
  private var documents = 0
  /// Touched for every event: no dynamic exclusivity checks.
  @exclusivity(unchecked) private var comments = CommentReader(source: UnsafeBufferPointer(start: nil, count: 0))

  init(maximumNodes: Int, maximumDepth: Int) {
    self.maximumNodes = maximumNodes
    self.maximumDepth = maximumDepth
  }

  func build(from bytes: UnsafeBufferPointer<UInt8>) throws -> YAMLNode {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return .null }
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      throw YAMLError.syntax(problem: "could not initialise libyaml's parser", line: 0, column: 0, context: nil)
    }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_input_string(&parser, base, bytes.count)
    comments = CommentReader(source: bytes)
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(&parser, &event) == 1 else {
        throw Self.syntaxError(parser)
      }
      defer { yaml_event_delete(&event) }
      let type = event.type
      if type == YAML_STREAM_END_EVENT { break }
      try handle(&event)
    }
    return root ?? .null
  }

  private static func syntaxError(_ parser: yaml_parser_t) -> YAMLError {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown syntax error"
    let context = parser.context.map { String(cString: $0) }
    let mark = parser.problem_mark
    var line = mark.line + 1
    var column = mark.column + 1
    if parser.error == YAML_READER_ERROR {
      // Reader errors carry an offset, not a line.
      line = 0
      column = Int(parser.problem_offset)
      return .syntax(
        problem: "\(problem) at byte offset \(parser.problem_offset)", line: line, column: column, context: context)
    }
    if line == 0 { line = 1 }
    if column == 0 { column = 1 }
    return .syntax(problem: problem, line: line, column: column, context: context)
  }

  private static func position(_ event: yaml_event_t) -> (line: Int, column: Int) {
    (event.start_mark.line + 1, event.start_mark.column + 1)
  }

  private func handle(_ event: inout yaml_event_t) throws {
    // Rarely true: only for events a whole line or more after the last content.
    if comments.mayHaveCommentLines(before: event.start_mark) && Self.beginsNode(event.type) {
      readCommentIfKey(at: event.start_mark)
    }
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      documents += 1
      if documents > 1 {
        let (line, column) = Self.position(event)
        throw YAMLError.multipleDocuments(line: line, column: column)
      }
    case YAML_SCALAR_EVENT:
      let data = event.data.scalar
      let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
      let tag = data.tag.map { String(cString: $0) }
      let scalar = try Self.scalar(
        value, tag: tag, plain: data.style == YAML_PLAIN_SCALAR_STYLE, position: Self.position(event))
      try count(1, event)
      try add(.scalar(scalar), anchor: data.anchor.map { String(cString: $0) }, size: 1, event: event)
      comments.contentEnded(at: event.end_mark)
    case YAML_SEQUENCE_START_EVENT:
      let data = event.data.sequence_start
      try count(1, event)
      try checkDepth(event)
      stack.append(
        .sequence(
          YAMLSequence(
            [], style: data.style == YAML_FLOW_SEQUENCE_STYLE ? .flow : .block,
            tag: data.tag.map { String(cString: $0) }),
          anchor: data.anchor.map { String(cString: $0) }))
      openSizes.append(1)
    case YAML_MAPPING_START_EVENT:
      let data = event.data.mapping_start
      try count(1, event)
      try checkDepth(event)
      stack.append(
        .mapping(
          YAMLMapping(
            [], style: data.style == YAML_FLOW_MAPPING_STYLE ? .flow : .block, tag: data.tag.map { String(cString: $0) }
          ),
          pendingKey: nil, keys: [], anchor: data.anchor.map { String(cString: $0) }, comment: nil))
      openSizes.append(1)
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      let frame = stack.removeLast()
      let size = openSizes.removeLast()
      switch frame {
      case .sequence(let sequence, let anchor):
        try add(.sequence(sequence), anchor: anchor, size: size, event: event, alreadyCounted: true)
        // A block collection's end is marked where the next token begins, past any comment.
        if sequence.style == .flow { comments.contentEnded(at: event.end_mark) }
      case .mapping(let mapping, _, _, let anchor, _):
        try add(.mapping(mapping), anchor: anchor, size: size, event: event, alreadyCounted: true)
        if mapping.style == .flow { comments.contentEnded(at: event.end_mark) }
      }
    case YAML_ALIAS_EVENT:
      let name = String(cString: event.data.alias.anchor)
      guard let anchored = anchors[name] else {
        let (line, column) = Self.position(event)
        throw YAMLError.undefinedAlias(anchor: name, line: line, column: column)
      }
      try count(anchored.size, event)
      try add(anchored.node, anchor: nil, size: anchored.size, event: event)
      comments.contentEnded(at: event.end_mark)
    default:
      break
    }
  }

  /// A collection about to open must not nest deeper than the limit.
  private func checkDepth(_ event: yaml_event_t) throws {
    guard stack.count >= maximumDepth else { return }
    let (line, column) = Self.position(event)
    throw YAMLError.nestingTooDeep(limit: maximumDepth, line: line, column: column)
  }

  private func count(_ nodes: Int, _ event: yaml_event_t) throws {
    nodeCount += nodes
    if nodeCount > maximumNodes {
      let (line, column) = Self.position(event)
      throw YAMLError.aliasExpansionTooLarge(nodes: nodeCount, limit: maximumNodes, line: line, column: column)
    }
  }

  /// Adds a finished node to the open collection (or makes it the root).
  private func add(
    _ node: YAMLNode, anchor: String?, size: Int, event: yaml_event_t, alreadyCounted: Bool = false
  ) throws {
    if let anchor { anchors[anchor] = Anchored(node: node, size: size) }
    if !openSizes.isEmpty { openSizes[openSizes.count - 1] += size }
    guard !stack.isEmpty else {
      root = node
      return
    }
    guard stack[stack.count - 1].add(node) else {
      let (line, column) = Self.position(event)
      throw YAMLError.duplicateKey(key: Self.describe(node), line: line, column: column)
    }
  }

  /// Whether an event of this type begins a node (which may be a key).
  @inline(__always)
  private static func beginsNode(_ type: yaml_event_type_t) -> Bool {
    type == YAML_SCALAR_EVENT || type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT
      || type == YAML_ALIAS_EVENT
  }

  /// When the node starting at `start` is a key of a block mapping, reads the
  /// comment above it into the mapping's frame.
  @inline(never)
  private func readCommentIfKey(at start: yaml_mark_t) {
    guard !stack.isEmpty else { return }
    stack[stack.count - 1].attachComment { comments.comment(beforeKeyAt: start) }
  }

  private static func describe(_ node: YAMLNode) -> String {
    if case .scalar(let scalar) = node { return scalar.text }
    return "\(node)"
  }

  // MARK: - Scalars

  private static let standardTagPrefix = "tag:yaml.org,2002:"

  static func scalar(_ text: String, tag: String?, plain: Bool, position: (line: Int, column: Int)) throws
    -> YAMLScalar
  {
    guard let tag, tag != "!" else {
      guard plain, tag == nil else { return .string(text) }
      var text = text
      return try text.withUTF8 { bytes in
        if let value = YAML11.resolve(bytes) { return YAMLScalar(value) }
        if YAML11.looksLikeInteger(bytes) {
          throw YAMLError.integerOutOfRange(
            text: String(decoding: bytes, as: UTF8.self), line: position.line, column: position.column)
        }
        return .string(String(decoding: bytes, as: UTF8.self))
      }
    }
    guard tag.hasPrefix(standardTagPrefix) else { return .string(text, tag: tag) }
    let name = tag.dropFirst(standardTagPrefix.count)
    let resolved = YAML11.resolve(text)
    switch name {
    case "str": return .string(text)
    case "null": if case .null = resolved { return .null }
    case "bool": if case .boolean = resolved { return YAMLScalar(resolved!) }
    case "int":
      if case .integer = resolved { return YAMLScalar(resolved!) }
      throw YAMLError.integerOutOfRange(text: text, line: position.line, column: position.column)
    case "float":
      if case .float = resolved { return YAMLScalar(resolved!) }
      if case .integer(let integer) = resolved { return .float(Double(integer)) }
    default: break
    }
    return .string(text, tag: tag)
  }
}
