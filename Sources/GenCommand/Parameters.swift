import ArgumentParser
import Deploy
import TemplateSyntax

/// `gen parameters [STACK]`: how to set each parameter of a stack's template.
struct Parameters: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List a stack's parameters: type, default, and the option and environment variable that set each.")

  @Argument(help: "The stack, as `gen list` names it; default: the default stack.")
  var stack: String?

  func run() throws {
    try reportingDeployErrors(command: "parameters") {
      let declarations = try Gen.stack(named: stack).document().parameterDeclarations
      let names = ParameterNames.derive(
        for: declarations, reservedOptions: Set(DeployCommand.ownOptions.keys),
        reservedVariables: ReservedVariables.reserved(
          among: declarations.map { SettingName.environmentVariable(for: $0.logicalID) }))
      guard !names.isEmpty else {
        try reporting { try OutputFile.writeToStandardOutput("The template has no parameters.\n") }
        return
      }
      let rows =
        [["Parameter", "Type", "Default", "Option", "Environment"]]
        + names.map { name in
          [
            name.declaration.logicalID, name.declaration.type,
            name.declaration.noEcho ? "(hidden)" : name.declaration.defaultValue ?? "(required)",
            name.option.map { "--\($0)" } ?? "--parameter \(name.declaration.logicalID)=…",
            name.environmentVariable ?? "-",
          ]
        }
      let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
      let text = rows.map { row in
        row.enumerated().map { column, cell in column == 4 ? cell : cell.padding(to: widths[column] + 2) }.joined()
      }.joined(separator: "\n")
      try reporting { try OutputFile.writeToStandardOutput(text + "\n") }
    }
  }
}

extension String {
  fileprivate func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
