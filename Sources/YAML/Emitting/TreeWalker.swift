import CYAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A blank line and/or comment, and the line of its batch it goes above.
typealias Decoration = (line: DecoratedLine, lines: LineDecoration)

/// Layout facts for one event, carried with it until libyaml has processed it.
struct EventLayout {
  /// How many indentless sequences enclose the event's lines.
  var depth: Int32
  /// Whether a decoration goes with the event: its index into the decorations
  /// of whoever holds the event, or -1.
  var decoration: Int32 = -1
  /// -1 for events that are not scalars; 1 for a keep-chomped literal (`|+`), else 0.
  var scalarKeepsLineBreaks: Int8 = -1
}

extension EventLayout {
  /// Appends `decoration` to `decorations` and records its index here.
  @inline(__always)
  mutating func store(_ decoration: Decoration, in decorations: inout [Decoration]) {
    self.decoration = Int32(decorations.count)
    decorations.append(decoration)
  }
}

/// Where a ``TreeWalker`` sends its events: straight to libyaml
/// (``LibYAMLDriver``), through an ``EventPipe`` to another thread, or into a list.
protocol EventTarget: AnyObject {
  /// Takes the event (and the memory it owns) with its layout.
  func accept(_ event: inout yaml_event_t, _ layout: EventLayout, decoration: Decoration?) throws
  /// Takes a scalar event, given by its text (valid only during the call).
  func acceptScalar(_ scalar: ScalarEventText, tag: String?, _ layout: EventLayout, decoration: Decoration?) throws
}

extension EventTarget {
  func acceptScalar(_ scalar: ScalarEventText, tag: String?, _ layout: EventLayout, decoration: Decoration?) throws {
    var event = try scalar.event(tag: tag)
    try accept(&event, layout, decoration: decoration)
  }
}

/// A scalar's text and style, borrowed from the tree until an event is made of it.
struct ScalarEventText {
  var text: UnsafeBufferPointer<UInt8>
  var style: yaml_scalar_style_t

  /// A scalar event owning `malloc`ed copies of the text and tag, as libyaml
  /// expects (it `free`s both once the event is processed). Filled by hand rather
  /// than through `yaml_scalar_event_initialize`, which would check the UTF-8 of
  /// every value and tag again (Swift strings are valid UTF-8 already).
  func event(tag: String?) throws -> yaml_event_t {
    guard var tag else { return try event(tag: nil as UnsafeBufferPointer<UInt8>?) }
    return try tag.withUTF8 { try event(tag: $0) }
  }

  func event(tag: UnsafeBufferPointer<UInt8>?) throws -> yaml_event_t {
    var tagCopy: UnsafeMutablePointer<UInt8>?
    if let tag {
      guard let copy = EmitRules.mallocCopy(of: tag) else {
        throw YAMLError.emitterFailed(problem: "out of memory")
      }
      tagCopy = copy
    }
    guard let value = EmitRules.mallocCopy(of: text) else {
      free(tagCopy)
      throw YAMLError.emitterFailed(problem: "out of memory")
    }
    let implicit: Int32 = tag == nil ? 1 : 0
    // One store of the whole event: setting its fields one by one makes the
    // compiler merge neighbouring 32-bit fields through slow overlapping stores.
    return yaml_event_t(
      type: YAML_SCALAR_EVENT,
      data: .init(
        scalar: .init(
          anchor: nil, tag: tagCopy, value: value, length: text.count, plain_implicit: implicit,
          quoted_implicit: implicit, style: style)),
      start_mark: yaml_mark_t(), end_mark: yaml_mark_t())
  }
}

/// Turns a node tree into libyaml events, deciding every scalar's style (the one
/// quoting rule) and the layout facts libyaml cannot express: how deep in
/// indentless sequences each event is, and which keys have a blank line or a
/// comment above them.
final class TreeWalker<Target: EventTarget> {
  /// Where the events go.
  private let target: Target
  /// The decoration of the next key, until its event is emitted.
  @exclusivity(unchecked) private var pendingDecoration: Decoration?

  init(target: Target) {
    self.target = target
  }

  // MARK: - Document

  func emitDocument(_ root: YAMLNode) throws {
    var event = yaml_event_t()
    yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
    try emit(&event, EventLayout(depth: 0))
    yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
    try emit(&event, EventLayout(depth: 0))
    try emitNode(root, depth: 0, inFlow: false, context: .root)
    yaml_document_end_event_initialize(&event, 1)
    try emit(&event, EventLayout(depth: 0))
    yaml_stream_end_event_initialize(&event)
    try emit(&event, EventLayout(depth: 0))
  }

  // MARK: - Nodes

  /// Where a node stands, which decides how libyaml lays it out.
  private enum Context {
    case root
    /// A mapping key, with 0 when `pendingDecoration` goes with it, or -1.
    case key(decoration: Int32)
    case valueOfSimpleKey
    case valueOfComplexKey
    case item
  }

  private func emitNode(_ node: YAMLNode, depth: Int32, inFlow: Bool, context: Context) throws {
    var decoration: Int32 = -1
    var isKey = false
    var isValueOfSimpleKey = false
    var isItem = false
    switch context {
    case .key(let keyDecoration):
      isKey = true
      decoration = keyDecoration
    case .valueOfSimpleKey: isValueOfSimpleKey = true
    case .item: isItem = true
    case .root, .valueOfComplexKey: break
    }
    switch node {
    case .scalar(let scalar):
      try emitScalar(scalar, depth: depth, decoration: decoration, inFlow: inFlow, isKey: isKey)
    case .sequence(let sequence):
      let flow = inFlow || sequence.style == .flow
      let indentless = !flow && isValueOfSimpleKey && !sequence.items.isEmpty
      let innerDepth = depth + (indentless ? 1 : 0)
      var event = yaml_event_t()
      try withTag(sequence.tag) { tag in
        yaml_sequence_start_event_initialize(
          &event, nil, tag, tag == nil ? 1 : 0, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE)
      }
      try emit(&event, EventLayout(depth: depth, decoration: decoration))
      try sequence.items.withUnsafeBufferPointer { items in
        for index in items.indices {
          try emitNode(items[index], depth: innerDepth, inFlow: flow, context: .item)
        }
      }
      yaml_sequence_end_event_initialize(&event)
      try emit(&event, EventLayout(depth: innerDepth))
    case .mapping(let mapping):
      let flow = inFlow || mapping.style == .flow
      var event = yaml_event_t()
      try withTag(mapping.tag) { tag in
        yaml_mapping_start_event_initialize(
          &event, nil, tag, tag == nil ? 1 : 0, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE)
      }
      try emit(&event, EventLayout(depth: depth, decoration: decoration))
      let blankLines = !flow && mapping.blankLinesBetweenEntries
      // Reached through the buffer so that no entry is copied (and retained) whole.
      try mapping.entries.withUnsafeBufferPointer { entries in
        for index in entries.indices {
          var keyDecoration: Int32 = -1
          if !flow, (index > 0 && blankLines) || entries[index].comment != nil, case .scalar = entries[index].key {
            keyDecoration = try decorate(
              blankLine: index > 0 && blankLines && !EmitRules.endsWithKeptLineBreaks(entries[index - 1].value),
              comment: entries[index].comment,
              // The first key shares its line with the `- ` of a sequence item, and
              // begins a new line otherwise; a later key ends its batch.
              line: index > 0 ? .lastLineBegun : (isItem ? .lineOfFirstContent : .firstLineBegun))
          }
          let simpleKey: Bool
          if case .scalar(let key) = entries[index].key {
            simpleKey = try emitScalar(key, depth: depth, decoration: keyDecoration, inFlow: flow, isKey: true) && !flow
          } else {
            simpleKey = !flow && EmitRules.isSimpleCollectionKey(entries[index].key)
            try emitNode(entries[index].key, depth: depth, inFlow: flow, context: .key(decoration: keyDecoration))
          }
          try emitNode(
            entries[index].value, depth: depth, inFlow: flow,
            context: simpleKey ? .valueOfSimpleKey : .valueOfComplexKey)
        }
      }
      yaml_mapping_end_event_initialize(&event)
      try emit(&event, EventLayout(depth: depth))
    }
  }

  /// Holds a blank line and/or comment for the key about to be emitted; returns
  /// 0, the layout's mark that it goes with that key, or -1 when there is nothing to add.
  private func decorate(blankLine: Bool, comment: String?, line: DecoratedLine) throws -> Int32 {
    // A key's decoration is emitted with the key, before any other is made.
    assert(pendingDecoration == nil)
    var lines = LineDecoration()
    lines.blankLine = blankLine
    if let comment {
      try EmitRules.validateComment(comment)
      lines.comment = comment
    }
    guard !lines.isEmpty else { return -1 }
    pendingDecoration = (line, lines)
    return 0
  }

  /// Emits a scalar; returns whether, as a key, it is a simple key: on one line, with its tag and
  /// text at most 128 bytes (libyaml's `yaml_emitter_check_simple_key`).
  @discardableResult
  private func emitScalar(_ scalar: YAMLScalar, depth: Int32, decoration: Int32, inFlow: Bool, isKey: Bool) throws
    -> Bool
  {
    var simpleKey = true
    let tag = scalar.tag
    let tagLength = tag.map(EmitRules.tagWrittenLength) ?? 0
    if let tag, tag.isEmpty { throw YAMLError.invalidTag(tag) }
    var layout = EventLayout(depth: depth, decoration: decoration, scalarKeepsLineBreaks: 0)
    switch scalar.value {
    case .string(let text):
      try Self.withBytes(of: text) { bytes in
        let style = EmitRules.style(for: bytes, inFlow: inFlow, isKey: isKey)
        if style == YAML_LITERAL_SCALAR_STYLE && ScalarText.literalKeepsTrailingBreaks(bytes) {
          layout.scalarKeepsLineBreaks = 1
        }
        if isKey {
          // A plain scalar holds no line break, so only quoted keys need the scan.
          simpleKey =
            bytes.count + tagLength <= 128
            && (style == YAML_PLAIN_SCALAR_STYLE || !ScalarText.containsBreak(bytes))
        }
        try emitScalarEvent(bytes, tag: tag, style: style, layout)
      }
    default:
      var text = scalar.text
      try text.withUTF8 { bytes in
        simpleKey = bytes.count + tagLength <= 128
        try emitScalarEvent(bytes, tag: tag, style: YAML_PLAIN_SCALAR_STYLE, layout)
      }
    }
    return simpleKey
  }

  /// The UTF-8 bytes of `text`, without copying a native string.
  @inline(__always)
  private static func withBytes(of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
    if try text.utf8.withContiguousStorageIfAvailable(body) == nil {
      var copy = text
      try copy.withUTF8(body)
    }
  }

  private func emitScalarEvent(
    _ text: UnsafeBufferPointer<UInt8>, tag: String?, style: yaml_scalar_style_t, _ layout: EventLayout
  ) throws {
    guard text.count <= Int(Int32.max) else {
      throw YAMLError.emitterFailed(problem: "a scalar is larger than 2 GiB")
    }
    try target.acceptScalar(
      ScalarEventText(text: text, style: style), tag: tag, layout, decoration: takeDecoration(layout))
  }

  // MARK: - libyaml calls

  private func withTag(_ tag: String?, _ body: (UnsafeMutablePointer<UInt8>?) -> Int32) throws {
    guard let tag else {
      guard body(nil) == 1 else { throw YAMLError.emitterFailed(problem: "libyaml refused an event") }
      return
    }
    guard !tag.isEmpty else { throw YAMLError.invalidTag(tag) }
    let result = tag.withCString { pointer in
      body(UnsafeMutableRawPointer(mutating: pointer).assumingMemoryBound(to: UInt8.self))
    }
    guard result == 1 else { throw YAMLError.invalidTag(tag) }
  }

  private func emit(_ event: inout yaml_event_t, _ layout: EventLayout) throws {
    try target.accept(&event, layout, decoration: takeDecoration(layout))
  }

  /// The decoration that goes with the event of `layout`, handed on once.
  @inline(__always)
  private func takeDecoration(_ layout: EventLayout) -> Decoration? {
    guard layout.decoration >= 0 else { return nil }
    defer { pendingDecoration = nil }
    return pendingDecoration
  }
}

/// The decisions the walker makes from a node alone: each scalar's style (the one
/// quoting rule), simple keys, tags' written length and comments' validity.
enum EmitRules {
  /// A `malloc`ed, NUL-terminated copy, which libyaml may `free`.
  @inline(__always)
  static func mallocCopy(of bytes: UnsafeBufferPointer<UInt8>) -> UnsafeMutablePointer<UInt8>? {
    guard let raw = malloc(bytes.count + 1) else { return nil }
    let copy = raw.assumingMemoryBound(to: UInt8.self)
    if let base = bytes.baseAddress { copy.update(from: base, count: bytes.count) }
    copy[bytes.count] = 0
    return copy
  }

  /// A comment goes on `#` lines, which YAML lets hold any printable character,
  /// tab and emoji included. Line feeds separate its lines. Refused, because a
  /// reader would end the comment there or reject the document: the other line
  /// breaks (CR, NEL, LS, PS), the other C0 controls, DEL, the C1 controls, the
  /// byte-order mark (YAML 1.2 allows it only before a document) and the
  /// non-characters U+FFFE and U+FFFF.
  static func validateComment(_ comment: String) throws {
    let forbidden = comment.unicodeScalars.contains { scalar in
      switch scalar.value {
      case 0x09, 0x0A: false
      case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
      default: false
      }
    }
    if forbidden { throw YAMLError.invalidComment(comment) }
  }

  /// The one quoting rule: literal block for multi-line strings where libyaml
  /// keeps it; plain when the text can stand plain here and no reader would take
  /// it for anything but a string; double quotes otherwise.
  static func style(for bytes: UnsafeBufferPointer<UInt8>, inFlow: Bool, isKey: Bool) -> yaml_scalar_style_t {
    // Most scalars of a template are words (`Type`, `VpcId`, `10.0.0.0/16`):
    // one pass decides them.
    if ScalarText.isPlainWord(bytes) {
      return ScalarText.isAmbiguous(bytes) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE
    }
    return styleOfAnyText(for: bytes, inFlow: inFlow, isKey: isKey)
  }

  /// ``style(for:inFlow:isKey:)`` without its shortcut for words.
  static func styleOfAnyText(for bytes: UnsafeBufferPointer<UInt8>, inFlow: Bool, isKey: Bool)
    -> yaml_scalar_style_t
  {
    if !inFlow && !isKey && ScalarText.isLiteral(bytes) {
      return YAML_LITERAL_SCALAR_STYLE
    }
    if ScalarText.canBePlain(bytes, inFlow: inFlow) && !ScalarText.isAmbiguous(bytes) {
      return YAML_PLAIN_SCALAR_STYLE
    }
    return YAML_DOUBLE_QUOTED_SCALAR_STYLE
  }

  /// libyaml's `yaml_emitter_check_simple_key` for a collection key: a key on one
  /// line with its value (`Key: value`) rather than an explicit `? Key` entry, which
  /// a collection is only when empty. Only the value of a simple key is written as
  /// an indentless sequence. Scalar keys are decided in ``emitScalar(_:depth:decoration:inFlow:isKey:)``,
  /// which already holds their bytes and style.
  static func isSimpleCollectionKey(_ key: YAMLNode) -> Bool {
    let tagLength = key.tag.map(tagWrittenLength) ?? 0
    switch key {
    case .scalar: return false
    case .sequence(let sequence): return sequence.items.isEmpty && tagLength <= 128
    case .mapping(let mapping): return mapping.entries.isEmpty && tagLength <= 128
    }
  }

  /// The length libyaml counts for a tag: handle plus suffix.
  static func tagWrittenLength(_ tag: String) -> Int {
    let utf8 = tag.utf8
    // Local tags (`!Ref`) are the common case: decided by the first byte.
    guard utf8.first == UInt8(ascii: "t") else { return utf8.count }
    let standardPrefix = "tag:yaml.org,2002:"
    if tag.hasPrefix(standardPrefix) { return 2 + utf8.count - standardPrefix.utf8.count }
    return utf8.count
  }

  /// Whether the last scalar written for `node` is a literal block with keep
  /// chomping (`|+`), after which a blank line would change the value.
  static func endsWithKeptLineBreaks(_ node: YAMLNode) -> Bool {
    switch node {
    case .scalar(let scalar):
      guard case .string(var text) = scalar.value else { return false }
      return text.withUTF8 { bytes in
        ScalarText.literalKeepsTrailingBreaks(bytes) && ScalarText.canBeLiteral(bytes)
      }
    case .sequence(let sequence):
      guard sequence.style == .block, let last = sequence.items.last else { return false }
      return endsWithKeptLineBreaks(last)
    case .mapping(let mapping):
      guard mapping.style == .block, let last = mapping.entries.last else { return false }
      return endsWithKeptLineBreaks(last.value)
    }
  }
}
