import ResourceSchemas
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The installed cfn-lint, which the currency tests need. Without it they are
/// skipped, except in CI (`CI=true`), where its absence is a failure.
enum CfnLint {
  /// cfn-lint's data directory, or `nil` when cfn-lint is not installed.
  static let dataDirectory: String? = try? SchemaRegistry.installedDataDirectory()

  static var isCI: Bool {
    guard let value = getenv("CI") else { return false }
    return String(cString: value) == "true"
  }

  /// Whether the tests that need cfn-lint should run (and fail without it in CI).
  static var shouldRun: Bool { dataDirectory != nil || isCI }

  static let skipMessage: Comment =
    "cfn-lint is not installed (python3 -m pip install cfn-lint==1.51.0); skipped outside CI"

  /// cfn-lint's data directory; records a failure when it is missing (which
  /// only happens here in CI, the tests being disabled otherwise).
  static func requireDataDirectory() throws -> String {
    try #require(dataDirectory, "CI=true and cfn-lint is not installed: python3 -m pip install cfn-lint==1.51.0")
  }
}

/// The package's root directory, found from this source file.
let packageRoot: String = {
  var root = #filePath
  for _ in 0..<3 {
    root = String(root[..<root.lastIndex(of: "/")!])
  }
  return root
}()

/// The committed catalog data file.
let committedDataFile = packageRoot + "/Sources/ResourceCatalog/Generated/ResourceCatalog+Data.swift"

/// The built `catalog-codegen`.
func catalogCodegen() throws -> String {
  try #require(
    builtProduct("catalog-codegen"),
    "catalog-codegen was not built beside the tests; build it (swift build --product catalog-codegen)")
}

/// What a finished process wrote and how it exited.
struct ProcessResult {
  var status: Int32
  var standardOutput: String
  var standardError: String
}

/// A fresh directory under the temporary directory, removed by `remove()`.
struct TemporaryDirectory {
  let path: String

  init() throws {
    let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array((base + "/resource-catalog-tests.XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw TestSupportError.temporaryDirectory }
    path = String(cString: made)
  }

  /// Removes the directory and the files in it (no subdirectories).
  func remove() {
    if let directory = opendir(path) {
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name != "." && name != ".." { unlink(path + "/" + name) }
      }
      closedir(directory)
    }
    rmdir(path)
  }
}

/// Runs `binary` with `arguments`, its output and errors captured in files
/// under `directory`.
func run(_ binary: String, _ arguments: [String], in directory: TemporaryDirectory) throws -> ProcessResult {
  let outputPath = directory.path + "/stdout"
  let errorPath = directory.path + "/stderr"
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  let argv = ([binary] + arguments).map { strdup($0) } + [nil]
  defer {
    for pointer in argv { free(pointer) }
  }
  var pid = pid_t()
  let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
  guard spawned == 0 else { throw TestSupportError.spawn(spawned) }
  var status: Int32 = 0
  waitpid(pid, &status, 0)
  return ProcessResult(
    status: (status >> 8) & 0xFF, standardOutput: try readText(outputPath), standardError: try readText(errorPath))
}

enum TestSupportError: Error {
  case temporaryDirectory
  case spawn(Int32)
}
