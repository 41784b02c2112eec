import CanaryStack
import Deploy
import ExampleDeployments
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The deploy commands through the real `gen` binary against a fake `aws` that
/// records its calls: bad input, aws failures, change-set previews, the
/// confirmation, progress on and off a terminal, and `status --json`.
@Suite("gen deploy commands (fake aws)")
struct DeployCommandTests {
  typealias Event = (String, String, String, String, String, String?)
  static let stackType = "AWS::CloudFormation::Stack"
  static let stackName = "ecs-canary-demo-stack"

  // MARK: - Bad input: a clear message, exit 1, and aws never called

  static let badInputs: [(arguments: [String], environment: [String], message: String)] = [
    (
      ["set-weights", "60", "30"], [],
      "gen: set-weights: the weights must add up to 100; 60 + 30 = 90 (for example `gen set-weights 75 25`)\n"
    ),
    (
      ["set-weights", "60"], [],
      "gen: set-weights: set-weights takes exactly 2 weights, stable and canary (for example `gen set-weights 75 25`); got 1\n"
    ),
    (
      ["set-weights", "50", "25", "25"], [],
      "gen: set-weights: set-weights takes exactly 2 weights, stable and canary (for example `gen set-weights 75 25`); got 3\n"
    ),
    (
      ["set-weights", "101", "0"], [],
      "gen: set-weights: the stable weight \"101\" is not a whole number from 0 to 100 (for example `gen set-weights 75 25`)\n"
    ),
    (
      ["set-weights", "7.5", "92.5"], [],
      "gen: set-weights: the stable weight \"7.5\" is not a whole number from 0 to 100 (for example `gen set-weights 75 25`)\n"
    ),
    (
      ["deploy"], ["IMAGE_URI_CANARY=repo/app:2"],
      "gen: deploy: IMAGE_URI_STABLE is not set: give ImageURIStable with --image-uri-stable or IMAGE_URI_STABLE "
        + "(Container image URI for the stable version (e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0.0))\n"
    ),
    (
      ["deploy"], ["IMAGE_URI_STABLE=", "IMAGE_URI_CANARY=repo/app:2"],
      "gen: deploy: IMAGE_URI_STABLE=\"\": ImageURIStable must not be empty; set --image-uri-stable or IMAGE_URI_STABLE\n"
    ),
    (
      ["deploy", "--image-uri-stable", "repo/app:1", "--image-uri-canary", "repo/app:2", "--canary-weight", "10"], [],
      "gen: deploy: the weights must add up to 100; 95 + 10 = 105 (set them with --stable-weight and --canary-weight "
        + "or STABLE_WEIGHT and CANARY_WEIGHT, such as 75 and 25)\n"
    ),
    (
      ["deploy"], ["IMAGE_URI_STABLE=a", "IMAGE_URI_CANARY=b", "TASK_CPU=300", "CONTAINER_PORT=http"],
      "gen: deploy: 2 settings are wrong:\n"
        + "  - CONTAINER_PORT=\"http\": ContainerPort must be a number; set --container-port or CONTAINER_PORT\n"
        + "  - TASK_CPU=\"300\": TaskCpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384; set --task-cpu or TASK_CPU\n"
    ),
    (
      ["deploy", "--stack-name", "1-canary"], ["IMAGE_URI_STABLE=a", "IMAGE_URI_CANARY=b"],
      "gen: deploy: the stack name \"1-canary\" is not valid: it must start with a letter and contain only letters, "
        + "digits and hyphens, at most 128 characters (--stack-name or STACK_NAME)\n"
    ),
    (
      ["deploy", "--template", "/nonexistent/deploy-canary.yml"], ["IMAGE_URI_STABLE=a", "IMAGE_URI_CANARY=b"],
      "gen: deploy: cannot read /nonexistent/deploy-canary.yml: No such file or directory\n"
    ),
    (
      ["probe", "--expect", "50", "40", "--url", "http://127.0.0.1:9/"], [],
      "gen: probe: the weights must add up to 100; 50 + 40 = 90 (for example `gen probe --expect 75 25`)\n"
    ),
  ]

  @Test("bad input is refused with a message naming the value and the rule, before any aws call", arguments: badInputs)
  func badInput(arguments: [String], environment: [String], message: String) throws {
    let run = try FakeAWS(scenario: []).gen(arguments, environment: environment)
    #expect(run.error == message)
    #expect(run.status == 1)
    #expect(run.calls.isEmpty, "aws was called: \(run.calls)")
  }

  @Test("a template file without the outputs the commands read is refused before any aws call")
  func templateWithoutOutputs() throws {
    let path = "/tmp/gen-test-template-\(getpid()).yml"
    try FakeAWS(scenario: []).writeFile(
      path,
      try readFile("\(packageRoot)/Generated/deploy-canary.yml").replacing("  ListenerArn:\n", with: "  Listener2:\n"))
    defer { unlink(path) }
    let run = try FakeAWS(scenario: []).gen(
      ["deploy", "--template", path], environment: ["IMAGE_URI_STABLE=a", "IMAGE_URI_CANARY=b"])
    #expect(
      run.error
        == "gen: deploy: \(path) does not declare the output ListenerArn, which the deploy commands read\n"
        + "regenerate the file from the Swift stack (gen render --output \(path)) or deploy without --template\n")
    #expect(run.status == 1)
    #expect(run.calls.isEmpty)
  }

  // MARK: - aws failures

  @Test("an aws failure is reported with aws's own message and exit status")
  func awsFailure() throws {
    let message =
      "An error occurred (ExpiredToken) when calling the DescribeStacks operation: The security token included in the request is expired"
    let run = try FakeAWS(scenario: [("cloudformation describe-stacks", [AWSAnswer.failure(message, status: 254)])])
      .gen(["status", "--json"])
    #expect(run.error == "gen: status: aws cloudformation describe-stacks failed (exit status 254): \(message)\n")
    #expect(run.status == 254)
    #expect(run.output.isEmpty)
  }

  @Test("the region and profile given are passed to aws explicitly")
  func regionAndProfile() throws {
    let run = try FakeAWS(scenario: [("cloudformation describe-stacks", [AWSAnswer.missingStack])])
      .gen(["set-weights", "75", "25"], environment: ["AWS_REGION=eu-west-1", "AWS_PROFILE=canary-admin"])
    #expect(
      run.calls == [
        [
          "cloudformation", "describe-stacks", "--stack-name", Self.stackName, "--output", "json", "--region",
          "eu-west-1", "--profile", "canary-admin",
        ]
      ])
    #expect(
      run.error == "gen: set-weights: stack ecs-canary-demo-stack does not exist; create it first with `gen deploy`\n")
    #expect(run.status == 1)
  }

  // MARK: - set-weights: a stack update of the weights only

  static let weightEvents: [Event] = [
    ("e1", "16:00:01", stackName, stackType, "UPDATE_IN_PROGRESS", "User Initiated"),
    ("e2", "16:00:03", "Listener", "AWS::ElasticLoadBalancingV2::Listener", "UPDATE_IN_PROGRESS", nil),
    ("e3", "16:00:04", "Listener", "AWS::ElasticLoadBalancingV2::Listener", "UPDATE_COMPLETE", nil),
    ("e4", "16:00:06", stackName, stackType, "UPDATE_COMPLETE", nil),
  ]

  static var setWeightsScenario: FakeAWS {
    let old: Event = ("e0", "15:00:00", stackName, stackType, "CREATE_COMPLETE", nil)
    return FakeAWS(scenario: [
      (
        "cloudformation describe-stacks",
        [
          AWSAnswer.stack(status: "UPDATE_COMPLETE"), AWSAnswer.stack(status: "UPDATE_IN_PROGRESS", weights: (75, 25)),
          AWSAnswer.stack(status: "UPDATE_COMPLETE", weights: (75, 25)),
        ]
      ),
      ("cloudformation create-change-set", [AWSAnswer.createdChangeSet]),
      (
        "cloudformation describe-change-set",
        [
          AWSAnswer.ok(#"{"Status": "CREATE_IN_PROGRESS"}"#),
          AWSAnswer.changeSet([("Modify", "Listener", "AWS::ElasticLoadBalancingV2::Listener", "False")]),
        ]
      ),
      (
        "cloudformation describe-stack-events",
        [
          AWSAnswer.events([old]), AWSAnswer.events([old] + weightEvents.prefix(2)),
          AWSAnswer.events([old] + weightEvents),
        ]
      ),
      ("cloudformation execute-change-set", [AWSAnswer.ok(#""""#)]),
    ])
  }

  @Test("set-weights updates only the weight parameters, with the previous template, showing each event")
  func setWeights() throws {
    let run = try Self.setWeightsScenario.gen(["set-weights", "75", "25"])
    #expect(run.error == "")
    #expect(run.status == 0)
    #expect(
      FakeAWS.normalised(run.output) == """
        Changing only the traffic weights of stack ecs-canary-demo-stack: stable 95 → 75, canary 5 → 25. Same template, other parameters as deployed.
        Change set gen-weights-N (update):
          ~ modify      Listener              AWS::ElasticLoadBalancingV2::Listener
        1 change: 0 to add, 1 to modify, 0 to replace, 0 to remove
        16:00:01  UPDATE_IN_PROGRESS    ecs-canary-demo-stack     AWS::CloudFormation::Stack  User Initiated
        16:00:03  UPDATE_IN_PROGRESS    Listener                  AWS::ElasticLoadBalancingV2::Listener
        16:00:04  UPDATE_COMPLETE       Listener                  AWS::ElasticLoadBalancingV2::Listener
        16:00:06  UPDATE_COMPLETE       ecs-canary-demo-stack     AWS::CloudFormation::Stack
        Stack ecs-canary-demo-stack: UPDATE_COMPLETE

        """)
    let create = try #require(run.calls.first(where: { $0.starts(with: ["cloudformation", "create-change-set"]) }))
    #expect(
      create == [
        "cloudformation", "create-change-set", "--stack-name", Self.stackName, "--change-set-name", "gen-weights-N",
        "--change-set-type", "UPDATE", "--use-previous-template", "--parameters",
        #"[{"ParameterKey":"ImageURIStable","ParameterValue":"repo/app:1"},{"ParameterKey":"ImageURICanary","ParameterValue":"repo/app:2"},"#
          + #"{"ParameterKey":"ContainerPort","ParameterValue":"8000"},{"ParameterKey":"DesiredCountStable","ParameterValue":"2"},"#
          + #"{"ParameterKey":"DesiredCountCanary","ParameterValue":"1"},{"ParameterKey":"StableWeight","ParameterValue":"75"},"#
          + #"{"ParameterKey":"CanaryWeight","ParameterValue":"25"},{"ParameterKey":"TaskCpu","ParameterValue":"256"},"#
          + #"{"ParameterKey":"TaskMemory","ParameterValue":"512"}]"#,
        "--capabilities", "CAPABILITY_IAM", "--output", "json",
      ])
    #expect(!run.operations.contains("elbv2 modify-listener"))
    #expect(run.operations.contains("cloudformation execute-change-set"))
  }

  @Test("set-weights keeps a NoEcho parameter's hidden value with UsePreviousValue, not its mask")
  func setWeightsKeepsNoEchoParameter() throws {
    var scenario = Self.setWeightsScenario
    scenario.scenario[0].answers = scenario.scenario[0].answers.map {
      $0.replacing(
        #""ParameterKey": "ImageURICanary", "ParameterValue": "repo/app:2""#,
        with: #""ParameterKey": "ImageURICanary", "ParameterValue": "****""#)
    }
    let run = try scenario.gen(["set-weights", "75", "25"])
    #expect(run.status == 0, "\(run.error)")
    let create = try #require(run.calls.first(where: { $0.starts(with: ["cloudformation", "create-change-set"]) }))
    let parameters = try #require(create.firstIndex(of: "--parameters").map { create[$0 + 1] })
    #expect(parameters.contains(#"{"ParameterKey":"ImageURICanary","UsePreviousValue":true}"#))
    #expect(!parameters.contains("****"))
  }

  @Test("set-weights refuses a change set that would touch more than the weights, and deletes it")
  func setWeightsRefusesReplacement() throws {
    var scenario = Self.setWeightsScenario
    scenario.scenario[2].answers = [
      AWSAnswer.changeSet([
        ("Modify", "Listener", "AWS::ElasticLoadBalancingV2::Listener", "False"),
        ("Modify", "TargetGroupStable", "AWS::ElasticLoadBalancingV2::TargetGroup", "True"),
      ])
    ]
    scenario.scenario.append(("cloudformation delete-change-set", [AWSAnswer.ok(#""""#)]))
    let run = try scenario.gen(["rollback"])
    #expect(
      run.error
        == "gen: rollback: changing the weights would also modify TargetGroupStable (AWS::ElasticLoadBalancingV2::TargetGroup); "
        + "nothing was changed. Deploy the template with `gen deploy` first, then set the weights\n")
    #expect(run.status == 1)
    #expect(run.operations.contains("cloudformation delete-change-set"))
    #expect(!run.operations.contains("cloudformation execute-change-set"))
    #expect(run.output.hasPrefix("Rolling back: all traffic to stable, none to canary.\n"))
  }

  // MARK: - deploy: preview, confirmation, progress

  static let replacingChanges: [(String, String, String, String?)] = [
    ("Modify", "TaskDefinitionStable", "AWS::ECS::TaskDefinition", "True"),
    ("Modify", "ServiceStable", "AWS::ECS::Service", "False"),
  ]

  static let deployEvents: [Event] = [
    ("d1", "16:10:00", stackName, stackType, "UPDATE_IN_PROGRESS", "User Initiated"),
    (
      "d2", "16:10:02", "TaskDefinitionStable", "AWS::ECS::TaskDefinition", "UPDATE_IN_PROGRESS",
      "Requested update requires the creation of a new physical resource; hence creating one."
    ),
    ("d3", "16:10:05", "TaskDefinitionStable", "AWS::ECS::TaskDefinition", "UPDATE_COMPLETE", nil),
    ("d4", "16:10:06", "ServiceStable", "AWS::ECS::Service", "UPDATE_IN_PROGRESS", nil),
    ("d5", "16:11:10", "ServiceStable", "AWS::ECS::Service", "UPDATE_COMPLETE", nil),
    ("d6", "16:11:12", stackName, stackType, "UPDATE_COMPLETE", nil),
  ]

  static var deployScenario: FakeAWS {
    FakeAWS(scenario: [
      (
        "cloudformation describe-stacks",
        [
          AWSAnswer.stack(status: "UPDATE_COMPLETE"), AWSAnswer.stack(status: "UPDATE_IN_PROGRESS"),
          AWSAnswer.stack(status: "UPDATE_COMPLETE"),
        ]
      ),
      ("cloudformation create-change-set", [AWSAnswer.createdChangeSet]),
      ("cloudformation describe-change-set", [AWSAnswer.changeSet(replacingChanges)]),
      (
        "cloudformation describe-stack-events",
        [AWSAnswer.events([]), AWSAnswer.events(Array(deployEvents.prefix(3))), AWSAnswer.events(deployEvents)]
      ),
      ("cloudformation execute-change-set", [AWSAnswer.ok(#""""#)]),
      ("cloudformation delete-change-set", [AWSAnswer.ok(#""""#)]),
    ])
  }

  static let deployEnvironment = ["IMAGE_URI_STABLE=repo/app:3", "IMAGE_URI_CANARY=repo/app:2"]

  static let preview = """
    Change set gen-deploy-N (update):
      ± replace     TaskDefinitionStable  AWS::ECS::TaskDefinition
      ~ modify      ServiceStable         AWS::ECS::Service
    2 changes: 0 to add, 1 to modify, 1 to replace, 0 to remove

    """

  @Test("deploy previews the change set and, with no terminal to ask on, refuses a replacement without --yes")
  func deployRefusesReplacementWithoutTerminal() throws {
    let run = try Self.deployScenario.gen(["deploy"], environment: Self.deployEnvironment)
    #expect(
      FakeAWS.normalised(run.output)
        == "Updating stack ecs-canary-demo-stack from the Swift stack's template with ImageURIStable=repo/app:3 "
        + "ImageURICanary=repo/app:2 ContainerPort=8000 DesiredCountStable=2 DesiredCountCanary=1 StableWeight=95 "
        + "CanaryWeight=5 TaskCpu=256 TaskMemory=512\n" + Self.preview)
    #expect(
      run.error
        == "gen: deploy: the change set replaces or removes 1 resource and there is no terminal to confirm on; "
        + "review the changes above and rerun with --yes. Nothing was changed\n")
    #expect(run.status == 1)
    #expect(run.operations.contains("cloudformation delete-change-set"))
    #expect(!run.operations.contains("cloudformation execute-change-set"))
    let create = try #require(run.calls.first(where: { $0.starts(with: ["cloudformation", "create-change-set"]) }))
    #expect(create[7] == "UPDATE")
    #expect(create[8] == "--template-body")
    // The template file was the code's template, and is removed afterwards.
    #expect(create[9].hasPrefix("file:///") && create[9].hasSuffix(".yml"))
    #expect(access(String(create[9].dropFirst("file://".count)), F_OK) != 0)
  }

  @Test("deploy --yes executes the change set and prints one line per event off a terminal")
  func deployWithYes() throws {
    let run = try Self.deployScenario.gen(["deploy", "--yes"], environment: Self.deployEnvironment)
    #expect(run.error == "")
    #expect(run.status == 0)
    #expect(
      FakeAWS.normalised(run.output).hasSuffix(
        Self.preview + """
          16:10:00  UPDATE_IN_PROGRESS    ecs-canary-demo-stack     AWS::CloudFormation::Stack  User Initiated
          16:10:02  UPDATE_IN_PROGRESS    TaskDefinitionStable      AWS::ECS::TaskDefinition  Requested update requires the creation of a new physical resource; hence creating one.
          16:10:05  UPDATE_COMPLETE       TaskDefinitionStable      AWS::ECS::TaskDefinition
          16:10:06  UPDATE_IN_PROGRESS    ServiceStable             AWS::ECS::Service
          16:11:10  UPDATE_COMPLETE       ServiceStable             AWS::ECS::Service
          16:11:12  UPDATE_COMPLETE       ecs-canary-demo-stack     AWS::CloudFormation::Stack
          Stack ecs-canary-demo-stack: UPDATE_COMPLETE

          """))
    #expect(!run.output.contains("\u{1B}["))
    #expect(run.operations.contains("cloudformation execute-change-set"))
  }

  @Test("events beyond one page of describe-stack-events are read until a seen one, none lost")
  func eventsAcrossPages() throws {
    var scenario = Self.deployScenario
    let older: Event = ("d0", "16:00:00", Self.stackName, Self.stackType, "UPDATE_COMPLETE", nil)
    // The first poll's newest page holds d3…d2 and a NextToken; the next page d1 and the old d0.
    let firstPage = AWSAnswer.events(Array(Self.deployEvents[1...2])).replacing(
      "]}", with: #"], "NextToken": "page-2"}"#)
    scenario.scenario[3].answers = [
      AWSAnswer.events([older]), firstPage, AWSAnswer.events([older, Self.deployEvents[0]]),
      AWSAnswer.events([older] + Self.deployEvents),
    ]
    let run = try scenario.gen(["deploy", "--yes"], environment: Self.deployEnvironment)
    #expect(run.status == 0, "\(run.error)")
    let lines = run.output.split(separator: "\n").filter { $0.hasPrefix("16:1") }.map { String($0.prefix(8)) }
    #expect(lines == ["16:10:00", "16:10:02", "16:10:05", "16:10:06", "16:11:10", "16:11:12"])
    #expect(
      run.calls.contains {
        $0.starts(with: ["cloudformation", "describe-stack-events"]) && $0.contains("--starting-token")
          && $0.contains("page-2")
      })
  }

  @Test("on a terminal, deploy asks before a replacement; no leaves the stack untouched")
  func deployAsksOnTerminalAndNoCancels() throws {
    let run = try Self.deployScenario.gen(["deploy"], environment: Self.deployEnvironment, terminalInput: "n\n")
    let output = FakeAWS.normalised(run.output).replacing("\r\n", with: "\n")
    #expect(output.contains(Self.preview + "Replace or remove 1 resource in stack ecs-canary-demo-stack? [y/N] "))
    #expect(output.contains("gen: deploy: cancelled; nothing was changed"))
    #expect(run.status == 1)
    #expect(run.operations.contains("cloudformation delete-change-set"))
    #expect(!run.operations.contains("cloudformation execute-change-set"))
  }

  @Test("on a terminal, yes executes and progress is a live table with elapsed times")
  func deployAsksOnTerminalAndYesRuns() throws {
    let run = try Self.deployScenario.gen(["deploy"], environment: Self.deployEnvironment, terminalInput: "y\n")
    let output = run.output.replacing("\r\n", with: "\n")
    #expect(run.status == 0, "\(output)")
    #expect(run.operations.contains("cloudformation execute-change-set"))
    // Redrawn in place: cursor up, clear line.
    #expect(output.contains("\u{1B}[2K"))
    #expect(
      output.contains("\u{1B}[2A\u{1B}[2KStack ecs-canary-demo-stack: UPDATE_COMPLETE"), "\(output.debugDescription)")
    // The last table: each resource's final status and the time it took.
    #expect(output.contains("  ✓ TaskDefinitionStable  AWS::ECS::TaskDefinition  UPDATE_COMPLETE     3s\n"))
    #expect(output.contains("  ✓ ServiceStable         AWS::ECS::Service         UPDATE_COMPLETE     1m04s\n"))
    #expect(output.hasSuffix("Stack ecs-canary-demo-stack: UPDATE_COMPLETE\n"))
    // No plain event lines on a terminal.
    #expect(!output.contains("16:10:05  UPDATE_COMPLETE"))
  }

  @Test("a failed deploy names the failing resource and CloudFormation's reason, and exits non-zero")
  func deployFailure() throws {
    let failing: [Event] = [
      ("f1", "16:20:00", Self.stackName, Self.stackType, "CREATE_IN_PROGRESS", "User Initiated"),
      ("f2", "16:20:01", "VPC", "AWS::EC2::VPC", "CREATE_IN_PROGRESS", nil),
      ("f3", "16:20:02", "TaskExecutionRole", "AWS::IAM::Role", "CREATE_IN_PROGRESS", nil),
      (
        "f4", "16:20:03", "TaskExecutionRole", "AWS::IAM::Role", "CREATE_FAILED",
        "Resource handler returned message: \\\"User is not authorized to perform: iam:CreateRole\\\""
      ),
      ("f5", "16:20:04", "VPC", "AWS::EC2::VPC", "CREATE_FAILED", "Resource creation cancelled"),
      (
        "f6", "16:20:05", Self.stackName, Self.stackType, "ROLLBACK_IN_PROGRESS",
        "The following resource(s) failed to create: [TaskExecutionRole, VPC]."
      ),
      ("f7", "16:20:30", Self.stackName, Self.stackType, "ROLLBACK_COMPLETE", nil),
    ]
    let scenario = FakeAWS(scenario: [
      (
        "cloudformation describe-stacks",
        [
          AWSAnswer.missingStack, AWSAnswer.stack(status: "ROLLBACK_IN_PROGRESS"),
          AWSAnswer.stack(status: "ROLLBACK_COMPLETE"),
        ]
      ),
      ("cloudformation create-change-set", [AWSAnswer.createdChangeSet]),
      (
        "cloudformation describe-change-set",
        [
          AWSAnswer.changeSet([
            ("Add", "VPC", "AWS::EC2::VPC", nil), ("Add", "TaskExecutionRole", "AWS::IAM::Role", nil),
          ])
        ]
      ),
      (
        "cloudformation describe-stack-events",
        [AWSAnswer.events([]), AWSAnswer.events(Array(failing.prefix(4))), AWSAnswer.events(failing)]
      ),
      ("cloudformation execute-change-set", [AWSAnswer.ok(#""""#)]),
    ])
    let run = try scenario.gen(["deploy"], environment: Self.deployEnvironment)
    #expect(
      run.error
        == "gen: deploy: stack ecs-canary-demo-stack ended in ROLLBACK_COMPLETE: TaskExecutionRole (AWS::IAM::Role) "
        + "CREATE_FAILED: Resource handler returned message: \"User is not authorized to perform: iam:CreateRole\"\n")
    #expect(run.status == 1)
    #expect(run.output.contains("Creating stack ecs-canary-demo-stack"))
    #expect(run.output.contains("  + add         VPC                   AWS::EC2::VPC\n"))
    #expect(run.output.contains("16:20:30  ROLLBACK_COMPLETE     ecs-canary-demo-stack"))
    let create = try #require(run.calls.first(where: { $0.starts(with: ["cloudformation", "create-change-set"]) }))
    #expect(create[7] == "CREATE")
  }

  @Test("deploy with nothing to change says so and deletes the empty change set")
  func deployNoChanges() throws {
    var scenario = Self.deployScenario
    scenario.scenario[2].answers = [
      AWSAnswer.ok(
        #"{"Status": "FAILED", "StatusReason": "The submitted information didn't contain changes. Submit different information to create a change set."}"#
      )
    ]
    let run = try scenario.gen(["deploy"], environment: Self.deployEnvironment)
    #expect(run.status == 0)
    #expect(run.output.hasSuffix("No changes: stack ecs-canary-demo-stack is already up to date.\n"))
    #expect(run.operations.suffix(1) == ["cloudformation delete-change-set"])
  }

  // MARK: - status

  static var statusScenario: FakeAWS {
    FakeAWS(scenario: [
      ("cloudformation describe-stacks", [AWSAnswer.stack(status: "UPDATE_COMPLETE", weights: (75, 25))]),
      (
        "elbv2 describe-listeners",
        [
          AWSAnswer.ok(
            #"{"Listeners": [{"ListenerArn": "arn:listener/1", "LoadBalancerArn": "\#(AWSAnswer.loadBalancerARN)", "#
              + #""DefaultActions": [{"Type": "forward", "ForwardConfig": {"TargetGroups": "#
              + #"[{"TargetGroupArn": "arn:targetgroup/stable", "Weight": 75}, {"TargetGroupArn": "arn:targetgroup/canary", "Weight": 25}]}}]}]}"#
          )
        ]
      ),
      (
        "elbv2 describe-target-health",
        [
          AWSAnswer.ok(
            #"{"TargetHealthDescriptions": [{"TargetHealth": {"State": "healthy"}}, {"TargetHealth": {"State": "healthy"}}]}"#
          ),
          AWSAnswer.ok(#"{"TargetHealthDescriptions": [{"TargetHealth": {"State": "unhealthy"}}]}"#),
        ]
      ),
      (
        "ecs describe-services",
        [
          AWSAnswer.ok(
            #"{"services": [{"serviceName": "app-stable", "runningCount": 2, "desiredCount": 2}, "#
              + #"{"serviceName": "app-canary", "runningCount": 0, "desiredCount": 1}]}"#)
        ]
      ),
      (
        "cloudwatch get-metric-data",
        [
          AWSAnswer.metrics(
            stable: (22876, 23, 0.04, 0.17), canary: (1204, 2, 0.042, 0.18), timestamp: #""2026-11-27T16:00:00Z""#)
        ]
      ),
    ])
  }

  @Test("status --json reports weights read from the listener, target health and tasks")
  func statusJSON() throws {
    let run = try Self.statusScenario.gen(["status", "--json"])
    #expect(run.error == "")
    #expect(run.status == 0)
    #expect(
      run.output == """
        {
          "stack": "ecs-canary-demo-stack",
          "status": "UPDATE_COMPLETE",
          "loadBalancerDNS": "demo-123.us-east-1.elb.amazonaws.com",
          "tracks": [
            {
              "role": "stable",
              "weight": 75,
              "parameterWeight": 75,
              "healthyTargets": 2,
              "targets": 2,
              "runningTasks": 2,
              "desiredTasks": 2,
              "serviceName": "app-stable",
              "targetGroupArn": "arn:targetgroup/stable",
              "health": {
                "requests": 22876,
                "errors": 23,
                "errorRate": 0.10054205280643469,
                "p50": 0.04,
                "p99": 0.17
              }
            },
            {
              "role": "canary",
              "weight": 25,
              "parameterWeight": 25,
              "healthyTargets": 0,
              "targets": 1,
              "runningTasks": 0,
              "desiredTasks": 1,
              "serviceName": "app-canary",
              "targetGroupArn": "arn:targetgroup/canary",
              "health": {
                "requests": 1204,
                "errors": 2,
                "errorRate": 0.16611295681063123,
                "p50": 0.042,
                "p99": 0.18
              }
            }
          ],
          "window": "5m"
        }

        """)
    #expect(
      run.calls.map { Array($0.prefix(4)) } == [
        ["cloudformation", "describe-stacks", "--stack-name", "ecs-canary-demo-stack"],
        ["elbv2", "describe-listeners", "--listener-arns", "arn:listener/1"],
        ["elbv2", "describe-target-health", "--target-group-arn", "arn:targetgroup/stable"],
        ["elbv2", "describe-target-health", "--target-group-arn", "arn:targetgroup/canary"],
        ["ecs", "describe-services", "--cluster", "ecs-canary-demo-stack-cluster"],
        ["cloudwatch", "get-metric-data", "--metric-data-queries", run.calls.last?[3] ?? ""],
      ])
    // Each target group's metrics, with the dimensions CloudWatch files them under.
    let query = try #require(run.calls.last?[3])
    #expect(
      query.hasPrefix(
        #"[{"Id":"t0requests","MetricStat":{"Metric":{"Namespace":"AWS/ApplicationELB","MetricName":"RequestCount","#
          + #""Dimensions":[{"Name":"TargetGroup","Value":"targetgroup/stable"},{"Name":"LoadBalancer","Value":"app/demo/1a2b3c"}]},"#
          + #""Period":300,"Stat":"Sum"},"ReturnData":true}"#))
    #expect(query.contains(#""MetricName":"TargetResponseTime","#))
    #expect(query.contains(#""Period":300,"Stat":"p99"}"#))
  }

  @Test("status as text")
  func statusText() throws {
    let run = try Self.statusScenario.gen(["status"])
    #expect(
      run.output == """
        Stack          ecs-canary-demo-stack (UPDATE_COMPLETE)
        Load balancer  http://demo-123.us-east-1.elb.amazonaws.com

        Track   Weight  Healthy targets  Tasks running/desired  Service
        stable  75      2/2              2/2                    app-stable
        canary  25      0/1              0/1                    app-canary

        Last 5m  Requests  5xx        p50   p99
        stable   22,876    23 (0.1%)  40ms  170ms
        canary   1,204     2 (0.17%)  42ms  180ms

        """)
  }

  // MARK: - delete

  @Test("delete off a terminal needs --yes, and never calls delete-stack without it")
  func deleteNeedsYes() throws {
    let run = try FakeAWS(scenario: [("cloudformation describe-stacks", [AWSAnswer.stack(status: "UPDATE_COMPLETE")])])
      .gen(["delete"])
    #expect(
      run.error
        == "gen: delete: deleting stack ecs-canary-demo-stack removes all its resources; there is no terminal to "
        + "confirm on, so rerun with --yes to delete it\n")
    #expect(run.status == 1)
    #expect(!run.operations.contains("cloudformation delete-stack"))
  }

  @Test("delete --yes deletes the stack and follows it until it is gone")
  func deleteWithYes() throws {
    let events: [Event] = [
      ("x1", "17:00:00", Self.stackName, Self.stackType, "DELETE_IN_PROGRESS", "User Initiated"),
      ("x2", "17:00:30", "VPC", "AWS::EC2::VPC", "DELETE_COMPLETE", nil),
      ("x3", "17:00:31", Self.stackName, Self.stackType, "DELETE_COMPLETE", nil),
    ]
    let run = try FakeAWS(scenario: [
      (
        "cloudformation describe-stacks",
        [
          AWSAnswer.stack(status: "UPDATE_COMPLETE"), AWSAnswer.stack(status: "DELETE_IN_PROGRESS"),
          AWSAnswer.missingStack,
        ]
      ),
      ("cloudformation describe-stack-events", [AWSAnswer.events([]), AWSAnswer.events(events)]),
      ("cloudformation delete-stack", [AWSAnswer.ok(#""""#)]),
    ]).gen(["delete", "--yes"])
    #expect(run.error == "")
    #expect(run.status == 0)
    #expect(
      run.output == """
        Deleting stack ecs-canary-demo-stack
        17:00:00  DELETE_IN_PROGRESS    ecs-canary-demo-stack     AWS::CloudFormation::Stack  User Initiated
        17:00:30  DELETE_COMPLETE       VPC                       AWS::EC2::VPC
        17:00:31  DELETE_COMPLETE       ecs-canary-demo-stack     AWS::CloudFormation::Stack
        Stack ecs-canary-demo-stack deleted.

        """)
    #expect(
      run.calls.contains {
        $0.starts(with: ["cloudformation", "describe-stack-events", "--stack-name", AWSAnswer.stackID])
      })
  }
}

/// The settings' names come from the Swift stack, and match the seed's deploy.sh.
@Suite("deploy settings")
struct DeploySettingsTests {
  @Test("each canary parameter's environment variable is the one deploy.sh read")
  func environmentVariables() {
    let parameters = CanaryStack.template.elements.compactMap { element -> String? in
      if case .parameter(let parameter) = element { return parameter.logicalID }
      return nil
    }
    #expect(
      parameters.map(SettingName.environmentVariable(for:)) == [
        "IMAGE_URI_STABLE", "IMAGE_URI_CANARY", "CONTAINER_PORT", "DESIRED_COUNT_STABLE", "DESIRED_COUNT_CANARY",
        "STABLE_WEIGHT", "CANARY_WEIGHT", "TASK_CPU", "TASK_MEMORY",
      ])
    #expect(SettingName.option(for: "ImageURIStable") == "image-uri-stable")
    #expect(SettingName.option(for: "TaskCpu") == "task-cpu")
  }

  @Test("the canary's traffic model names outputs and weights the template has")
  func trafficModelFitsTemplate() throws {
    let document = try CanaryStack.template.document()
    #expect(CanaryDeployment.traffic.problems(in: document).isEmpty)
    guard case .weighted(var wrong) = CanaryDeployment.traffic else {
      Issue.record("the canary's traffic is weighted")
      return
    }
    wrong.listener.listenerARN = "ListenerARN"
    #expect(TrafficModel.weighted(wrong).problems(in: document) == ["the template has no output ListenerARN"])
  }
}
