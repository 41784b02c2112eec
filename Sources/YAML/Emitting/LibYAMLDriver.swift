import CYAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Drives libyaml's event emitter and hands what it writes to the ``LayoutWriter``.
///
/// libyaml processes an event as soon as it has the look-ahead it needs, so one
/// call may process several queued events (a batch). After every call the driver
/// knows the layout facts of the batch just processed: how deep in indentless
/// sequences it is, and whether a blank line or a comment belongs above one of
/// its lines. Bytes go to the writer with those facts whenever they change.
///
/// Two facts of libyaml's queueing make this exact (the layout tests and the
/// round-trip corpus pin them): every line begun in one batch lies at the same
/// depth, and the key of a mapping entry after the first is always the last event
/// of its batch, while the first key is on the first line the batch writes on.
final class LibYAMLDriver: EventTarget {
  /// libyaml's emitter state, on the heap so that it has a stable address.
  private let emitter: UnsafeMutablePointer<yaml_emitter_t>
  private let writer: LayoutWriter
  /// Layouts of the events libyaml has queued but not processed yet, oldest first,
  /// in a ring (libyaml never holds more than a handful).
  @exclusivity(unchecked) private var pending: UnsafeMutablePointer<EventLayout>
  @exclusivity(unchecked) private var pendingCapacity = 64
  @exclusivity(unchecked) private var pendingHead = 0
  @exclusivity(unchecked) private var pendingCount = 0
  /// Decorations of the events libyaml holds, indexed by their layouts.
  @exclusivity(unchecked) private var decorations: [Decoration] = []
  /// Bytes of the batch being processed that libyaml flushed mid-call.
  @exclusivity(unchecked) private var staged: [UInt8] = []
  /// Whether the current flush is ours, ending a segment after a batch.
  @exclusivity(unchecked) private var handingOver = false
  /// Depth of the bytes in libyaml's buffer before `batchStart` (not yet written).
  @exclusivity(unchecked) private var segmentDepth = 0
  /// Where in libyaml's buffer the bytes of the call in progress begin.
  @exclusivity(unchecked) private var batchStart = 0
  @exclusivity(unchecked) private var batchDepth = 0
  @exclusivity(unchecked) private var batchDecorations: [Decoration] = []

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
        let emitter = Unmanaged<LibYAMLDriver>.fromOpaque(context!).takeUnretainedValue()
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

  /// Emits one event; libyaml takes the memory it owns, even when it fails.
  func accept(_ event: inout yaml_event_t, _ layout: EventLayout, decoration: Decoration?) throws {
    var layout = layout
    if let decoration { layout.store(decoration, in: &decorations) }
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
  func finish() throws {
    batchStart = emitter.pointee.buffer.start.distance(to: emitter.pointee.buffer.pointer)
    batchDecorations = []
    batchDepth = segmentDepth
    try handOver()
  }
}
