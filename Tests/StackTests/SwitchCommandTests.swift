import TestSupport
import Testing

/// The blue/green stack's traffic command, `gen switch`, and what a deploy of
/// that stack keeps, through the real binary and the fake `aws`.
@Suite("gen switch and the blue/green stack (fake aws)")
struct SwitchCommandTests {
  static let stackName = "blue-green"
  static let stackID = "arn:aws:cloudformation:us-east-1:123456789012:stack/blue-green/1"

  /// `describe-stacks` for the deployed blue/green stack with `active` receiving all traffic.
  static func stack(status: String = "UPDATE_COMPLETE", active: String) -> String {
    let parameters = [
      ("ImageURIBlue", "repo/app:1"), ("ImageURIGreen", "repo/app:2"), ("ContainerPort", "8000"),
      ("DesiredCount", "2"), ("ActiveColor", active), ("TaskCpu", "256"), ("TaskMemory", "512"),
    ].map { #"{"ParameterKey": "\#($0.0)", "ParameterValue": "\#($0.1)"}"# }
    let outputs = [
      ("ALBDNS", "bg-1.us-east-1.elb.amazonaws.com"), ("ListenerArn", "arn:listener/bg"),
      ("BlueTargetGroupArn", "arn:targetgroup/blue"), ("GreenTargetGroupArn", "arn:targetgroup/green"),
      ("ClusterName", "blue-green-cluster"), ("BlueServiceName", "app-blue"), ("GreenServiceName", "app-green"),
    ].map { #"{"OutputKey": "\#($0.0)", "OutputValue": "\#($0.1)"}"# }
    return AWSAnswer.ok(
      #"{"Stacks": [{"StackId": "\#(stackID)", "StackName": "blue-green", "StackStatus": "\#(status)", "#
        + #""Parameters": [\#(parameters.joined(separator: ", "))], "Outputs": [\#(outputs.joined(separator: ", "))]}]}"#
    )
  }

  static var switchScenario: FakeAWS {
    let events: [DeployCommandTests.Event] = [
      ("s1", "18:00:00", stackName, DeployCommandTests.stackType, "UPDATE_IN_PROGRESS", "User Initiated"),
      ("s2", "18:00:02", "Listener", "AWS::ElasticLoadBalancingV2::Listener", "UPDATE_COMPLETE", nil),
      ("s3", "18:00:04", stackName, DeployCommandTests.stackType, "UPDATE_COMPLETE", nil),
    ]
    return FakeAWS(scenario: [
      ("cloudformation describe-stacks", [stack(active: "blue"), stack(active: "green")]),
      ("cloudformation create-change-set", [AWSAnswer.createdChangeSet]),
      (
        "cloudformation describe-change-set",
        [AWSAnswer.changeSet([("Modify", "Listener", "AWS::ElasticLoadBalancingV2::Listener", "False")])]
      ),
      ("cloudformation describe-stack-events", [AWSAnswer.events([]), AWSAnswer.events(events)]),
      ("cloudformation execute-change-set", [AWSAnswer.ok(#""""#)]),
      ("cloudformation delete-change-set", [AWSAnswer.ok(#""""#)]),
    ])
  }

  @Test("switch green changes only ActiveColor, with the previous template and every other parameter as deployed")
  func switchToGreen() throws {
    let run = try Self.switchScenario.gen(["switch", "green", "--stack-name", Self.stackName])
    #expect(run.error == "")
    #expect(run.status == 0)
    #expect(
      FakeAWS.normalised(run.output) == """
        Switching all traffic of stack blue-green to green: ActiveColor blue → green. Same template, other parameters as deployed.
        Change set gen-switch-N (update):
          ~ modify      Listener              AWS::ElasticLoadBalancingV2::Listener
        1 change: 0 to add, 1 to modify, 0 to replace, 0 to remove
        18:00:00  UPDATE_IN_PROGRESS    blue-green                AWS::CloudFormation::Stack  User Initiated
        18:00:02  UPDATE_COMPLETE       Listener                  AWS::ElasticLoadBalancingV2::Listener
        18:00:04  UPDATE_COMPLETE       blue-green                AWS::CloudFormation::Stack
        Stack blue-green: UPDATE_COMPLETE

        """)
    let create = try #require(run.calls.first { $0.starts(with: ["cloudformation", "create-change-set"]) })
    #expect(
      create == [
        "cloudformation", "create-change-set", "--stack-name", Self.stackName, "--change-set-name", "gen-switch-N",
        "--change-set-type", "UPDATE", "--use-previous-template", "--parameters",
        #"[{"ParameterKey":"ImageURIBlue","ParameterValue":"repo/app:1"},{"ParameterKey":"ImageURIGreen","ParameterValue":"repo/app:2"},"#
          + #"{"ParameterKey":"ContainerPort","ParameterValue":"8000"},{"ParameterKey":"DesiredCount","ParameterValue":"2"},"#
          + #"{"ParameterKey":"ActiveColor","ParameterValue":"green"},{"ParameterKey":"TaskCpu","ParameterValue":"256"},"#
          + #"{"ParameterKey":"TaskMemory","ParameterValue":"512"}]"#,
        "--capabilities", "CAPABILITY_IAM", "--output", "json",
      ])
  }

  @Test("switch to the colour already active changes nothing and creates no change set")
  func alreadyActive() throws {
    let run = try FakeAWS(scenario: [("cloudformation describe-stacks", [Self.stack(active: "green")])])
      .gen(["switch", "green", "--stack-name", Self.stackName])
    #expect(run.status == 0)
    #expect(run.output == "Stack blue-green already sends all traffic to green; nothing to change.\n")
    #expect(run.operations == ["cloudformation describe-stacks"])
  }

  @Test("switch refuses a change set that would touch more than the switch, and deletes it")
  func refusesMore() throws {
    var scenario = Self.switchScenario
    scenario.scenario[2].answers = [
      AWSAnswer.changeSet([
        ("Modify", "Listener", "AWS::ElasticLoadBalancingV2::Listener", "False"),
        ("Modify", "TaskDefinitionGreen", "AWS::ECS::TaskDefinition", "True"),
      ])
    ]
    let run = try scenario.gen(["switch", "green", "--stack-name", Self.stackName])
    #expect(
      run.error
        == "gen: switch: switching to green would also modify TaskDefinitionGreen (AWS::ECS::TaskDefinition); "
        + "nothing was changed. Deploy the template with `gen deploy` first, then switch\n")
    #expect(run.status == 1)
    #expect(run.operations.contains("cloudformation delete-change-set"))
    #expect(!run.operations.contains("cloudformation execute-change-set"))
  }

  @Test("a deploy of the blue/green stack keeps the deployed colour unless one is given")
  func deployKeepsActiveColor() throws {
    let scenario = FakeAWS(scenario: [
      ("cloudformation describe-stacks", [Self.stack(active: "green")]),
      ("cloudformation create-change-set", [AWSAnswer.createdChangeSet]),
      (
        "cloudformation describe-change-set",
        [AWSAnswer.changeSet([("Modify", "ServiceBlue", "AWS::ECS::Service", "False")])]
      ),
    ])
    let kept = try scenario.gen(
      ["deploy", "blue-green", "--no-execute", "--image-uri-blue", "repo/app:3", "--image-uri-green", "repo/app:2"])
    #expect(kept.status == 0, "\(kept.error)")
    #expect(kept.output.contains(" ActiveColor=green (as deployed) "))
    let create = try #require(kept.calls.first { $0.starts(with: ["cloudformation", "create-change-set"]) })
    #expect(create.contains { $0.contains(#"{"ParameterKey":"ActiveColor","UsePreviousValue":true}"#) })
    let given = try scenario.gen(
      [
        "deploy", "blue-green", "--no-execute", "--image-uri-blue", "repo/app:3", "--image-uri-green", "repo/app:2",
        "--active-color", "blue",
      ])
    let givenCreate = try #require(given.calls.first { $0.starts(with: ["cloudformation", "create-change-set"]) })
    #expect(givenCreate.contains { $0.contains(#"{"ParameterKey":"ActiveColor","ParameterValue":"blue"}"#) })
  }

  @Test("status reads each colour's weight from the listener: the active one 100")
  func status() throws {
    let run = try FakeAWS(scenario: [
      ("cloudformation describe-stacks", [Self.stack(active: "green")]),
      (
        "elbv2 describe-listeners",
        [
          AWSAnswer.ok(
            #"{"Listeners": [{"LoadBalancerArn": "\#(AWSAnswer.loadBalancerARN)", "#
              + #""DefaultActions": [{"Type": "forward", "ForwardConfig": {"TargetGroups": "#
              + #"[{"TargetGroupArn": "arn:targetgroup/blue", "Weight": 0}, {"TargetGroupArn": "arn:targetgroup/green", "Weight": 100}]}}]}]}"#
          )
        ]
      ),
      ("elbv2 describe-target-health", [AWSAnswer.ok(#"{"TargetHealthDescriptions": []}"#)]),
      (
        "ecs describe-services",
        [
          AWSAnswer.ok(
            #"{"services": [{"serviceName": "app-blue", "runningCount": 2, "desiredCount": 2}, "#
              + #"{"serviceName": "app-green", "runningCount": 2, "desiredCount": 2}]}"#)
        ]
      ),
      ("cloudwatch get-metric-data", [AWSAnswer.ok(#"{"MetricDataResults": []}"#)]),
    ]).gen(["status", "blue-green"])
    #expect(run.error == "")
    #expect(
      run.output == """
        Stack          blue-green (UPDATE_COMPLETE)
        Load balancer  http://bg-1.us-east-1.elb.amazonaws.com

        Track  Weight  Healthy targets  Tasks running/desired  Service
        blue   0       0/0              2/2                    app-blue
        green  100     0/0              2/2                    app-green

        Last 5m  Requests  5xx  p50  p99
        blue     0         0    -    -
        green    0         0    -    -

        """)
  }

  @Test("the traffic commands go to the only stack that supports them; the default stack's help lists both kinds")
  func commandSelection() throws {
    let gen = try #require(builtProduct("gen"))
    let help = try run([gen, "--help"])
    for command in ["set-weights", "rollback", "probe", "switch"] {
      #expect(help.output.contains("\n  \(command) "), "gen --help lists \(command)")
    }
    let chosen = try FakeAWS(scenario: [("cloudformation describe-stacks", [AWSAnswer.missingStack])])
      .gen(["switch", "blue"])
    #expect(chosen.calls.first?.prefix(4) == ["cloudformation", "describe-stacks", "--stack-name", "blue-green"])
  }
}
