import CloudFormation
import YAML

extension StackOperator {
  /// The stack's state. With a traffic model: the weights from the listener
  /// itself, each target's health and task counts, and with a `window` each
  /// target's requests, 5xx and response times over it from CloudWatch (minute
  /// by minute too when `byMinute`), and the state of `alarms` (and of the alarms
  /// the stack outputs for its tracks); without a traffic model: its outputs.
  public func status(
    traffic: TrafficModel?, window: TimeSpan? = nil, alarms: [String] = [], byMinute: Bool = false
  ) throws -> StackStatusReport {
    let existing = try existingStack()
    guard let traffic else {
      return StackStatusReport(
        stackName: stackName, stackStatus: existing.status, traffic: nil, outputs: existing.outputs)
    }
    let listener = try existing.output(traffic.listener.listenerARN).map(describeListener)
    let weights = traffic.targets.map { target in
      existing.output(target.targetGroupOutput).flatMap { arn in
        listener?.weights.first(where: { $0.targetGroupARN == arn })?.weight
      }
    }
    let weightParameters: [String?] =
      switch traffic {
      case .weighted(let weighted): weighted.tracks.map(\.weightParameter)
      case .switched(let switched): switched.targets.map { _ in switched.parameter }
      }
    var tracks = zip(traffic.targets, weightParameters).map { target, parameter in
      StackStatusReport.Track(
        role: target.name, targetGroupARN: existing.output(target.targetGroupOutput),
        serviceName: existing.output(target.serviceNameOutput),
        parameterWeight: parameterWeight(of: target, parameter: parameter, traffic: traffic, in: existing))
    }
    for index in tracks.indices { tracks[index].weight = weights[index] }
    for index in tracks.indices {
      guard let arn = tracks[index].targetGroupARN else { continue }
      let health = try aws.json(["elbv2", "describe-target-health", "--target-group-arn", arn])
      let states = (health["TargetHealthDescriptions"]?.elements ?? []).map { $0["TargetHealth"]?["State"]?.text }
      tracks[index].targets = states.count
      tracks[index].healthyTargets = states.filter { $0 == "healthy" }.count
    }
    let services = tracks.compactMap(\.serviceName)
    if let cluster = existing.output(traffic.listener.cluster), !services.isEmpty {
      let answer = try aws.json(["ecs", "describe-services", "--cluster", cluster, "--services"] + services)
      for service in answer["services"]?.elements ?? [] {
        guard let name = service["serviceName"]?.text, let index = tracks.firstIndex(where: { $0.serviceName == name })
        else { continue }
        tracks[index].runningTasks = service["runningCount"]?.integerValue
        tracks[index].desiredTasks = service["desiredCount"]?.integerValue
      }
    }
    if let window, let listener {
      let groups = tracks.compactMap(\.targetGroupARN)
      if groups.count == tracks.count {
        let metrics = LoadBalancerMetricsReader(
          aws: aws, loadBalancerARN: listener.loadBalancerARN, targetGroupARNs: groups)
        let end = (WallClock.now() / 60).rounded(.down) * 60
        let start = end - window.seconds
        let health = try metrics.health(from: start, to: end, period: Int(window.seconds))
        let minutes = byMinute ? try metrics.series(from: start, to: end, period: 60) : []
        for index in tracks.indices {
          tracks[index].health = health[index]
          if byMinute { tracks[index].healthByMinute = minutes[index] }
        }
      }
    }
    let trackAlarms: [OutputName] =
      switch traffic {
      case .weighted(let weighted): weighted.tracks.flatMap(\.alarmOutputs)
      case .switched: []
      }
    let alarmNames = alarms + trackAlarms.compactMap { existing.output($0) }
    return StackStatusReport(
      stackName: stackName, stackStatus: existing.status,
      traffic: .init(
        loadBalancerDNS: existing.output(traffic.listener.loadBalancerDNS), tracks: tracks, window: window,
        alarms: try alarmStates(alarmNames)))
  }

  /// Each alarm's state, in the order named; `MISSING` for one CloudWatch does not know.
  func alarmStates(_ names: [String]) throws -> [StackStatusReport.Alarm] {
    guard !names.isEmpty else { return [] }
    let answer = try aws.json(["cloudwatch", "describe-alarms", "--alarm-names"] + names)
    let found = (answer["MetricAlarms"]?.elements ?? []) + (answer["CompositeAlarms"]?.elements ?? [])
    return names.map { name in
      StackStatusReport.Alarm(
        name: name,
        state: found.first(where: { $0["AlarmName"]?.text == name })?["StateValue"]?.text ?? "MISSING")
    }
  }

  /// The weight the stack's parameters give `target`: its weight parameter, or
  /// 100 when the switch parameter names it and 0 otherwise.
  private func parameterWeight(
    of target: TrafficTarget, parameter: String?, traffic: TrafficModel, in existing: DeployedStack
  ) -> Int? {
    guard let parameter, let value = existing.parameter(parameter) else { return nil }
    switch traffic {
    case .weighted: return Int(value)
    case .switched: return value == target.name ? 100 : 0
    }
  }
}
