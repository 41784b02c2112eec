import TestSupport
import Testing
import YAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real `gen` binary: its help, its errors and its files.
@Suite("gen command")
struct GenCommandTests {
  func gen(_ arguments: String...) throws -> (status: Int32, output: String, error: String) {
    let binary = try #require(builtProduct("gen"), "gen was not built")
    return try run([binary] + arguments)
  }

  @Test("gen alone prints the canary template and nothing else")
  func defaultRender() throws {
    let result = try gen()
    #expect(result.status == 0)
    #expect(result.error.isEmpty)
    #expect(result.output == (try readFile("\(packageRoot)/Generated/deploy-canary.yml")))
  }

  @Test("gen list names the stacks and their files")
  func list() throws {
    let result = try gen("list")
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("canary (default)\tdeploy-canary.yml\t"))
    #expect(result.output.contains("\nblue-green\tdeploy-blue-green.yml\t"))
  }

  @Test("--format json works on the default command and parses back")
  func json() throws {
    let result = try gen("--format", "json")
    #expect(result.status == 0)
    let document = try YAMLParser().parse(result.output)
    #expect(document["Resources"]?["Listener"]?["Type"] == "AWS::ElasticLoadBalancingV2::Listener")
  }

  @Test("an unknown stack is an error on stderr that names the stacks")
  func unknownStack() throws {
    let result = try gen("render", "nope")
    #expect(result.status == 64)
    #expect(result.output.isEmpty)
    #expect(
      result.error.contains(
        "unknown stack \"nope\"; the stacks are: canary, canary-watched, native-canary, blue-green (see `gen list`)"))
  }

  @Test("--output writes the file atomically and leaves nothing behind on error")
  func output() throws {
    let directory = try makeTemporaryDirectory("gen-test")
    defer { removeDirectory(directory) }
    let written = try gen("render", "blue-green", "--output", directory + "/out.yml")
    #expect(written.status == 0)
    #expect(written.output.isEmpty)
    #expect(try readFile(directory + "/out.yml") == (try readFile("\(packageRoot)/Generated/deploy-blue-green.yml")))
    let failed = try gen("render", "--output", directory + "/missing/out.yml")
    #expect(failed.status == 1)
    #expect(failed.error.hasPrefix("gen: cannot write in \(directory)/missing"))
    let listing = try run(["/bin/ls", "-A", directory])
    #expect(listing.output == "out.yml\n")
  }

  @Test("gen check passes on current files and names every stale one")
  func check() throws {
    let current = try gen("check", "\(packageRoot)/Generated")
    #expect(current.status == 0)
    let directory = try makeTemporaryDirectory("gen-test")
    defer { removeDirectory(directory) }
    _ = try gen("render", "canary", "--output", directory + "/deploy-canary.yml")
    let text = try readFile(directory + "/deploy-canary.yml")
    _ = try run([
      "/bin/sh", "-c", "printf '%s' \"$1\" | sed 's/Default: 95/Default: 90/' > \"$2\"", "sh", text,
      directory + "/deploy-canary.yml",
    ])
    let stale = try gen("check", directory)
    #expect(stale.status == 1)
    #expect(stale.error.contains("stale: \(directory)/deploy-canary.yml: differs from `gen render canary`"))
    #expect(stale.error.contains("stale: \(directory)/deploy-blue-green.yml: missing"))
  }

  @Test("gen diff: 0 when equal, 1 when different, 2 on error; markdown on request")
  func diff() throws {
    let equal = try gen("diff", "--directory", "\(packageRoot)/Generated")
    #expect(equal.status == 0)
    #expect(
      equal.output
        == "== canary\nno differences\n== canary-watched\nno differences\n== native-canary\nno differences\n== blue-green\nno differences\n"
    )
    let directory = try makeTemporaryDirectory("gen-test")
    defer { removeDirectory(directory) }
    let text = try readFile("\(packageRoot)/Generated/deploy-canary.yml")
    _ = try run([
      "/bin/sh", "-c", "printf '%s' \"$1\" | sed 's/Default: 95/Default: 90/' > \"$2\"", "sh", text,
      directory + "/new.yml",
    ])
    let different = try gen("diff", "\(packageRoot)/Generated/deploy-canary.yml", directory + "/new.yml")
    #expect(different.status == 1)
    #expect(different.output.hasPrefix("Parameters\n[~] StableWeight\n    Default: 95 → 90\n"))
    let markdown = try gen(
      "diff", "--format", "markdown", "\(packageRoot)/Generated/deploy-canary.yml", directory + "/new.yml")
    #expect(markdown.output.hasPrefix("### Parameters\n\n- ✏️ **StableWeight**\n"))
    let missing = try gen("diff", directory + "/nope.yml", directory + "/new.yml")
    #expect(missing.status == 2)
    #expect(missing.error.hasPrefix("gen: cannot read \(directory)/nope.yml"))
  }
}
