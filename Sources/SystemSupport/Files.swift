#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The whole contents of a file. Throws ``SystemError`` with the system's reason.
package func readFileBytes(_ path: String) throws(SystemError) -> [UInt8] {
  guard let file = fopen(path, "rb") else { throw SystemError(String(cString: strerror(errno))) }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let count = fread(&buffer, 1, buffer.count, file)
    if count == 0 { break }
    bytes.append(contentsOf: buffer[0..<count])
  }
  guard ferror(file) == 0 else { throw SystemError("read error") }
  return bytes
}

/// The whole text of a file, as UTF-8.
package func readFileText(_ path: String) throws(SystemError) -> String {
  String(decoding: try readFileBytes(path), as: UTF8.self)
}

/// Writes all of `bytes` to `descriptor`, retrying short and interrupted writes.
/// Throws ``SystemError`` with the system's reason.
package func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) throws(SystemError) {
  var offset = 0
  while offset < bytes.count {
    let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    if written < 0 {
      if errno == EINTR { continue }
      throw SystemError(String(cString: strerror(errno)))
    }
    guard written > 0 else { throw SystemError("nothing written") }
    offset += written
  }
}

/// Writes `bytes` to `path` so that no reader ever sees half a file: they go to a
/// new temporary file beside it (mode 0644), which is then renamed over `path`.
/// On failure the temporary file is removed and `path` is left as it was. The
/// file is not flushed to disk: a crash may still lose it, never half of it.
/// Throws ``SystemError`` naming the path and the system's reason.
///
/// ```swift
/// try writeFileAtomically("deploy-canary.yml", Array(yaml.utf8))
/// ```
package func writeFileAtomically(_ path: String, _ bytes: [UInt8]) throws(SystemError) {
  let directory = parentDirectory(of: path)
  var template = Array("\(directory)/.\(lastComponent(of: path)).XXXXXX".utf8CString)
  let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
  guard descriptor >= 0 else { throw SystemError("cannot write in \(directory): \(String(cString: strerror(errno)))") }
  let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  do {
    try writeAll(descriptor, bytes)
    guard fchmod(descriptor, 0o644) == 0 else { throw SystemError(String(cString: strerror(errno))) }
  } catch {
    close(descriptor)
    unlink(temporary)
    throw SystemError("cannot write \(path): \(error)")
  }
  guard close(descriptor) == 0, rename(temporary, path) == 0 else {
    let reason = String(cString: strerror(errno))
    unlink(temporary)
    throw SystemError("cannot write \(path): \(reason)")
  }
}

/// Creates the directory `path` and every missing one above it (`mkdir -p`).
/// Throws ``SystemError`` naming the directory that could not be made.
package func makeDirectories(_ path: String) throws(SystemError) {
  var current = path.hasPrefix("/") ? "" : "."
  for part in path.split(separator: "/") where part != "." {
    current += "/" + part
    if mkdir(current, 0o755) != 0 && errno != EEXIST {
      throw SystemError("cannot create the directory \(current): \(String(cString: strerror(errno)))")
    }
  }
}

/// The directory part of `path`: `.` for a bare file name, `/` for a file at the root.
package func parentDirectory(of path: String) -> String {
  guard let slash = path.lastIndex(of: "/") else { return "." }
  return slash == path.startIndex ? "/" : String(path[..<slash])
}

private func lastComponent(of path: String) -> String {
  guard let slash = path.lastIndex(of: "/") else { return path }
  return String(path[path.index(after: slash)...])
}
