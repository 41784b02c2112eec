import ArgumentParser
import Deploy

/// `gen set-weights STABLE CANARY`: shift traffic through a stack update of the weights only.
struct SetWeights: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set-weights",
    abstract: "Set the listener weights (whole numbers 0-100 adding up to 100) through a stack update.",
    discussion: "Only the weight parameters change: the deployed template and every other parameter stay as they are.")

  @OptionGroup var options: TrafficOptions

  @Argument(help: ArgumentHelp("One weight per track, such as 75 25 for stable and canary.", valueName: "weight"))
  var weights: [String] = []

  func run() throws {
    try reportingDeployErrors(command: "set-weights") {
      let target = try options.target(for: .setWeights)
      guard case .weighted(let weighted) = target.traffic else {
        throw DeployError("stack \(target.definition.name) has no weights to set")
      }
      let parsed = try TrafficWeights.parse(
        weights, roles: weighted.roles, command: "set-weights",
        example: "for example `gen set-weights \(Self.example(weighted.tracks.count))`")
      try target.deployer.setWeights(parsed, traffic: weighted, capabilities: target.capabilities)
    }
  }

  /// `75 25`, or `50 25 25` for three tracks.
  static func example(_ count: Int) -> String {
    count == 2
      ? "75 25"
      : ([100 - 25 * (count - 1)] + Array(repeating: 25, count: count - 1)).map(String.init)
        .joined(separator: " ")
  }
}

/// `gen rollback`: all traffic back to the first track.
struct Rollback: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Send all traffic to the stable version (weights 100/0) through a stack update.")

  @OptionGroup var options: TrafficOptions

  func run() throws {
    try reportingDeployErrors(command: "rollback") {
      let target = try options.target(for: .rollback)
      guard case .weighted(let weighted) = target.traffic else {
        throw DeployError("stack \(target.definition.name) has no weights to set")
      }
      try target.deployer.rollback(traffic: weighted, capabilities: target.capabilities)
    }
  }
}
