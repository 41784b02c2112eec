import CloudFormation
import TemplateSyntax

/// How a stack's traffic is steered, which decides the traffic commands `gen`
/// offers for it: ``weighted(_:)`` (`set-weights`, `rollback`, `probe`, `rollout`, `promote`) or
/// ``switched(_:)`` (`switch`). A stack without one gets none.
public enum TrafficModel: Hashable, Sendable {
  case weighted(WeightedTraffic)
  case switched(SwitchedTraffic)

  /// The commands this model supports.
  public var commands: [TrafficCommand] {
    switch self {
    case .weighted: [.setWeights, .rollback, .probe, .rollout, .promote]
    case .switched: [.switchTraffic]
    }
  }

  public var listener: ListenerOutputs {
    switch self {
    case .weighted(let traffic): traffic.listener
    case .switched(let traffic): traffic.listener
    }
  }

  public var targets: [TrafficTarget] {
    switch self {
    case .weighted(let traffic): traffic.tracks.map(\.target)
    case .switched(let traffic): traffic.targets
    }
  }

  /// The parameters the model changes.
  public var parameters: [String] {
    switch self {
    case .weighted(let traffic): traffic.tracks.map(\.weightParameter)
    case .switched(let traffic): [traffic.parameter]
    }
  }

  /// Every output the traffic commands read.
  public var requiredOutputs: [OutputName] {
    [listener.loadBalancerDNS, listener.listenerARN, listener.cluster]
      + targets.flatMap { [$0.targetGroupOutput, $0.serviceNameOutput] }
  }

  /// What the traffic commands need from a template.
  public enum Requirement: Hashable, Sendable {
    /// An output they read.
    case output(OutputName)
    /// A parameter they change.
    case parameter(String)
  }

  /// What `document` lacks for the traffic commands to work on a stack deployed from it.
  public func unmetRequirements(in document: TemplateDocument) -> [Requirement] {
    let outputs = Set(document.logicalIDs(in: .outputs))
    let parameters = Set(document.logicalIDs(in: .parameters))
    return requiredOutputs.filter { !outputs.contains($0.logicalID) }.map(Requirement.output)
      + self.parameters.filter { !parameters.contains($0) }.map(Requirement.parameter)
  }

  /// What is wrong with this model for `document` (the Swift stack's template):
  /// a requirement it lacks, too few targets, a switch value the parameter does not allow.
  public func problems(in document: TemplateDocument) -> [String] {
    var problems = unmetRequirements(in: document).map { requirement in
      switch requirement {
      case .output(let name): "the template has no output \(name)"
      case .parameter(let id): "the template has no parameter \(id)"
      }
    }
    switch self {
    case .weighted(let traffic):
      if traffic.tracks.count < 2 { problems.append("a weighted stack needs at least two tracks") }
    case .switched(let traffic):
      if traffic.targets.count < 2 { problems.append("a switched stack needs at least two targets") }
      let declaration = document.parameterDeclarations.first { $0.logicalID == traffic.parameter }
      if let allowed = declaration?.allowedValues, !allowed.isEmpty {
        for choice in traffic.choices where !allowed.contains(choice) {
          problems.append("the parameter \(traffic.parameter) does not allow \(choice)")
        }
      }
    }
    return problems
  }

  /// Parameters a deploy keeps as deployed unless given explicitly: a switched
  /// stack's active target (a deploy must not switch traffic back to the default).
  public var parametersKeptOnDeploy: Set<String> {
    switch self {
    case .weighted: []
    case .switched(let traffic): [traffic.parameter]
    }
  }

  /// Checks the values a deploy resolved, beyond each parameter's own
  /// constraints: a weighted stack's weights add up to 100. `names` gives the
  /// options and variables to name in the message.
  public func checkDeployValues(_ settings: [ParameterSetting], names: [ParameterNames]) throws {
    guard case .weighted(let traffic) = self else { return }
    let weights = traffic.tracks.map { track in
      settings.first(where: { $0.value.logicalID == track.weightParameter })?.value.value ?? ""
    }
    let ways = traffic.tracks.compactMap { track in names.first { $0.declaration.logicalID == track.weightParameter } }
    let options = ways.compactMap { $0.option.map { "--\($0)" } }
    let variables = ways.compactMap(\.environmentVariable)
    var how =
      "set them with "
      + (options.count == ways.count ? options : ways.map { "--parameter \($0.declaration.logicalID)" })
      .joined(separator: " and ")
    if variables.count == ways.count { how += " or " + variables.joined(separator: " and ") }
    _ = try TrafficWeights.parse(
      weights, roles: traffic.roles, command: "deploy", example: "\(how), such as 75 and 25")
  }
}

/// A command a traffic model supports.
public enum TrafficCommand: String, CaseIterable, Hashable, Sendable {
  case setWeights = "set-weights"
  case rollback
  case probe
  case rollout
  case promote
  case switchTraffic = "switch"
}
