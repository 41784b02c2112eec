import ArgumentParser
import Deploy

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `gen deploy`: create or update the stack through a previewed change set.
struct DeployCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deploy",
    abstract: "Create or update the stack through a change set, showing what changes and each resource's progress.",
    discussion: """
      Each stack parameter comes from its option, else its environment variable, else the template's default. \
      The images have no default: set IMAGE_URI_STABLE and IMAGE_URI_CANARY (or the options). \
      On a terminal, gen asks before replacing or removing resources; --yes skips the question, and is \
      required for such a change elsewhere.
      """)

  @OptionGroup var stackOptions: StackOptions

  @Option(help: "Image URI of the stable version (env IMAGE_URI_STABLE).") var imageUriStable: String?
  @Option(help: "Image URI of the canary version (env IMAGE_URI_CANARY).") var imageUriCanary: String?
  @Option(help: "Container port (env CONTAINER_PORT).") var containerPort: String?
  @Option(help: "Stable task count (env DESIRED_COUNT_STABLE).") var desiredCountStable: String?
  @Option(help: "Canary task count (env DESIRED_COUNT_CANARY).") var desiredCountCanary: String?
  @Option(help: "Fargate task CPU units (env TASK_CPU).") var taskCpu: String?
  @Option(help: "Fargate task memory in MiB (env TASK_MEMORY).") var taskMemory: String?
  @Option(help: "Stable listener weight, 0-100 (env STABLE_WEIGHT).") var stableWeight: String?
  @Option(help: "Canary listener weight, 0-100 (env CANARY_WEIGHT).") var canaryWeight: String?

  @Option(
    help: ArgumentHelp(
      "Deploy this template file (env TEMPLATE_FILE) instead of the one the code produces now.",
      valueName: "file"))
  var template: String?

  @Flag(help: "Do not ask before replacing or removing resources.") var yes = false

  /// The options by the environment variable each stands for.
  var givenSettings: [(variable: String, value: String?)] {
    [
      ("IMAGE_URI_STABLE", imageUriStable), ("IMAGE_URI_CANARY", imageUriCanary), ("CONTAINER_PORT", containerPort),
      ("DESIRED_COUNT_STABLE", desiredCountStable), ("DESIRED_COUNT_CANARY", desiredCountCanary),
      ("TASK_CPU", taskCpu), ("TASK_MEMORY", taskMemory), ("STABLE_WEIGHT", stableWeight),
      ("CANARY_WEIGHT", canaryWeight),
    ]
  }

  func run() throws {
    try reportingDeployErrors(command: "deploy") {
      let deployer = try stackOptions.stackOperator()
      let parameters = deployer.stack.parameters
      let known = Set(parameters.map { SettingName.environmentVariable(for: $0.logicalID) })
      for (variable, value) in givenSettings where value != nil && !known.contains(variable) {
        throw DeployError("--\(variable.lowercased().replacing("_", with: "-")) is not a parameter of this stack")
      }
      let values = try ParameterValues.resolve(parameters) { variable in
        if let option = givenSettings.first(where: { $0.variable == variable }), let value = option.value {
          return value
        }
        return getenv(variable).map { String(cString: $0) }
      }
      let weights = deployer.stack.tracks.map { track in
        values.first(where: { $0.logicalID == track.weight.logicalID })?.value ?? ""
      }
      _ = try TrafficWeights.parse(
        weights, roles: deployer.stack.tracks.map(\.role), command: "deploy",
        example:
          "set them with --stable-weight and --canary-weight or STABLE_WEIGHT and CANARY_WEIGHT, such as 75 and 25")
      try deployer.deploy(values: values, templateFile: template ?? environment("TEMPLATE_FILE"), assumeYes: yes)
    }
  }
}
