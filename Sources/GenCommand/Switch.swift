import ArgumentParser
import Deploy

/// `gen switch green`: all traffic to one target through a stack update of the switch parameter only.
struct Switch: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "switch",
    abstract: "Send all traffic to one version (blue/green: its colour) through a stack update.",
    discussion: """
      Only the switch parameter changes (ActiveColor for blue/green): the deployed template and every other \
      parameter stay as they are, and the update is refused if it would add, remove or replace anything.
      """)

  @OptionGroup var options: TrafficOptions

  @Argument(help: ArgumentHelp("The version to send all traffic to, such as green.", valueName: "target"))
  var choice: String

  func run() throws {
    try reportingDeployErrors(command: "switch") {
      let target = try options.target(for: .switchTraffic)
      guard case .switched(let switched) = target.traffic else {
        throw DeployError("stack \(target.definition.name) has no switch")
      }
      guard switched.choices.contains(choice) else {
        throw DeployError(
          "switch takes one of \(switched.choices.joined(separator: ", ")); got \"\(choice)\" "
            + "(for example `gen switch \(switched.choices.last!)`)")
      }
      try target.deployer.switchTraffic(to: choice, traffic: switched, capabilities: target.capabilities)
    }
  }
}
