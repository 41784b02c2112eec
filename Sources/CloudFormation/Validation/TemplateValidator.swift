/// Checks a template before anything is written and collects every problem.
struct TemplateValidator {
  let template: Template
  let options: RenderOptions

  private(set) var problems: [TemplateProblem] = []

  private var parameterIDs: [String] = []
  private var resourceIDs: [String] = []
  private var conditionIDs: [String] = []
  private var mappingIDs: [String] = []
  private var outputIDs: [String] = []
  private var ruleIDs: [String] = []
  /// The same IDs as sets, for lookups (a template may hold thousands of references).
  private var parameterSet: Set<String> = []
  private var resourceSet: Set<String> = []
  private var conditionSet: Set<String> = []
  private var mappingSet: Set<String> = []

  init(template: Template, options: RenderOptions) {
    self.template = template
    self.options = options
    for element in template.elements {
      switch element {
      case .parameter(let parameter): parameterIDs.append(parameter.logicalID)
      case .resource(let resource): resourceIDs.append(resource.logicalID)
      case .condition(let condition): conditionIDs.append(condition.logicalID)
      case .mapping(let mapping): mappingIDs.append(mapping.logicalID)
      case .output(let output): outputIDs.append(output.logicalID)
      case .rule(let rule): ruleIDs.append(rule.logicalID)
      case .parameterGroup: break
      }
    }
    parameterSet = Set(parameterIDs)
    resourceSet = Set(resourceIDs)
    conditionSet = Set(conditionIDs)
    mappingSet = Set(mappingIDs)
  }

  static let pseudoParameters = Set(Pseudo.allCases.map(\.rawValue))

  mutating func validate() -> [TemplateProblem] {
    checkLogicalIDs()
    checkQuotas()
    let parameters = Set(parameterIDs)
    let resources = Set(resourceIDs)
    var dependencies: [String: [String]] = [:]
    for element in template.elements {
      switch element {
      case .parameter(let parameter):
        if parameter.type.name.isEmpty {
          problems.append(
            TemplateProblem(
              section: "Parameters", logicalID: parameter.logicalID, property: "Type",
              message: "the parameter type is empty; use a CloudFormation parameter type such as String or Number"))
        }
      case .parameterGroup(let group):
        for id in group.parameterIDs where !parameters.contains(id) {
          problems.append(
            TemplateProblem(
              section: "Metadata", logicalID: "AWS::CloudFormation::Interface",
              property: "ParameterGroups[\(group.label)]",
              message:
                "lists the parameter \(id), which is not in the template; add the parameter or remove it from the group"
            ))
        }
      case .rule(let rule):
        if let condition = rule.ruleCondition {
          checkReferences(condition.expression, section: "Rules", logicalID: rule.logicalID, path: "RuleCondition")
        }
        for (index, assertion) in rule.assertions.enumerated() {
          checkReferences(
            assertion.assert.expression, section: "Rules", logicalID: rule.logicalID,
            path: "Assertions[\(index)].Assert")
        }
      case .mapping:
        break
      case .condition(let condition):
        checkReferences(
          condition.expression.expression, section: "Conditions", logicalID: condition.logicalID, path: "")
      case .resource(let resource):
        var references: [String] = []
        checkReferences(
          resource.properties, section: "Resources", logicalID: resource.logicalID, path: "Properties",
          collecting: &references)
        for (property, value) in [
          ("UpdatePolicy", resource.attributes.updatePolicy), ("CreationPolicy", resource.attributes.creationPolicy),
          ("Metadata", resource.attributes.metadata),
        ] {
          if let value {
            checkReferences(
              value.expression, section: "Resources", logicalID: resource.logicalID, path: property,
              collecting: &references)
          }
        }
        for dependency in resource.attributes.dependsOn {
          if dependency == resource.logicalID {
            problems.append(
              TemplateProblem(
                section: "Resources", logicalID: resource.logicalID, property: "DependsOn",
                message: "the resource depends on itself; remove it from its own DependsOn"))
          } else if !resources.contains(dependency) {
            problems.append(
              TemplateProblem(
                section: "Resources", logicalID: resource.logicalID, property: "DependsOn",
                message:
                  "depends on \(dependency), which is not a resource of the template; add it to the template or remove the dependency"
              ))
          }
        }
        if let condition = resource.attributes.condition {
          checkCondition(condition, section: "Resources", logicalID: resource.logicalID, path: "Condition")
        }
        dependencies[resource.logicalID] = resource.attributes.dependsOn + references.filter { resources.contains($0) }
      case .output(let output):
        checkReferences(output.value, section: "Outputs", logicalID: output.logicalID, path: "Value")
        if let export = output.exportName {
          checkReferences(export.expression, section: "Outputs", logicalID: output.logicalID, path: "Export.Name")
        }
        if let condition = output.condition {
          checkCondition(condition, section: "Outputs", logicalID: output.logicalID, path: "Condition")
        }
      }
    }
    checkCycles(dependencies)
    return problems
  }

  // MARK: - Logical IDs

  private mutating func checkLogicalIDs() {
    let sections: [(String, [String])] = [
      ("Parameters", parameterIDs), ("Rules", ruleIDs), ("Mappings", mappingIDs), ("Conditions", conditionIDs),
      ("Resources", resourceIDs), ("Outputs", outputIDs),
    ]
    for (section, ids) in sections {
      var seen = Set<String>()
      for id in ids {
        if !seen.insert(id).inserted {
          problems.append(
            TemplateProblem(
              section: section, logicalID: id,
              message: "the logical ID is declared more than once; give each \(Self.singular(section)) its own ID"))
        }
        if id.isEmpty || id.utf8.count > 255 || !id.utf8.allSatisfy(Self.isAlphanumeric) {
          problems.append(
            TemplateProblem(
              section: section, logicalID: id,
              message: "a logical ID must be 1 to 255 ASCII letters and digits (A-Z, a-z, 0-9); rename it"))
        }
      }
    }
    let resources = Set(resourceIDs)
    for id in Set(parameterIDs).intersection(resources).sorted() {
      problems.append(
        TemplateProblem(
          section: "Resources", logicalID: id,
          message: "a parameter has the same logical ID, so !Ref \(id) would be ambiguous; rename one of them"))
    }
  }

  private static func singular(_ section: String) -> String {
    switch section {
    case "Parameters": "parameter"
    case "Rules": "rule"
    case "Mappings": "mapping"
    case "Conditions": "condition"
    case "Resources": "resource"
    default: "output"
    }
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  // MARK: - Quotas

  private mutating func checkQuotas() {
    guard !options.ignoresQuotasForBenchmarks else { return }
    let quotas: [(String, Int, Int)] = [
      ("Resources", resourceIDs.count, 500), ("Parameters", parameterIDs.count, 200),
      ("Outputs", outputIDs.count, 200), ("Mappings", mappingIDs.count, 200),
    ]
    for (section, count, limit) in quotas where count > limit {
      problems.append(
        TemplateProblem(
          section: section,
          message:
            "\(count) \(section.lowercased()) exceed CloudFormation's quota of \(limit) per template; split the stack into nested or separate stacks"
        ))
    }
  }

  /// Size quotas, checked on the written body.
  static func sizeProblems(bytes: Int, options: RenderOptions) -> [TemplateProblem] {
    guard !options.ignoresQuotasForBenchmarks else { return [] }
    if bytes > 1_048_576 {
      return [
        TemplateProblem(
          message:
            "the template body is \(bytes) bytes, over CloudFormation's quota of 1,048,576 bytes (1 MB); split the stack into nested stacks"
        )
      ]
    }
    if bytes > 51_200 {
      return [
        TemplateProblem(
          .warning,
          message:
            "the template body is \(bytes) bytes, over the 51,200 bytes CloudFormation accepts inline; upload it to S3 (aws cloudformation deploy --s3-bucket …)"
        )
      ]
    }
    return []
  }

  // MARK: - References

  private mutating func checkReferences(_ expression: Expression, section: String, logicalID: String, path: String) {
    var ignored: [String] = []
    checkReferences(expression, section: section, logicalID: logicalID, path: path, collecting: &ignored)
  }

  private mutating func checkReferences(
    _ expression: Expression, section: String, logicalID: String, path: String, collecting references: inout [String]
  ) {
    func child(_ suffix: String) -> String { path.isEmpty ? suffix : path + suffix }
    switch expression {
    case .scalar:
      break
    case .list(let items):
      for (index, item) in items.enumerated() {
        checkReferences(
          item, section: section, logicalID: logicalID, path: child("[\(index)]"), collecting: &references)
      }
    case .object(let entries, _):
      for entry in entries {
        checkReferences(
          entry.value, section: section, logicalID: logicalID, path: path.isEmpty ? entry.key : "\(path).\(entry.key)",
          collecting: &references)
      }
    case .ref(let name):
      references.append(name)
      if !parameterSet.contains(name) && !resourceSet.contains(name) && !Self.pseudoParameters.contains(name) {
        problems.append(
          TemplateProblem(
            section: section, logicalID: logicalID, property: path.isEmpty ? nil : path,
            message:
              "!Ref \(name) refers to nothing in the template (no parameter, resource or pseudo parameter of that name); add it or fix the name"
          ))
      }
    case .getAtt(let resource, let attribute):
      references.append(resource)
      if !resourceSet.contains(resource) {
        problems.append(
          TemplateProblem(
            section: section, logicalID: logicalID, property: path.isEmpty ? nil : path,
            message:
              "!GetAtt \(resource).\(attribute) refers to \(resource), which is not a resource of the template; add it or fix the name"
          ))
      }
    case .sub(let text, let variables):
      checkSub(
        text, variables: variables.map(\.key), section: section, logicalID: logicalID, path: path,
        collecting: &references)
      for variable in variables {
        checkReferences(
          variable.value, section: section, logicalID: logicalID, path: child("(Sub ${\(variable.key)})"),
          collecting: &references)
      }
    case .join(_, let list), .split(_, let list), .getAZs(let list), .importValue(let list), .base64(let list),
      .length(let list), .toJsonString(let list), .not(let list):
      checkReferences(list, section: section, logicalID: logicalID, path: path, collecting: &references)
    case .select(let index, let list):
      checkReferences(index, section: section, logicalID: logicalID, path: path, collecting: &references)
      checkReferences(list, section: section, logicalID: logicalID, path: path, collecting: &references)
    case .if(let condition, let whenTrue, let whenFalse):
      checkCondition(condition, section: section, logicalID: logicalID, path: path.isEmpty ? "!If" : path)
      checkReferences(whenTrue, section: section, logicalID: logicalID, path: path, collecting: &references)
      checkReferences(whenFalse, section: section, logicalID: logicalID, path: path, collecting: &references)
    case .equals(let left, let right):
      checkReferences(left, section: section, logicalID: logicalID, path: path, collecting: &references)
      checkReferences(right, section: section, logicalID: logicalID, path: path, collecting: &references)
    case .and(let items), .or(let items):
      for item in items {
        checkReferences(item, section: section, logicalID: logicalID, path: path, collecting: &references)
      }
    case .condition(let name):
      checkCondition(name, section: section, logicalID: logicalID, path: path.isEmpty ? "!Condition" : path)
    case .findInMap(let mapping, let topLevelKey, let secondLevelKey):
      if !mappingSet.contains(mapping) {
        problems.append(
          TemplateProblem(
            section: section, logicalID: logicalID, property: path.isEmpty ? nil : path,
            message:
              "!FindInMap reads the mapping \(mapping), which is not in the template; add the mapping or fix the name"))
      }
      checkReferences(topLevelKey, section: section, logicalID: logicalID, path: path, collecting: &references)
      checkReferences(secondLevelKey, section: section, logicalID: logicalID, path: path, collecting: &references)
    case .cidr(let block, let count, let bits):
      for item in [block, count, bits] {
        checkReferences(item, section: section, logicalID: logicalID, path: path, collecting: &references)
      }
    }
  }

  private mutating func checkCondition(_ name: String, section: String, logicalID: String, path: String) {
    guard !conditionSet.contains(name) else { return }
    problems.append(
      TemplateProblem(
        section: section, logicalID: logicalID, property: path,
        message: "uses the condition \(name), which is not in the template's Conditions; add it or fix the name"))
  }

  /// `${Name}`, `${Resource.Attribute}` and `${!Literal}` in a `!Sub` string.
  private mutating func checkSub(
    _ text: String, variables: [String], section: String, logicalID: String, path: String,
    collecting references: inout [String]
  ) {
    var rest = Substring(text)
    while let start = rest.firstRange(of: "${") {
      rest = rest[start.upperBound...]
      guard let end = rest.firstIndex(of: "}") else {
        problems.append(
          TemplateProblem(
            section: section, logicalID: logicalID, property: path.isEmpty ? nil : path,
            message: "!Sub has a ${ without a closing }; close it, or write ${!Literal} for a literal ${"))
        return
      }
      let name = String(rest[..<end])
      rest = rest[rest.index(after: end)...]
      if name.hasPrefix("!") { continue }
      if variables.contains(name) || parameterSet.contains(name) || resourceSet.contains(name)
        || Self.pseudoParameters.contains(name)
      {
        if resourceSet.contains(name) { references.append(name) }
        continue
      }
      if let dot = name.firstIndex(of: "."), resourceSet.contains(String(name[..<dot])) {
        references.append(String(name[..<dot]))
        continue
      }
      problems.append(
        TemplateProblem(
          section: section, logicalID: logicalID, property: path.isEmpty ? nil : path,
          message:
            "!Sub refers to ${\(name)}, which is no parameter, resource, resource attribute, pseudo parameter or variable of the !Sub; add it or write ${!\(name)} for the literal text"
        ))
    }
  }

  // MARK: - Cycles

  /// Dependency cycles through `DependsOn` and references (`!Ref`, `!GetAtt`, `${…}`).
  private mutating func checkCycles(_ dependencies: [String: [String]]) {
    enum Mark { case visiting, done }
    var marks: [String: Mark] = [:]
    var stack: [String] = []
    var reported = Set<[String]>()
    func visit(_ id: String, _ problems: inout [TemplateProblem]) {
      marks[id] = .visiting
      stack.append(id)
      for next in dependencies[id] ?? [] {
        switch marks[next] {
        case .visiting:
          let cycle = Array(stack[stack.lastIndex(of: next)!...])
          let start = cycle.indices.min { cycle[$0].utf8.lexicographicallyPrecedes(cycle[$1].utf8) }!
          let canonical = Array(cycle[start...] + cycle[..<start])
          if reported.insert(canonical).inserted {
            problems.append(
              TemplateProblem(
                section: "Resources", logicalID: canonical[0], property: "DependsOn",
                message:
                  "circular dependency \((canonical + [canonical[0]]).joined(separator: " → ")); remove a DependsOn or a reference so that one can be created first"
              ))
          }
        case .done:
          break
        case nil:
          visit(next, &problems)
        }
      }
      stack.removeLast()
      marks[id] = .done
    }
    for id in resourceIDs where marks[id] == nil {
      visit(id, &problems)
    }
  }
}
