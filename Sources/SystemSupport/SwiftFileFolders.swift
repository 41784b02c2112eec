#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Folders of Swift files that a program writes and a build then compiles: the
// generated services and the packages `gen import --check` builds.

/// The names in the directory `path`, without `.` and `..`, in byte order.
/// Throws ``SystemError`` naming the directory and the system's reason.
package func listDirectory(_ path: String) throws(SystemError) -> [String] {
  guard let directory = opendir(path) else {
    throw SystemError("cannot read \(path): \(String(cString: strerror(errno)))")
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

/// Writes `text` to `path` (atomically) unless the file holds it already: an
/// unchanged file keeps its modification time, so a build does not compile it again.
package func writeFileIfChanged(_ path: String, _ text: String) throws(SystemError) {
  if (try? readFileText(path)) == text { return }
  try writeFileAtomically(path, Array(text.utf8))
}

/// Makes `directory` (created if missing) hold exactly `files` among its
/// `.swift` files: each that differs is written with ``writeFileIfChanged(_:_:)``,
/// and the `.swift` files not in `files` are removed.
package func replaceSwiftFiles(in directory: String, with files: [(name: String, contents: String)])
  throws(SystemError)
{
  try makeDirectories(directory)
  for file in files {
    try writeFileIfChanged(directory + "/" + file.name, file.contents)
  }
  let keep = Set(files.map(\.name))
  for existing in try listDirectory(directory) where existing.hasSuffix(".swift") && !keep.contains(existing) {
    unlink(directory + "/" + existing)
  }
}
