import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file in the temporary directory that lives as long as this value's owner keeps it, removed by ``remove()``.
struct TemporaryFile {
  let path: String

  /// Writes `text` to a new private file named `gen-<prefix>-XXXXXX<suffix>`.
  init(prefix: String, suffix: String, text: String) throws {
    let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array("\(directory)/gen-\(prefix)-XXXXXX\(suffix)".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(suffix.utf8.count)) }
    guard descriptor >= 0 else {
      throw DeployError("cannot create a temporary file in \(directory): \(String(cString: strerror(errno)))")
    }
    path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { close(descriptor) }
    do {
      try writeAll(descriptor, Array(text.utf8))
    } catch {
      unlink(path)
      throw DeployError("cannot write \(path): \(error)")
    }
  }

  func remove() { unlink(path) }
}

/// The whole text of a file, or a ``DeployError`` naming it.
func readFile(_ path: String) throws -> String {
  do {
    return try readFileText(path)
  } catch {
    throw DeployError("cannot read \(path): \(error)")
  }
}
