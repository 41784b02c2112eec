import ArgumentParser
import Deploy
import SystemSupport
import TemplateDiff
import TemplateImport
import TemplateSyntax

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `gen import FILE… [--name NAME] [--output DIR] [--check]`, or
/// `gen import --stack-name STACK …`: templates written as Swift stacks.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Write a template (YAML or JSON) as a Swift stack on the typed resources.",
    discussion: """
      Reads each template through the template-syntax layer and writes a Swift type whose parameters, \
      mappings, conditions, rules and resources are static values that refer to each other by name, and whose \
      `template` declares them in the template's order; formatted with swift format. With --check, builds the \
      imported stacks in a package that depends on this one (kept in --check-directory, so later checks compile \
      only what changed), renders them, and compares each with its template as gen diff does. \
      Exit status: 0 when imported (and, with --check, equal), 1 when a check finds a difference, \
      2 when a template cannot be imported.
      """)

  @Argument(help: "The template files to import.")
  var files: [String] = []

  @Option(help: "The Swift type's name (default: from the file's name, deploy-canary.yml → DeployCanary).")
  var name: String?

  @Option(help: "The folder to write <Name>.swift into (default: the Swift on standard output).")
  var output: String?

  @Option(
    help: ArgumentHelp(
      "Import the template deployed in this CloudFormation stack (aws cloudformation get-template).",
      valueName: "stack-name"))
  var stackName: String?

  @OptionGroup var aws: AWSOptions

  @Flag(help: "Build the imported stacks, render them and compare them with their templates.")
  var check = false

  @Option(help: "The package --check builds in, kept between runs.")
  var checkDirectory = ".build/gen-import-check"

  func validate() throws {
    if stackName != nil, !files.isEmpty {
      throw ValidationError("give template files or --stack-name, not both")
    }
    if stackName == nil, files.isEmpty {
      throw ValidationError("give a template file to import (or --stack-name to import a deployed stack's)")
    }
    if name != nil, files.count > 1 {
      throw ValidationError("--name names one stack; import one file at a time to name it, or drop --name")
    }
    if output == nil, files.count > 1 {
      throw ValidationError("several stacks need --output DIR, one file each")
    }
  }

  func run() throws {
    var sources: [(origin: String, document: TemplateDocument)] = []
    do {
      if let stackName {
        sources.append((stackName, try aws.commandLine.deployedTemplate(stackName: stackName)))
      }
      for file in files {
        sources.append((file, try TemplateDocument(parsing: try OutputFile.read(file))))
      }
    } catch let error as DeployError {
      printError("import: \(error.message)")
      throw ExitCode(2)
    } catch let error as AWSCommandError {
      printError("import: \(error)")
      throw ExitCode(2)
    } catch {
      printError("import: \(files.count == 1 ? "\(files[0]): " : "")\(error)")
      throw ExitCode(2)
    }

    var importer = StackImporter()
    var stacks: [ImportedStack] = []
    for source in sources {
      let typeName = name ?? StackImporter.typeName(forFile: source.origin)
      do {
        var stack = try importer.importStack(source.document, name: typeName, sourceName: source.origin)
        stack.source = try SwiftFormatter.format(
          stack.source, asFile: (output ?? ".") + "/\(typeName).swift")
        guard !stacks.contains(where: { $0.name == stack.name }) else {
          throw ImportError("two templates give the Swift type \(typeName); rename a file")
        }
        stacks.append(stack)
      } catch let error as ImportError {
        printError("import: \(source.origin): \(error)")
        throw ExitCode(2)
      }
    }

    // Every stack is imported before any file is written.
    try reporting {
      if let output {
        try makeDirectories(output)
        for stack in stacks { try OutputFile.writeAtomically("\(output)/\(stack.name).swift", stack.source) }
      } else {
        try OutputFile.writeToStandardOutput(stacks.map(\.source).joined(separator: "\n"))
      }
    }
    if check { try compare(stacks, with: sources.map(\.document)) }
  }

  /// Builds and renders the stacks, and compares each with its template.
  private func compare(_ stacks: [ImportedStack], with documents: [TemplateDocument]) throws {
    let result: ScratchPackage.Result
    do {
      result = try ScratchPackage(directory: checkDirectory).render(stacks)
    } catch {
      printError("import: \(error)")
      throw ExitCode(2)
    }
    var report = ""
    var different = 0
    for (index, rendered) in result.renderings.enumerated() {
      switch rendered.rendering {
      case .failure(let problems):
        different += 1
        report += "\(rendered.name): the imported stack does not render:\n\(problems)\n"
      case .template(let text):
        let difference: TemplateDifference
        do {
          difference = TemplateDiffer.compare(old: documents[index], new: try TemplateDocument(parsing: text))
        } catch {
          different += 1
          report += "\(rendered.name): its rendering cannot be read back: \(error)\n"
          continue
        }
        if difference.isEmpty {
          report += "\(rendered.name): renders the same template\n"
        } else {
          different += 1
          report += "\(rendered.name): renders a different template:\n\(DifferenceRenderer.text(difference))"
        }
      }
    }
    for slow in result.slowExpressions {
      report += "note: slow to type-check (over \(ScratchPackage.slowExpressionMilliseconds) ms): \(slow)\n"
    }
    try reporting { try OutputFile.writeAll(STDERR_FILENO, report) }
    if different > 0 { throw ExitCode(1) }
  }
}
