import YAML

/// Renders a validated template to the YAML tree in canonical order: sections in
/// CloudFormation's anatomy order, entries in declaration order, each element's
/// keys in the order of ../shared/DESIGN.md, a blank line between top-level
/// sections and between resources.
struct TemplateRenderer {
  let template: Template
  let options: RenderOptions

  func render() throws -> YAMLNode {
    var validator = TemplateValidator(template: template, options: options)
    let problems = validator.validate()
    if problems.contains(where: { $0.severity == .error }) {
      throw TemplateValidationError(problems: problems)
    }
    return .mapping(renderSections())
  }

  private func renderSections() -> YAMLMapping {
    var top = YAMLMapping([], blankLinesBetweenEntries: true)
    top.append("AWSTemplateFormatVersion", .string(template.formatVersion))
    if let description = template.description { top.append("Description", .string(description)) }
    if let metadata = renderMetadata() { top.append("Metadata", .mapping(metadata)) }

    var parameters = YAMLMapping()
    var rules = YAMLMapping()
    var mappings = YAMLMapping()
    var conditions = YAMLMapping()
    var resources = YAMLMapping([], blankLinesBetweenEntries: true)
    var outputs = YAMLMapping()
    for element in template.elements {
      switch element {
      case .parameter(let parameter): parameters.append(parameter.logicalID, .mapping(render(parameter)))
      case .parameterGroup: break
      case .rule(let rule): rules.append(rule.logicalID, .mapping(render(rule)))
      case .mapping(let mapping): mappings.append(mapping.logicalID, .mapping(render(mapping)))
      case .condition(let condition):
        conditions.append(condition.logicalID, ExpressionRenderer.render(condition.expression.expression))
      case .resource(let resource):
        resources.append(resource.logicalID, .mapping(render(resource)), comment: resource.attributes.comment)
      case .output(let output): outputs.append(output.logicalID, .mapping(render(output)))
      }
    }
    if !parameters.entries.isEmpty { top.append("Parameters", .mapping(parameters)) }
    if !rules.entries.isEmpty { top.append("Rules", .mapping(rules)) }
    if !mappings.entries.isEmpty { top.append("Mappings", .mapping(mappings)) }
    if !conditions.entries.isEmpty { top.append("Conditions", .mapping(conditions)) }
    if template.transform.count == 1 {
      top.append("Transform", .string(template.transform[0]))
    } else if !template.transform.isEmpty {
      top.append("Transform", .sequence(YAMLSequence(template.transform.map(YAMLNode.string))))
    }
    if !resources.entries.isEmpty { top.append("Resources", .mapping(resources)) }
    if !outputs.entries.isEmpty { top.append("Outputs", .mapping(outputs)) }
    return top
  }

  // MARK: - Sections

  private func renderMetadata() -> YAMLMapping? {
    var groups: [YAMLNode] = []
    var labels = YAMLMapping()
    for element in template.elements {
      switch element {
      case .parameterGroup(let group):
        groups.append(
          .mapping(
            YAMLMapping([
              .init(key: "Label", value: ["default": .string(group.label)]),
              .init(key: "Parameters", value: .sequence(YAMLSequence(group.parameterIDs.map(YAMLNode.string)))),
            ])))
      case .parameter(let parameter):
        if let label = parameter.label { labels.append(parameter.logicalID, ["default": .string(label)]) }
      default: break
      }
    }
    var metadata = YAMLMapping()
    if !groups.isEmpty || !labels.entries.isEmpty {
      var interface = YAMLMapping()
      if !groups.isEmpty { interface.append("ParameterGroups", .sequence(YAMLSequence(groups))) }
      if !labels.entries.isEmpty { interface.append("ParameterLabels", .mapping(labels)) }
      metadata.append("AWS::CloudFormation::Interface", .mapping(interface))
    }
    for entry in template.metadata {
      metadata.append(entry.key, ExpressionRenderer.render(entry.value.expression))
    }
    return metadata.entries.isEmpty ? nil : metadata
  }

  /// `Type, Description, Default, AllowedValues, AllowedPattern, MinLength,
  /// MaxLength, MinValue, MaxValue, ConstraintDescription, NoEcho`.
  private func render(_ parameter: AnyParameter) -> YAMLMapping {
    var mapping = YAMLMapping()
    mapping.append("Type", .string(parameter.type.name))
    if let description = parameter.description { mapping.append("Description", .string(description)) }
    if let defaultValue = parameter.defaultValue { mapping.append("Default", ExpressionRenderer.render(defaultValue)) }
    if !parameter.allowedValues.isEmpty {
      mapping.append(
        "AllowedValues", .sequence(YAMLSequence(parameter.allowedValues.map(ExpressionRenderer.render))))
    }
    if let pattern = parameter.allowedPattern { mapping.append("AllowedPattern", .string(pattern)) }
    if let minLength = parameter.minLength { mapping.append("MinLength", .integer(minLength)) }
    if let maxLength = parameter.maxLength { mapping.append("MaxLength", .integer(maxLength)) }
    if let minValue = parameter.minValue { mapping.append("MinValue", Self.number(minValue)) }
    if let maxValue = parameter.maxValue { mapping.append("MaxValue", Self.number(maxValue)) }
    if let constraint = parameter.constraintDescription {
      mapping.append("ConstraintDescription", .string(constraint))
    }
    if parameter.noEcho { mapping.append("NoEcho", .boolean(true)) }
    return mapping
  }

  /// Integral values as integers (`MinValue: 1`), others as floats.
  private static func number(_ value: Double) -> YAMLNode {
    if value.rounded() == value, abs(value) < 9e15 { return .integer(Int(value)) }
    return .float(value)
  }

  private func render(_ rule: Rule) -> YAMLMapping {
    var mapping = YAMLMapping()
    if let condition = rule.ruleCondition {
      mapping.append("RuleCondition", ExpressionRenderer.render(condition.expression))
    }
    let assertions = rule.assertions.map { assertion -> YAMLNode in
      var entry = YAMLMapping()
      entry.append("Assert", ExpressionRenderer.render(assertion.assert.expression))
      if let description = assertion.description { entry.append("AssertDescription", .string(description)) }
      return .mapping(entry)
    }
    mapping.append("Assertions", .sequence(YAMLSequence(assertions)))
    return mapping
  }

  private func render(_ mapping: Mapping) -> YAMLMapping {
    YAMLMapping(
      mapping.entries.map { topLevel in
        YAMLMapping.Entry(
          key: .string(topLevel.key),
          value: .mapping(
            YAMLMapping(
              topLevel.value.map {
                YAMLMapping.Entry(key: .string($0.key), value: ExpressionRenderer.render($0.value.expression))
              })))
      })
  }

  /// `Type, Condition, DependsOn, DeletionPolicy, UpdateReplacePolicy,
  /// UpdatePolicy, CreationPolicy, Metadata, Properties`.
  private func render(_ resource: any Resource) -> YAMLMapping {
    let attributes = resource.attributes
    var mapping = YAMLMapping()
    mapping.append("Type", .string(resource.resourceType))
    if let condition = attributes.condition { mapping.append("Condition", .string(condition)) }
    if attributes.dependsOn.count == 1 {
      mapping.append("DependsOn", .string(attributes.dependsOn[0]))
    } else if !attributes.dependsOn.isEmpty {
      mapping.append("DependsOn", .sequence(YAMLSequence(attributes.dependsOn.map(YAMLNode.string))))
    }
    if let policy = attributes.deletionPolicy { mapping.append("DeletionPolicy", .string(policy.rawValue)) }
    if let policy = attributes.updateReplacePolicy { mapping.append("UpdateReplacePolicy", .string(policy.rawValue)) }
    if let policy = attributes.updatePolicy {
      mapping.append("UpdatePolicy", ExpressionRenderer.render(policy.expression))
    }
    if let policy = attributes.creationPolicy {
      mapping.append("CreationPolicy", ExpressionRenderer.render(policy.expression))
    }
    if let metadata = attributes.metadata { mapping.append("Metadata", ExpressionRenderer.render(metadata.expression)) }
    let properties = ExpressionRenderer.render(resource.properties)
    if case .mapping(let object) = properties, object.entries.isEmpty {
      // No properties: CloudFormation accepts the resource without the key.
    } else {
      mapping.append("Properties", properties)
    }
    return mapping
  }

  /// `Description, Value, Export, Condition`.
  private func render(_ output: Output) -> YAMLMapping {
    var mapping = YAMLMapping()
    if let description = output.description { mapping.append("Description", .string(description)) }
    mapping.append("Value", ExpressionRenderer.render(output.value))
    if let exportName = output.exportName {
      mapping.append("Export", ["Name": ExpressionRenderer.render(exportName.expression)])
    }
    if let condition = output.condition { mapping.append("Condition", .string(condition)) }
    return mapping
  }
}
