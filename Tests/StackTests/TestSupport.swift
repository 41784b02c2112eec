#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let testsDirectory = String(#filePath.prefix(upTo: #filePath.lastIndex(of: "/")!))
let packageRoot = String(testsDirectory.prefix(upTo: testsDirectory.firstRange(of: "/Tests/StackTests")!.lowerBound))

func readFile(_ path: String) throws -> String {
  guard let file = fopen(path, "rb") else { throw TestFailure("cannot read \(path)") }
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

struct TestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// The first difference between two texts with a few lines of context, or nil.
func firstDifference(expected: String, actual: String) -> String? {
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

/// A product built beside the test bundle.
func builtProduct(_ name: String) -> String? {
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

/// Runs a program; returns its exit status, standard output and standard error.
func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
  var outputPipe: [Int32] = [0, 0]
  var errorPipe: [Int32] = [0, 0]
  guard pipe(&outputPipe) == 0, pipe(&errorPipe) == 0 else { throw TestFailure("pipe failed") }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_adddup2(&actions, outputPipe[1], STDOUT_FILENO)
  posix_spawn_file_actions_adddup2(&actions, errorPipe[1], STDERR_FILENO)
  posix_spawn_file_actions_addclose(&actions, outputPipe[0])
  posix_spawn_file_actions_addclose(&actions, errorPipe[0])
  let argv = arguments.map { strdup($0) } + [nil]
  defer { for pointer in argv { free(pointer) } }
  var pid = pid_t()
  let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
  close(outputPipe[1])
  close(errorPipe[1])
  guard spawned == 0 else { throw TestFailure("cannot run \(arguments[0])") }
  // Small outputs: read stderr after stdout (both fit in the pipes' buffers for the errors tested).
  let output = readAll(outputPipe[0])
  let error = readAll(errorPipe[0])
  var status: Int32 = 0
  waitpid(pid, &status, 0)
  return ((status >> 8) & 0xFF, output, error)
}

private func readAll(_ descriptor: Int32) -> String {
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let count = read(descriptor, &chunk, chunk.count)
    if count <= 0 { break }
    bytes.append(contentsOf: chunk[0..<count])
  }
  close(descriptor)
  return String(decoding: bytes, as: UTF8.self)
}
