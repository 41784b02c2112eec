import Deploy
import TemplateSyntax
import TestSupport
import Testing
import YAML

@testable import GenCommand

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `gen deploy` for any stack, through the real binary and the fake `aws`:
/// parameters from the template (option, then file, then environment, then
/// default), every bad input refused before any aws call, capabilities derived
/// from the template, templates over the inline limit through S3, a change set
/// left for review and executed later, outputs for the next CI step, and the
/// blue/green stack's switch.
@Suite("gen deploy for any stack (fake aws)")
struct DeployAnyStackTests {
  static let canaryParameters = [
    "ImageURIStable", "ImageURICanary", "ContainerPort", "DesiredCountStable", "DesiredCountCanary", "StableWeight",
    "CanaryWeight", "TaskCpu", "TaskMemory",
  ]

  /// A new stack, previewed and left for review: describe-stacks, create-change-set, describe-change-set.
  static var reviewScenario: FakeAWS {
    FakeAWS(scenario: [
      ("cloudformation describe-stacks", [AWSAnswer.missingStack]),
      ("cloudformation create-change-set", [AWSAnswer.createdChangeSet]),
      ("cloudformation describe-change-set", [AWSAnswer.changeSet([("Add", "VPC", "AWS::EC2::VPC", nil)])]),
    ])
  }

  /// A file in a fresh temporary directory, removed by the caller's `defer`.
  static func temporaryFile(_ name: String, _ text: String) throws -> (path: String, directory: String) {
    let directory = try makeTemporaryDirectory("gen-deploy-any")
    try FakeAWS(scenario: []).writeFile(directory + "/" + name, text)
    return (directory + "/" + name, directory)
  }

  /// The `--parameters` JSON of the create-change-set call, as name → value.
  static func sentParameters(_ run: FakeAWS.Run) throws -> [(String, String)] {
    let create = try #require(run.calls.first { $0.starts(with: ["cloudformation", "create-change-set"]) })
    let json = try #require(create.firstIndex(of: "--parameters").map { create[$0 + 1] })
    let list = try JSONParser().parse(json).sequence?.items ?? []
    return list.map { ($0["ParameterKey"]?.stringValue ?? "", $0["ParameterValue"]?.stringValue ?? "(previous)") }
  }

  // MARK: - Parameters: option, then file, then environment, then default

  @Test("each parameter's value comes from its option, else the file, else the environment, else the default")
  func precedence() throws {
    let file = try Self.temporaryFile(
      "parameters.yml",
      """
      ImageURICanary: repo/app:from-file
      ContainerPort: 2000
      DesiredCountStable: 3
      """)
    defer { removeDirectory(file.directory) }
    let run = try Self.reviewScenario.gen(
      [
        "deploy", "--no-execute", "--parameter", "ImageURIStable=repo/app:from-parameter", "--container-port=1000",
        "--parameters-file", file.path,
      ],
      environment: ["CONTAINER_PORT=3000", "DESIRED_COUNT_STABLE=4", "DESIRED_COUNT_CANARY=5", "IMAGE_URI_CANARY=env"])
    #expect(run.error == "")
    #expect(run.status == 0)
    let sent = try Self.sentParameters(run)
    #expect(sent.map(\.0) == Self.canaryParameters)
    #expect(
      sent.map(\.1) == ["repo/app:from-parameter", "repo/app:from-file", "1000", "3", "5", "95", "5", "256", "512"])
    #expect(!run.operations.contains("cloudformation execute-change-set"))
    #expect(
      FakeAWS.normalised(run.output).hasSuffix(
        "Change set gen-deploy-N is left for review; nothing was changed. Apply it with: "
          + "gen deploy canary --stack-name ecs-canary-demo-stack --change-set gen-deploy-N\n"))
  }

  @Test("the aws list form of a parameters file, and UsePreviousValue on an update")
  func listFormFile() throws {
    let file = try Self.temporaryFile(
      "parameters.json",
      #"""
      [{"ParameterKey": "ImageURIStable", "ParameterValue": "repo/app:7"},
       {"ParameterKey": "ImageURICanary", "UsePreviousValue": true},
       {"ParameterKey": "TaskCpu", "ParameterValue": 512}]
      """#)
    defer { removeDirectory(file.directory) }
    var scenario = Self.reviewScenario
    scenario.scenario[0].answers = [AWSAnswer.stack(status: "UPDATE_COMPLETE")]
    let run = try scenario.gen(
      ["deploy", "--no-execute", "--parameters-file", file.path], environment: ["TASK_CPU=1024", "TASK_MEMORY=2048"])
    #expect(run.status == 0, "\(run.error)")
    let sent = try Self.sentParameters(run)
    #expect(sent.map(\.1) == ["repo/app:7", "(previous)", "8000", "2", "1", "95", "5", "512", "2048"])
    #expect(run.output.contains("ImageURICanary=repo/app:2 "), "the deployed value is shown")
  }

  @Test("UsePreviousValue for a stack that does not exist yet is refused before the change set")
  func usePreviousValueOnCreate() throws {
    let file = try Self.temporaryFile(
      "parameters.json", #"[{"ParameterKey": "ImageURIStable", "UsePreviousValue": true}]"#)
    defer { removeDirectory(file.directory) }
    let run = try Self.reviewScenario.gen(
      ["deploy", "--parameters-file", file.path], environment: ["IMAGE_URI_CANARY=b"])
    #expect(
      run.error
        == "gen: deploy: UsePreviousValue for ImageURIStable needs a deployed value, but stack ecs-canary-demo-stack "
        + "does not exist yet; give a value instead\n")
    #expect(run.status == 1)
    #expect(run.operations == ["cloudformation describe-stacks"])
  }

  // MARK: - Bad input: the exact message, exit 1, and aws never called

  static let images = ["IMAGE_URI_STABLE=a", "IMAGE_URI_CANARY=b"]
  static let canaryList =
    "its parameters are ImageURIStable, ImageURICanary, ContainerPort, DesiredCountStable, DesiredCountCanary, "
    + "StableWeight, CanaryWeight, TaskCpu, TaskMemory"

  static let badInputs: [(arguments: [String], environment: [String], message: String)] = [
    (
      ["deploy", "--parameter", "Foo=1"], images,
      "gen: deploy: --parameter Foo: the template has no parameter Foo; \(canaryList)\n"
    ),
    (
      ["deploy", "--parameter", "ImageURIStable"], [],
      "gen: deploy: --parameter takes Name=Value; got \"ImageURIStable\"\n"
    ),
    (
      ["deploy", "--no-such-option", "1"], images,
      "gen: deploy: --no-such-option is neither an option of gen deploy nor a parameter of the template; its "
        + "parameters' options are --image-uri-stable, --image-uri-canary, --container-port, --desired-count-stable, "
        + "--desired-count-canary, --stable-weight, --canary-weight, --task-cpu, --task-memory\n"
    ),
    (
      ["deploy", "--image-uri-canary", "b", "--image-uri-stable"], [],
      "gen: deploy: --image-uri-stable needs a value, such as --image-uri-stable VALUE\n"
    ),
    (
      ["deploy", "--image-uri-stable", "a", "--parameter", "ImageURIStable=b"], ["IMAGE_URI_CANARY=b"],
      "gen: deploy: ImageURIStable is given twice with different values, --parameter ImageURIStable \"b\" and "
        + "--image-uri-stable \"a\"; give it once\n"
    ),
    (
      ["deploy", "--parameter", "TaskCpu=300", "--desired-count-stable", "-1"], images,
      "gen: deploy: 2 settings are wrong:\n"
        + "  - --desired-count-stable \"-1\": DesiredCountStable must be at least 0\n"
        + "  - --parameter TaskCpu=\"300\": TaskCpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384\n"
    ),
    (
      ["deploy", "--parameters-file", "/nonexistent/parameters.json"], images,
      "gen: deploy: cannot read /nonexistent/parameters.json: No such file or directory\n"
    ),
    (["deploy", "--tag", "team"], images, "gen: deploy: --tag takes Key=Value; got \"team\"\n"),
    (
      ["deploy", "--tag", "aws:owner=me"], images,
      "gen: deploy: the tag key \"aws:owner\" starts with aws:, which AWS reserves\n"
    ),
    (
      ["deploy", "--s3-prefix", "templates"], images,
      "gen: deploy: --s3-prefix (or S3_PREFIX) needs --s3-bucket (or S3_BUCKET) to say where to upload\n"
    ),
    (
      ["deploy", "--s3-bucket", "My_Bucket"], images,
      "gen: deploy: the S3 bucket name \"My_Bucket\" is not valid: 3 to 63 lower-case letters, digits, dots and "
        + "hyphens, starting and ending with a letter or digit (--s3-bucket or S3_BUCKET)\n"
    ),
    (
      ["deploy", "--change-set", "1st"], [],
      "gen: deploy: the change set name \"1st\" is not valid: a letter, then letters, digits and hyphens "
        + "(or the change set's ARN)\n"
    ),
    (
      ["deploy", "blue-green", "--parameter", "ImageURIBlue=a"], [],
      "gen: deploy: IMAGE_URI_GREEN is not set: give ImageURIGreen with --image-uri-green or IMAGE_URI_GREEN "
        + "(Container image URI for the green version)\n"
    ),
    (
      ["deploy", "blue-green", "--image-uri-blue", "a", "--image-uri-green", "b", "--active-color", "red"], [],
      "gen: deploy: --active-color \"red\": ActiveColor must be one of blue, green\n"
    ),
    (
      ["switch", "red"], [],
      "gen: switch: switch takes one of blue, green; got \"red\" (for example `gen switch green`)\n"
    ),
    (
      ["set-weights", "--stack", "blue-green", "50", "50"], [],
      "gen: set-weights: stack blue-green has no traffic model with set-weights; it works on canary, canary-watched\n"
    ),
  ]

  @Test("bad input is refused with a message naming the value and the fix, before any aws call", arguments: badInputs)
  func badInput(arguments: [String], environment: [String], message: String) throws {
    let run = try FakeAWS(scenario: []).gen(arguments, environment: environment)
    #expect(run.error == message)
    #expect(run.status == 1)
    #expect(run.calls.isEmpty, "aws was called: \(run.calls)")
  }

  /// Each message names the file as FILE.
  static let badFiles: [(name: String, text: String, message: String)] = [
    (
      "unknown.yml", "Foo: 1\n",
      "gen: deploy: FILE: the template has no parameter Foo; \(canaryList)\n"
    ),
    (
      "twice.json",
      #"[{"ParameterKey": "TaskCpu", "ParameterValue": "256"}, {"ParameterKey": "TaskCpu", "ParameterValue": "512"}]"#,
      "gen: deploy: FILE gives TaskCpu twice; give each parameter once\n"
    ),
    (
      "float.yml", "TaskMemory: 1.5\n",
      "gen: deploy: FILE: the value of TaskMemory reads as the number 1.5, which may not be the text you wrote; "
        + "quote it (\"…\")\n"
    ),
    (
      "novalue.json", #"[{"ParameterKey": "TaskCpu"}]"#,
      "gen: deploy: FILE: item 1 of the list: TaskCpu has no ParameterValue\n"
    ),
    (
      "constraint.yml", "TaskCpu: '300'\n",
      "gen: deploy: FILE: TaskCpu=\"300\": TaskCpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384\n"
    ),
    (
      "scalar.yml", "just text\n",
      "gen: deploy: FILE is neither a map of parameter names to values nor a list of ParameterKey/ParameterValue "
        + "objects\n"
    ),
  ]

  @Test("a wrong parameters file is refused with its path and the problem, before any aws call", arguments: badFiles)
  func badParametersFile(name: String, text: String, message: String) throws {
    let file = try Self.temporaryFile(name, text)
    defer { removeDirectory(file.directory) }
    let run = try FakeAWS(scenario: []).gen(["deploy", "--parameters-file", file.path], environment: Self.images)
    #expect(run.error == message.replacing("FILE", with: file.path))
    #expect(run.status == 1)
    #expect(run.calls.isEmpty)
  }

  @Test("--change-set takes no parameters, and --outputs-file needs a deploy that runs")
  func conflictingOptions() throws {
    let changeSet = try FakeAWS(scenario: []).gen(["deploy", "--change-set", "reviewed", "--parameter", "TaskCpu=512"])
    #expect(
      changeSet.error.contains(
        "--change-set executes a reviewed change set as it was made; it takes no parameters"))
    let outputs = try FakeAWS(scenario: []).gen(["deploy", "--no-execute", "--outputs-file", "/tmp/x.json"])
    #expect(outputs.error.contains("--outputs-file needs the deploy to run; with --no-execute nothing is deployed"))
    for run in [changeSet, outputs] {
      #expect(run.status != 0)
      #expect(run.calls.isEmpty)
    }
  }

  // MARK: - Capabilities, derived from the template

  static let generatedCanary = "\(packageRoot)/Generated/deploy-canary.yml"

  @Test(
    "capabilities come from the template: IAM for roles, NAMED_IAM for a named role, AUTO_EXPAND for a Transform",
    arguments: [
      ("", ["CAPABILITY_IAM"]),
      ("named-role", ["CAPABILITY_NAMED_IAM"]),
      ("transform", ["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"]),
    ])
  func capabilities(variant: String, expected: [String]) throws {
    var text = try readFile(Self.generatedCanary)
    switch variant {
    case "named-role":
      text = text.replacing(
        "  TaskExecutionRole:\n    Type: AWS::IAM::Role\n    Properties:\n",
        with: "  TaskExecutionRole:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: canary-task-execution\n"
      )
    case "transform":
      text = text.replacing("Resources:\n", with: "Transform: AWS::LanguageExtensions\n\nResources:\n")
    default: break
    }
    if !variant.isEmpty { #expect(text != (try readFile(Self.generatedCanary)), "the variant changed nothing") }
    let file = try Self.temporaryFile("template.yml", text)
    defer { removeDirectory(file.directory) }
    let run = try Self.reviewScenario.gen(
      ["deploy", "--no-execute", "--template", file.path], environment: Self.images)
    #expect(run.status == 0, "\(run.error)")
    let create = try #require(run.calls.first { $0.starts(with: ["cloudformation", "create-change-set"]) })
    let start = try #require(create.firstIndex(of: "--capabilities")) + 1
    #expect(Array(create[start...].prefix { !$0.hasPrefix("--") }) == expected)
  }

  // MARK: - Size: inline, through S3, or refused

  /// The canary template padded with a comment to `bytes`: what is sent is the file as it is.
  static func paddedCanary(bytes: Int) throws -> String {
    let text = try readFile(generatedCanary)
    let line = "# " + String(repeating: "padding ", count: 12) + "\n"
    let lines = (bytes - text.utf8.count) / line.utf8.count + 1
    return text + String(repeating: line, count: lines)
  }

  @Test("a template over 51,200 bytes without a bucket is refused, naming the option, before any aws call")
  func overInlineLimitWithoutBucket() throws {
    let file = try Self.temporaryFile("big.yml", try Self.paddedCanary(bytes: 60_000))
    defer { removeDirectory(file.directory) }
    let size = try readFile(file.path).utf8.count
    let run = try FakeAWS(scenario: []).gen(["deploy", "--template", file.path], environment: Self.images)
    #expect(
      run.error
        == "gen: deploy: \(file.path) is \(size) bytes, over CloudFormation's limit of 51200 bytes for a template "
        + "sent inline; give an S3 bucket to upload it to with --s3-bucket BUCKET (env S3_BUCKET)\n")
    #expect(run.status == 1)
    #expect(run.calls.isEmpty)
  }

  @Test("a template over 1,000,000 bytes is refused even with a bucket, before any aws call")
  func overUploadLimit() throws {
    let file = try Self.temporaryFile("huge.yml", try Self.paddedCanary(bytes: 1_000_001))
    defer { removeDirectory(file.directory) }
    let size = try readFile(file.path).utf8.count
    let run = try FakeAWS(scenario: []).gen(
      ["deploy", "--template", file.path, "--s3-bucket", "templates-bucket"], environment: Self.images)
    #expect(
      run.error
        == "gen: deploy: \(file.path) is \(size) bytes, over CloudFormation's limit of 1000000 bytes for any template; "
        + "split it into nested stacks or move large values (policies, scripts) out of it\n")
    #expect(run.calls.isEmpty)
  }

  @Test("a template over 51,200 bytes is uploaded under its content hash and deployed by URL")
  func uploadedThroughS3() throws {
    let text = try Self.paddedCanary(bytes: 60_000)
    let file = try Self.temporaryFile("big.yml", text)
    defer { removeDirectory(file.directory) }
    var scenario = Self.reviewScenario
    scenario.scenario += [
      ("s3api get-bucket-location", [AWSAnswer.ok(#"{"LocationConstraint": "eu-west-1"}"#)]),
      ("s3api put-object", [AWSAnswer.ok(#"{"ETag": "\"abc\""}"#)]),
    ]
    let run = try scenario.gen(
      ["deploy", "--no-execute", "--template", file.path, "--s3-bucket", "templates-bucket", "--s3-prefix", "/ci/"],
      environment: Self.images)
    #expect(run.status == 0, "\(run.error)")
    let digest = try #require(try runProcess(["sha256sum", file.path]).outputText.split(separator: " ").first)
    let key = "ci/\(digest).template"
    #expect(
      run.calls.first { $0.starts(with: ["s3api", "put-object"]) }
        == [
          "s3api", "put-object", "--bucket", "templates-bucket", "--key", key, "--body", file.path, "--output", "json",
        ])
    let create = try #require(run.calls.first { $0.starts(with: ["cloudformation", "create-change-set"]) })
    let url = try #require(create.firstIndex(of: "--template-url").map { create[$0 + 1] })
    #expect(url == "https://s3.eu-west-1.amazonaws.com/templates-bucket/\(key)")
    #expect(!create.contains("--template-body"))
    #expect(run.output.contains("Uploading the template (\(text.utf8.count) bytes) to s3://templates-bucket/\(key)\n"))
  }

  // MARK: - Review, then apply

  @Test("--change-set executes a reviewed change set and writes the outputs for the next step")
  func executeReviewedChangeSet() throws {
    let events: [DeployCommandTests.Event] = [
      ("c1", "16:30:00", DeployCommandTests.stackName, DeployCommandTests.stackType, "UPDATE_IN_PROGRESS", nil),
      ("c2", "16:30:09", DeployCommandTests.stackName, DeployCommandTests.stackType, "UPDATE_COMPLETE", nil),
    ]
    let reviewed = AWSAnswer.changeSet([("Modify", "ServiceStable", "AWS::ECS::Service", "False")]).replacing(
      #""Status": "CREATE_COMPLETE""#,
      with:
        #""Status": "CREATE_COMPLETE", "ExecutionStatus": "AVAILABLE", "ChangeSetId": "\#(AWSAnswer.changeSetID)", "StackId": "\#(AWSAnswer.stackID)""#
    )
    let scenario = FakeAWS(scenario: [
      ("cloudformation describe-change-set", [reviewed]),
      (
        "cloudformation describe-stacks",
        [
          AWSAnswer.stack(status: "UPDATE_COMPLETE"), AWSAnswer.stack(status: "UPDATE_COMPLETE"),
          AWSAnswer.stack(status: "UPDATE_COMPLETE"),
        ]
      ),
      ("cloudformation describe-stack-events", [AWSAnswer.events([]), AWSAnswer.events(events)]),
      ("cloudformation execute-change-set", [AWSAnswer.ok(#""""#)]),
    ])
    let directory = try makeTemporaryDirectory("gen-outputs")
    defer { removeDirectory(directory) }
    let run = try scenario.gen(
      ["deploy", "--change-set", "gen-deploy-1764000000", "--outputs-file", directory + "/outputs.json"])
    #expect(run.error == "")
    #expect(run.status == 0)
    #expect(
      run.calls.first
        == [
          "cloudformation", "describe-change-set", "--change-set-name", "gen-deploy-N", "--stack-name",
          DeployCommandTests.stackName, "--output", "json",
        ])
    #expect(
      run.calls.contains([
        "cloudformation", "execute-change-set", "--change-set-name", AWSAnswer.changeSetID, "--output", "json",
      ]))
    #expect(!run.operations.contains("cloudformation create-change-set"))
    #expect(run.output.contains("  ~ modify      ServiceStable         AWS::ECS::Service\n"))
    #expect(run.output.contains("Stack ecs-canary-demo-stack: UPDATE_COMPLETE\n"))
    #expect(
      try readFile(directory + "/outputs.json") == """
        {
          "ALBDNS": "demo-123.us-east-1.elb.amazonaws.com",
          "ListenerArn": "arn:listener/1",
          "StableTargetGroupArn": "arn:targetgroup/stable",
          "CanaryTargetGroupArn": "arn:targetgroup/canary",
          "ClusterName": "ecs-canary-demo-stack-cluster",
          "StableServiceName": "app-stable",
          "CanaryServiceName": "app-canary"
        }

        """)
  }

  @Test("a change set made obsolete by a later update is refused with what to do")
  func obsoleteChangeSet() throws {
    let run = try FakeAWS(scenario: [
      (
        "cloudformation describe-change-set",
        [AWSAnswer.ok(#"{"Status": "CREATE_COMPLETE", "ExecutionStatus": "OBSOLETE", "Changes": []}"#)]
      )
    ]).gen(["deploy", "--change-set", "old-one"])
    #expect(
      run.error
        == "gen: deploy: change set old-one of stack ecs-canary-demo-stack cannot be executed (status CREATE_COMPLETE, "
        + "execution OBSOLETE); the stack changed since it was made; create a new one with `gen deploy --no-execute`\n")
    #expect(run.status == 1)
    #expect(run.operations == ["cloudformation describe-change-set"])
  }

  @Test("tags from --tag are sent as JSON, any character safe")
  func tags() throws {
    let run = try Self.reviewScenario.gen(
      ["deploy", "--no-execute", "--tag", "team=payments,core", "--tag", "note=a=b"], environment: Self.images)
    #expect(run.status == 0, "\(run.error)")
    let create = try #require(run.calls.first { $0.starts(with: ["cloudformation", "create-change-set"]) })
    let tags = try #require(create.firstIndex(of: "--tags").map { create[$0 + 1] })
    #expect(tags == #"[{"Key":"team","Value":"payments,core"},{"Key":"note","Value":"a=b"}]"#)
  }
}

/// The per-parameter options are rewritten before parsing unless they are one
/// of deploy's own: that list must be exactly what the parser declares.
@Suite("gen deploy's own options")
struct DeployOwnOptionsTests {
  @Test("DeployCommand.ownOptions is every option and flag gen deploy declares, each taking a value or not")
  func ownOptionsMatchTheParser() throws {
    let gen = try #require(builtProduct("gen"))
    let dump = try runProcess([gen, "deploy", "--experimental-dump-help"])
    #expect(dump.status == 0)
    let arguments = try JSONParser().parse(dump.outputText)["command"]?["arguments"]?.sequence?.items ?? []
    var declared: [String: Bool] = [:]
    for argument in arguments {
      guard let kind = argument["kind"]?.stringValue, kind != "positional" else { continue }
      for name in argument["names"]?.sequence?.items ?? [] where name["kind"]?.stringValue == "long" {
        declared[name["name"]?.stringValue ?? ""] = kind == "option"
      }
    }
    declared["experimental-dump-help"] = false
    #expect(declared == DeployCommand.ownOptions)
  }
}
