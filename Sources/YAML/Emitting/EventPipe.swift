import CYAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Events in order, passed from the thread that walks the tree to the thread
/// that drives libyaml, a chunk at a time.
///
/// Walking a large tree is mostly waiting for memory (its nodes are scattered
/// over the heap), while libyaml is mostly computing; on two cores the two
/// overlap. Only a few chunks exist, and they are reused, so the memory in flight
/// stays the same however large the document grows.
///
/// Scalars travel as copies of their text in the chunk's own byte buffer, and
/// become libyaml events (`malloc`ed copies, which libyaml `free`s) on the
/// consumer's thread: memory `malloc`ed on one thread and freed on another is
/// much slower to free.
final class EventChunk {
  static let capacity = 1024

  /// Where a scalar's text and tag lie in `texts`.
  private struct ScalarSlice {
    var valueStart: Int
    var valueCount: Int
    /// -1 for no tag.
    var tagStart: Int
    var tagCount: Int
    var style: yaml_scalar_style_t
  }

  /// Events; a scalar event without a value stands for `scalars` at its index.
  let events = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: capacity)
  let layouts = UnsafeMutablePointer<EventLayout>.allocate(capacity: capacity)
  private let scalars = UnsafeMutablePointer<ScalarSlice>.allocate(capacity: capacity)
  private var texts = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 14)
  private var textsCapacity = 1 << 14
  private var textsCount = 0
  var count = 0
  /// Decorations of this chunk's events, indexed by their layouts.
  var decorations: [Decoration] = []
  /// The walk's error, after this chunk's events.
  var failure: (any Error)?
  /// Whether the walk ends with this chunk.
  var isLast = false

  deinit {
    for index in 0..<count { yaml_event_delete(events + index) }
    events.deallocate()
    layouts.deallocate()
    scalars.deallocate()
    texts.deallocate()
  }

  var isFull: Bool { count == Self.capacity }

  func append(_ event: yaml_event_t, _ layout: EventLayout) {
    events[count] = event
    layouts[count] = layout
    count += 1
  }

  func appendScalar(_ scalar: ScalarEventText, tag: String?, _ layout: EventLayout) {
    var slice = ScalarSlice(
      valueStart: copyText(scalar.text), valueCount: scalar.text.count, tagStart: -1, tagCount: 0, style: scalar.style)
    if var tag {
      tag.withUTF8 { bytes in
        slice.tagStart = copyText(bytes)
        slice.tagCount = bytes.count
      }
    }
    scalars[count] = slice
    var marker = yaml_event_t()
    marker.type = YAML_SCALAR_EVENT
    append(marker, layout)
  }

  private func copyText(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let start = textsCount
    if textsCount + bytes.count > textsCapacity {
      var capacity = textsCapacity * 2
      while capacity < textsCount + bytes.count { capacity *= 2 }
      let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
      larger.update(from: texts, count: textsCount)
      texts.deallocate()
      texts = larger
      textsCapacity = capacity
    }
    if let base = bytes.baseAddress { (texts + textsCount).update(from: base, count: bytes.count) }
    textsCount += bytes.count
    return start
  }

  /// The event at `index`, made whole, for libyaml to own.
  func takeEvent(at index: Int) throws -> yaml_event_t {
    let event = events[index]
    guard event.type == YAML_SCALAR_EVENT && event.data.scalar.value == nil else { return event }
    let slice = scalars[index]
    let scalar = ScalarEventText(
      text: UnsafeBufferPointer(start: texts + slice.valueStart, count: slice.valueCount), style: slice.style)
    guard slice.tagStart >= 0 else { return try scalar.event(tag: nil as UnsafeBufferPointer<UInt8>?) }
    return try scalar.event(tag: UnsafeBufferPointer(start: texts + slice.tagStart, count: slice.tagCount))
  }

  /// Frees the events from `index` on, which will never reach libyaml.
  func discardEvents(from index: Int) {
    for unsent in index..<max(index, count) { yaml_event_delete(events + unsent) }
    count = min(count, index)
  }

  /// `layout`, with `decoration` kept in this chunk.
  func layout(_ layout: EventLayout, decoration: Decoration?) -> EventLayout {
    guard let decoration else { return layout }
    var layout = layout
    layout.store(decoration, in: &decorations)
    return layout
  }

  func reset() {
    count = 0
    textsCount = 0
    decorations.removeAll(keepingCapacity: true)
    failure = nil
    isLast = false
  }
}

/// A bounded queue of ``EventChunk``s between one producer and one consumer
/// thread, guarded by a mutex.
final class EventPipe: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  /// Chunks filled by the producer, oldest first.
  private var filled: [EventChunk] = []
  /// Chunks ready to be filled.
  private var empty: [EventChunk]
  /// Set by the consumer when it stops reading: the producer stops walking.
  private var cancelled = false

  init(chunks: Int = 4) {
    pthread_mutex_init(mutex, nil)
    empty = (0..<chunks).map { _ in EventChunk() }
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  private func locked<Result>(_ body: () -> Result) -> Result {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return body()
  }

  /// Waits, with the mutex held, until `condition` no longer holds, by polling:
  /// a few yields, then short sleeps. A thread woken by another (through a
  /// condition variable) is often moved to its waker's processor, which puts
  /// both sides on one processor; and spinning longer takes the processor's
  /// time from the other side when two logical processors share a core.
  private func waitWhile(_ condition: () -> Bool) {
    var attempts = 0
    while condition() {
      pthread_mutex_unlock(mutex)
      if attempts < Self.yieldsBeforeSleeping {
        sched_yield()
      } else {
        var pause = timespec(tv_sec: 0, tv_nsec: Self.sleepNanoseconds)
        nanosleep(&pause, nil)
      }
      attempts += 1
      pthread_mutex_lock(mutex)
    }
  }

  private static let yieldsBeforeSleeping = 8
  /// A chunk takes the other side about 100 µs.
  private static let sleepNanoseconds = 20_000

  /// Producer: an empty chunk, waiting for one if need be; `nil` once the
  /// consumer has stopped.
  func emptyChunk() -> EventChunk? {
    locked {
      waitWhile { empty.isEmpty && !cancelled }
      return cancelled ? nil : empty.removeLast()
    }
  }

  /// Producer: passes a filled chunk on.
  func send(_ chunk: EventChunk) {
    locked {
      filled.append(chunk)
    }
  }

  /// Consumer: the oldest filled chunk, waiting for one if need be.
  func receive() -> EventChunk {
    locked {
      waitWhile { filled.isEmpty }
      return filled.removeFirst()
    }
  }

  /// Consumer: gives a processed chunk back.
  func recycle(_ chunk: EventChunk) {
    chunk.reset()
    locked {
      empty.append(chunk)
    }
  }

  /// Consumer: stops the producer at its next chunk.
  func cancel() {
    locked {
      cancelled = true
    }
  }
}

/// The walker's end of an ``EventPipe``.
final class PipeProducer: EventTarget {
  private let pipe: EventPipe
  private var chunk: EventChunk?

  /// Thrown into the walk when the consumer has stopped reading.
  struct Stopped: Error {}

  init(pipe: EventPipe) {
    self.pipe = pipe
  }

  func accept(_ event: inout yaml_event_t, _ layout: EventLayout, decoration: Decoration?) throws {
    guard let chunk = currentChunk() else {
      yaml_event_delete(&event)
      throw Stopped()
    }
    chunk.append(event, chunk.layout(layout, decoration: decoration))
    sendIfFull(chunk)
  }

  func acceptScalar(_ scalar: ScalarEventText, tag: String?, _ layout: EventLayout, decoration: Decoration?) throws {
    guard let chunk = currentChunk() else { throw Stopped() }
    chunk.appendScalar(scalar, tag: tag, chunk.layout(layout, decoration: decoration))
    sendIfFull(chunk)
  }

  /// The chunk being filled, taking an empty one if need be; `nil` once the
  /// consumer has stopped.
  private func currentChunk() -> EventChunk? {
    if chunk == nil { chunk = pipe.emptyChunk() }
    return chunk
  }

  private func sendIfFull(_ chunk: EventChunk) {
    guard chunk.isFull else { return }
    pipe.send(chunk)
    self.chunk = nil
  }

  /// Sends the last chunk, with the walk's error if it failed.
  func finish(failure: (any Error)?) {
    if failure is Stopped { return }  // nobody reads any more
    guard let chunk = currentChunk() else { return }
    chunk.failure = failure
    chunk.isLast = true
    pipe.send(chunk)
    self.chunk = nil
  }
}

/// Runs `body` on a new thread; `join` waits for it.
struct WorkerThread {
  #if canImport(Glibc)
    private var thread = pthread_t()
  #else
    private var thread: pthread_t?
  #endif

  init(_ body: @escaping @Sendable () -> Void) throws {
    final class Box {
      let body: @Sendable () -> Void
      init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    let result = pthread_create(
      &thread, nil,
      { context in
        #if canImport(Glibc)
          let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
        #else
          let box = Unmanaged<Box>.fromOpaque(context).takeRetainedValue()
        #endif
        box.body()
        return nil
      }, context)
    guard result == 0 else {
      Unmanaged<Box>.fromOpaque(context).release()
      throw YAMLError.emitterFailed(problem: "could not start a thread: \(String(cString: strerror(result)))")
    }
  }

  func join() {
    #if canImport(Glibc)
      pthread_join(thread, nil)
    #else
      if let thread { pthread_join(thread, nil) }
    #endif
  }
}
