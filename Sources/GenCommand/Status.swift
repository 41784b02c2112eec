import ArgumentParser
import Deploy

/// `gen status [STACK]`: the stack's status, and what its traffic model shows.
struct Status: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show a stack's status: with a traffic model, its load balancer and per version its weight, "
      + "healthy targets and tasks; otherwise its outputs.")

  @Argument(help: "The stack, as `gen list` names it; default: the default stack.")
  var stack: String?

  @OptionGroup var stackOptions: StackOptions

  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    try reportingDeployErrors(command: "status") {
      let definition = try Gen.stack(named: stack)
      let report = try stackOptions.stackOperator(for: definition).status(traffic: definition.traffic)
      let text = json ? try report.json() : report.text
      try reporting { try OutputFile.writeToStandardOutput(text) }
    }
  }
}

/// `gen delete [STACK]`: delete the stack and wait until it is gone.
struct Delete: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Delete a stack and all its resources, following its progress.",
    discussion: "On a terminal gen asks first; --yes skips the question and is required elsewhere.")

  @Argument(help: "The stack, as `gen list` names it; default: the default stack.")
  var stack: String?

  @OptionGroup var stackOptions: StackOptions

  @Flag(help: "Do not ask before deleting.") var yes = false

  func run() throws {
    try reportingDeployErrors(command: "delete") {
      try stackOptions.stackOperator(for: try Gen.stack(named: stack)).delete(assumeYes: yes)
    }
  }
}
