import ArgumentParser
import Deploy

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The AWS account and region to work in: the options every command that calls
/// AWS shares, each with its environment variable.
struct AWSOptions: ParsableArguments {
  @Option(help: "The AWS region (env AWS_REGION, passed to aws as --region).")
  var region: String?

  @Option(help: "The AWS CLI profile (env AWS_PROFILE).")
  var profile: String?

  /// The aws command line for these settings.
  var commandLine: AWSCommandLine {
    AWSCommandLine(region: region ?? environment("AWS_REGION"), profile: profile ?? environment("AWS_PROFILE"))
  }
}

/// Where the stack lives: the options every deploy command shares, each with the
/// environment variable the seed's `deploy.sh` read.
struct StackOptions: ParsableArguments {
  @Option(help: "The CloudFormation stack's name (env STACK_NAME; default: the stack's own default).")
  var stackName: String?

  @OptionGroup var aws: AWSOptions

  @Option(help: ArgumentHelp("Seconds between two polls of CloudFormation.", visibility: .hidden))
  var pollInterval: Double = 5

  /// The stack, the aws command line and the console, after checking the names.
  func stackOperator() throws -> StackOperator {
    guard let stack = Gen.deployment else {
      throw DeployError("this gen has no deployable stack (Gen.run(stacks:deployment:) was given none)")
    }
    let problems = stack.problems()
    guard problems.isEmpty else {
      throw DeployError("the deployable stack is wrong: " + problems.joined(separator: "; "))
    }
    let name = stackName ?? environment("STACK_NAME") ?? stack.defaultStackName
    guard Self.isValidStackName(name) else {
      throw DeployError(
        "the stack name \"\(name)\" is not valid: it must start with a letter and contain only letters, digits "
          + "and hyphens, at most 128 characters (--stack-name or STACK_NAME)")
    }
    guard pollInterval >= 0 else { throw DeployError("--poll-interval must not be negative") }
    return StackOperator(stack: stack, stackName: name, aws: aws.commandLine, pollInterval: pollInterval)
  }

  static func isValidStackName(_ name: String) -> Bool {
    guard let first = name.first, first.isASCII, first.isLetter, name.count <= 128 else { return false }
    return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
  }
}

/// A non-empty environment variable.
func environment(_ name: String) -> String? {
  guard let value = getenv(name) else { return nil }
  let text = String(cString: value)
  return text.isEmpty ? nil : text
}

/// Runs a deploy command, turning its errors into a message on standard error
/// and an exit status: aws's own for an aws failure, 1 otherwise.
func reportingDeployErrors(command: String, _ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as DeployError {
    printError("\(command): \(error.message)")
    throw ExitCode(error.status)
  } catch let error as AWSCommandError {
    printError("\(command): \(error)")
    throw ExitCode(error.status)
  }
}
