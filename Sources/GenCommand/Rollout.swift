import ArgumentParser
import Deploy

/// `gen rollout`: step the canary up, judging it as it bakes; promote or roll back.
struct Rollout: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Move the canary through weight steps, judging it from the load balancer's metrics; promote or roll back.",
    discussion: """
      Each step is a set-weights stack update; the step bakes for --bake, and every --interval the canary's \
      5xx rate and p99 are judged against fixed limits and against the stable version over the same interval \
      (both needing --min-requests), and any --alarm (and any alarm the stack outputs for the canary) must not \
      be in ALARM. --failures failed intervals at a step roll back to 100/0 (exit 1). A bake without a passed \
      interval holds (exit 3) unless --on-inconclusive says otherwise. After the last step, the stable version \
      gets the canary's image (gen promote). Run again to continue from the listener's weights; --abort rolls \
      back (exit 0). Ctrl-C leaves the weights as they are (exit 130).
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
  }

  @OptionGroup var options: TrafficOptions

  @Option(help: "Canary percentages to step through.") var steps = "5,25,50,100"
  @Option(help: "How long each step bakes (such as 5m, 30s).") var bake = "5m"
  @Option(help: "How often the canary is judged; also the CloudWatch period (1s, 5s, 10s, 30s or whole minutes).")
  var interval = "1m"
  @Option(help: "The canary's largest 5xx rate, percent.") var maxErrorRate: Double = 1
  @Option(help: "The canary's largest p99 response time.") var maxP99 = "500ms"
  @Option(help: "How far the canary's 5xx rate may exceed stable's, percentage points.")
  var maxErrorRateIncrease: Double = 0.5
  @Option(help: "How many times stable's p99 the canary's may be.") var maxP99Ratio: Double = 1.5
  @Option(help: "Requests a version needs in an interval for its rates to count.") var minRequests = 50
  @Option(
    help: ArgumentHelp("A CloudWatch alarm that fails an interval when in ALARM (repeatable).", valueName: "name"))
  var alarm: [String] = []
  @Option(
    help: ArgumentHelp(
      "Also send N requests through the load balancer each interval, judging each version's answers too.",
      valueName: "N"))
  var probe: Int?
  @Option(help: "The path --probe requests.") var probePath = "/whoami"
  @Option(help: "Failed intervals at one step that roll back.") var failures = 2
  @Option(help: "When a bake ends without a passed interval: hold (exit 3), continue or rollback.")
  var onInconclusive: RolloutPlan.InconclusiveAction = .hold
  @Option(help: ArgumentHelp("Stop once this step has baked, for a person.", valueName: "percent")) var pauseAt: Int?
  @Option(help: "How late CloudWatch publishes: each judged interval ends this long ago.") var metricsLag = "1m"
  @Flag(help: "Roll back to 100/0 and stop.") var abort = false
  @Flag(help: "Roll out even when the canary runs the stable version's image.") var allowSameImage = false
  @Option(help: "The final report: text, json or markdown (progress then goes to stderr).") var format: Format = .text

  /// The plan from the options, or every problem with them.
  func plan() throws -> RolloutPlan {
    var problems: [String] = []
    func span(_ text: String, _ option: String) -> TimeSpan {
      guard let span = TimeSpan(text) else {
        problems.append("--\(option) takes a time such as 500ms, 30s, 5m or 1m30s; got \"\(text)\"")
        return TimeSpan(seconds: 1)
      }
      return span
    }
    var stepValues = steps.split(separator: ",", omittingEmptySubsequences: false).compactMap { Int($0) }
    if stepValues.count != steps.split(separator: ",", omittingEmptySubsequences: false).count {
      problems.append("--steps takes canary percentages separated by commas, such as 5,25,50,100; got \"\(steps)\"")
      stepValues = [100]
    }
    let plan = RolloutPlan(
      steps: stepValues, bake: span(bake, "bake"), interval: span(interval, "interval"),
      thresholds: RolloutThresholds(
        maxErrorRate: maxErrorRate, maxP99: span(maxP99, "max-p99").seconds, maxErrorRateIncrease: maxErrorRateIncrease,
        maxP99Ratio: maxP99Ratio, minRequests: Double(minRequests)),
      failureLimit: failures, onInconclusive: onInconclusive, pauseAt: pauseAt,
      metricsLag: span(metricsLag, "metrics-lag"),
      alarms: alarm, probeRequests: probe, probePath: probePath, allowSameImage: allowSameImage)
    // What the plan says of itself matters only once every option could be read.
    if problems.isEmpty { problems = plan.problems }
    guard problems.isEmpty else {
      throw DeployError(
        problems.count == 1
          ? problems[0]
          : "\(problems.count) options are wrong:\n" + problems.map { "  - " + $0 }.joined(separator: "\n"))
    }
    return plan
  }

  func run() throws {
    var status: Int32 = 0
    try reportingDeployErrors(command: "rollout") {
      let plan = try plan()
      if !abort { for note in plan.notes { printError("rollout: note: \(note)") } }
      var target = try options.target(for: .rollout)
      guard case .weighted(let weighted) = target.traffic else {
        throw DeployError("stack \(target.definition.name) has no weights to roll out")
      }
      if format != .text {
        target.deployer.console = .progressOnStandardError
        target.deployer.progress = target.deployer.console.outputIsTerminal ? .live : .plain
      }
      let command = options.command("rollout", for: target)
      let report: RolloutReport
      if abort {
        try target.deployer.rollback(traffic: weighted, capabilities: target.capabilities)
        report = RolloutReport(stackName: target.deployer.stackName, steps: [], outcome: .aborted)
      } else {
        report = try target.deployer.rollout(
          plan, traffic: weighted, capabilities: target.capabilities, command: command)
      }
      let text: String
      switch format {
      case .text: text = "\n" + report.text
      case .json: text = try report.json()
      case .markdown: text = report.markdown
      }
      try reporting { try OutputFile.writeToStandardOutput(text) }
      status = report.outcome.exitStatus
    }
    if status != 0 { throw ExitCode(status) }
  }
}

extension RolloutPlan.InconclusiveAction: ExpressibleByArgument {}

/// `gen promote`: the stable version gets the canary's image, then all traffic.
struct Promote: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Give the stable version the canary's image, wait for its deployment, then send it all traffic (100/0).",
    discussion: """
      A stack update of the stable image parameter only (everything else as deployed), then a wait until the \
      stable ECS service has one deployment and all its tasks running, then set-weights 100 0. It says what it \
      will do and asks on a terminal; --yes skips the question and is required elsewhere.
      """)

  @OptionGroup var options: TrafficOptions

  @Flag(help: "Do not ask first.") var yes = false

  func run() throws {
    try reportingDeployErrors(command: "promote") {
      let target = try options.target(for: .promote)
      guard case .weighted(let weighted) = target.traffic else {
        throw DeployError("stack \(target.definition.name) has no canary to promote")
      }
      try target.deployer.promote(traffic: weighted, capabilities: target.capabilities, assumeYes: yes)
      target.deployer.console.write("Stack \(target.deployer.stackName): promoted.\n")
    }
  }
}
