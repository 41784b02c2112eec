import TestSupport
import Testing

/// `gen rollout` and `gen promote` through the real binary and the fake `aws`,
/// with one-second steps: the order of the stack updates, a rollback with its
/// reason, a hold, alarms, the same-image refusal, and promote's question.
@Suite("gen rollout and gen promote (fake aws)")
struct RolloutCommandTests {
  static func listener(stable: Int, canary: Int) -> String {
    AWSAnswer.ok(
      #"{"Listeners": [{"ListenerArn": "arn:listener/1", "LoadBalancerArn": "\#(AWSAnswer.loadBalancerARN)", "#
        + #""DefaultActions": [{"Type": "forward", "ForwardConfig": {"TargetGroups": ["#
        + #"{"TargetGroupArn": "arn:targetgroup/stable", "Weight": \#(stable)}, "#
        + #"{"TargetGroupArn": "arn:targetgroup/canary", "Weight": \#(canary)}]}}]}]}"#)
  }

  static let healthy = AWSAnswer.metrics(stable: (1000, 2, 0.05, 0.2), canary: (200, 0, 0.05, 0.21))
  static let failing = AWSAnswer.metrics(stable: (1000, 2, 0.05, 0.2), canary: (200, 8, 0.05, 0.21))
  static let quiet = AWSAnswer.ok(#"{"MetricDataResults": []}"#)

  /// Every stack update succeeds at once; the listener starts at 95/5.
  static func scenario(
    metrics: [String], alarms: String? = nil, stack: String = AWSAnswer.stack(status: "UPDATE_COMPLETE")
  ) -> FakeAWS {
    let events: [DeployCommandTests.Event] = [
      ("u1", "16:00:00", DeployCommandTests.stackName, DeployCommandTests.stackType, "UPDATE_COMPLETE", nil)
    ]
    var scenario: [(operation: String, answers: [String])] = [
      ("cloudformation describe-stacks", [stack]),
      ("elbv2 describe-listeners", [listener(stable: 95, canary: 5)]),
      ("cloudformation create-change-set", [AWSAnswer.createdChangeSet]),
      (
        "cloudformation describe-change-set",
        [AWSAnswer.changeSet([("Modify", "Listener", "AWS::ElasticLoadBalancingV2::Listener", "False")])]
      ),
      ("cloudformation describe-stack-events", [AWSAnswer.events([]), AWSAnswer.events(events)]),
      ("cloudformation execute-change-set", [AWSAnswer.ok(#""""#)]),
      ("cloudwatch get-metric-data", metrics),
      (
        "ecs describe-services",
        [
          AWSAnswer.ok(
            #"{"services": [{"serviceName": "app-stable", "runningCount": 2, "desiredCount": 2, "deployments": [{}]}]}"#
          )
        ]
      ),
    ]
    if let alarms { scenario.append(("cloudwatch describe-alarms", [alarms])) }
    return FakeAWS(scenario: scenario)
  }

  static let fast = ["--bake", "2s", "--interval", "1s", "--metrics-lag", "0s"]

  /// Each stack update's changed parameters, in order: `StableWeight=50 CanaryWeight=50`.
  static func updates(_ run: FakeAWS.Run) throws -> [String] {
    try run.calls.filter { $0.starts(with: ["cloudformation", "create-change-set"]) }.map { call in
      let json = try #require(call.firstIndex(of: "--parameters").map { call[$0 + 1] })
      let changed = ["ImageURIStable=repo/app:2", "StableWeight=", "CanaryWeight="]
      return json.split(separator: "}").compactMap { item -> String? in
        guard let key = item.firstMatch(of: /"ParameterKey":"([A-Za-z]+)"/)?.output.1,
          let value = item.firstMatch(of: /"ParameterValue":"([^"]*)"/)?.output.1
        else { return nil }
        let pair = "\(key)=\(value)"
        return changed.contains(where: { pair.hasPrefix($0) }) ? pair : nil
      }.joined(separator: " ")
    }
  }

  @Test("a healthy canary goes through the steps, then the stable version gets its image and all traffic")
  func healthyRollout() throws {
    // The listener reads 95/5, so of 5,50,100 the rollout goes on from step 2, 50%.
    let run = try Self.scenario(metrics: [Self.healthy]).gen(["rollout", "--steps", "5,50,100"] + Self.fast)
    // A one-second interval is this test's; on AWS, ALB metrics come once a minute, so gen says so.
    #expect(
      run.error
        == "gen: rollout: note: --interval 1s is under a minute, but an Application Load Balancer publishes its "
        + "metrics once a minute: most intervals would have no data on AWS (use it with metrics written at a finer "
        + "period)\n")
    #expect(run.status == 0)
    // The fake stack always reads 95/5 and the old stable image: promote's update changes only the image.
    #expect(
      try Self.updates(run) == [
        "StableWeight=50 CanaryWeight=50", "StableWeight=0 CanaryWeight=100",
        "ImageURIStable=repo/app:2 StableWeight=95 CanaryWeight=5", "StableWeight=100 CanaryWeight=0",
      ])
    #expect(
      run.output.contains(
        "  50%  1/2  canary 200 req, 0% 5xx, p99 210ms | stable 1,000 req, 0.2% 5xx, p99 200ms  passed\n"))
    #expect(run.output.contains("Stack ecs-canary-demo-stack: promoted; the stable version runs the canary's image"))
    #expect(run.output.contains("Step 2 of 3: canary to 50%."))
    #expect(run.output.contains("\n2     50%     2/0/0 "))
    #expect(run.output.contains("\n3     100%    2/0/0 "))
    #expect(run.operations.contains("ecs describe-services"))
  }

  @Test("a canary over the 5xx limit is rolled back after two failed intervals, naming the metric (exit 1)")
  func failingRollout() throws {
    let run = try Self.scenario(metrics: [Self.failing]).gen(
      ["rollout", "--steps", "25,50", "--format", "json"] + Self.fast)
    #expect(run.status == 1)
    #expect(try Self.updates(run) == ["StableWeight=75 CanaryWeight=25", "StableWeight=100 CanaryWeight=0"])
    #expect(run.output.contains(#""outcome": "rolled back""#))
    #expect(
      run.output.contains(
        #""reason": "2 failed intervals; the last: canary 5xx rate 4% (limit: at most 1%); "#
          + #"canary 5xx rate above stable's +3.8 points (4% against 0.2%) (limit: at most +0.5 points)""#))
    // With a report on stdout, the progress goes to stderr.
    #expect(run.error.contains("  25%  1/2  canary 200 req, 4% 5xx"))
  }

  @Test("a bake without enough data holds the weights (exit 3) and prints how to go on")
  func inconclusiveHolds() throws {
    let run = try Self.scenario(metrics: [Self.quiet]).gen(["rollout", "--steps", "25,50"] + Self.fast)
    #expect(run.status == 3)
    #expect(try Self.updates(run) == ["StableWeight=75 CanaryWeight=25"])
    #expect(
      run.output.hasSuffix(
        "Stack ecs-canary-demo-stack: held at 25%, weights left as they are: no interval at 25% had enough data "
          + "to judge (2 without).\n"
          + "Next: gen rollout --steps 25,50 to bake 25% again, or gen rollout --abort to roll back\n"))
  }

  @Test("an alarm in ALARM fails the canary's intervals")
  func alarmFails() throws {
    let alarms = AWSAnswer.ok(#"{"MetricAlarms": [{"AlarmName": "app-canary-5xx", "StateValue": "ALARM"}]}"#)
    let run = try Self.scenario(metrics: [Self.healthy], alarms: alarms).gen(
      ["rollout", "--steps", "25", "--alarm", "app-canary-5xx"] + Self.fast)
    #expect(run.status == 1)
    #expect(run.output.contains("rolled back at 25%: 2 failed intervals; the last: alarm app-canary-5xx ALARM"))
  }

  @Test("canary-watched: the canary's alarms are read from the stack's outputs, no --alarm needed")
  func watchedStackAlarms() throws {
    let stack = AWSAnswer.stack(
      status: "UPDATE_COMPLETE", extraParameters: [("AlarmMaxErrorRatePercent", "1"), ("AlarmMaxP99Seconds", "0.5")],
      extraOutputs: [
        ("StableErrorRateAlarmName", "watched-stable-5xx-rate"), ("StableLatencyAlarmName", "watched-stable-p99"),
        ("CanaryErrorRateAlarmName", "watched-canary-5xx-rate"), ("CanaryLatencyAlarmName", "watched-canary-p99"),
      ])
    let alarms = AWSAnswer.ok(
      #"{"MetricAlarms": [{"AlarmName": "watched-canary-5xx-rate", "StateValue": "ALARM"}, "#
        + #"{"AlarmName": "watched-canary-p99", "StateValue": "OK"}]}"#)
    let run = try Self.scenario(metrics: [Self.healthy], alarms: alarms, stack: stack).gen(
      ["rollout", "--stack", "canary-watched", "--steps", "25"] + Self.fast)
    #expect(run.status == 1)
    #expect(
      run.output.contains("rolled back at 25%: 2 failed intervals; the last: alarm watched-canary-5xx-rate ALARM"))
    let asked = run.calls.filter { $0.starts(with: ["cloudwatch", "describe-alarms"]) }
    #expect(!asked.isEmpty)
    for call in asked {
      #expect(call.contains("watched-canary-5xx-rate") && call.contains("watched-canary-p99"))
      #expect(!call.contains("watched-stable-5xx-rate"))
    }
  }

  @Test("--probe judges each version's answers from the client side too: a failing canary is rolled back")
  func clientSideProbe() throws {
    let server = try BackgroundProcess([
      "python3", "\(testsDirectory)/Fixtures/split_server.py", "--canary-share", "0.5",
    ])
    defer { server.terminate() }
    let ready = try #require(server.readLine(), "the split server did not start")
    let port = try #require(ready.split(separator: " ").last.map(String.init))
    var scenario = Self.scenario(metrics: [Self.healthy])
    scenario.scenario[0].answers = scenario.scenario[0].answers.map {
      $0.replacing("demo-123.us-east-1.elb.amazonaws.com", with: "127.0.0.1:\(port)")
    }
    let run = try scenario.gen(
      ["rollout", "--steps", "25", "--probe", "40", "--probe-path", "/failing-canary", "--min-requests", "10"]
        + Self.fast)
    #expect(run.status == 1, "\(run.error)")
    #expect(run.output.contains("        probe: canary "))
    #expect(run.output.contains("the last: client-side canary 5xx rate 100% (limit: at most 1%)"))
  }

  @Test("a canary on the stable version's image is refused before anything changes")
  func sameImageRefused() throws {
    let sameImage = AWSAnswer.stack(status: "UPDATE_COMPLETE").replacing("repo/app:2", with: "repo/app:1")
    let run = try FakeAWS(scenario: [("cloudformation describe-stacks", [sameImage])]).gen(["rollout"])
    #expect(
      run.error
        == "gen: rollout: the canary runs the same image as stable (repo/app:1): a rollout would validate nothing. "
        + "Deploy a new canary image first, or pass --allow-same-image to practise the flow\n")
    #expect(run.status == 1)
    #expect(run.operations == ["cloudformation describe-stacks"])
  }

  @Test("--abort rolls back to 100/0 and exits 0")
  func abort() throws {
    let run = try Self.scenario(metrics: [Self.healthy]).gen(["rollout", "--abort"])
    #expect(run.status == 0, "\(run.error)")
    #expect(try Self.updates(run) == ["StableWeight=100 CanaryWeight=0"])
    #expect(run.output.hasSuffix("all traffic back on stable.\n"))
    #expect(!run.output.contains("Step  Canary"))
  }

  @Test("wrong rollout options are refused together, before any aws call")
  func badOptions() throws {
    let unreadable = try FakeAWS(scenario: []).gen(["rollout", "--steps", "5,x", "--bake", "soon"])
    #expect(
      unreadable.error == """
        gen: rollout: 2 options are wrong:
          - --steps takes canary percentages separated by commas, such as 5,25,50,100; got "5,x"
          - --bake takes a time such as 500ms, 30s, 5m or 1m30s; got "soon"

        """)
    let inconsistent = try FakeAWS(scenario: []).gen(["rollout", "--steps", "50,25", "--interval", "45s"])
    #expect(
      inconsistent.error == """
        gen: rollout: 2 options are wrong:
          - --steps takes increasing canary percentages from 1 to 100, such as 5,25,50,100; got 50,25
          - --interval is also the CloudWatch period: 1s, 5s, 10s, 30s or whole minutes; got 45s

        """)
    for run in [unreadable, inconsistent] {
      #expect(run.status == 1)
      #expect(run.calls.isEmpty)
    }
  }

  @Test("promote says what it will do and, with no terminal to ask on, needs --yes")
  func promoteNeedsYes() throws {
    let run = try Self.scenario(metrics: []).gen(["promote"])
    #expect(
      run.output
        == "Promoting stack ecs-canary-demo-stack: the stable version gets the canary's image repo/app:2 (now "
        + "repo/app:1), then all traffic goes to stable (100/0).\n")
    #expect(
      run.error
        == "gen: promote: promoting updates the stable service of stack ecs-canary-demo-stack; there is no terminal "
        + "to confirm on, so rerun with --yes. Nothing was changed\n")
    #expect(!run.operations.contains("cloudformation create-change-set"))
    let yes = try Self.scenario(metrics: []).gen(["promote", "--yes"])
    #expect(yes.status == 0, "\(yes.error)")
    #expect(
      try Self.updates(yes) == [
        "ImageURIStable=repo/app:2 StableWeight=95 CanaryWeight=5", "StableWeight=100 CanaryWeight=0",
      ])
  }
}
