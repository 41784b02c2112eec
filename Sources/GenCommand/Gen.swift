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
public struct Gen: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "gen",
    abstract: "Render the CloudFormation templates of this package's Swift stacks.",
    discussion: "`gen` alone prints the default stack's template (`gen render`).",
    subcommands: [
      Render.self, List.self, Check.self, Diff.self, DeployCommand.self, SetWeights.self, Rollback.self, Status.self,
      Delete.self, Probe.self,
    ],
    defaultSubcommand: Render.self)

  /// Names a stack may not take, so that `gen <stack>` never reads as a command.
  public static let reservedNames: Set<String> = [
    "render", "list", "check", "help", "deploy", "status", "diff", "delete", "rollback", "set-weights", "probe",
  ]

  nonisolated(unsafe) static var stacks: [StackDefinition] = []
  nonisolated(unsafe) static var deployment: WeightedStack?

  public init() {}

  /// Runs `gen` over `stacks` (the first is the default) and exits. `deployment`
  /// is the stack the deploy commands (`deploy`, `set-weights`, `rollback`,
  /// `status`, `delete`, `probe`) work on.
  public static func run(
    stacks: [StackDefinition], deployment: WeightedStack? = nil, arguments: [String]? = nil
  ) -> Never {
    if let problem = problems(in: stacks) {
      printError(problem)
      Self.exit(withError: ExitCode(70))
    }
    self.stacks = stacks
    self.deployment = deployment
    main(arguments)
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
