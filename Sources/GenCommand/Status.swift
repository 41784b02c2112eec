import ArgumentParser
import Deploy

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `gen status [STACK]`: the stack's status, and what its traffic model shows.
struct Status: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show a stack's status: with a traffic model, its load balancer and per version its weight, "
      + "healthy targets, tasks, requests, 5xx and response times; otherwise its outputs.")

  @Argument(help: "The stack, as `gen list` names it; default: the default stack.")
  var stack: String?

  @OptionGroup var stackOptions: StackOptions

  @Flag(help: "Print JSON for scripts.") var json = false

  @Option(help: "With a traffic model: each version's requests, 5xx and p50/p99 over this span (whole minutes).")
  var window = "5m"

  @Option(help: ArgumentHelp("Also show this CloudWatch alarm's state (repeatable).", valueName: "name"))
  var alarm: [String] = []

  func run() throws {
    try reportingDeployErrors(command: "status") {
      guard let span = TimeSpan(window), span.seconds >= 60, span.seconds.truncatingRemainder(dividingBy: 60) == 0
      else {
        throw DeployError("--window takes whole minutes, such as 5m or 1h; got \"\(window)\"")
      }
      let definition = try Gen.stack(named: stack)
      let terminal = isatty(STDOUT_FILENO) == 1
      let report = try stackOptions.stackOperator(for: definition).status(
        traffic: definition.traffic, window: span, alarms: alarm, byMinute: terminal && !json)
      let text = json ? try report.json() : report.text(sparklines: terminal)
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
