import TestSupport
import YAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the real `gen` with a fake `aws` first on the PATH
/// (Fixtures/fake-aws/aws), which records every call and answers from a scenario.
struct FakeAWS {
  /// Answers by operation ("cloudformation describe-stacks"), each a JSON object
  /// `{"stdout": …, "stderr": "…", "status": N}`; successive calls take successive answers.
  var scenario: [(operation: String, answers: [String])]

  struct Run {
    var status: Int32
    var output: String
    var error: String
    /// Each aws call's arguments, change-set names normalised to `gen-…-N`.
    var calls: [[String]]

    /// The calls as `service operation` strings.
    var operations: [String] { calls.map { $0.prefix(while: { !$0.hasPrefix("-") }).prefix(2).joined(separator: " ") } }
  }

  static let settingVariables = [
    "AWS_REGION", "AWS_PROFILE", "AWS_DEFAULT_REGION", "STACK_NAME", "TEMPLATE_FILE", "IMAGE_URI_STABLE",
    "IMAGE_URI_CANARY", "CONTAINER_PORT", "DESIRED_COUNT_STABLE", "DESIRED_COUNT_CANARY", "TASK_CPU", "TASK_MEMORY",
    "STABLE_WEIGHT", "CANARY_WEIGHT", "S3_BUCKET", "S3_PREFIX", "IMAGE_URI_BLUE", "IMAGE_URI_GREEN", "DESIRED_COUNT",
    "ACTIVE_COLOR",
  ]

  /// Runs `gen ARGUMENTS` with `environment` added; on a pseudo-terminal (through
  /// `script`) when `terminalInput` is given, which is typed into it.
  func gen(
    _ arguments: [String], environment: [String] = [], terminalInput: String? = nil, program: String = "gen"
  ) throws -> Run {
    guard let binary = builtProduct(program) else { throw TestFailure("\(program) was not built") }
    let directory = try makeTemporaryDirectory("gen-fake-aws")
    defer { removeDirectory(directory) }
    let scenarioText =
      "{"
      + scenario.map { entry in "\"\(entry.operation)\": [\(entry.answers.joined(separator: ", "))]" }
      .joined(separator: ", ") + "}"
    try writeFile(directory + "/scenario.json", scenarioText)
    let log = directory + "/calls.log"
    let path = currentEnvironment().first(where: { $0.hasPrefix("PATH=") }).map { String($0.dropFirst(5)) } ?? ""
    let variables =
      currentEnvironment(removing: Self.settingVariables + ["PATH", "AWS_ENDPOINT_URL"])
      + [
        "PATH=\(testsDirectory)/Fixtures/fake-aws:\(path)", "FAKE_AWS_LOG=\(log)",
        "FAKE_AWS_SCENARIO=\(directory)/scenario.json",
      ] + environment
    let result: ProcessResult
    if let terminalInput {
      let command = ([binary] + arguments + ["--poll-interval", "0"]).map(Self.shellQuoted).joined(separator: " ")
      result = try runProcess(
        ["script", "-qec", command, "/dev/null"], environment: variables, input: Array(terminalInput.utf8))
    } else {
      result = try runProcess(
        [binary] + arguments
          + (["probe", "diff", "import"].contains(arguments.first) ? [] : ["--poll-interval", "0"]),
        environment: variables)
    }
    let logText = (try? readTextFile(log)) ?? ""
    let calls = try logText.split(separator: "\n").map { line -> [String] in
      try YAMLParser().parse(String(line)).sequence?.items.map { Self.normalised($0.stringValue ?? "") } ?? []
    }
    return Run(status: result.status, output: result.outputText, error: result.errorText, calls: calls)
  }

  static func shellQuoted(_ text: String) -> String {
    "'" + text.replacing("'", with: "'\\''") + "'"
  }

  /// `gen-deploy-1764260000` → `gen-deploy-N`.
  static func normalised(_ text: String) -> String {
    text.replacing(/gen-(deploy|weights|switch)-[0-9]+/) { match in "gen-\(match.output.1)-N" }
  }

  func writeFile(_ path: String, _ text: String) throws {
    guard let file = fopen(path, "wb") else { throw TestFailure("cannot write \(path)") }
    defer { fclose(file) }
    let bytes = Array(text.utf8)
    guard fwrite(bytes, 1, bytes.count, file) == bytes.count else { throw TestFailure("cannot write \(path)") }
  }
}

/// JSON answers of CloudFormation, ELBv2 and ECS as the aws CLI prints them.
enum AWSAnswer {
  static let stackID = "arn:aws:cloudformation:us-east-1:123456789012:stack/ecs-canary-demo-stack/1"
  static let changeSetID = "arn:aws:cloudformation:us-east-1:123456789012:changeSet/gen/2"

  static func ok(_ json: String) -> String { #"{"stdout": \#(json)}"# }

  static func failure(_ message: String, status: Int = 254) -> String {
    #"{"stdout": "", "stderr": "\#(message)\n", "status": \#(status)}"#
  }

  static let missingStack = failure(
    "An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id ecs-canary-demo-stack does not exist"
  )

  /// The canary stack as `describe-stacks` shows it; `extraParameters` and
  /// `extraOutputs` make it a stack composed from the canary (`canary-watched`).
  static func stack(
    status: String, weights: (Int, Int) = (95, 5), extraParameters: [(String, String)] = [],
    extraOutputs: [(String, String)] = []
  ) -> String {
    let parameters =
      ([
        ("ImageURIStable", "repo/app:1"), ("ImageURICanary", "repo/app:2"), ("ContainerPort", "8000"),
        ("DesiredCountStable", "2"), ("DesiredCountCanary", "1"), ("StableWeight", "\(weights.0)"),
        ("CanaryWeight", "\(weights.1)"), ("TaskCpu", "256"), ("TaskMemory", "512"),
      ] + extraParameters).map { #"{"ParameterKey": "\#($0.0)", "ParameterValue": "\#($0.1)"}"# }
    let outputs =
      ([
        ("ALBDNS", "demo-123.us-east-1.elb.amazonaws.com"), ("ListenerArn", "arn:listener/1"),
        ("StableTargetGroupArn", "arn:targetgroup/stable"), ("CanaryTargetGroupArn", "arn:targetgroup/canary"),
        ("ClusterName", "ecs-canary-demo-stack-cluster"), ("StableServiceName", "app-stable"),
        ("CanaryServiceName", "app-canary"),
      ] + extraOutputs).map { #"{"OutputKey": "\#($0.0)", "OutputValue": "\#($0.1)"}"# }
    return ok(
      #"{"Stacks": [{"StackId": "\#(stackID)", "StackName": "ecs-canary-demo-stack", "StackStatus": "\#(status)", "#
        + #""Parameters": [\#(parameters.joined(separator: ", "))], "Outputs": [\#(outputs.joined(separator: ", "))]}]}"#
    )
  }

  static let loadBalancerARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/demo/1a2b3c"

  /// `get-metric-data` for the two tracks: (requests, 5xx, p50, p99) each, one datapoint per query.
  /// `timestamp` is JSON: awscli 1.x prints CloudWatch's timestamps as it receives
  /// them, seconds since 1970 (the default); awscli 2 prints ISO 8601 text.
  static func metrics(
    stable: (Double, Double, Double, Double), canary: (Double, Double, Double, Double),
    timestamp: String = "1796486400"
  ) -> String {
    let results = [(0, stable), (1, canary)].flatMap { index, values in
      zip(["requests", "errors", "pfifty", "pninetynine"], [values.0, values.1, values.2, values.3]).map {
        name, value in
        #"{"Id": "t\#(index)\#(name)", "Timestamps": [\#(timestamp)], "Values": [\#(value)], "StatusCode": "Complete"}"#
      }
    }
    return ok(#"{"MetricDataResults": [\#(results.joined(separator: ", "))]}"#)
  }

  static let createdChangeSet = ok(#"{"Id": "\#(changeSetID)", "StackId": "\#(stackID)"}"#)

  /// `describe-change-set` with `changes` as (action, logical ID, type, replacement).
  static func changeSet(_ changes: [(String, String, String, String?)]) -> String {
    let items = changes.map { change in
      #"{"Type": "Resource", "ResourceChange": {"Action": "\#(change.0)", "LogicalResourceId": "\#(change.1)", "#
        + #""ResourceType": "\#(change.2)""# + (change.3.map { #", "Replacement": "\#($0)""# } ?? "") + "}}"
    }
    return ok(#"{"Status": "CREATE_COMPLETE", "Changes": [\#(items.joined(separator: ", "))]}"#)
  }

  /// `describe-stack-events`, newest first as CloudFormation lists them; each
  /// event is (id, time of day, logical ID, type, status, reason).
  static func events(_ events: [(String, String, String, String, String, String?)]) -> String {
    let items = events.reversed().map { event in
      #"{"EventId": "\#(event.0)", "Timestamp": "2026-11-27T\#(event.1).000Z", "LogicalResourceId": "\#(event.2)", "#
        + #""ResourceType": "\#(event.3)", "ResourceStatus": "\#(event.4)""#
        + (event.5.map { #", "ResourceStatusReason": "\#($0)""# } ?? "") + "}"
    }
    return ok(#"{"StackEvents": [\#(items.joined(separator: ", "))]}"#)
  }
}
