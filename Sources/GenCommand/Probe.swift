import ArgumentParser
import Deploy

/// `gen probe`: measure the traffic split the load balancer actually serves.
struct Probe: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Send requests to the load balancer and compare the answers by version with the configured weights.",
    discussion: """
      Each answer is counted for the version it names (a body of `stable`, or one naming it). \
      The configured weights are read from the stack's listener unless --expect gives them. \
      Exit status 0 when the observed split agrees with them (95% interval), 1 when it does not, \
      2 when no answer named a version.
      """)

  @OptionGroup var options: TrafficOptions

  @Option(help: "How many requests to send.") var requests = 200

  @Option(help: "Probe this URL instead of the stack's load balancer (http://HOST[:PORT]/PATH).") var url: String?

  @Option(help: "The path to request on the stack's load balancer.") var path = "/whoami"

  @Option(help: "Seconds to wait for each answer.") var timeout: Double = 5

  @Option(
    parsing: .upToNextOption,
    help: ArgumentHelp("The expected weights, such as 75 25, instead of the listener's.", valueName: "weight"))
  var expect: [String] = []

  func validate() throws {
    guard requests > 0 else { throw ValidationError("--requests must be at least 1") }
    guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
  }

  func run() throws {
    var exitStatus: Int32 = 0
    try reportingDeployErrors(command: "probe") {
      let stack = try options.target(for: .probe)
      guard case .weighted(let weighted) = stack.traffic else {
        throw DeployError("stack \(stack.definition.name) has no weights to compare with")
      }
      let roles = weighted.roles
      var weights =
        expect.isEmpty
        ? nil
        : try TrafficWeights.parse(
          expect, roles: roles, command: "probe --expect", example: "for example `gen probe --expect 75 25`")
      var target = url
      if weights == nil || target == nil {
        // Only what the probe needs: the DNS output and the listener's weights.
        let deployer = stack.deployer
        let existing = try deployer.existingStack()
        if target == nil {
          guard let dns = existing.output(weighted.listener.loadBalancerDNS) else {
            throw DeployError("stack \(deployer.stackName) has no load balancer DNS output yet; give --url")
          }
          target = "http://\(dns)" + (path.hasPrefix("/") ? path : "/" + path)
        }
        if weights == nil {
          weights = try zip(weighted.tracks, deployer.targetWeights(of: existing, traffic: stack.traffic)).map {
            track, weight in
            guard let weight else {
              throw DeployError("cannot read the \(track.role) weight from the listener; give --expect")
            }
            return weight
          }
        }
      }
      let result = try TrafficProbe.run(
        url: target!, requests: requests, timeoutSeconds: timeout, roles: roles, expectedWeights: weights!)
      try reporting { try OutputFile.writeToStandardOutput(result.text) }
      exitStatus = result.classified == 0 ? 2 : result.agrees ? 0 : 1
    }
    if exitStatus != 0 { throw ExitCode(exitStatus) }
  }
}
