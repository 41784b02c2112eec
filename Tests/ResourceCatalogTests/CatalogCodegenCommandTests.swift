import ResourceSchemas
import TestSupport
import Testing

/// The command line of the real `catalog-codegen` binary.
@Suite("catalog-codegen command line")
struct CatalogCodegenCommandTests {
  @Test("--help prints the usage and exits 0")
  func help() throws {
    let result = try runCatalogCodegen(["--help"])
    #expect(result.status == 0)
    #expect(result.outputText.contains("USAGE: catalog-codegen [--schemas <dir>] [--output <path>]"))
    #expect(result.errorText.isEmpty)
  }

  @Test("an unknown argument is a usage error on stderr")
  func unknownArgument() throws {
    let result = try runCatalogCodegen(["--frobnicate"])
    #expect(result.status == 64)
    #expect(result.outputText.isEmpty)
    #expect(result.errorText.hasPrefix("Error: Unknown option '--frobnicate'\n"))
    #expect(result.errorText.contains("Usage: catalog-codegen [--schemas <dir>] [--output <path>]"))
  }

  @Test("an option without its value is a usage error", arguments: ["--schemas", "--output"])
  func missingValue(option: String) throws {
    let result = try runCatalogCodegen([option])
    #expect(result.status == 64)
    #expect(result.errorText.hasPrefix("Error: Missing value for '\(option) <"))
  }

  @Test("a directory without cfn-lint's schemas fails, names the file and writes nothing")
  func missingSchemas() throws {
    let directory = try makeTemporaryDirectory("resource-catalog-tests")
    defer { removeDirectory(directory) }
    let output = directory + "/out.swift"
    let result = try runCatalogCodegen(["--schemas", directory, "--output", output])
    #expect(result.status == 1)
    #expect(result.outputText.isEmpty)
    #expect(
      result.errorText.hasPrefix(
        "catalog-codegen: error: cannot read \(directory)/schemas/providers/us_east_1.py: "))
    #expect((try? readText(output)) == nil)
  }
}
