import ArgumentParser
import CloudFormation
import Deploy
import TemplateSyntax

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

/// Where the stack lives: the options every deploy command shares, each with
/// the environment variable the seed's `deploy.sh` read.
struct StackOptions: ParsableArguments {
  @Option(
    help: "The CloudFormation stack's name (env STACK_NAME; default: the stack's deploy settings, else its gen name).")
  var stackName: String?

  @OptionGroup var aws: AWSOptions

  @Option(help: ArgumentHelp("Seconds between two polls of CloudFormation.", visibility: .hidden))
  var pollInterval: Double = 5

  /// The operator for `stack`'s CloudFormation stack, after checking the names.
  func stackOperator(for stack: StackDefinition) throws -> StackOperator {
    let name = stackName ?? environment("STACK_NAME") ?? stack.defaultStackName
    guard StackOperator.isValidStackName(name) else {
      throw DeployError(
        "the stack name \"\(name)\" is not valid: it must start with a letter and contain only letters, digits "
          + "and hyphens, at most 128 characters (--stack-name or STACK_NAME)")
    }
    guard pollInterval >= 0 else { throw DeployError("--poll-interval must not be negative") }
    return StackOperator(stackName: name, aws: aws.commandLine, pollInterval: pollInterval)
  }
}

/// The environment variables gen reads itself, and the prefixes of those the
/// shell and the AWS CLI read: no template parameter's variable is derived to
/// one of them (a parameter `Path` must not take the shell's `PATH`).
enum ReservedVariables {
  static let names: Set<String> = [
    "STACK_NAME", "TEMPLATE_FILE", "S3_BUCKET", "S3_PREFIX", "PATH", "HOME", "USER", "LOGNAME", "SHELL", "TERM",
    "LANG", "PWD", "OLDPWD", "TMPDIR", "HOSTNAME", "TZ", "EDITOR", "DISPLAY", "MAIL", "SHLVL", "CI",
  ]
  static let prefixes = ["AWS_", "LC_"]

  /// The reserved names among `candidates`.
  static func reserved(among candidates: [String]) -> Set<String> {
    Set(candidates.filter { name in names.contains(name) || prefixes.contains(where: { name.hasPrefix($0) }) })
  }
}

/// A non-empty environment variable.
func environment(_ name: String) -> String? {
  guard let value = getenv(name) else { return nil }
  let text = String(cString: value)
  return text.isEmpty ? nil : text
}

/// The capabilities `stack`'s template needs, and those its settings add.
func capabilities(of document: TemplateDocument, settings: DeploySettings) -> [Capability] {
  var needed = Set(Capability.required(by: document) + settings.capabilities)
  if needed.contains(.namedIAM) { needed.remove(.iam) }
  return needed.sorted()
}

extension StackDefinition {
  /// The Swift stack's template read through the template-syntax layer, or an
  /// error for an invalid one.
  func document() throws -> TemplateDocument {
    do {
      return try template().document()
    } catch {
      throw DeployError("the stack \(name)'s template is not valid: \(error)")
    }
  }
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
