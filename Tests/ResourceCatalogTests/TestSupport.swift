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

/// Runs the built `catalog-codegen` with `arguments` to completion.
func runCatalogCodegen(_ arguments: [String]) throws -> ProcessResult {
  try runProcess([catalogCodegen()] + arguments)
}
