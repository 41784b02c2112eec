import ArgumentParser
import SystemSupport
import TemplateDiff
import YAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `gen diff [OLD NEW] [--base REF] [--format text|markdown|json] [--no-color]`.
struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show what changes between two templates, as CloudFormation would apply it.",
    discussion: """
      With two files (YAML or JSON), compares them. Without, compares each committed template in \
      --directory with what the code renders now; with --base REF, the templates at that git revision instead. \
      Exit status: 0 when equal, 1 when different, 2 on error.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
  }

  @Argument(help: "The old template file.")
  var old: String?

  @Argument(help: "The new template file.")
  var new: String?

  @Option(help: "Compare with the committed templates at this git revision (git show REF:DIR/FILE).")
  var base: String?

  @Option(help: "The directory of committed templates.")
  var directory: String = "Generated"

  @Option(help: "Output format: text, markdown or json.")
  var format: Format = .text

  @Flag(help: "No colour in text output (there is none when stdout is not a terminal).")
  var noColor = false

  func run() throws {
    var pairs: [(name: String, old: String, new: String)] = []
    do {
      switch (old, new) {
      case (let old?, let new?):
        pairs = [(new, try OutputFile.read(old), try OutputFile.read(new))]
      case (nil, nil):
        for stack in Gen.stacks {
          let path = directory + "/" + stack.fileName
          let committed = try base.map { try gitShow("\($0):\(path)") } ?? OutputFile.read(path)
          pairs.append((stack.name, committed, try stack.render(.yaml)))
        }
      default:
        throw OutputError(description: "give two template files, or none to compare the committed templates")
      }
    } catch let error as OutputError {
      printError("\(error)")
      throw ExitCode(2)
    } catch {
      printError("\(error)")
      throw ExitCode(2)
    }
    var different = false
    var output = ""
    for pair in pairs {
      let difference: TemplateDifference
      do {
        difference = try TemplateDiffer.compare(old: pair.old, new: pair.new)
      } catch {
        printError("\(pair.name): \(error)")
        throw ExitCode(2)
      }
      different = different || !difference.isEmpty
      if pairs.count > 1 { output += format == .markdown ? "## \(pair.name)\n\n" : "== \(pair.name)\n" }
      switch format {
      case .text: output += DifferenceRenderer.text(difference, color: !noColor && isatty(STDOUT_FILENO) == 1)
      case .markdown: output += DifferenceRenderer.markdown(difference)
      case .json: output += try DifferenceRenderer.json(difference)
      }
    }
    try reporting { try OutputFile.writeToStandardOutput(output) }
    if different { throw ExitCode(1) }
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
