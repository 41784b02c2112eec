import ResourceSchemas
import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes generated files so that a failure leaves nothing half-written.
package enum FileWriter {
  /// Makes `directory` hold exactly `files` among its `.swift` files: each that
  /// differs is written to a temporary file and renamed into place; `.swift`
  /// files not in `files` are removed.
  package static func replaceDirectory(_ directory: String, with files: [(name: String, contents: String)]) throws {
    try makeDirectories(directory)
    for file in files where (try? readText(directory + "/" + file.name)) != file.contents {
      // An unchanged file keeps its modification time, so a build does not compile it again.
      try writeAtomically(directory + "/" + file.name, file.contents)
    }
    let keep = Set(files.map(\.name))
    for existing in try listDirectory(directory) where existing.hasSuffix(".swift") && !keep.contains(existing) {
      unlink(directory + "/" + existing)
    }
  }

  /// Writes `contents` to `path` so that no reader sees half a file.
  package static func writeAtomically(_ path: String, _ contents: String) throws {
    do {
      try writeFileAtomically(path, Array(contents.utf8))
    } catch {
      throw CodegenError.io(error.description)
    }
  }

  package static func makeDirectories(_ path: String) throws {
    do {
      try SystemSupport.makeDirectories(path)
    } catch {
      throw CodegenError.io(error.description)
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
    return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}
