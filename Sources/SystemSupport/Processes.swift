// Running other programs: one implementation for gen's aws and git calls, the
// schema reader and the test targets. Package-internal; not a product.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a finished process left.
package struct ProcessResult: Sendable {
  /// The exit status (128 + the signal number when a signal ended it).
  package var status: Int32
  package var output: [UInt8]
  package var error: [UInt8]

  package init(status: Int32, output: [UInt8], error: [UInt8]) {
    self.status = status
    self.output = output
    self.error = error
  }

  package var outputText: String { String(decoding: output, as: UTF8.self) }
  package var errorText: String { String(decoding: error, as: UTF8.self) }
}

/// A process that could not be started, or a file that could not be read, with the system's reason.
package struct SystemError: Error, CustomStringConvertible {
  package var description: String

  package init(_ description: String) {
    self.description = description
  }
}

/// The environment of this process as `NAME=value` strings, less the names in `removed`.
package func currentEnvironment(removing removed: [String] = []) -> [String] {
  var variables: [String] = []
  var entry = environ
  while let pointer = entry.pointee {
    let variable = String(cString: pointer)
    if !removed.contains(where: { variable.hasPrefix($0 + "=") }) { variables.append(variable) }
    entry += 1
  }
  return variables
}

/// A pipe whose ends are closed in every child, so that a process started by
/// another thread never holds them open (the reader would then wait for its
/// end for as long as that process lives). The child's own standard streams are
/// dup2'd copies, which stay open. Call with ``spawnLock`` held.
private func makePipe(_ descriptors: inout [Int32]) -> Bool {
  guard pipe(&descriptors) == 0 else { return false }
  _ = fcntl(descriptors[0], F_SETFD, FD_CLOEXEC)
  _ = fcntl(descriptors[1], F_SETFD, FD_CLOEXEC)
  return true
}

/// Held from creating a child's pipes until it is spawned, so no other thread
/// spawns in between, while the pipes are not yet close-on-exec.
/// Spawn attributes that give the child default handling of every signal and
/// an empty signal mask, whatever this process (a test runner, say) blocks or
/// ignores: otherwise a child inherits a blocked SIGTERM and cannot be stopped.
/// On macOS they also close every descriptor the child is not given.
private func withDefaultSignals<Result>(_ body: (inout posix_spawnattr_t) -> Result) -> Result {
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var empty = sigset_t()
  sigemptyset(&empty)
  posix_spawnattr_setsigmask(&attributes, &empty)
  var defaults = sigset_t()
  sigfillset(&defaults)
  sigdelset(&defaults, SIGKILL)
  sigdelset(&defaults, SIGSTOP)
  posix_spawnattr_setsigdefault(&attributes, &defaults)
  var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
  #if canImport(Darwin)
    flags |= POSIX_SPAWN_CLOEXEC_DEFAULT
  #endif
  posix_spawnattr_setflags(&attributes, Int16(flags))
  return body(&attributes)
}

#if canImport(Glibc)
  /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which
  /// its header declares only for `_GNU_SOURCE`: looked up once, nil on an older glibc.
  private let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
    else { return nil }
    return unsafeBitCast(
      symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
  }()
#endif

/// Spawns `arguments` with `actions`, default signals and `environment`;
/// returns the process ID, or the error number when it could not start.
private func spawn(
  _ arguments: [String], environment: [String], actions: inout posix_spawn_file_actions_t
) -> Result<pid_t, SystemError> {
  let argv = arguments.map { strdup($0) } + [nil]
  let envp = environment.map { strdup($0) } + [nil]
  defer { for pointer in argv + envp { free(pointer) } }
  var pid = pid_t()
  #if canImport(Glibc)
    // Descriptors this process opened without close-on-exec (a test's own
    // files, say) stay out of the child: it gets its standard streams only.
    _ = addCloseFrom?(&actions, 3)
  #endif
  let spawned = withDefaultSignals { posix_spawnp(&pid, arguments[0], &actions, &$0, argv, envp) }
  guard spawned == 0 else {
    return .failure(SystemError("cannot run \(arguments[0]): \(String(cString: strerror(spawned)))"))
  }
  return .success(pid)
}

nonisolated(unsafe) private let spawnLock: UnsafeMutablePointer<pthread_mutex_t> = {
  let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  pthread_mutex_init(lock, nil)
  return lock
}()

/// Runs `arguments[0]` (a path, or a name on the PATH) to completion and collects
/// its output. `environment` replaces the inherited one when given; `removing`
/// drops variables from the inherited one. Standard input is `input` when given,
/// otherwise `/dev/null`, so a child never waits on the terminal.
package func runProcess(
  _ arguments: [String], environment: [String]? = nil, removing removed: [String] = [], input: [UInt8]? = nil
) throws -> ProcessResult {
  var outputPipe: [Int32] = [0, 0]
  var errorPipe: [Int32] = [0, 0]
  var inputPipe: [Int32] = [-1, -1]
  pthread_mutex_lock(spawnLock)
  var locked = true
  defer { if locked { pthread_mutex_unlock(spawnLock) } }
  guard makePipe(&outputPipe), makePipe(&errorPipe) else { throw SystemError("pipe failed") }
  if input != nil { guard makePipe(&inputPipe) else { throw SystemError("pipe failed") } }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  if input != nil {
    posix_spawn_file_actions_adddup2(&actions, inputPipe[0], STDIN_FILENO)
    posix_spawn_file_actions_addclose(&actions, inputPipe[1])
  } else {
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
  }
  posix_spawn_file_actions_adddup2(&actions, outputPipe[1], STDOUT_FILENO)
  posix_spawn_file_actions_adddup2(&actions, errorPipe[1], STDERR_FILENO)
  posix_spawn_file_actions_addclose(&actions, outputPipe[0])
  posix_spawn_file_actions_addclose(&actions, errorPipe[0])
  let spawned = spawn(
    arguments, environment: environment ?? currentEnvironment(removing: removed), actions: &actions)
  pthread_mutex_unlock(spawnLock)
  locked = false
  close(outputPipe[1])
  close(errorPipe[1])
  if input != nil { close(inputPipe[0]) }
  guard case .success(let pid) = spawned else {
    close(outputPipe[0])
    close(errorPipe[0])
    if input != nil { close(inputPipe[1]) }
    if case .failure(let error) = spawned { throw error }
    return ProcessResult(status: 127, output: [], error: [])
  }
  if let input {
    // Small inputs (answers to a prompt) fit in the pipe's buffer. A child
    // that exits without reading them is not an error here.
    try? writeAll(inputPipe[1], input)
    close(inputPipe[1])
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
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  let signal = status & 0x7F
  return ProcessResult(status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal, output: output, error: error)
}

/// A process left running in the background (a test's local server), whose
/// standard output is read line by line. Ended with ``terminate()``.
package final class BackgroundProcess: @unchecked Sendable {
  package let pid: pid_t
  private let outputDescriptor: Int32
  private var buffered: [UInt8] = []

  /// Starts `arguments`; standard error is inherited, standard input is `/dev/null`.
  package init(_ arguments: [String], environment: [String]? = nil) throws {
    var outputPipe: [Int32] = [0, 0]
    pthread_mutex_lock(spawnLock)
    var locked = true
    defer { if locked { pthread_mutex_unlock(spawnLock) } }
    guard makePipe(&outputPipe) else { throw SystemError("pipe failed") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, outputPipe[1], STDOUT_FILENO)
    posix_spawn_file_actions_addclose(&actions, outputPipe[0])
    let spawned = spawn(arguments, environment: environment ?? currentEnvironment(), actions: &actions)
    pthread_mutex_unlock(spawnLock)
    locked = false
    close(outputPipe[1])
    guard case .success(let pid) = spawned else {
      close(outputPipe[0])
      if case .failure(let error) = spawned { throw error }
      throw SystemError("cannot run \(arguments[0])")
    }
    self.pid = pid
    outputDescriptor = outputPipe[0]
  }

  /// The next line of standard output, or nil at its end or after `timeoutSeconds`.
  package func readLine(timeoutSeconds: Int32 = 30) -> String? {
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: buffered[..<newline], as: UTF8.self)
        buffered.removeSubrange(...newline)
        return line
      }
      var descriptor = pollfd(fd: outputDescriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&descriptor, 1, timeoutSeconds * 1000) > 0 else { return nil }
      let count = read(outputDescriptor, &chunk, chunk.count)
      guard count > 0 else { return nil }
      buffered += chunk[0..<count]
    }
  }

  /// Sends SIGTERM and waits for the process to end.
  package func terminate() {
    kill(pid, SIGTERM)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    close(outputDescriptor)
  }
}
