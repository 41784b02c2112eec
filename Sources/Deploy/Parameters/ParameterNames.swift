import TemplateSyntax

/// The ways to set one template parameter besides `--parameter Name=Value`: an
/// option and an environment variable derived from its logical ID
/// (`ImageURIStable`: `--image-uri-stable`, `IMAGE_URI_STABLE`). A derived name
/// that one of gen's own options or variables already takes (`--stack-name`,
/// `STACK_NAME`), or that two parameters share, is not offered.
public struct ParameterNames: Hashable, Sendable {
  public var declaration: ParameterDeclaration
  /// The option without its dashes, such as `image-uri-stable`.
  public var option: String?
  /// The environment variable, such as `IMAGE_URI_STABLE`.
  public var environmentVariable: String?

  /// The names of every declared parameter, in template order.
  public static func derive(
    for declarations: [ParameterDeclaration], reservedOptions: Set<String>, reservedVariables: Set<String>
  ) -> [ParameterNames] {
    let options = declarations.map { SettingName.option(for: $0.logicalID) }
    let variables = declarations.map { SettingName.environmentVariable(for: $0.logicalID) }
    return declarations.indices.map { index in
      let option = options[index]
      let variable = variables[index]
      return ParameterNames(
        declaration: declarations[index],
        option: reservedOptions.contains(option) || options.filter({ $0 == option }).count > 1 ? nil : option,
        environmentVariable: reservedVariables.contains(variable) || variables.filter({ $0 == variable }).count > 1
          ? nil : variable)
    }
  }

  /// How to set the parameter, for messages: `--image-uri-stable or IMAGE_URI_STABLE`.
  var ways: String {
    let id = declaration.logicalID
    switch (option, environmentVariable) {
    case (let option?, let variable?): return "--\(option) or \(variable)"
    case (let option?, nil): return "--\(option) or --parameter \(id)=VALUE"
    case (nil, let variable?): return "--parameter \(id)=VALUE or \(variable)"
    case (nil, nil): return "--parameter \(id)=VALUE"
    }
  }
}
