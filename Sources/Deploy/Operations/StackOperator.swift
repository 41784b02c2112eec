/// Runs the deploy commands against one CloudFormation stack through the `aws`
/// CLI: every change goes through a change set that is previewed, checked,
/// executed and followed event by event, so CloudFormation stays the single
/// source of truth. Its work is split by concept: deploying
/// (``deploy(_:)``), reviewed change sets (``executeChangeSet(named:assumeYes:terminationProtection:)``),
/// traffic (``setWeights(_:traffic:capabilities:intro:)``, ``switchTraffic(to:traffic:capabilities:)``),
/// ``status(traffic:)`` and ``delete(assumeYes:)``.
///
/// ```swift
/// let stack = StackOperator(stackName: "demo", aws: AWSCommandLine(region: "eu-west-1"))
/// try stack.setWeights([75, 25], traffic: canaryTraffic, capabilities: [.iam])
/// ```
public struct StackOperator: Sendable {
  public var stackName: String
  public var aws: AWSCommandLine
  public var console: Console
  public var progress: ProgressStyle
  /// Seconds between two polls of CloudFormation.
  public var pollInterval: Double

  public init(
    stackName: String, aws: AWSCommandLine, console: Console = .standard, progress: ProgressStyle? = nil,
    pollInterval: Double = 5
  ) {
    self.stackName = stackName
    self.aws = aws
    self.console = console
    self.progress = progress ?? (console.outputIsTerminal ? .live : .plain)
    self.pollInterval = pollInterval
  }

  /// Whether `name` is a valid CloudFormation stack name: a letter, then letters,
  /// digits and hyphens, at most 128 characters.
  public static func isValidStackName(_ name: String) -> Bool {
    guard let first = name.first, first.isASCII, first.isLetter, name.count <= 128 else { return false }
    return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
  }

  /// `describe-stacks`, or nil when the stack does not exist.
  public func describeStack() throws -> DeployedStack? {
    do {
      return try DeployedStack(
        describeStacks: try aws.json(["cloudformation", "describe-stacks", "--stack-name", stackName]))
    } catch let error as AWSCommandError where error.isMissingStack {
      return nil
    }
  }

  /// The deployed stack, or an error saying to create it.
  public func existingStack() throws -> DeployedStack {
    guard let existing = try describeStack() else {
      throw DeployError("stack \(stackName) does not exist; create it first with `gen deploy`")
    }
    return existing
  }

  /// Throws when CloudFormation is still working on `stack`.
  func checkNotBusy(_ stack: DeployedStack) throws {
    guard !stack.isBusy else {
      throw DeployError(
        "stack \(stackName) is busy (\(stack.status.rawValue)); wait for it to finish and run the command again")
    }
  }
}
