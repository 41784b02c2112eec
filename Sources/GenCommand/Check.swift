import ArgumentParser
import CloudFormation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `gen check DIR`: the committed templates are what the code produces now. The
/// templates' warnings (a stateful resource without a deletion policy, a body
/// over the inline limit) are printed on stderr; they do not fail the check.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Exit non-zero, naming every stale file, when the templates in DIR differ from what the code produces.")

  @Argument(help: "The directory of committed templates, such as Generated.")
  var directory: String

  func run() throws {
    var stale: [String] = []
    for stack in Gen.stacks {
      for warning in stack.template().problems() where warning.severity == .warning {
        printError("\(stack.name): \(warning)")
      }
      let path = directory + "/" + stack.fileName
      let expected = try reporting { try stack.render(.yaml) }
      let committed = try? OutputFile.read(path)
      if committed == nil {
        stale.append("\(path): missing")
      } else if committed != expected {
        stale.append("\(path): differs from `gen render \(stack.name)`")
      }
    }
    guard stale.isEmpty else {
      for line in stale { printError("stale: \(line)") }
      printError("regenerate with: for each stack, gen render STACK --output \(directory)/FILE (see `gen list`)")
      throw ExitCode(1)
    }
    print("\(Gen.stacks.count) template\(Gen.stacks.count == 1 ? " is" : "s are") current in \(directory)")
  }
}
