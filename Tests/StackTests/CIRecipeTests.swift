import TestSupport
import Testing
import YAML

/// The pull-request recipe in docs/ci/template-diff.yml: its `gen diff` command,
/// run as the workflow runs it in a clone whose base branch holds other
/// templates, comments in Markdown and fails only on dangerous changes.
/// (Posting the comment needs GitHub; the workflow's script is not run here.)
@Suite("CI recipe: gen diff on pull requests")
struct CIRecipeTests {
  /// The arguments the workflow passes to `gen`, `$BASE_REF` given.
  static func workflowArguments(baseRef: String) throws -> [String] {
    let workflow = try YAMLParser().parse(try readFile("\(packageRoot)/docs/ci/template-diff.yml"))
    let steps = try #require(workflow["jobs"]?["diff"]?["steps"]?.sequence?.items)
    let script = try #require(steps.first { $0["id"]?.stringValue == "diff" }?["run"]?.stringValue)
    let line = try #require(script.split(separator: "\n").first { $0.contains("swift run gen diff") })
    let command = try #require(line.firstRange(of: "swift run gen ").map { line[$0.upperBound...] })
    let arguments = command.prefix { $0 != ">" }.split(separator: " ").map {
      String($0).replacing("\"", with: "").replacing("$BASE_REF", with: baseRef)
    }
    return arguments
  }

  /// A git repository whose `origin/main` holds the committed templates, `change` applied to the canary's.
  static func repository(changing change: (String) -> String) throws -> String {
    let directory = try makeTemporaryDirectory("gen-ci-recipe")
    try makeDirectories(directory + "/Generated")
    for file in ["deploy-canary.yml", "deploy-canary-watched.yml", "deploy-native-canary.yml", "deploy-blue-green.yml"]
    {
      var text = try readFile("\(packageRoot)/Generated/\(file)")
      if file == "deploy-canary.yml" { text = change(text) }
      try writeFileAtomically(directory + "/Generated/" + file, Array(text.utf8))
    }
    let script = """
      cd "$1" && git init -q && git add Generated && \
      git -c user.name=test -c user.email=test@example.com commit -qm base && \
      git update-ref refs/remotes/origin/main HEAD
      """
    let result = try run(["/bin/sh", "-c", script, "sh", directory])
    guard result.status == 0 else { throw TestSupportError("git failed: \(result.error)") }
    return directory
  }

  func runWorkflowCommand(in directory: String) throws -> (status: Int32, output: String, error: String) {
    let binary = try #require(builtProduct("gen"))
    let arguments = try Self.workflowArguments(baseRef: "main")
    #expect(arguments == ["diff", "--base", "origin/main", "--format", "markdown", "--fail-on", "dangerous"])
    return try run(["/bin/sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "sh", directory, binary] + arguments)
  }

  @Test("a parameter default changed on the base branch: a Markdown comment, and the check passes")
  func harmlessChange() throws {
    let directory = try Self.repository { $0.replacing("Default: 95", with: "Default: 90") }
    defer { removeDirectory(directory) }
    let result = try runWorkflowCommand(in: directory)
    #expect(result.status == 0)
    #expect(
      result.output.hasPrefix(
        "## canary\n\n### Parameters\n\n- ✏️ **StableWeight**\n  - `Default: 90 → 95`\n"))
    #expect(result.output.hasSuffix("## blue-green\n\nNo differences.\n"))
  }

  @Test("a replacement: the comment says so, and the check fails")
  func dangerousChange() throws {
    let directory = try Self.repository { $0.replacing("10.0.0.0/16", with: "10.1.0.0/16") }
    defer { removeDirectory(directory) }
    let result = try runWorkflowCommand(in: directory)
    #expect(result.status == 1)
    #expect(result.output.contains("- ✏️ **VPC** `AWS::EC2::VPC` (requires replacement)"))
  }
}
