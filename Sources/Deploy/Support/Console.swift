import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the deploy commands talk to the user: standard output, and standard
/// input for a confirmation.
public struct Console: Sendable {
  /// Whether standard output is a terminal (live progress) or not (one line per event).
  public var outputIsTerminal: Bool
  /// Whether standard input is a terminal, so a question can be asked.
  public var inputIsTerminal: Bool
  /// Where progress is written: standard output, or standard error when
  /// standard output carries a report (`gen rollout --format json`).
  public var outputDescriptor: Int32

  public init(outputIsTerminal: Bool, inputIsTerminal: Bool, outputDescriptor: Int32 = STDOUT_FILENO) {
    self.outputIsTerminal = outputIsTerminal
    self.inputIsTerminal = inputIsTerminal
    self.outputDescriptor = outputDescriptor
  }

  /// The process's own terminal state.
  public static var standard: Console {
    Console(outputIsTerminal: isatty(STDOUT_FILENO) == 1, inputIsTerminal: isatty(STDIN_FILENO) == 1)
  }

  /// Progress on standard error, standard output left to a report.
  public static var progressOnStandardError: Console {
    Console(
      outputIsTerminal: isatty(STDERR_FILENO) == 1, inputIsTerminal: isatty(STDIN_FILENO) == 1,
      outputDescriptor: STDERR_FILENO)
  }

  /// Writes `text` unbuffered, so progress shows as it happens.
  public func write(_ text: String) {
    // A closed standard output (say `| head`) only ends the output, not the command.
    try? writeAll(outputDescriptor, Array(text.utf8))
  }

  /// Goes on only on a yes: `assumeYes` (`--yes`), or `question` answered yes
  /// on a terminal. Otherwise throws `offTerminal` when there is no terminal
  /// to ask on, and `declined` when the answer is no.
  func requireYes(_ question: String, assumeYes: Bool, offTerminal: String, declined: String) throws {
    guard !assumeYes else { return }
    guard inputIsTerminal else { throw DeployError(offTerminal) }
    guard confirm(question) else { throw DeployError(declined) }
  }

  /// Asks a yes/no question; only an answer of `y` or `yes` is yes.
  public func confirm(_ question: String) -> Bool {
    write(question + " [y/N] ")
    guard let answer = readLine() else {
      write("\n")
      return false
    }
    return ["y", "yes"].contains(answer.trimmingWhitespace().lowercased())
  }
}
