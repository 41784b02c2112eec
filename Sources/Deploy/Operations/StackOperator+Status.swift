import YAML

extension StackOperator {
  /// The stack's state. With a traffic model: the weights from the listener
  /// itself, each target's health and task counts; without: its outputs.
  public func status(traffic: TrafficModel?) throws -> StackStatusReport {
    let existing = try existingStack()
    guard let traffic else {
      return StackStatusReport(
        stackName: stackName, stackStatus: existing.status, traffic: nil, outputs: existing.outputs)
    }
    let weights = try targetWeights(of: existing, traffic: traffic)
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
    return StackStatusReport(
      stackName: stackName, stackStatus: existing.status,
      traffic: .init(loadBalancerDNS: existing.output(traffic.listener.loadBalancerDNS), tracks: tracks))
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
