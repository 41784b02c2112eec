import ArgumentParser
import Deploy

/// `gen set-weights STABLE CANARY`: shift traffic through a stack update of the weights only.
struct SetWeights: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set-weights",
    abstract: "Set the listener weights (whole numbers 0-100 adding up to 100) through a stack update.",
    discussion: "Only the weight parameters change: the deployed template and every other parameter stay as they are.")

  @OptionGroup var stackOptions: StackOptions

  @Argument(help: ArgumentHelp("The stable and canary weights, such as 75 25.", valueName: "weight"))
  var weights: [String] = []

  func run() throws {
    try reportingDeployErrors(command: "set-weights") {
      guard let stack = Gen.deployment else { throw DeployError("this gen has no deployable stack") }
      let parsed = try TrafficWeights.parse(
        weights, roles: stack.tracks.map(\.role), command: "set-weights",
        example: "for example `gen set-weights 75 25`")
      try stackOptions.stackOperator().setWeights(parsed)
    }
  }
}

/// `gen rollback`: all traffic back to the stable track.
struct Rollback: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Send all traffic to the stable version (weights 100/0) through a stack update.")

  @OptionGroup var stackOptions: StackOptions

  func run() throws {
    try reportingDeployErrors(command: "rollback") { try stackOptions.stackOperator().rollback() }
  }
}

/// `gen delete`: delete the stack and wait until it is gone.
struct Delete: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Delete the stack and all its resources, following its progress.",
    discussion: "On a terminal gen asks first; --yes skips the question and is required elsewhere.")

  @OptionGroup var stackOptions: StackOptions

  @Flag(help: "Do not ask before deleting.") var yes = false

  func run() throws {
    try reportingDeployErrors(command: "delete") { try stackOptions.stackOperator().delete(assumeYes: yes) }
  }
}

/// `gen status`: the stack, its load balancer, weights, target health and tasks.
struct Status: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show the stack's status, load balancer, and per track its weight, healthy targets and tasks.")

  @OptionGroup var stackOptions: StackOptions

  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    try reportingDeployErrors(command: "status") {
      let report = try stackOptions.stackOperator().status()
      let text = json ? try report.json() : report.text
      try reporting { try OutputFile.writeToStandardOutput(text) }
    }
  }
}
