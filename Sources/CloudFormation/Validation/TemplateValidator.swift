import TemplateSyntax

/// Checks a template before anything is written and collects every problem:
/// logical IDs and quotas (``TemplateValidator+LogicalIDs``), references
/// (``TemplateValidator+References``), values CloudFormation or a reader would
/// take for something else (``TemplateValidator+Values``) and dependency cycles
/// (``TemplateValidator+Cycles``).
struct TemplateValidator {
  let template: Template
  let options: RenderOptions

  var problems: [TemplateProblem] = []

  /// The logical IDs of each section, in declaration order.
  var logicalIDs: [TemplateSection: [String]] = [:]
  /// The same IDs as sets, for lookups (a template may hold thousands of references).
  var declared: [TemplateSection: Set<String>] = [:]

  init(template: Template, options: RenderOptions) {
    self.template = template
    self.options = options
    for element in template.elements {
      switch element {
      case .parameter(let parameter): logicalIDs[.parameters, default: []].append(parameter.logicalID)
      case .resource(let resource): logicalIDs[.resources, default: []].append(resource.logicalID)
      case .condition(let condition): logicalIDs[.conditions, default: []].append(condition.logicalID)
      case .mapping(let mapping): logicalIDs[.mappings, default: []].append(mapping.logicalID)
      case .output(let output): logicalIDs[.outputs, default: []].append(output.logicalID)
      case .rule(let rule): logicalIDs[.rules, default: []].append(rule.logicalID)
      case .parameterGroup: break
      }
    }
    for section in TemplateSection.sectionsOfEntries { declared[section] = Set(logicalIDs[section] ?? []) }
  }

  /// Whether `section` declares `logicalID`.
  func declares(_ section: TemplateSection, _ logicalID: String) -> Bool {
    declared[section]?.contains(logicalID) ?? false
  }

  mutating func validate() -> [TemplateProblem] {
    checkLogicalIDs()
    checkQuotas()
    var dependencies: [String: [String]] = [:]
    for element in template.elements {
      switch element {
      case .parameter(let parameter):
        let location = Location(section: .parameters, logicalID: parameter.logicalID)
        if parameter.type.name.isEmpty {
          report(
            location, .key(ParameterKey.type.rawValue),
            "the parameter type is empty; use a CloudFormation parameter type such as String or Number")
        }
        if let defaultValue = parameter.defaultValue {
          check(defaultValue, at: location, .key(ParameterKey.default.rawValue))
        }
        for (index, value) in parameter.allowedValues.enumerated() {
          check(value, at: location, ExpressionPath.key(ParameterKey.allowedValues.rawValue).appending(.index(index)))
        }
      case .parameterGroup(let group):
        for id in group.parameterIDs where !declares(.parameters, id) {
          report(
            Location(section: .metadata, logicalID: InterfaceKey.interface.rawValue),
            .key("\(InterfaceKey.parameterGroups.rawValue)[\(group.label)]"),
            "lists the parameter \(id), which is not in the template; add the parameter or remove it from the group")
        }
      case .rule(let rule):
        let location = Location(section: .rules, logicalID: rule.logicalID)
        if let condition = rule.ruleCondition {
          check(condition.expression, at: location, .key(RuleKey.ruleCondition.rawValue), isCondition: true)
        }
        for (index, assertion) in rule.assertions.enumerated() {
          check(
            assertion.assert.expression, at: location,
            ExpressionPath.key(RuleKey.assertions.rawValue).appending(.index(index)).appending(
              key: RuleKey.assert.rawValue),
            isCondition: true)
        }
      case .mapping(let mapping):
        let location = Location(section: .mappings, logicalID: mapping.logicalID)
        for topLevel in mapping.entries {
          checkDuplicateKeys(topLevel.value.map(\.key), at: location, .key(topLevel.key))
          for entry in topLevel.value {
            check(entry.value.expression, at: location, ExpressionPath.key(topLevel.key).appending(key: entry.key))
          }
        }
        checkDuplicateKeys(mapping.entries.map(\.key), at: location, .root)
      case .condition(let condition):
        check(
          condition.expression.expression, at: Location(section: .conditions, logicalID: condition.logicalID), .root,
          isCondition: true)
      case .resource(let resource):
        dependencies[resource.logicalID] = checkResource(resource)
      case .output(let output):
        let location = Location(section: .outputs, logicalID: output.logicalID)
        check(output.value, at: location, .key(OutputKey.value.rawValue))
        if let export = output.exportName {
          check(
            export.expression, at: location,
            ExpressionPath.key(OutputKey.export.rawValue).appending(key: OutputKey.exportName))
        }
        if let condition = output.condition {
          checkCondition(condition, at: location, .key(OutputKey.condition.rawValue))
        }
      }
    }
    let writesInterface = template.elements.contains { element in
      switch element {
      case .parameterGroup: true
      case .parameter(let parameter): parameter.label != nil
      default: false
      }
    }
    for (index, entry) in template.metadata.enumerated() {
      if writesInterface && entry.key == InterfaceKey.interface.rawValue {
        report(
          Location(section: .metadata, logicalID: entry.key), .root,
          "the template writes this key itself from its parameter groups and labels; remove the metadata entry or the groups and labels"
        )
      }
      check(entry.value.expression, at: Location(section: .metadata, logicalID: entry.key), .root)
      if template.metadata[..<index].contains(where: { $0.key == entry.key }) {
        report(
          Location(section: .metadata, logicalID: entry.key), .root,
          "the metadata key is given more than once; CloudFormation refuses repeated keys, keep one")
      }
    }
    checkCycles(dependencies)
    return problems
  }

  /// Checks a resource's values and attributes; returns the resources it depends on.
  private mutating func checkResource(_ resource: any Resource) -> [String] {
    let location = Location(section: .resources, logicalID: resource.logicalID)
    var references = check(resource.properties, at: location, .key(ResourceKey.properties.rawValue))
    for (key, value) in [
      (ResourceKey.updatePolicy, resource.attributes.updatePolicy),
      (.creationPolicy, resource.attributes.creationPolicy), (.metadata, resource.attributes.metadata),
    ] {
      if let value { references += check(value.expression, at: location, .key(key.rawValue)) }
    }
    for dependency in resource.attributes.dependsOn {
      if dependency == resource.logicalID {
        report(
          location, .key(ResourceKey.dependsOn.rawValue),
          "the resource depends on itself; remove it from its own DependsOn")
      } else if !declares(.resources, dependency) {
        report(
          location, .key(ResourceKey.dependsOn.rawValue),
          "depends on \(dependency), which is not a resource of the template; add it to the template or remove the dependency"
        )
      }
    }
    if let condition = resource.attributes.condition {
      checkCondition(condition, at: location, .key(ResourceKey.condition.rawValue))
    }
    let referenced = references.filter { $0.kind != .condition && $0.kind != .mapping && $0.kind != .parameterValue }
    return resource.attributes.dependsOn + referenced.map(\.target).filter { declares(.resources, $0) }
  }

  /// Checks a value: what it refers to and what it holds. Returns its references.
  @discardableResult
  mutating func check(
    _ expression: Expression, at location: Location, _ path: ExpressionPath, isCondition: Bool = false
  )
    -> [Reference]
  {
    checkValues(expression, at: location, path, isCondition: isCondition, parentKey: nil)
    let references = expression.references(at: path)
    checkReferences(references, at: location)
    return references
  }

  // MARK: - Reporting

  /// An entry of a section, where a problem is.
  struct Location {
    var section: TemplateSection
    var logicalID: String
  }

  mutating func report(_ location: Location, _ path: ExpressionPath, _ message: String) {
    problems.append(
      TemplateProblem(
        section: location.section.key, logicalID: location.logicalID, property: path.isEmpty ? nil : path.description,
        message: message))
  }
}
