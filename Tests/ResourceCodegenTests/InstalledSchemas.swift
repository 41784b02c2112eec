import ResourceSchemas
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// cfn-lint's installed schema data, for the tests that read the registry
/// (cfn-lint 1.51.0, pinned in Scripts/install-prerequisites). Without it a
/// test skips with a message; with `CI=true` that is a failure.
func installedSchemaDirectory(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
  if let directory = try? SchemaRegistry.installedDataDirectory() { return directory }
  if getenv("CI").map({ String(cString: $0) }) == "true" {
    Issue.record(
      "cfn-lint's schema data is missing on CI; Scripts/install-prerequisites installs cfn-lint==1.51.0",
      sourceLocation: sourceLocation)
  } else {
    print("skipped: cfn-lint's schema data is not installed (python3 -m pip install cfn-lint==1.51.0)")
  }
  return nil
}
