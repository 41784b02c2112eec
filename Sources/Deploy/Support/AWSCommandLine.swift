import SystemSupport
import YAML

/// The `aws` command line, run as a subprocess so that credentials, profiles,
/// SSO and `AWS_ENDPOINT_URL` work exactly as they do in a shell.
///
/// ```swift
/// let aws = AWSCommandLine(region: "eu-west-1")
/// let stacks = try aws.json(["cloudformation", "describe-stacks", "--stack-name", "demo"])
/// ```
public struct AWSCommandLine: Sendable {
  /// The program: `aws`, found on the `PATH`.
  public var executable: String
  /// `--region`, passed explicitly: awscli 1.x ignores `AWS_REGION`.
  public var region: String?
  /// `--profile`.
  public var profile: String?

  public init(executable: String = "aws", region: String? = nil, profile: String? = nil) {
    self.executable = executable
    self.region = region
    self.profile = profile
  }

  /// The full argument list for `arguments` (service, operation, options).
  public func commandLine(_ arguments: [String]) -> [String] {
    var line = [executable] + arguments + ["--output", "json"]
    if let region { line += ["--region", region] }
    if let profile { line += ["--profile", profile] }
    return line
  }

  /// Runs `aws ARGUMENTS --output json` and returns its standard output.
  /// Throws ``AWSCommandError`` with aws's own message and exit status when it fails.
  @discardableResult
  public func run(_ arguments: [String]) throws -> String {
    let line = commandLine(arguments)
    let result: ProcessResult
    do {
      result = try runProcess(line)
    } catch {
      throw AWSCommandError(
        operation: Self.operation(arguments), status: 127,
        message: "cannot run `\(executable)`: \(error). Install the AWS CLI (pip install awscli) or put it on the PATH."
      )
    }
    guard result.status == 0 else {
      throw AWSCommandError(
        operation: Self.operation(arguments), status: result.status,
        message: result.errorText.trimmingWhitespace())
    }
    return result.outputText
  }

  /// Runs `aws ARGUMENTS` and parses its JSON answer (an empty answer is `null`).
  public func json(_ arguments: [String]) throws -> YAMLNode {
    let text = try run(arguments)
    guard !text.trimmingWhitespace().isEmpty else { return .null }
    do {
      return try JSONParser().parse(text)
    } catch {
      throw AWSCommandError(
        operation: Self.operation(arguments), status: 1, message: "its answer is not JSON: \(error)")
    }
  }

  static func operation(_ arguments: [String]) -> String {
    arguments.prefix(while: { !$0.hasPrefix("-") }).prefix(2).joined(separator: " ")
  }
}

/// An `aws` command that failed: its operation, exit status and message.
public struct AWSCommandError: Error, CustomStringConvertible, Sendable {
  /// Such as `cloudformation create-change-set`.
  public var operation: String
  /// aws's exit status, which `gen` exits with too.
  public var status: Int32
  /// What aws wrote to standard error.
  public var message: String

  public init(operation: String, status: Int32, message: String) {
    self.operation = operation
    self.status = status
    self.message = message
  }

  public var description: String { "aws \(operation) failed (exit status \(status)): \(message)" }

  /// Whether the stack named does not exist (CloudFormation's ValidationError).
  public var isMissingStack: Bool { message.contains("does not exist") }
}
