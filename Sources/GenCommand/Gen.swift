import ArgumentParser
import CloudFormation
import Deploy

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `gen` command over a set of stacks. A package of your own reuses it in
/// a few lines of `main.swift`:
///
/// ```swift
/// import GenCommand
///
/// Gen.run(stacks: [
///   StackDefinition(name: "orders", fileName: "orders.yml", source: "Sources/Orders", summary: "Order service") {
///     OrdersStack.template
///   }
/// ])
/// ```
///
/// Every stack can be rendered, diffed, deployed, inspected and deleted; the
/// traffic commands (`set-weights`, `rollback`, `probe`, `rollout`, `promote`, `switch`) are offered
/// only when a stack's ``StackDefinition/traffic`` model supports them.
public struct Gen: ParsableCommand {
  public static var configuration: CommandConfiguration {
    let traffic = Set(stacks.flatMap { $0.traffic?.commands ?? [] })
    let trafficCommands: [any ParsableCommand.Type] = TrafficCommand.allCases.filter(traffic.contains).map { command in
      switch command {
      case .setWeights: SetWeights.self
      case .rollback: Rollback.self
      case .probe: Probe.self
      case .rollout: Rollout.self
      case .promote: Promote.self
      case .switchTraffic: Switch.self
      }
    }
    return CommandConfiguration(
      commandName: "gen",
      abstract: "Render, diff and deploy the CloudFormation templates of this package's Swift stacks.",
      discussion: "`gen` alone prints the default stack's template (`gen render`).",
      subcommands: [
        Render.self, List.self, Check.self, Diff.self, Import.self, Parameters.self, DeployCommand.self, Status.self,
        Delete.self,
      ] + trafficCommands,
      defaultSubcommand: Render.self)
  }

  /// Names a stack may not take, so that `gen <stack>` never reads as a command.
  public static let reservedNames: Set<String> = [
    "render", "list", "check", "help", "diff", "parameters", "deploy", "status", "delete", "rollback",
    "set-weights", "probe", "rollout", "promote", "switch",
  ]

  nonisolated(unsafe) static var stacks: [StackDefinition] = []

  public init() {}

  /// Runs `gen` over `stacks` (the first is the default) and exits.
  public static func run(stacks: [StackDefinition], arguments: [String]? = nil) -> Never {
    if let problem = problems(in: stacks) {
      printError(problem)
      Self.exit(withError: ExitCode(70))
    }
    self.stacks = stacks
    let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
    if let command = arguments.first.flatMap(TrafficCommand.init(rawValue:)),
      !stacks.contains(where: { $0.traffic?.commands.contains(command) == true })
    {
      printError(
        "\(command.rawValue): no stack here has a traffic model with \(command.rawValue) "
          + "(see `StackDefinition(traffic:)`); the commands are in `--help`")
      Self.exit(withError: ExitCode(1))
    }
    main(ParameterArguments.rewritten(arguments))
    Self.exit()
  }

  /// Why `stacks` cannot be served, if they cannot.
  static func problems(in stacks: [StackDefinition]) -> String? {
    guard !stacks.isEmpty else { return "no stacks to render" }
    var seen = Set<String>()
    for stack in stacks {
      if reservedNames.contains(stack.name) {
        return "the stack name \"\(stack.name)\" is a gen command; rename the stack"
      }
      if !seen.insert(stack.name).inserted { return "two stacks are named \"\(stack.name)\"; rename one" }
      if !StackOperator.isValidStackName(stack.defaultStackName) {
        return "stack \(stack.name): \"\(stack.defaultStackName)\" is not a valid CloudFormation stack name "
          + "(a letter, then letters, digits and hyphens); set DeploySettings(stackName:)"
      }
    }
    return nil
  }

  static func stack(named name: String?) throws -> StackDefinition {
    guard let name else { return stacks[0] }
    guard let stack = stacks.first(where: { $0.name == name }) else {
      throw ValidationError(
        "unknown stack \"\(name)\"; the stacks are: \(stacks.map(\.name).joined(separator: ", ")) (see `gen list`)")
    }
    return stack
  }

  /// The stack a traffic command works on: the one named, else the default stack
  /// if its model supports the command, else the only stack whose model does.
  static func trafficStack(for command: TrafficCommand, named name: String?) throws -> (
    StackDefinition, TrafficModel
  ) {
    let supporting = stacks.filter { $0.traffic?.commands.contains(command) == true }
    if let name {
      let stack = try self.stack(named: name)
      guard let traffic = stack.traffic, traffic.commands.contains(command) else {
        throw DeployError(
          "stack \(name) has no traffic model with \(command.rawValue); it works on "
            + supporting.map(\.name).joined(separator: ", "))
      }
      return (stack, traffic)
    }
    if let traffic = stacks[0].traffic, traffic.commands.contains(command) { return (stacks[0], traffic) }
    guard supporting.count == 1, let stack = supporting.first, let traffic = stack.traffic else {
      throw DeployError(
        "\(command.rawValue) works on several stacks (\(supporting.map(\.name).joined(separator: ", "))); "
          + "choose one with --stack")
    }
    return (stack, traffic)
  }
}

extension OutputFormat: ExpressibleByArgument {}

func printError(_ message: String) {
  var line = Array("gen: \(message)\n".utf8)
  _ = write(STDERR_FILENO, &line, line.count)
}

/// Turns a template error into a clean message and exit status 1.
func reporting<Result>(_ body: () throws -> Result) throws -> Result {
  do {
    return try body()
  } catch let error as TemplateValidationError {
    printError("\(error)")
    throw ExitCode(1)
  } catch let error as OutputError {
    printError("\(error)")
    throw ExitCode(1)
  }
}
