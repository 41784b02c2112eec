import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A write or read that failed, with the path and the system's reason.
struct OutputError: Error, CustomStringConvertible {
  var description: String
}

/// Files written so that a failure leaves nothing half-written.
enum OutputFile {
  /// Writes `text` to a temporary file beside `path`, then renames it into place.
  static func writeAtomically(_ path: String, _ text: String) throws {
    let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
    var template = Array("\(directory)/.gen-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw OutputError(description: "cannot write in \(directory): \(String(cString: strerror(errno)))")
    }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    do {
      try writeAll(descriptor, text)
      fchmod(descriptor, 0o644)
      close(descriptor)
    } catch {
      close(descriptor)
      unlink(temporary)
      throw OutputError(description: "cannot write \(path): \(error)")
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw OutputError(description: "cannot write \(path): \(reason)")
    }
  }

  static func writeToStandardOutput(_ text: String) throws {
    try writeAll(STDOUT_FILENO, text)
  }

  static func writeAll(_ descriptor: Int32, _ text: String) throws {
    do {
      try SystemSupport.writeAll(descriptor, Array(text.utf8))
    } catch {
      throw OutputError(description: error.description)
    }
  }

  static func read(_ path: String) throws -> String {
    do {
      return try readFileText(path)
    } catch {
      throw OutputError(description: "cannot read \(path): \(error)")
    }
  }
}
