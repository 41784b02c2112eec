import TemplateSyntax

/// The parameter values a deploy was given, matched with the template's own
/// parameters by ``resolve(for:)``: each value comes from the command line, else
/// the parameters file, else the environment, else the template's default, and
/// is checked against the template's constraints before anything touches AWS.
///
/// ```swift
/// let inputs = ParameterInputs(
///   given: [.init(parameter: "ImageURIStable", value: "repo/app:2")],
///   environment: { name in getenv(name).map { String(cString: $0) } })
/// let settings = try inputs.resolve(for: document.parameterDeclarations)
/// ```
public struct ParameterInputs: Sendable {
  /// A value given on the command line.
  public struct Given: Hashable, Sendable {
    /// How the parameter was named.
    public enum Name: Hashable, Sendable {
      /// By its logical ID: `--parameter TaskCpu=512`.
      case logicalID(String)
      /// By its derived option, without the dashes: `--task-cpu 512`.
      case option(String)
    }

    public var name: Name
    /// Nil when an option was given without a value.
    public var value: String?

    public init(name: Name, value: String?) {
      self.name = name
      self.value = value
    }

    /// `--parameter Name=Value`.
    public init(parameter logicalID: String, value: String) {
      self.init(name: .logicalID(logicalID), value: value)
    }

    /// How it was written, for messages: `--task-cpu` or `--parameter TaskCpu`.
    var spelling: String {
      switch name {
      case .logicalID(let id): "--parameter \(id)"
      case .option(let option): "--\(option)"
      }
    }
  }

  public var given: [Given]
  public var file: ParameterFile?
  /// A non-empty environment variable's value, by name.
  public var environment: @Sendable (String) -> String?
  /// Options gen's command takes itself, without dashes (`stack-name`): no parameter option is derived to them.
  public var reservedOptions: Set<String>
  /// Environment variables gen reads itself (`STACK_NAME`): likewise.
  public var reservedVariables: Set<String>

  public init(
    given: [Given] = [], file: ParameterFile? = nil,
    environment: @escaping @Sendable (String) -> String? = { _ in nil },
    reservedOptions: Set<String> = [], reservedVariables: Set<String> = []
  ) {
    self.given = given
    self.file = file
    self.environment = environment
    self.reservedOptions = reservedOptions
    self.reservedVariables = reservedVariables
  }

  /// The option and variable of each parameter of `declarations`.
  public func names(for declarations: [ParameterDeclaration]) -> [ParameterNames] {
    ParameterNames.derive(
      for: declarations, reservedOptions: reservedOptions, reservedVariables: reservedVariables)
  }

  /// One setting per declared parameter, in template order. Throws one
  /// ``DeployError`` listing every problem: a name the template does not declare,
  /// a parameter given twice with different values, a missing value, a value
  /// that breaks the parameter's constraints.
  public func resolve(for declarations: [ParameterDeclaration]) throws -> [ParameterSetting] {
    let names = names(for: declarations)
    var problems: [String] = []
    var explicit: [String: (value: String, spelling: String)] = [:]
    var givenWithoutValue = Set<String>()
    for given in self.given {
      let match: ParameterNames?
      switch given.name {
      case .logicalID(let id): match = names.first { $0.declaration.logicalID == id }
      case .option(let option): match = names.first { $0.option == option }
      }
      guard let match else {
        problems.append(unknownName(given, names: names))
        continue
      }
      let id = match.declaration.logicalID
      guard let value = given.value else {
        problems.append("\(given.spelling) needs a value, such as \(given.spelling) VALUE")
        givenWithoutValue.insert(id)
        continue
      }
      if let earlier = explicit[id] {
        if earlier.value != value {
          problems.append(
            "\(id) is given twice with different values, \(earlier.spelling) \"\(earlier.value)\" and "
              + "\(given.spelling) \"\(value)\"; give it once")
        }
        continue
      }
      explicit[id] = (value, given.spelling)
    }
    var fileEntries: [String: ParameterFile.Entry] = [:]
    if let file {
      for entry in file.entries {
        guard declarations.contains(where: { $0.logicalID == entry.logicalID }) else {
          problems.append(
            "\(file.path): the template has no parameter \(entry.logicalID); \(Self.declaredList(declarations))")
          continue
        }
        fileEntries[entry.logicalID] = entry
      }
    }
    var settings: [ParameterSetting] = []
    for parameter in names {
      let declaration = parameter.declaration
      let id = declaration.logicalID
      let setting: ParameterSetting
      if let given = explicit[id] {
        setting = ParameterSetting(ParameterValue(id, given.value), source: .option(given.spelling))
      } else if let file, let entry = fileEntries[id] {
        setting = ParameterSetting(
          ParameterValue(id, entry.value, usePreviousValue: entry.usePreviousValue), source: .file(file.path))
      } else if let variable = parameter.environmentVariable, let value = environment(variable) {
        setting = ParameterSetting(ParameterValue(id, value), source: .environment(variable))
      } else if let value = declaration.defaultValue {
        setting = ParameterSetting(ParameterValue(id, value), source: .templateDefault)
      } else {
        if !givenWithoutValue.contains(id) { problems.append(missing(parameter)) }
        continue
      }
      if !setting.value.usePreviousValue, let problem = declaration.problem(with: setting.value.value) {
        problems.append(Self.describe(problem, of: setting, parameter: parameter))
        continue
      }
      settings.append(setting)
    }
    guard problems.count <= 1 else {
      throw DeployError(
        "\(problems.count) settings are wrong:\n" + problems.map { "  - " + $0 }.joined(separator: "\n"))
    }
    if let problem = problems.first { throw DeployError(problem) }
    return settings
  }

  private func missing(_ parameter: ParameterNames) -> String {
    let declaration = parameter.declaration
    let description = declaration.description.map { " (\($0))" } ?? ""
    if let option = parameter.option, let variable = parameter.environmentVariable {
      return "\(variable) is not set: give \(declaration.logicalID) with --\(option) or \(variable)\(description)"
    }
    return "\(declaration.logicalID) is not set: give it with \(parameter.ways)\(description)"
  }

  private func unknownName(_ given: Given, names: [ParameterNames]) -> String {
    switch given.name {
    case .logicalID(let id):
      return "--parameter \(id): the template has no parameter \(id); "
        + Self.declaredList(names.map(\.declaration))
    case .option(let option):
      let options = names.compactMap { $0.option.map { "--\($0)" } }
      return "--\(option) is neither an option of gen deploy nor a parameter of the template; "
        + (options.isEmpty
          ? Self.declaredList(names.map(\.declaration))
          : "its parameters' options are \(options.joined(separator: ", "))")
    }
  }

  static func declaredList(_ declarations: [ParameterDeclaration]) -> String {
    declarations.isEmpty
      ? "it declares none"
      : "its parameters are \(declarations.map(\.logicalID).joined(separator: ", "))"
  }

  /// A constraint problem, saying where the value came from and how to set another.
  static func describe(_ problem: String, of setting: ParameterSetting, parameter: ParameterNames) -> String {
    let value = setting.value
    switch setting.source {
    case .environment(let variable):
      let fix =
        parameter.option.map { "--\($0) or \(variable)" } ?? "\(variable) or --parameter \(value.logicalID)=VALUE"
      return "\(variable)=\"\(value.value)\": \(problem); set \(fix)"
    case .option(let spelling):
      return spelling.hasPrefix("--parameter ")
        ? "\(spelling)=\"\(value.value)\": \(problem)" : "\(spelling) \"\(value.value)\": \(problem)"
    case .file(let path):
      return "\(path): \(value.logicalID)=\"\(value.value)\": \(problem)"
    case .templateDefault:
      return "the template's default \(value.logicalID)=\"\(value.value)\": \(problem); set \(parameter.ways)"
    }
  }
}
