import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file written atomically: a temporary file beside it, then a rename, so a
/// reader (or the compiler) never sees half a file.
struct OutputFile {
  var path: String

  /// Writes `bytes` unless the file already holds exactly them (so that an
  /// unchanged catalog does not trigger a rebuild); returns whether it wrote.
  func update(with bytes: [UInt8]) throws -> Bool {
    if let existing = try? contents(), existing == bytes { return false }
    try createParentDirectories()
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw failure("cannot create \(temporary)") }
    do {
      try writeAll(descriptor, bytes)
    } catch {
      close(descriptor)
      unlink(temporary)
      throw CodegenError.write(path: path, problem: "cannot write \(temporary): \(error)")
    }
    guard fsync(descriptor) == 0, close(descriptor) == 0 else {
      let error = failure("cannot flush \(temporary)")
      unlink(temporary)
      throw error
    }
    guard rename(temporary, path) == 0 else {
      let error = failure("cannot rename \(temporary)")
      unlink(temporary)
      throw error
    }
    return true
  }

  /// The current bytes of the file.
  private func contents() throws -> [UInt8] {
    do {
      return try readFileBytes(path)
    } catch {
      throw failure("cannot open")
    }
  }

  /// `mkdir -p` of the directory that holds the file.
  private func createParentDirectories() throws {
    var directory = ""
    let components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    for (index, component) in components.enumerated() {
      directory += (index == 0 ? "" : "/") + component
      if directory.isEmpty || component.isEmpty || component == "." { continue }
      if mkdir(directory, 0o755) != 0, errno != EEXIST {
        throw failure("cannot create the directory \(directory)")
      }
    }
  }

  private func failure(_ what: String) -> CodegenError {
    .write(path: path, problem: "\(what): \(String(cString: strerror(errno)))")
  }
}

/// Writes messages to the standard error.
enum StandardError {
  static func print(_ message: String) {
    var line = Array((message + "\n").utf8)
    _ = write(2, &line, line.count)
  }
}
