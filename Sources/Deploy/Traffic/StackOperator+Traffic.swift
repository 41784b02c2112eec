import YAML

extension StackOperator {
  /// Changes only the listener weights, one per track: a stack update of the
  /// weight parameters with the deployed template and every other parameter as
  /// deployed, refused if the change set would add, remove or replace anything.
  public func setWeights(
    _ weights: [Int], traffic: WeightedTraffic, capabilities: [Capability], intro: String? = nil
  ) throws {
    guard weights.count == traffic.tracks.count else {
      throw DeployError("expected \(traffic.tracks.count) weights, got \(weights.count)")
    }
    let existing = try existingStack()
    try checkNotBusy(existing)
    var changes: [String] = []
    for (track, weight) in zip(traffic.tracks, weights) {
      let old = try deployedValue(of: track.weightParameter, in: existing)
      changes.append("\(track.role) \(old) → \(weight)")
    }
    if let intro { console.write(intro + "\n") }
    guard zip(traffic.tracks, weights).contains(where: { existing.parameter($0.weightParameter) != String($1) }) else {
      console.write(
        "The weights of stack \(stackName) are already "
          + zip(traffic.tracks, weights).map { "\($0.role) \($1)" }.joined(separator: ", ") + "; nothing to change.\n")
      return
    }
    console.write(
      "Changing only the traffic weights of stack \(stackName): \(changes.joined(separator: ", ")). "
        + "Same template, other parameters as deployed.\n")
    let newValues = zip(traffic.tracks, weights).map { (logicalID: $0.weightParameter, value: String($1)) }
    _ = try run(
      ChangeSetPlan(
        type: .update, namePrefix: "gen-weights", template: ["--use-previous-template"],
        values: Self.values(existing, changing: newValues), capabilities: capabilities, tags: [],
        review: .trafficOnly(action: "changing the weights", then: "set the weights")))
  }

  /// Sends all traffic back to the first track (`stable`: 100/0).
  public func rollback(traffic: WeightedTraffic, capabilities: [Capability]) throws {
    let weights = [100] + Array(repeating: 0, count: traffic.tracks.count - 1)
    try setWeights(
      weights, traffic: traffic, capabilities: capabilities,
      intro: "Rolling back: all traffic to \(traffic.roles[0]), none to "
        + traffic.roles.dropFirst().joined(separator: ", ") + ".")
  }

  /// Sends all traffic to `choice` (`green`): a stack update of the switch
  /// parameter only, refused like ``setWeights(_:traffic:capabilities:intro:)``
  /// if the change set would add, remove or replace anything.
  public func switchTraffic(to choice: String, traffic: SwitchedTraffic, capabilities: [Capability]) throws {
    guard traffic.choices.contains(choice) else {
      throw DeployError(
        "switch takes one of \(traffic.choices.joined(separator: ", ")); got \"\(choice)\"")
    }
    let existing = try existingStack()
    try checkNotBusy(existing)
    let old = try deployedValue(of: traffic.parameter, in: existing)
    guard old != choice else {
      console.write("Stack \(stackName) already sends all traffic to \(choice); nothing to change.\n")
      return
    }
    console.write(
      "Switching all traffic of stack \(stackName) to \(choice): \(traffic.parameter) \(old) → \(choice). "
        + "Same template, other parameters as deployed.\n")
    _ = try run(
      ChangeSetPlan(
        type: .update, namePrefix: "gen-switch", template: ["--use-previous-template"],
        values: Self.values(existing, changing: [(traffic.parameter, choice)]), capabilities: capabilities,
        tags: [], review: .trafficOnly(action: "switching to \(choice)", then: "switch")))
  }

  /// Each target's weight as the listener applies it (nil where the stack has no
  /// listener or target group output yet, or the listener does not forward to it).
  public func targetWeights(of existing: DeployedStack, traffic: TrafficModel) throws -> [Int?] {
    guard let listener = existing.output(traffic.listener.listenerARN) else {
      return Array(repeating: nil, count: traffic.targets.count)
    }
    let weights = try listenerWeights(listenerARN: listener)
    return traffic.targets.map { target in
      existing.output(target.targetGroupOutput).flatMap { arn in
        weights.first(where: { $0.targetGroupARN == arn })?.weight
      }
    }
  }

  /// The weights the listener's default forward action gives each target group.
  public func listenerWeights(listenerARN: String) throws -> [(targetGroupARN: String, weight: Int)] {
    Self.forwardWeights(try aws.json(["elbv2", "describe-listeners", "--listener-arns", listenerARN]))
  }

  /// The weights in a `describe-listeners` answer.
  static func forwardWeights(_ answer: YAMLNode) -> [(targetGroupARN: String, weight: Int)] {
    guard let action = answer["Listeners"]?.elements.first?["DefaultActions"]?.elements.first else { return [] }
    if let groups = action["ForwardConfig"]?["TargetGroups"]?.elements, !groups.isEmpty {
      return groups.compactMap { group in
        guard let arn = group["TargetGroupArn"]?.text else { return nil }
        return (targetGroupARN: arn, weight: group["Weight"]?.integerValue ?? 1)
      }
    }
    if let arn = action["TargetGroupArn"]?.text { return [(targetGroupARN: arn, weight: 100)] }
    return []
  }

  private func deployedValue(of parameter: String, in existing: DeployedStack) throws -> String {
    guard let value = existing.parameter(parameter) else {
      throw DeployError(
        "stack \(stackName) has no parameter \(parameter); was it deployed from another template?")
    }
    return value
  }

  /// Every deployed parameter explicitly, with `changes` applied; a `NoEcho` one
  /// (shown masked) keeps its hidden value through `UsePreviousValue`.
  static func values(_ existing: DeployedStack, changing changes: [(logicalID: String, value: String)])
    -> [ParameterValue]
  {
    existing.parameters.map { parameter in
      if let change = changes.first(where: { $0.logicalID == parameter.logicalID }) {
        return ParameterValue(parameter.logicalID, change.value)
      }
      return parameter.value == ParameterValue.maskedValue
        ? ParameterValue(parameter.logicalID, "", usePreviousValue: true) : parameter
    }
  }
}
