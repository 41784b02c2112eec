import ArgumentParser

/// `gen render [STACK] [--format yaml|json] [--output FILE]`.
struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a stack's template (the default stack when none is named).")

  @Argument(help: "The stack to render (see `gen list`).")
  var stack: String?

  @Option(help: "Output format: yaml or json.")
  var format: OutputFormat = .yaml

  @Option(help: "Write the template to this file (atomically: nothing is left behind on error) instead of stdout.")
  var output: String?

  func run() throws {
    let definition = try Gen.stack(named: stack)
    let text = try reporting { try definition.render(format) }
    if let output {
      try reporting { try OutputFile.writeAtomically(output, text) }
    } else {
      try reporting { try OutputFile.writeToStandardOutput(text) }
    }
  }
}
