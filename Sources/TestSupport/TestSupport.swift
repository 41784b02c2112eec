// Helpers the test targets share: running built products, reading files,
// and showing where two texts first differ. Package-internal; not a product.

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

/// What a finished process left.
package struct ProcessResult: Sendable {
  package var status: Int32
  package var output: [UInt8]
  package var error: [UInt8]

  package var outputText: String { String(decoding: output, as: UTF8.self) }
  package var errorText: String { String(decoding: error, as: UTF8.self) }
}

package struct TestSupportError: Error, CustomStringConvertible {
  package var description: String

  package init(_ description: String) {
    self.description = description
  }
}

/// Runs `arguments[0]` (a path, or a name on the PATH) and collects its output.
/// `environment` replaces the inherited one when given; `removing` drops
/// variables from the inherited one (say SWIFT_DETERMINISTIC_HASHING).
package func runProcess(
  _ arguments: [String], environment: [String]? = nil, removing removed: [String] = []
) throws -> ProcessResult {
  var outputPipe: [Int32] = [0, 0]
  var errorPipe: [Int32] = [0, 0]
  guard pipe(&outputPipe) == 0, pipe(&errorPipe) == 0 else { throw TestSupportError("pipe failed") }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_adddup2(&actions, outputPipe[1], STDOUT_FILENO)
  posix_spawn_file_actions_adddup2(&actions, errorPipe[1], STDERR_FILENO)
  posix_spawn_file_actions_addclose(&actions, outputPipe[0])
  posix_spawn_file_actions_addclose(&actions, errorPipe[0])
  var variables = environment ?? []
  if environment == nil {
    var entry = environ
    while let pointer = entry.pointee {
      let variable = String(cString: pointer)
      if !removed.contains(where: { variable.hasPrefix($0 + "=") }) { variables.append(variable) }
      entry += 1
    }
  }
  let argv = arguments.map { strdup($0) } + [nil]
  let envp = variables.map { strdup($0) } + [nil]
  defer { for pointer in argv + envp { free(pointer) } }
  var pid = pid_t()
  let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
  close(outputPipe[1])
  close(errorPipe[1])
  guard spawned == 0 else {
    close(outputPipe[0])
    close(errorPipe[0])
    throw TestSupportError("cannot run \(arguments[0]) (\(spawned))")
  }
  // Read both pipes as data arrives, so neither fills up and blocks the child.
  var output: [UInt8] = []
  var error: [UInt8] = []
  var descriptors = [
    pollfd(fd: outputPipe[0], events: Int16(POLLIN), revents: 0),
    pollfd(fd: errorPipe[0], events: Int16(POLLIN), revents: 0),
  ]
  var open = 2
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while open > 0 {
    guard poll(&descriptors, nfds_t(descriptors.count), -1) >= 0 else {
      if errno == EINTR { continue }
      break
    }
    for index in descriptors.indices where descriptors[index].fd >= 0 && descriptors[index].revents != 0 {
      let count = read(descriptors[index].fd, &chunk, chunk.count)
      if count > 0 {
        if index == 0 { output += chunk[0..<count] } else { error += chunk[0..<count] }
      } else {
        close(descriptors[index].fd)
        descriptors[index].fd = -1
        open -= 1
      }
    }
  }
  var status: Int32 = 0
  waitpid(pid, &status, 0)
  return ProcessResult(status: (status >> 8) & 0xFF, output: output, error: error)
}

/// The whole text of a file.
package func readTextFile(_ path: String) throws -> String {
  guard let file = fopen(path, "rb") else { throw TestSupportError("cannot read \(path)") }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let count = fread(&buffer, 1, buffer.count, file)
    if count == 0 { break }
    bytes.append(contentsOf: buffer[0..<count])
  }
  return String(decoding: bytes, as: UTF8.self)
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
