import TestSupport

/// `Tests/ImportTests`, where the corpus and the snapshots live.
let testsDirectory: String = {
  var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
  components.removeLast()
  return components.joined(separator: "/")
}()

let packageRoot = String(testsDirectory.dropLast("/Tests/ImportTests".count))

/// The files of `directory`, in byte order.
func files(in directory: String) throws -> [String] {
  try listDirectory(directory)
}
