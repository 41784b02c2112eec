import ArgumentParser
import Deploy
import SystemSupport
import TemplateDiff
import TemplateSyntax

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `gen diff [OLD NEW] [--base REF] [--deployed STACK [FILE]] [--stack NAME]
/// [--format text|markdown|json] [--fail-on any|dangerous|never] [--no-color]`.
struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show what changes between two templates, as CloudFormation would apply it.",
    discussion: """
      With two files (YAML or JSON), compares them. Without, compares each committed template in \
      --directory with what the code renders now; with --base REF, the templates at that git revision instead. \
      With --deployed STACK, compares the template deployed in that CloudFormation stack with FILE, or with \
      what the code renders now for --stack (the default stack when omitted). \
      Exit status: 0 when equal, 1 when different (see --fail-on), 2 on error.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
  }

  /// Which differences make the exit status 1.
  enum FailOn: String, ExpressibleByArgument, CaseIterable {
    /// Any difference.
    case any
    /// Only a resource replaced or data destroyed; other changes exit 0.
    case dangerous
    /// None: exit 0 unless something went wrong (for a comment-only CI job).
    case never
  }

  @Argument(help: "The old template file (with --deployed: the new one).")
  var old: String?

  @Argument(help: "The new template file.")
  var new: String?

  @Option(help: "Compare with the committed templates at this git revision (git show REF:DIR/FILE).")
  var base: String?

  @Option(help: "The directory of committed templates.")
  var directory: String = "Generated"

  @Option(
    help: ArgumentHelp(
      "Compare with the template deployed in this CloudFormation stack (aws cloudformation get-template).",
      valueName: "stack-name"))
  var deployed: String?

  @Option(
    help: "The stack (as `gen list` names it) to render; default: every stack, or the default one with --deployed.")
  var stack: String?

  @OptionGroup var aws: AWSOptions

  @Option(help: "Output format: text, markdown or json.")
  var format: Format = .text

  @Option(
    help:
      "Which differences exit 1: any (default), dangerous (a resource replaced or data destroyed; other changes exit 0), never."
  )
  var failOn: FailOn = .any

  @Flag(help: "No colour in text output (there is none when stdout is not a terminal).")
  var noColor = false

  func validate() throws {
    if deployed != nil {
      guard new == nil else { throw ValidationError("with --deployed, give at most one template file: the new one") }
      guard base == nil else { throw ValidationError("--deployed and --base cannot be combined; choose one baseline") }
    }
    if old != nil, deployed == nil, stack != nil {
      throw ValidationError("--stack chooses a stack to render; with two files there is none to choose")
    }
  }

  func run() throws {
    var pairs: [(name: String, old: TemplateDocument, new: TemplateDocument)] = []
    do {
      pairs = try comparedPairs()
    } catch let error as DeployError {
      printError("diff: \(error.message)")
      throw ExitCode(2)
    } catch let error as AWSCommandError {
      printError("diff: \(error)")
      throw ExitCode(2)
    } catch {
      printError("\(error)")
      throw ExitCode(2)
    }
    var differences: [TemplateDifference] = []
    var output = ""
    for pair in pairs {
      let difference = TemplateDiffer.compare(old: pair.old, new: pair.new)
      differences.append(difference)
      if pairs.count > 1 { output += format == .markdown ? "## \(pair.name)\n\n" : "== \(pair.name)\n" }
      switch format {
      case .text: output += DifferenceRenderer.text(difference, color: !noColor && isatty(STDOUT_FILENO) == 1)
      case .markdown: output += DifferenceRenderer.markdown(difference)
      case .json: output += try DifferenceRenderer.json(difference)
      }
    }
    try reporting { try OutputFile.writeToStandardOutput(output) }
    switch failOn {
    case .any: if differences.contains(where: { !$0.isEmpty }) { throw ExitCode(1) }
    case .dangerous: if differences.contains(where: \.isDangerous) { throw ExitCode(1) }
    case .never: break
    }
  }

  /// The templates to compare, each read through the template-syntax layer.
  private func comparedPairs() throws -> [(name: String, old: TemplateDocument, new: TemplateDocument)] {
    if let deployed {
      let before = try aws.commandLine.deployedTemplate(stackName: deployed)
      if let file = old {
        return [(file, before, try read(file))]
      }
      let stack = try Gen.stack(named: stack)
      return [(stack.name, before, try stack.template().document())]
    }
    switch (old, new) {
    case (let old?, let new?):
      return [(new, try read(old), try read(new))]
    case (nil, nil):
      let stacks = try stack.map { [try Gen.stack(named: $0)] } ?? Gen.stacks
      return try stacks.map { stack in
        let path = directory + "/" + stack.fileName
        let committed = try base.map { try gitShow("\($0):\(path)") } ?? OutputFile.read(path)
        return (
          stack.name, try parse(committed, name: base.map { "\($0):\(path)" } ?? path),
          try stack.template().document()
        )
      }
    default:
      throw OutputError(description: "give two template files, or none to compare the committed templates")
    }
  }

  private func read(_ path: String) throws -> TemplateDocument {
    try parse(try OutputFile.read(path), name: path)
  }

  private func parse(_ text: String, name: String) throws -> TemplateDocument {
    do {
      return try TemplateDocument(parsing: text)
    } catch {
      throw OutputError(description: "\(name): \(error)")
    }
  }

  /// `git show REVISION:PATH`.
  private func gitShow(_ object: String) throws -> String {
    let result: ProcessResult
    do {
      result = try runProcess(["git", "show", object])
    } catch {
      throw OutputError(description: "cannot run git: \(error)")
    }
    guard result.status == 0 else {
      throw OutputError(description: "git show \(object) failed; is the revision right and the file committed there?")
    }
    return result.outputText
  }
}
