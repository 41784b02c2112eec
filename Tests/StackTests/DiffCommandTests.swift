import TestSupport
import Testing
import YAML

/// `gen diff --deployed` against a fake aws, and `--fail-on`, through the real binary.
@Suite("gen diff: deployed stacks and exit policies")
struct DiffCommandTests {
  static var committed: String { get throws { try readFile("\(packageRoot)/Generated/deploy-canary.yml") } }

  /// `get-template` answering `body` (a JSON value: a string for YAML, an object for JSON).
  static func getTemplate(_ body: String) -> (operation: String, answers: [String]) {
    ("cloudformation get-template", [AWSAnswer.ok(#"{"TemplateBody": \#(body), "StagesAvailable": ["Original"]}"#)])
  }

  static func jsonString(_ text: String) throws -> String {
    try JSONWriter(indentation: nil).string(from: .string(text))
  }

  @Test("right after a deploy of the code's template: no differences, exit 0; region and profile passed on")
  func deployedEqual() throws {
    let aws = FakeAWS(scenario: [Self.getTemplate(try Self.jsonString(try Self.committed))])
    let run = try aws.gen(["diff", "--deployed", "demo", "--region", "eu-west-1", "--profile", "ops"])
    #expect(run.status == 0)
    #expect(run.output == "no differences\n")
    #expect(
      run.calls == [
        [
          "cloudformation", "get-template", "--stack-name", "demo", "--template-stage", "Original", "--output", "json",
          "--region", "eu-west-1", "--profile", "ops",
        ]
      ])
  }

  @Test("a JSON template, which aws hands over decoded, against a file with a changed default: exit 1")
  func deployedJSON() throws {
    let directory = try makeTemporaryDirectory("gen-diff-deployed")
    defer { removeDirectory(directory) }
    let binary = try #require(builtProduct("gen"))
    let json = try run([binary, "render", "canary", "--format", "json"]).output
    let changed = try Self.committed.replacing("Default: 95", with: "Default: 90")
    try writeFileAtomically(directory + "/changed.yml", Array(changed.utf8))
    let aws = FakeAWS(scenario: [Self.getTemplate(json)])
    let run = try aws.gen(["diff", "--deployed", "demo", directory + "/changed.yml"])
    #expect(run.status == 1)
    #expect(
      run.output == """
        Parameters
        [~] StableWeight
            Default: 95 → 90
            used by Listener Properties.DefaultActions[0].ForwardConfig.TargetGroups[0].Weight (no interruption)

        """)
  }

  @Test("a stack that does not exist is an error (exit 2) that says so")
  func missingStack() throws {
    let aws = FakeAWS(scenario: [
      (
        "cloudformation get-template",
        [
          AWSAnswer.failure(
            "An error occurred (ValidationError) when calling the GetTemplate operation: Stack with id demo does not exist"
          )
        ]
      )
    ])
    let run = try aws.gen(["diff", "--deployed", "demo", "--region", "eu-west-1"])
    #expect(run.status == 2)
    #expect(
      run.error
        == "gen: diff: stack demo does not exist in eu-west-1, so there is no deployed template; check the stack name and the region\n"
    )
  }

  @Test("--fail-on dangerous exits 1 for a replacement only; --fail-on never always exits 0")
  func failOn() throws {
    let directory = try makeTemporaryDirectory("gen-diff-fail-on")
    defer { removeDirectory(directory) }
    let base = "\(packageRoot)/Generated/deploy-canary.yml"
    try writeFileAtomically(
      directory + "/weight.yml", Array(try Self.committed.replacing("Default: 95", with: "Default: 90").utf8))
    try writeFileAtomically(
      directory + "/cidr.yml", Array(try Self.committed.replacing("10.0.0.0/16", with: "10.1.0.0/16").utf8))
    let binary = try #require(builtProduct("gen"))
    func status(_ arguments: String...) throws -> Int32 { try run([binary, "diff"] + arguments).status }
    #expect(try status(base, directory + "/weight.yml") == 1)
    #expect(try status("--fail-on", "dangerous", base, directory + "/weight.yml") == 0)
    #expect(try status("--fail-on", "dangerous", base, directory + "/cidr.yml") == 1)
    #expect(try status("--fail-on", "never", base, directory + "/cidr.yml") == 0)
    let conflict = try run([binary, "diff", "--deployed", "demo", "--base", "main"])
    #expect(conflict.status == 64)
    #expect(conflict.error.contains("--deployed and --base cannot be combined"))
  }
}
