import ArgumentParser
import Deploy

/// Which stack a traffic command steers, and where it lives.
struct TrafficOptions: ParsableArguments {
  @Option(
    help: """
      The stack, as `gen list` names it; default: the default stack if it supports the command, \
      else the only stack that does.
      """)
  var stack: String?

  @OptionGroup var stackOptions: StackOptions

  /// A traffic command's stack, its model and operator, and the capabilities
  /// its template needs: checked against the Swift stack before any AWS call.
  struct Target {
    var definition: StackDefinition
    var traffic: TrafficModel
    var deployer: StackOperator
    var capabilities: [Capability]
  }

  /// How to run `command` again for this stack: `gen rollout`, with `--stack`
  /// and `--stack-name` when they were needed to get here.
  func command(_ command: String, for target: Target) -> String {
    var line = "gen \(command)"
    if let stack { line += " --stack \(stack)" }
    if target.deployer.stackName != target.definition.defaultStackName {
      line += " --stack-name \(target.deployer.stackName)"
    }
    return line
  }

  func target(for command: TrafficCommand) throws -> Target {
    let (definition, traffic) = try Gen.trafficStack(for: command, named: stack)
    let document = try definition.document()
    let problems = traffic.problems(in: document)
    guard problems.isEmpty else {
      throw DeployError(
        "the traffic model of stack \(definition.name) does not fit its template: " + problems.joined(separator: "; "))
    }
    return Target(
      definition: definition, traffic: traffic, deployer: try stackOptions.stackOperator(for: definition),
      capabilities: capabilities(of: document, settings: definition.deployment))
  }
}
