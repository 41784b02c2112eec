import CYAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Drives libyaml's event emitter over a node tree.
///
/// Each node becomes libyaml events (`yaml_*_event_initialize` + `yaml_emitter_emit`).
/// libyaml processes an event as soon as it has the look-ahead it needs, so one
/// call may process several queued events; after every call the emitter flushes
/// what libyaml wrote and hands it to the ``LayoutWriter`` together with the layout
/// facts of the events just processed (how deep in indentless sequences they
/// are, and whether a blank line or a comment belongs above them).
///
/// Two facts of libyaml's queueing make this exact (the layout tests and the
/// round-trip corpus pin them): every line begun in one batch lies at the same
/// depth, and the key of a mapping entry after the first is always the last event
/// of its batch, while the first key is on the first line the batch writes on.
final class EventEmitter {
  /// Layout facts for one event, queued until libyaml has processed the event.
  private struct EventLayout {
    var depth: Int32
    /// Index into `decorations`, or -1.
    var decoration: Int32 = -1
    /// -1 for events that are not scalars; 1 for a keep-chomped literal (`|+`), else 0.
    var scalarKeepsLineBreaks: Int8 = -1
  }

  /// libyaml's emitter state, on the heap so that it has a stable address.
  private let emitter: UnsafeMutablePointer<yaml_emitter_t>
  private let writer: LayoutWriter
  /// Layouts of the events libyaml has queued but not processed yet, oldest first,
  /// in a ring (libyaml never holds more than a handful).
  @exclusivity(unchecked) private var pending: UnsafeMutablePointer<EventLayout>
  @exclusivity(unchecked) private var pendingCapacity = 64
  @exclusivity(unchecked) private var pendingHead = 0
  @exclusivity(unchecked) private var pendingCount = 0
  @exclusivity(unchecked) private var decorations: [(DecoratedLine, LineDecoration)] = []
  /// Bytes of the batch being processed that libyaml flushed mid-call.
  @exclusivity(unchecked) private var staged: [UInt8] = []
  /// Whether the current flush is ours, ending a segment after a batch.
  @exclusivity(unchecked) private var handingOver = false
  /// Depth of the bytes in libyaml's buffer before `batchStart` (not yet written).
  @exclusivity(unchecked) private var segmentDepth = 0
  /// Where in libyaml's buffer the bytes of the call in progress begin.
  @exclusivity(unchecked) private var batchStart = 0
  @exclusivity(unchecked) private var batchDepth = 0
  @exclusivity(unchecked) private var batchDecorations: [(DecoratedLine, LineDecoration)] = []
  /// When set, events are collected here instead of being emitted (benchmark baseline).
  @exclusivity(unchecked) var recordedEvents: [yaml_event_t]?

  init(writer: LayoutWriter) throws {
    self.writer = writer
    pending = .allocate(capacity: pendingCapacity)
    emitter = .allocate(capacity: 1)
    guard yaml_emitter_initialize(emitter) == 1 else {
      emitter.deallocate()
      pending.deallocate()
      throw YAMLError.emitterFailed(problem: "could not initialise libyaml's emitter")
    }
    yaml_emitter_set_unicode(emitter, 1)
    yaml_emitter_set_indent(emitter, 2)
    yaml_emitter_set_width(emitter, -1)
    yaml_emitter_set_break(emitter, YAML_LN_BREAK)
    yaml_emitter_set_output(
      emitter,
      { context, buffer, size in
        let emitter = Unmanaged<EventEmitter>.fromOpaque(context!).takeUnretainedValue()
        emitter.receive(UnsafeBufferPointer(start: buffer, count: size))
        return 1
      }, Unmanaged.passUnretained(self).toOpaque())
  }

  deinit {
    yaml_emitter_delete(emitter)
    emitter.deallocate()
    pending.deallocate()
  }

  /// Called by libyaml with everything in its buffer: from our own flush when a
  /// segment ends (`handingOver`), or in the middle of a call when its 16 KiB
  /// buffer fills up.
  ///
  /// The buffer holds, in order: bytes of earlier batches at `segmentDepth` (up
  /// to `batchStart`), then bytes of the batch being processed. A run of batches
  /// at one depth without decorations is written in one piece: cutting it anywhere
  /// gives the same output, because the writer shifts each line begun by the
  /// depth alone.
  private func receive(_ bytes: UnsafeBufferPointer<UInt8>) {
    let segmentBytes = UnsafeBufferPointer(rebasing: bytes[..<batchStart])
    if !segmentBytes.isEmpty { writer.write(segmentBytes, depth: segmentDepth, decorations: []) }
    let batchBytes = UnsafeBufferPointer(rebasing: bytes[batchStart...])
    batchStart = 0
    if handingOver && staged.isEmpty {
      writer.write(batchBytes, depth: batchDepth, decorations: batchDecorations)
    } else {
      staged.append(contentsOf: batchBytes)
      if handingOver {
        staged.withUnsafeBufferPointer { writer.write($0, depth: batchDepth, decorations: batchDecorations) }
        staged.removeAll(keepingCapacity: true)
      }
    }
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
    try finish()
  }

  // MARK: - Nodes

  /// Where a node stands, which decides how libyaml lays it out.
  private enum Context {
    case root
    /// A mapping key, with the index of its decoration in `decorations` or -1.
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
              blankLine: index > 0 && blankLines && !Self.endsWithKeptLineBreaks(entries[index - 1].value),
              comment: entries[index].comment,
              // The first key shares its line with the `- ` of a sequence item, and
              // begins a new line otherwise; a later key ends its batch.
              line: index > 0 ? .lastLineBegun : (isItem ? .lineOfFirstContent : .firstLineBegun))
          }
          let simpleKey: Bool
          if case .scalar(let key) = entries[index].key {
            simpleKey = try emitScalar(key, depth: depth, decoration: keyDecoration, inFlow: flow, isKey: true) && !flow
          } else {
            simpleKey = !flow && Self.isSimpleCollectionKey(entries[index].key)
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

  /// Queues a blank line and/or comment above a key; returns its index in
  /// `decorations`, or -1 when there is nothing to add.
  private func decorate(blankLine: Bool, comment: String?, line: DecoratedLine) throws -> Int32 {
    var lines = LineDecoration()
    lines.blankLine = blankLine
    if let comment {
      try Self.validateComment(comment)
      lines.comment = comment
    }
    guard !lines.isEmpty else { return -1 }
    decorations.append((line, lines))
    return Int32(decorations.count - 1)
  }

  /// Emits a scalar; returns whether, as a key, it is a simple key: on one line, with its tag and
  /// text at most 128 bytes (libyaml's `yaml_emitter_check_simple_key`).
  @discardableResult
  private func emitScalar(_ scalar: YAMLScalar, depth: Int32, decoration: Int32, inFlow: Bool, isKey: Bool) throws
    -> Bool
  {
    var event = yaml_event_t()
    var keepsLineBreaks: Int8 = 0
    var simpleKey = true
    let tagLength = scalar.tag.map(Self.tagWrittenLength) ?? 0
    switch scalar.value {
    case .string(var text):
      try text.withUTF8 { bytes in
        let style = Self.style(for: bytes, inFlow: inFlow, isKey: isKey)
        if style == YAML_LITERAL_SCALAR_STYLE && ScalarText.literalKeepsTrailingBreaks(bytes) { keepsLineBreaks = 1 }
        if isKey {
          // A plain scalar holds no line break, so only quoted keys need the scan.
          simpleKey =
            bytes.count + tagLength <= 128
            && (style == YAML_PLAIN_SCALAR_STYLE || !ScalarText.containsBreak(bytes))
        }
        try initializeScalar(&event, bytes, tag: scalar.tag, style: style)
      }
    default:
      var text = scalar.text
      try text.withUTF8 { bytes in
        simpleKey = bytes.count + tagLength <= 128
        try initializeScalar(&event, bytes, tag: scalar.tag, style: YAML_PLAIN_SCALAR_STYLE)
      }
    }
    try emit(&event, EventLayout(depth: depth, decoration: decoration, scalarKeepsLineBreaks: keepsLineBreaks))
    return simpleKey
  }

  /// Fills a scalar event by hand rather than through `yaml_scalar_event_initialize`,
  /// which would check the UTF-8 of every value and tag again (Swift strings are
  /// valid UTF-8 already). libyaml frees `value` and `tag` with `free` once the
  /// event is processed, so both are `malloc`ed copies, as its initialiser makes.
  private func initializeScalar(
    _ event: inout yaml_event_t, _ bytes: UnsafeBufferPointer<UInt8>, tag: String?, style: yaml_scalar_style_t
  ) throws {
    guard bytes.count <= Int(Int32.max) else {
      throw YAMLError.emitterFailed(problem: "a scalar is larger than 2 GiB")
    }
    var tagCopy: UnsafeMutablePointer<UInt8>?
    if let tag {
      tagCopy = try Self.mallocCopy(of: tag)
    }
    guard let value = Self.mallocCopy(of: bytes) else {
      free(tagCopy)
      throw YAMLError.emitterFailed(problem: "out of memory")
    }
    let implicit: Int32 = tag == nil ? 1 : 0
    // One store of the whole event: setting its fields one by one makes the
    // compiler merge neighbouring 32-bit fields through slow overlapping stores.
    event = yaml_event_t(
      type: YAML_SCALAR_EVENT,
      data: .init(
        scalar: .init(
          anchor: nil, tag: tagCopy, value: value, length: bytes.count, plain_implicit: implicit,
          quoted_implicit: implicit, style: style)),
      start_mark: yaml_mark_t(), end_mark: yaml_mark_t())
  }

  /// A `malloc`ed, NUL-terminated copy, which libyaml may `free`.
  @inline(__always)
  private static func mallocCopy(of bytes: UnsafeBufferPointer<UInt8>) -> UnsafeMutablePointer<UInt8>? {
    guard let raw = malloc(bytes.count + 1) else { return nil }
    let copy = raw.assumingMemoryBound(to: UInt8.self)
    if let base = bytes.baseAddress { copy.update(from: base, count: bytes.count) }
    copy[bytes.count] = 0
    return copy
  }

  /// A `malloc`ed copy of a tag; an empty tag is refused.
  private static func mallocCopy(of tag: String) throws -> UnsafeMutablePointer<UInt8> {
    var tag = tag
    guard !tag.isEmpty, let copy = tag.withUTF8({ mallocCopy(of: $0) }) else { throw YAMLError.invalidTag(tag) }
    return copy
  }

  /// A comment goes on `#` lines: it may hold line feeds but no other control
  /// or line-break character, which would end the comment or change the document.
  static func validateComment(_ comment: String) throws {
    var text = comment
    let valid = text.withUTF8 { bytes in
      var index = 0
      while index < bytes.count {
        if bytes[index] != 0x0A && (!ScalarText.isPrintable(bytes, index) || ScalarText.isBreakAt(bytes, index)) {
          return false
        }
        index += ScalarText.characterWidth(bytes[index])
      }
      return true
    }
    guard valid else { throw YAMLError.invalidComment(comment) }
  }

  /// The one quoting rule: literal block for multi-line strings where libyaml
  /// keeps it; plain when the text can stand plain here and no reader would take
  /// it for anything but a string; double quotes otherwise.
  static func style(for bytes: UnsafeBufferPointer<UInt8>, inFlow: Bool, isKey: Bool) -> yaml_scalar_style_t {
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
    let standardPrefix = "tag:yaml.org,2002:"
    if tag.hasPrefix(standardPrefix) { return 2 + tag.utf8.count - standardPrefix.utf8.count }
    return tag.utf8.count
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

  private func growPending() {
    let larger = UnsafeMutablePointer<EventLayout>.allocate(capacity: pendingCapacity * 2)
    for offset in 0..<pendingCount {
      larger[offset] = pending[(pendingHead + offset) & (pendingCapacity - 1)]
    }
    pending.deallocate()
    pending = larger
    pendingHead = 0
    pendingCapacity *= 2
  }

  private func emit(_ event: inout yaml_event_t, _ layout: EventLayout) throws {
    if recordedEvents != nil {
      recordedEvents!.append(event)
      return
    }
    if pendingCount == pendingCapacity { growPending() }
    pending[(pendingHead + pendingCount) & (pendingCapacity - 1)] = layout
    pendingCount += 1
    batchStart = emitter.pointee.buffer.start.distance(to: emitter.pointee.buffer.pointer)
    guard yaml_emitter_emit(emitter, &event) == 1 else {
      throw YAMLError.emitterFailed(
        problem: emitter.pointee.problem.map { String(cString: $0) } ?? "unknown libyaml error")
    }
    let queued = emitter.pointee.events.head.distance(to: emitter.pointee.events.tail)
    let processed = pendingCount - queued
    guard processed > 0 else { return }
    // Gather the layout of the events processed by this call.
    var lastScalarKeepsLineBreaks: Int8 = -1
    if !batchDecorations.isEmpty { batchDecorations = [] }
    for offset in 0..<processed {
      let layout = pending[(pendingHead + offset) & (pendingCapacity - 1)]
      if layout.decoration >= 0 { batchDecorations.append(decorations[Int(layout.decoration)]) }
      if layout.scalarKeepsLineBreaks >= 0 { lastScalarKeepsLineBreaks = layout.scalarKeepsLineBreaks }
      batchDepth = Int(layout.depth)
    }
    // libyaml marks the stream "open ended" after a `|+` block and never clears
    // it, so a `...` line would end every document that has one anywhere. Clear it
    // once a later scalar is written; a `|+` block that ends the document keeps it.
    if lastScalarKeepsLineBreaks == 0 && emitter.pointee.open_ended == 2 {
      emitter.pointee.open_ended = 0
    }
    pendingHead = (pendingHead + processed) & (pendingCapacity - 1)
    pendingCount -= processed
    if pendingCount == 0 && !decorations.isEmpty { decorations.removeAll(keepingCapacity: true) }
    if batchDepth == segmentDepth && batchDecorations.isEmpty {
      // The batch continues the segment. Bytes libyaml flushed mid-call come
      // before everything now in its buffer.
      if !staged.isEmpty {
        staged.withUnsafeBufferPointer { writer.write($0, depth: batchDepth, decorations: []) }
        staged.removeAll(keepingCapacity: true)
      }
      return
    }
    try handOver()
    segmentDepth = batchDepth
  }

  /// Writes the segment so far and the batch just processed, each with its layout.
  private func handOver() throws {
    handingOver = true
    defer { handingOver = false }
    if emitter.pointee.buffer.pointer == emitter.pointee.buffer.start {
      // libyaml itself flushed everything mid-call: the batch is all staged.
      receive(UnsafeBufferPointer(start: nil, count: 0))
      return
    }
    guard yaml_emitter_flush(emitter) == 1 else {
      throw YAMLError.emitterFailed(problem: "libyaml could not flush its buffer")
    }
  }

  /// Writes what libyaml still holds once the document has ended.
  private func finish() throws {
    batchStart = emitter.pointee.buffer.start.distance(to: emitter.pointee.buffer.pointer)
    batchDecorations = []
    batchDepth = segmentDepth
    try handOver()
  }
}
