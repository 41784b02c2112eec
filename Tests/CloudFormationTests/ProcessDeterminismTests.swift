import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Swift seeds its hashing randomly in every process unless
/// `SWIFT_DETERMINISTIC_HASHING` is set, so running the built example several
/// times with that variable unset catches any `Dictionary` or `Set` order that
/// leaks into a template.
@Suite("Determinism across processes")
struct ProcessDeterminismTests {
  @Test("the escape-hatch example prints identical bytes in separate processes", arguments: ["yaml", "json"])
  func sameBytes(format: String) throws {
    let binary = try #require(Self.builtProduct("escape-hatch-example"), "the example binary was not built")
    let runs = try (0..<5).map { _ in try Self.run(binary, ["--format", format]) }
    #expect(runs.allSatisfy { $0.status == 0 })
    #expect(!runs[0].output.isEmpty)
    #expect(Set(runs.map(\.output)).count == 1, "the output differs between processes")
  }

  /// A product built beside the test bundle (`.build/<triple>/debug`).
  static func builtProduct(_ name: String) -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard length > 0 else { return nil }
    let executable = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var directory = executable
    // The test bundle is `…/debug/<Package>PackageTests.xctest` (a file on Linux).
    while let slash = directory.lastIndex(of: "/") {
      directory = String(directory[..<slash])
      let candidate = directory + "/" + name
      if access(candidate, X_OK) == 0 { return candidate }
      if directory.hasSuffix("/.build") || directory.isEmpty { break }
    }
    return nil
  }

  /// Runs `binary` with `arguments`, its environment without SWIFT_DETERMINISTIC_HASHING.
  static func run(_ binary: String, _ arguments: [String]) throws -> (status: Int32, output: [UInt8]) {
    var pipeDescriptors: [Int32] = [0, 0]
    guard pipe(&pipeDescriptors) == 0 else { throw ProcessError.pipe }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipeDescriptors[1], STDOUT_FILENO)
    posix_spawn_file_actions_addclose(&actions, pipeDescriptors[0])

    var environment: [String] = []
    var entry = environ
    while let pointer = entry.pointee {
      let variable = String(cString: pointer)
      if !variable.hasPrefix("SWIFT_DETERMINISTIC_HASHING=") { environment.append(variable) }
      entry += 1
    }
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, binary, &actions, nil, argv, envp)
    close(pipeDescriptors[1])
    guard spawned == 0 else {
      close(pipeDescriptors[0])
      throw ProcessError.spawn(spawned)
    }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = read(pipeDescriptors[0], &chunk, chunk.count)
      if count <= 0 { break }
      output.append(contentsOf: chunk[0..<count])
    }
    close(pipeDescriptors[0])
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return ((status >> 8) & 0xFF, output)
  }

  enum ProcessError: Error {
    case pipe
    case spawn(Int32)
  }
}
