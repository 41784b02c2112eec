import YAML

extension StackOperator {
  /// Finishes a canary: the stable version gets the canary's image (a stack
  /// update of its image parameter, everything else as deployed), the stable
  /// service's deployment is waited for (one deployment, running = desired),
  /// then all traffic goes to stable (100/0). Says what it will do and asks on a
  /// terminal unless `assumeYes`; elsewhere `assumeYes` is required.
  public func promote(traffic: WeightedTraffic, capabilities: [Capability], assumeYes: Bool) throws {
    guard traffic.tracks.count == 2, let stableImage = traffic.tracks[0].imageParameter,
      let canaryImage = traffic.tracks[1].imageParameter
    else {
      throw DeployError(
        "promoting needs two tracks, stable and canary, each with an image parameter in the stack's traffic model")
    }
    let existing = try existingStack()
    try checkNotBusy(existing)
    guard let old = existing.parameter(stableImage), let new = existing.parameter(canaryImage) else {
      throw DeployError(
        "stack \(stackName) has no parameter \(stableImage) or \(canaryImage); was it deployed from another template?")
    }
    guard new != ParameterValue.maskedValue else {
      throw DeployError("the canary's image parameter \(canaryImage) is NoEcho; gen cannot read the image to promote")
    }
    let roles = traffic.roles
    let plan =
      old == new
      ? "the \(roles[0]) version already runs the \(roles[1])'s image \(new); all traffic goes to \(roles[0]) (100/0)."
      : "the \(roles[0]) version gets the \(roles[1])'s image \(new) (now \(old)), then all traffic goes to "
        + "\(roles[0]) (100/0)."
    console.write("Promoting stack \(stackName): \(plan)\n")
    try console.requireYes(
      "Promote stack \(stackName)?", assumeYes: assumeYes,
      offTerminal: "promoting updates the \(roles[0]) service of stack \(stackName); there is no terminal to confirm "
        + "on, so rerun with --yes. Nothing was changed",
      declined: "not promoted; nothing was changed")
    if old != new {
      _ = try run(
        ChangeSetPlan(
          type: .update, namePrefix: "gen-promote", template: ["--use-previous-template"],
          values: Self.values(existing, changing: [(stableImage, new)]), capabilities: capabilities, tags: [],
          review: .confirmDestructive(assumeYes: true)))
      try waitForDeployment(of: traffic.tracks[0].target, listener: traffic.listener)
    }
    try setWeights(
      [100] + Array(repeating: 0, count: traffic.tracks.count - 1), traffic: traffic, capabilities: capabilities,
      intro: "All traffic to \(roles[0]), which now runs \(new).")
  }

  /// Waits until `target`'s ECS service has one deployment and all its tasks
  /// running; gives up after `timeout` seconds, traffic unchanged.
  func waitForDeployment(of target: TrafficTarget, listener: ListenerOutputs, timeout: Double = 1800) throws {
    let deadline = WallClock.now() + timeout
    let stack = try existingStack()
    guard let cluster = stack.output(listener.cluster), let service = stack.output(target.serviceNameOutput) else {
      throw DeployError(
        "stack \(stackName) has no \(listener.cluster) or \(target.serviceNameOutput) output; "
          + "cannot follow the \(target.name) service's deployment")
    }
    var last = ""
    while true {
      let answer = try aws.json(["ecs", "describe-services", "--cluster", cluster, "--services", service])
      guard let description = answer["services"]?.elements.first else {
        throw DeployError("ECS does not know the service \(service) in cluster \(cluster)")
      }
      let deployments = description["deployments"]?.elements.count ?? 0
      let running = description["runningCount"]?.integerValue ?? 0
      let desired = description["desiredCount"]?.integerValue ?? 0
      if deployments == 1, running == desired {
        console.write("Service \(service) runs \(running) of \(desired) tasks, one deployment: done.\n")
        return
      }
      let state = "Service \(service): \(running) of \(desired) tasks running, \(deployments) deployments"
      guard WallClock.now() < deadline else {
        throw DeployError(
          "\(state) after \(TimeSpan(seconds: timeout)); traffic is unchanged. Check the service's events "
            + "(aws ecs describe-services), then run `gen promote` again")
      }
      if state != last { console.write(state + "; waiting.\n") }
      last = state
      WallClock.sleep(seconds: pollInterval)
    }
  }
}
