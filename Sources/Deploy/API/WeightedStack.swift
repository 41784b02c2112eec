import CloudFormation

/// What the deploy commands know about a stack that splits one listener's
/// traffic between tracks (`stable` and `canary`) by weight: the template, the
/// parameter that weighs each track, and the outputs they read. Every name here
/// comes from the Swift stack, so the template and the commands cannot drift.
///
/// ```swift
/// WeightedStack(
///   defaultStackName: "ecs-canary-demo-stack", template: { CanaryStack.template },
///   tracks: [
///     .init(role: "stable", weight: CanaryStack.stableWeight, targetGroupOutput: "StableTargetGroupArn",
///           serviceNameOutput: "StableServiceName"),
///     .init(role: "canary", weight: CanaryStack.canaryWeight, targetGroupOutput: "CanaryTargetGroupArn",
///           serviceNameOutput: "CanaryServiceName"),
///   ],
///   loadBalancerDNSOutput: "ALBDNS", listenerARNOutput: "ListenerArn", clusterOutput: "ClusterName")
/// ```
public struct WeightedStack: Sendable {
  /// One version of the application behind the listener.
  public struct Track: Sendable {
    /// Its role, such as `stable`; `rollback` sends all traffic to the first track.
    public var role: String
    /// The parameter that sets its listener weight.
    public var weight: AnyParameter
    /// The output holding its target group's ARN.
    public var targetGroupOutput: String
    /// The output holding its ECS service's name.
    public var serviceNameOutput: String

    public init<Kind>(
      role: String, weight: Parameter<Kind>, targetGroupOutput: String, serviceNameOutput: String
    ) {
      self.role = role
      self.weight = AnyParameter(weight)
      self.targetGroupOutput = targetGroupOutput
      self.serviceNameOutput = serviceNameOutput
    }
  }

  /// The stack name used when neither `--stack-name` nor `STACK_NAME` is given.
  public var defaultStackName: String
  /// The template as the code produces it now.
  public var template: @Sendable () -> Template
  /// The tracks, the one `rollback` returns all traffic to first.
  public var tracks: [Track]
  /// The output holding the load balancer's DNS name.
  public var loadBalancerDNSOutput: String
  /// The output holding the weighted listener's ARN.
  public var listenerARNOutput: String
  /// The output holding the ECS cluster's name.
  public var clusterOutput: String
  /// The capabilities the stack needs (`CAPABILITY_NAMED_IAM` for named IAM resources).
  public var capabilities: [String]

  public init(
    defaultStackName: String, template: @escaping @Sendable () -> Template, tracks: [Track],
    loadBalancerDNSOutput: String, listenerARNOutput: String, clusterOutput: String,
    capabilities: [String] = ["CAPABILITY_NAMED_IAM"]
  ) {
    self.defaultStackName = defaultStackName
    self.template = template
    self.tracks = tracks
    self.loadBalancerDNSOutput = loadBalancerDNSOutput
    self.listenerARNOutput = listenerARNOutput
    self.clusterOutput = clusterOutput
    self.capabilities = capabilities
  }

  /// The template's parameters, in the order it declares them.
  public var parameters: [AnyParameter] {
    template().elements.compactMap { element in
      if case .parameter(let parameter) = element { return parameter }
      return nil
    }
  }

  /// Every output the commands read.
  public var requiredOutputs: [String] {
    [loadBalancerDNSOutput, listenerARNOutput, clusterOutput]
      + tracks.flatMap { [$0.targetGroupOutput, $0.serviceNameOutput] }
  }

  /// The problems with this description itself (an output or weight the template
  /// lacks), so that a wrong name fails before anything touches AWS.
  public func problems() -> [String] {
    let template = template()
    var outputs = Set<String>()
    var parameters = Set<String>()
    for element in template.elements {
      if case .output(let output) = element { outputs.insert(output.logicalID) }
      if case .parameter(let parameter) = element { parameters.insert(parameter.logicalID) }
    }
    var problems: [String] = []
    for output in requiredOutputs where !outputs.contains(output) {
      problems.append("the template has no output \(output)")
    }
    for track in tracks where !parameters.contains(track.weight.logicalID) {
      problems.append("the template has no parameter \(track.weight.logicalID) (the \(track.role) weight)")
    }
    if tracks.count < 2 { problems.append("a weighted stack needs at least two tracks") }
    return problems
  }
}

/// The environment variable and option names of a template parameter, derived
/// from its logical ID: `ImageURIStable` is `IMAGE_URI_STABLE` and `--image-uri-stable`.
public enum SettingName {
  /// `ImageURIStable` → `IMAGE_URI_STABLE`, `TaskCpu` → `TASK_CPU`.
  public static func environmentVariable(for logicalID: String) -> String {
    words(of: logicalID).map { $0.uppercased() }.joined(separator: "_")
  }

  /// `ImageURIStable` → `image-uri-stable`.
  public static func option(for logicalID: String) -> String {
    words(of: logicalID).map { $0.lowercased() }.joined(separator: "-")
  }

  /// Splits at a lower-to-upper change and before the last capital of an acronym.
  static func words(of name: String) -> [String] {
    let characters = Array(name)
    var words: [String] = []
    var current = ""
    for (index, character) in characters.enumerated() {
      if index > 0, character.isUppercase {
        let previous = characters[index - 1]
        let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
        if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) {
          words.append(current)
          current = ""
        }
      }
      current.append(character)
    }
    if !current.isEmpty { words.append(current) }
    return words
  }
}
