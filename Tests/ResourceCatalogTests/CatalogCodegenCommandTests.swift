import ResourceSchemas
import Testing

/// The command line of the real `catalog-codegen` binary.
@Suite("catalog-codegen command line")
struct CatalogCodegenCommandTests {
  @Test("--help prints the usage and exits 0")
  func help() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let result = try run(catalogCodegen(), ["--help"], in: directory)
    #expect(result.status == 0)
    #expect(result.standardOutput.hasPrefix("usage: catalog-codegen [--schemas CFN_LINT_DATA_DIR] [--output PATH]"))
    #expect(result.standardError.isEmpty)
  }

  @Test("an unknown argument is a usage error on stderr")
  func unknownArgument() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let result = try run(catalogCodegen(), ["--frobnicate"], in: directory)
    #expect(result.status == 64)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.hasPrefix("catalog-codegen: error: unexpected argument '--frobnicate'\nusage:"))
  }

  @Test("an option without its value is a usage error", arguments: ["--schemas", "--output"])
  func missingValue(option: String) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let result = try run(catalogCodegen(), [option], in: directory)
    #expect(result.status == 64)
    #expect(result.standardError.hasPrefix("catalog-codegen: error: \(option) needs a value\n"))
  }

  @Test("a directory without cfn-lint's schemas fails, names the file and writes nothing")
  func missingSchemas() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let output = directory.path + "/out.swift"
    let result = try run(catalogCodegen(), ["--schemas", directory.path, "--output", output], in: directory)
    #expect(result.status == 1)
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError.hasPrefix(
        "catalog-codegen: error: cannot read \(directory.path)/schemas/providers/us_east_1.py: "))
    #expect((try? readText(output)) == nil)
  }
}
