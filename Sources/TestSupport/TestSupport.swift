// Helpers the test targets share: running built products, reading files,
// and showing where two texts first differ. Package-internal; not a product.

@_exported import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A product built beside the running test bundle (`.build/<triple>/debug/<name>`).
package func builtProduct(_ name: String) -> String? {
  var buffer = [CChar](repeating: 0, count: 4096)
  let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
  guard length > 0 else { return nil }
  var directory = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  while let slash = directory.lastIndex(of: "/") {
    directory = String(directory[..<slash])
    if access(directory + "/" + name, X_OK) == 0 { return directory + "/" + name }
    if directory.hasSuffix("/.build") || directory.isEmpty { break }
  }
  return nil
}

package struct TestSupportError: Error, CustomStringConvertible {
  package var description: String

  package init(_ description: String) {
    self.description = description
  }
}

/// The whole text of a file.
package func readTextFile(_ path: String) throws -> String {
  do {
    return try readFileText(path)
  } catch {
    throw TestSupportError("cannot read \(path): \(error)")
  }
}

/// The first difference between two texts with two lines of context, or nil
/// when they are equal, so that a failed comparison reads like a diff.
package func firstDifference(expected: String, actual: String) -> String? {
  guard expected != actual else { return nil }
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  var index = 0
  while index < min(expectedLines.count, actualLines.count) && expectedLines[index] == actualLines[index] { index += 1 }
  var report = ["first difference at line \(index + 1):"]
  for line in expectedLines[max(0, index - 2)..<min(expectedLines.count, index + 3)] { report.append("- \(line)") }
  for line in actualLines[max(0, index - 2)..<min(actualLines.count, index + 3)] { report.append("+ \(line)") }
  return report.joined(separator: "\n")
}

/// A new empty directory under `/tmp`, named `<prefix>-XXXXXX`; remove it with ``removeDirectory(_:)``.
package func makeTemporaryDirectory(_ prefix: String) throws -> String {
  var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
  guard let path = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
    throw TestSupportError("cannot create a temporary directory: \(String(cString: strerror(errno)))")
  }
  return String(cString: path)
}

/// Removes a directory and everything in it.
package func removeDirectory(_ path: String) {
  _ = try? runProcess(["rm", "-rf", path])
}
