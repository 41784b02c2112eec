#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes generated files so that a failure leaves nothing half-written.
package enum FileWriter {
  /// Makes `directory` hold exactly `files` among its `.swift` files: each is
  /// written to a temporary file and renamed into place; `.swift` files not in
  /// `files` are removed.
  package static func replaceDirectory(_ directory: String, with files: [(name: String, contents: String)]) throws {
    try makeDirectories(directory)
    for file in files {
      try writeAtomically(directory + "/" + file.name, file.contents)
    }
    let keep = Set(files.map(\.name))
    for existing in try listDirectory(directory) where existing.hasSuffix(".swift") && !keep.contains(existing) {
      unlink(directory + "/" + existing)
    }
  }

  package static func writeAtomically(_ path: String, _ contents: String) throws {
    let temporary = path + ".tmp-\(getpid())"
    guard let file = fopen(temporary, "wb") else {
      throw CodegenError.io("cannot write \(temporary): \(String(cString: strerror(errno)))")
    }
    let bytes = Array(contents.utf8)
    let written = fwrite(bytes, 1, bytes.count, file)
    let closed = fclose(file)
    guard written == bytes.count, closed == 0 else {
      unlink(temporary)
      throw CodegenError.io("cannot write \(temporary): \(String(cString: strerror(errno)))")
    }
    guard rename(temporary, path) == 0 else {
      unlink(temporary)
      throw CodegenError.io("cannot move \(temporary) to \(path): \(String(cString: strerror(errno)))")
    }
  }

  package static func makeDirectories(_ path: String) throws {
    var current = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      current += "/" + part
      if mkdir(current, 0o755) != 0 && errno != EEXIST {
        throw CodegenError.io("cannot create \(current): \(String(cString: strerror(errno)))")
      }
    }
  }

  package static func listDirectory(_ path: String) throws -> [String] {
    guard let directory = opendir(path) else {
      throw CodegenError.io("cannot read \(path): \(String(cString: strerror(errno)))")
    }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }
}
