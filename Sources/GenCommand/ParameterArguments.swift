import Deploy

/// `gen deploy`'s per-parameter options (`--image-uri-stable VALUE`), which
/// depend on the template and so cannot be declared to the argument parser:
/// before parsing, every `--NAME VALUE` or `--NAME=VALUE` that is not one of
/// deploy's own options becomes the hidden `--parameter-option NAME=VALUE`, and
/// the deploy command matches NAME with the template's parameters once it has
/// the template (``ParameterInputs``).
enum ParameterArguments {
  /// The hidden option carrying a per-parameter option.
  static let carrier = "--parameter-option"

  /// `arguments` (without the program name) with the per-parameter options of a
  /// `deploy` rewritten; any other command's arguments unchanged.
  static func rewritten(_ arguments: [String]) -> [String] {
    guard arguments.first == DeployCommand.configuration.commandName else { return arguments }
    var result = [arguments[0]]
    var index = 1
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" {
        result += arguments[(index - 1)...]
        break
      }
      guard argument.hasPrefix("--"), argument.count > 2 else {
        result.append(argument)
        continue
      }
      let body = argument.dropFirst(2)
      let name = String(body.prefix(while: { $0 != "=" }))
      if let takesValue = DeployCommand.ownOptions[name] {
        result.append(argument)
        if takesValue, !body.contains("="), index < arguments.count {
          result.append(arguments[index])
          index += 1
        }
        continue
      }
      if body.contains("=") {
        result += [carrier, String(body)]
      } else if index < arguments.count, !arguments[index].hasPrefix("--") {
        result += [carrier, name + "=" + arguments[index]]
        index += 1
      } else {
        result += [carrier, name]
      }
    }
    return result
  }

  /// What the carrier holds: `NAME=VALUE`, or `NAME` for an option given without a value.
  static func given(_ carried: String) -> ParameterInputs.Given {
    guard let equals = carried.firstIndex(of: "=") else { return .init(name: .option(carried), value: nil) }
    return .init(name: .option(String(carried[..<equals])), value: String(carried[carried.index(after: equals)...]))
  }
}
