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
    do {
      try writeFileAtomically(path, Array(text.utf8))
    } catch {
      throw OutputError(description: error.description)
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
