import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file written atomically (``writeFileAtomically(_:_:)``), so a reader (or
/// the compiler) never sees half a file.
struct OutputFile {
  var path: String

  /// Writes `bytes` unless the file already holds exactly them (so that an
  /// unchanged catalog does not trigger a rebuild); returns whether it wrote.
  func update(with bytes: [UInt8]) throws -> Bool {
    if let existing = try? readFileBytes(path), existing == bytes { return false }
    do {
      try makeDirectories(parentDirectory(of: path))
      try writeFileAtomically(path, bytes)
    } catch {
      throw CodegenError.write(error)
    }
    return true
  }
}

/// Writes messages to the standard error.
enum StandardError {
  static func print(_ message: String) {
    var line = Array((message + "\n").utf8)
    _ = write(2, &line, line.count)
  }
}
