#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where emitted bytes go: a growing byte array, or a file descriptor written in
/// fixed-size pieces so that the whole document is never held in memory.
final class OutputSink {
  private(set) var bytes: [UInt8] = []
  private let fileDescriptor: Int32?
  private let flushThreshold = 1 << 16
  private(set) var failure: YAMLError?

  /// Collects everything in memory.
  init() {
    fileDescriptor = nil
    bytes.reserveCapacity(1 << 12)
  }

  /// Writes to `fileDescriptor` whenever 64 KiB have gathered.
  init(fileDescriptor: Int32) {
    self.fileDescriptor = fileDescriptor
    bytes.reserveCapacity(flushThreshold + (1 << 12))
  }

  @inline(__always)
  func append(_ chunk: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: chunk)
  }

  /// Inserts bytes before what has gathered since `index` (still unwritten).
  func insert(_ text: [UInt8], at index: Int) {
    bytes.insert(contentsOf: text, at: index)
  }

  /// Writes to the file descriptor once 64 KiB have gathered. The layout writer
  /// calls this only between lines, so the current line stays editable.
  @inline(__always)
  func flushIfFull() {
    if fileDescriptor != nil && bytes.count >= flushThreshold { flush() }
  }

  @inline(__always)
  func append(_ byte: UInt8) {
    bytes.append(byte)
  }

  func append(contentsOf text: [UInt8]) {
    bytes.append(contentsOf: text)
  }

  func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  @inline(__always)
  func appendSpaces(_ count: Int) {
    for _ in 0..<count { bytes.append(UInt8(ascii: " ")) }
  }

  /// Hands what has gathered to the file descriptor (no-op in memory mode).
  func flush() {
    guard let fileDescriptor, failure == nil, !bytes.isEmpty else { return }
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = .writeFailed(errno: errno, message: String(cString: strerror(errno)))
          return
        }
        offset += written
      }
    }
    bytes.removeAll(keepingCapacity: true)
  }
}
