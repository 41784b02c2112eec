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
