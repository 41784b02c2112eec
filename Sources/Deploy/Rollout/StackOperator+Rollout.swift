import YAML

extension StackOperator {
  /// Moves the canary through `plan`'s steps, judging it every interval while
  /// each step bakes (``CanaryAnalysis``), and ends promoted, rolled back, held,
  /// paused or interrupted (``RolloutReport/Outcome``). It continues from the
  /// weights the listener has now: the steps above the canary's current share.
  /// `command` is how the person runs `gen rollout` for this stack, for the
  /// commands it prints.
  public func rollout(
    _ plan: RolloutPlan, traffic: WeightedTraffic, capabilities: [Capability], command: String
  ) throws -> RolloutReport {
    guard traffic.tracks.count == 2 else {
      throw DeployError("gen rollout needs exactly two tracks, the stable one first and the canary")
    }
    let (stable, canary) = (traffic.tracks[0], traffic.tracks[1])
    let existing = try existingStack()
    try checkNotBusy(existing)
    if !plan.allowSameImage, let stableImage = stable.imageParameter, let canaryImage = canary.imageParameter,
      let image = existing.parameter(stableImage), image == existing.parameter(canaryImage),
      image != ParameterValue.maskedValue
    {
      throw DeployError(
        "the \(canary.role) runs the same image as \(stable.role) (\(image)): a rollout would validate nothing. "
          + "Deploy a new \(canary.role) image first, or pass --allow-same-image to practise the flow")
    }
    guard let listenerARN = existing.output(traffic.listener.listenerARN),
      let stableGroup = existing.output(stable.target.targetGroupOutput),
      let canaryGroup = existing.output(canary.target.targetGroupOutput)
    else {
      throw DeployError(
        "stack \(stackName) lacks the outputs \(traffic.listener.listenerARN), \(stable.target.targetGroupOutput) "
          + "or \(canary.target.targetGroupOutput); deploy the template with `gen deploy` first")
    }
    let listener = try describeListener(listenerARN)
    guard let canaryWeight = listener.weights.first(where: { $0.targetGroupARN == canaryGroup })?.weight else {
      throw DeployError("the listener of stack \(stackName) does not forward to the \(canary.role) target group")
    }
    let alarms = plan.alarms + canary.alarmOutputs.compactMap { existing.output($0) }
    let metrics = LoadBalancerMetricsReader(
      aws: aws, loadBalancerARN: listener.loadBalancerARN, targetGroupARNs: [stableGroup, canaryGroup])
    let analysis = CanaryAnalysis(thresholds: plan.thresholds)
    let probeURL = try plan.probeRequests.map { _ in
      guard let dns = existing.output(traffic.listener.loadBalancerDNS) else {
        throw DeployError("stack \(stackName) has no \(traffic.listener.loadBalancerDNS) output to probe")
      }
      return "http://\(dns)\(plan.probePath)"
    }
    let remaining = plan.remainingSteps(from: canaryWeight)
    console.write(
      "Rolling out stack \(stackName): \(canary.role) at \(canaryWeight)% now; steps "
        + (remaining.isEmpty ? "done" : remaining.map { "\($0)%" }.joined(separator: ", "))
        + "; each bakes \(plan.bake), judged every \(plan.interval)"
        + (alarms.isEmpty ? "" : "; alarms: \(alarms.joined(separator: ", "))") + ".\n")
    Interruption.catchInterrupts()
    defer { Interruption.restoreDefault() }
    var steps: [RolloutReport.Step] = []
    func report(_ outcome: RolloutReport.Outcome, next: String? = nil) -> RolloutReport {
      RolloutReport(stackName: stackName, steps: steps, outcome: outcome, next: next)
    }
    func remainingCommand(from step: Int) -> String {
      "\(command) --steps " + plan.steps.filter { $0 >= step }.map(String.init).joined(separator: ",")
    }
    for step in remaining {
      // The step's place in --steps, which a rerun keeps: 50% is step 2 of 5,25,50,100 either way.
      let number = plan.steps.firstIndex(of: step)! + 1
      guard !Interruption.wasRequested else {
        return report(.interrupted, next: "\(command) to go on, or \(command) --abort to roll back")
      }
      try setWeights(
        [100 - step, step], traffic: traffic, capabilities: capabilities,
        intro: "Step \(number) of \(plan.steps.count): \(canary.role) to \(step)%.")
      var tally = BakeTally()
      var canaryTotal = TrackHealth.empty
      var stableTotal = TrackHealth.empty
      func recordStep(_ result: RolloutReport.StepResult) {
        steps.append(
          .init(
            number: number, canaryPercent: step, tally: tally, canary: canaryTotal, stable: stableTotal,
            result: result))
      }
      let start = WallClock.now()
      let intervals = max(1, Int((plan.bake.seconds / plan.interval.seconds).rounded(.down)))
      for index in 1...intervals {
        guard Interruption.sleep(until: start + Double(index) * plan.interval.seconds) else {
          recordStep(.interrupted)
          return report(
            .interrupted,
            next: "\(remainingCommand(from: step)) to bake \(step)% again and go on, or \(command) --abort")
        }
        let period = Int(plan.interval.seconds)
        let end = ((WallClock.now() - plan.metricsLag.seconds) / Double(period)).rounded(.down) * Double(period)
        let health = try metrics.health(from: end - Double(period), to: end, period: period)
        let inAlarm = try alarmsInAlarm(alarms)
        var verdict = analysis.judge(canary: health[1], stable: health[0], alarmsInAlarm: inAlarm)
        var probeLine = ""
        if let probeURL, let requests = plan.probeRequests {
          let probe = try ClientProbe.measure(
            url: probeURL, requests: requests, timeoutSeconds: 5, roles: traffic.roles)
          verdict = verdict.adding(clientSide: analysis.judge(canary: probe.health[1], stable: probe.health[0]))
          probeLine = Self.probeLine(probe)
        }
        tally.record(verdict)
        canaryTotal = canaryTotal.adding(health[1])
        stableTotal = stableTotal.adding(health[0])
        console.write(
          Self.intervalLine(step: step, index: index, of: intervals, health: health, verdict: verdict) + probeLine)
        if tally.hasFailed(failureLimit: plan.failureLimit) {
          recordStep(.failed)
          try rollback(traffic: traffic, capabilities: capabilities)
          return report(
            .rolledBack(
              reason: "\(tally.failed) failed intervals; the last: "
                + tally.lastFailures.map(\.description).joined(separator: "; ")))
        }
      }
      guard tally.endedConclusively else {
        recordStep(.inconclusive)
        let reason = "no interval at \(step)% had enough data to judge (\(tally.inconclusive) without)"
        switch plan.onInconclusive {
        case .hold:
          return report(
            .held(reason: reason),
            next: "\(remainingCommand(from: step)) to bake \(step)% again, or \(command) --abort to roll back")
        case .rollback:
          try rollback(traffic: traffic, capabilities: capabilities)
          return report(.rolledBack(reason: reason))
        case .continue:
          console.write("Going on despite: \(reason) (--on-inconclusive continue).\n")
          continue
        }
      }
      recordStep(.passed)
      if step == plan.pauseAt, step != remaining.last {
        return report(.paused, next: "\(command) to go on, or \(command) --abort to roll back")
      }
    }
    try promote(traffic: traffic, capabilities: capabilities, assumeYes: true)
    return report(.promoted)
  }

  /// The listener's load balancer and the weight of each target group it forwards to.
  func describeListener(_ listenerARN: String) throws -> (
    loadBalancerARN: String, weights: [(targetGroupARN: String, weight: Int)]
  ) {
    let answer = try aws.json(["elbv2", "describe-listeners", "--listener-arns", listenerARN])
    guard let loadBalancer = answer["Listeners"]?.elements.first?["LoadBalancerArn"]?.text else {
      throw DeployError("aws elbv2 describe-listeners gave no LoadBalancerArn for \(listenerARN)")
    }
    return (loadBalancer, Self.forwardWeights(answer))
  }

  /// The names among `alarms` that are in `ALARM`.
  func alarmsInAlarm(_ alarms: [String]) throws -> [String] {
    try alarmStates(alarms).filter { $0.state == "ALARM" }.map(\.name)
  }

  /// `  25%  2/4  canary 120 req, 0.8% 5xx, p99 210ms | stable 380 req, 0.3% 5xx, p99 190ms  passed`.
  static func intervalLine(step: Int, index: Int, of count: Int, health: [TrackHealth], verdict: IntervalVerdict)
    -> String
  {
    func describe(_ health: TrackHealth) -> String {
      "\(HealthText.count(health.requests)) req, \(HealthText.percent(health.errorRate)) 5xx, "
        + "p99 \(HealthText.latency(health.p99))"
    }
    let result: String
    switch verdict {
    case .passed: result = "passed"
    case .failed(let failures): result = "failed: " + failures.map(\.description).joined(separator: "; ")
    case .inconclusive(let reason): result = "no data: \(reason)"
    }
    return "  \(step)%  \(index)/\(count)  canary \(describe(health[1])) | stable \(describe(health[0]))  \(result)\n"
  }
}

extension StackOperator {
  /// `        probe: canary 48 answers, 0 5xx, p99 35ms | stable 150 answers, 0 5xx, p99 30ms; 2 unattributed`.
  static func probeLine(_ probe: ClientProbe) -> String {
    func describe(_ health: TrackHealth) -> String {
      "\(HealthText.count(health.requests)) answers, \(HealthText.count(health.errors)) 5xx, "
        + "p99 \(HealthText.latency(health.p99))"
    }
    return "        probe: canary \(describe(probe.health[1])) | stable \(describe(probe.health[0]))"
      + (probe.unattributed > 0 ? "; \(probe.unattributed) naming no version" : "") + "\n"
  }
}

extension IntervalVerdict {
  /// The load balancer's verdict with the client side's: a limit the client
  /// side breaks fails the interval too (named `client-side …`); the client side
  /// alone never turns an interval without data into a passed one.
  func adding(clientSide: IntervalVerdict) -> IntervalVerdict {
    guard case .failed(let clientFailures) = clientSide else { return self }
    let named = clientFailures.map {
      CheckFailure(metric: "client-side \($0.metric)", value: $0.value, threshold: $0.threshold)
    }
    if case .failed(let failures) = self { return .failed(failures + named) }
    return .failed(named)
  }
}

extension TrackHealth {
  /// Two spans added up: counts summed, percentiles the higher.
  func adding(_ other: TrackHealth) -> TrackHealth {
    TrackHealth(
      requests: requests + other.requests, errors: errors + other.errors,
      p50: [p50, other.p50].compactMap { $0 }.max(),
      p99: [p99, other.p99].compactMap { $0 }.max())
  }
}
