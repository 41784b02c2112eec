#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where emitted bytes go: a growing buffer, or a file descriptor written in
/// pieces of about 64 KiB so that the whole document is never held in memory.
///
/// The last, unfinished line always stays in the buffer, so the layout writer can
/// still put a comment or blank line above it.
final class OutputSink {
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// Number of bytes gathered and not yet written.
  private(set) var count = 0
  private let fileDescriptor: Int32?
  private let flushThreshold = 1 << 16
  private(set) var failure: YAMLError?

  /// Collects everything in memory.
  init() {
    fileDescriptor = nil
    capacity = 1 << 12
    storage = Self.reallocate(nil, capacity: capacity)
  }

  /// Writes to `fileDescriptor` whenever 64 KiB have gathered.
  init(fileDescriptor: Int32) {
    self.fileDescriptor = fileDescriptor
    capacity = (1 << 16) + (1 << 12)
    storage = Self.reallocate(nil, capacity: capacity)
  }

  deinit {
    free(storage)
  }

  /// `realloc`, which moves a large buffer by remapping its pages rather than
  /// copying them (and touching fresh ones) as a new allocation would.
  private static func reallocate(_ storage: UnsafeMutablePointer<UInt8>?, capacity: Int)
    -> UnsafeMutablePointer<UInt8>
  {
    guard let raw = realloc(storage, capacity) else {
      fatalError("out of memory: could not grow the YAML output buffer to \(capacity) bytes")
    }
    return raw.assumingMemoryBound(to: UInt8.self)
  }

  /// Everything gathered (in memory mode, the whole document).
  var bytes: [UInt8] {
    Array(UnsafeBufferPointer(start: storage, count: count))
  }

  /// The byte at `index` of what has gathered.
  subscript(index: Int) -> UInt8 { storage[index] }

  @inline(__always)
  private func reserve(_ additional: Int) {
    guard count + additional > capacity else { return }
    var newCapacity = capacity * 2
    while newCapacity < count + additional { newCapacity *= 2 }
    storage = Self.reallocate(storage, capacity: newCapacity)
    capacity = newCapacity
  }

  @inline(__always)
  func append(_ chunk: UnsafeBufferPointer<UInt8>) {
    guard let base = chunk.baseAddress, chunk.count > 0 else { return }
    reserve(chunk.count)
    (storage + count).update(from: base, count: chunk.count)
    count += chunk.count
  }

  func append(contentsOf text: [UInt8]) {
    text.withUnsafeBufferPointer { append($0) }
  }

  func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  @inline(__always)
  func appendSpaces(_ spaces: Int) {
    guard spaces > 0 else { return }
    reserve(spaces)
    (storage + count).initialize(repeating: UInt8(ascii: " "), count: spaces)
    count += spaces
  }

  /// Inserts bytes at `index` of what has gathered (still unwritten).
  func insert(_ text: [UInt8], at index: Int) {
    reserve(text.count)
    (storage + index + text.count).update(from: storage + index, count: count - index)
    text.withUnsafeBufferPointer { (storage + index).update(from: $0.baseAddress!, count: text.count) }
    count += text.count
  }

  /// Where the current, unfinished line starts in what has gathered.
  var currentLineStart: Int {
    var index = count
    while index > 0 && storage[index - 1] != UInt8(ascii: "\n") { index -= 1 }
    return index
  }

  /// In file-descriptor mode, once 64 KiB have gathered, writes every finished line.
  @inline(__always)
  func flushIfFull() {
    guard fileDescriptor != nil && count >= flushThreshold else { return }
    let lineStart = currentLineStart
    guard lineStart > 0 else { return }
    writeOut(lineStart)
  }

  /// Writes everything gathered (the document is complete).
  func flush() {
    writeOut(count)
  }

  private func writeOut(_ length: Int) {
    guard let fileDescriptor, failure == nil, length > 0 else { return }
    var offset = 0
    while offset < length {
      let written = write(fileDescriptor, storage + offset, length - offset)
      if written < 0 {
        if errno == EINTR { continue }
        failure = .writeFailed(errno: errno, message: String(cString: strerror(errno)))
        return
      }
      offset += written
    }
    (storage).update(from: storage + length, count: count - length)
    count -= length
  }
}
