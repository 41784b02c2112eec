import TestSupport
import Testing

/// What a stack's `DeploySettings` do, and what a stack without a traffic model
/// gets, through `settings-gen` (Tests/SettingsGen: one stack, `queue`, with a
/// stack name, tags, termination protection and an extra capability) and the fake `aws`.
@Suite("Deploy settings and a stack without traffic (fake aws)")
struct StackSettingsTests {
  static let stackID = "arn:aws:cloudformation:us-east-1:123456789012:stack/orders-queue/1"

  static func stack(status: String, protected: Bool = false) -> String {
    AWSAnswer.ok(
      #"{"Stacks": [{"StackId": "\#(stackID)", "StackName": "orders-queue", "StackStatus": "\#(status)", "#
        + #""EnableTerminationProtection": \#(protected), "Parameters": [{"ParameterKey": "QueueName", "ParameterValue": "orders"}], "#
        + #""Outputs": [{"OutputKey": "QueueUrl", "OutputValue": "https://sqs.us-east-1.amazonaws.com/123456789012/orders"}]}]}"#
    )
  }

  @Test(
    "deploy uses the settings' stack name, tags (--tag overrides one) and capabilities, then protects the new stack")
  func deployWithSettings() throws {
    let events: [DeployCommandTests.Event] = [
      ("q1", "19:00:00", "orders-queue", DeployCommandTests.stackType, "CREATE_IN_PROGRESS", "User Initiated"),
      ("q2", "19:00:05", "orders-queue", DeployCommandTests.stackType, "CREATE_COMPLETE", nil),
    ]
    let run = try FakeAWS(scenario: [
      (
        "cloudformation describe-stacks",
        [AWSAnswer.missingStack, Self.stack(status: "CREATE_COMPLETE"), Self.stack(status: "CREATE_COMPLETE")]
      ),
      ("cloudformation create-change-set", [AWSAnswer.createdChangeSet]),
      ("cloudformation describe-change-set", [AWSAnswer.changeSet([("Add", "Queue", "AWS::SQS::Queue", nil)])]),
      ("cloudformation describe-stack-events", [AWSAnswer.events([]), AWSAnswer.events(events)]),
      ("cloudformation execute-change-set", [AWSAnswer.ok(#""""#)]),
      ("cloudformation update-termination-protection", [AWSAnswer.ok(#"{"StackId": "\#(Self.stackID)"}"#)]),
    ]).gen(["deploy", "--queue-name", "orders", "--tag", "team=data"], program: "settings-gen")
    #expect(run.error == "")
    #expect(run.status == 0)
    let create = try #require(run.calls.first { $0.starts(with: ["cloudformation", "create-change-set"]) })
    #expect(create[3] == "orders-queue")
    let capabilities = try #require(create.firstIndex(of: "--capabilities").map { create[$0 + 1] })
    #expect(capabilities == "CAPABILITY_NAMED_IAM")
    let tags = try #require(create.firstIndex(of: "--tags").map { create[$0 + 1] })
    #expect(tags == #"[{"Key":"team","Value":"data"},{"Key":"cost-center","Value":"42"}]"#)
    #expect(
      run.calls.last
        == [
          "cloudformation", "update-termination-protection", "--enable-termination-protection", "--stack-name",
          "orders-queue", "--output", "json",
        ])
    #expect(run.output.hasSuffix("Termination protection is on for stack orders-queue.\n"))
  }

  @Test("a protected stack is not deleted, and the message says how to turn the protection off")
  func protectedStackIsNotDeleted() throws {
    let run = try FakeAWS(scenario: [
      ("cloudformation describe-stacks", [Self.stack(status: "CREATE_COMPLETE", protected: true)])
    ]).gen(["delete", "--yes"], program: "settings-gen")
    #expect(
      run.error
        == "gen: delete: stack orders-queue has termination protection; turn it off first (aws cloudformation "
        + "update-termination-protection --no-enable-termination-protection --stack-name orders-queue) if it really "
        + "is to be deleted. Nothing was deleted\n")
    #expect(run.status == 1)
    #expect(run.operations == ["cloudformation describe-stacks"])
  }

  @Test("status of a stack without a traffic model shows its outputs, as text and JSON")
  func statusShowsOutputs() throws {
    let scenario = FakeAWS(scenario: [("cloudformation describe-stacks", [Self.stack(status: "UPDATE_COMPLETE")])])
    let text = try scenario.gen(["status"], program: "settings-gen")
    #expect(
      text.output == """
        Stack          orders-queue (UPDATE_COMPLETE)

        Output    Value
        QueueUrl  https://sqs.us-east-1.amazonaws.com/123456789012/orders

        """)
    let json = try scenario.gen(["status", "--json"], program: "settings-gen")
    #expect(
      json.output == """
        {
          "stack": "orders-queue",
          "status": "UPDATE_COMPLETE",
          "outputs": {
            "QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/orders"
          }
        }

        """)
  }

  @Test("a gen whose stacks have no traffic model offers no traffic command, and its help does not mention one")
  func noTrafficCommands() throws {
    let binary = try #require(builtProduct("settings-gen"))
    let help = try run([binary, "--help"])
    #expect(help.output.contains("\n  deploy "))
    for command in ["set-weights", "rollback", "probe", "switch"] {
      #expect(!help.output.contains(command), "settings-gen --help mentions \(command)")
    }
    let switchRun = try run([binary, "switch", "blue"])
    #expect(switchRun.status != 0)
    #expect(
      switchRun.error
        == "gen: switch: no stack here has a traffic model with switch (see `StackDefinition(traffic:)`); "
        + "the commands are in `--help`\n")
  }
}
