import TemplateSyntax

/// Turns a validated template into a ``TemplateDocument`` in canonical order:
/// sections in CloudFormation's anatomy order, entries in declaration order,
/// each entry's keys in the order of ``ResourceKey``, ``ParameterKey`` and
/// ``OutputKey``. The document writes itself (short form for YAML, long form
/// for JSON) through the template-syntax layer.
struct TemplateRenderer {
  let template: Template
  let options: RenderOptions

  /// The document, after validation; throws every error at once.
  func render() throws -> TemplateDocument {
    let (document, problems) = validatedDocument()
    if problems.contains(where: { $0.severity == .error }) {
      throw TemplateValidationError(problems: problems)
    }
    return document
  }

  /// The document and every problem the validator finds in the template and in it.
  func validatedDocument() -> (TemplateDocument, [TemplateProblem]) {
    var overrideFailures: [(resource: any Resource, failure: PropertyOverride, reason: String)] = []
    let document = TemplateDocument(entries: renderSections(overrideFailures: &overrideFailures))
    var validator = TemplateValidator(template: template, options: options)
    var problems = validator.validate(document)
    for failure in overrideFailures {
      problems.append(
        TemplateProblem(
          section: TemplateSection.resources.key, logicalID: failure.resource.logicalID,
          property: "\(ResourceKey.properties.rawValue).\(failure.failure.pathText)",
          message: "the override \(failure.reason)", declaration: failure.resource.attributes.declaration))
    }
    return (document, problems)
  }

  private func renderSections(
    overrideFailures: inout [(resource: any Resource, failure: PropertyOverride, reason: String)]
  ) -> [Expression.ObjectEntry] {
    var top: [Expression.ObjectEntry] = []
    func append(_ section: TemplateSection, _ value: Expression) { top.append(.init(section.key, value)) }
    func object(_ entries: [Expression.ObjectEntry]) -> Expression { .object(entries, ordering: .asWritten) }

    append(.formatVersion, .string(template.formatVersion))
    if let description = template.description { append(.description, .string(description)) }
    let metadata = renderMetadata()
    if !metadata.isEmpty { append(.metadata, object(metadata)) }

    var parameters: [Expression.ObjectEntry] = []
    var rules: [Expression.ObjectEntry] = []
    var mappings: [Expression.ObjectEntry] = []
    var conditions: [Expression.ObjectEntry] = []
    var resources: [Expression.ObjectEntry] = []
    var outputs: [Expression.ObjectEntry] = []
    for element in template.elements {
      switch element {
      case .parameter(let parameter): parameters.append(.init(parameter.logicalID, render(parameter)))
      case .parameterGroup: break
      case .rule(let rule): rules.append(.init(rule.logicalID, render(rule)))
      case .mapping(let mapping): mappings.append(.init(mapping.logicalID, render(mapping)))
      case .condition(let condition): conditions.append(.init(condition.logicalID, condition.expression.expression))
      case .resource(let resource):
        resources.append(
          .init(
            resource.logicalID, render(resource, overrideFailures: &overrideFailures),
            comment: resource.attributes.comment))
      case .output(let output): outputs.append(.init(output.logicalID, render(output)))
      case .loop(let loop):
        let entry = Expression.ObjectEntry(loop.key, loop.expression)
        switch loop.section {
        case .resources: resources.append(entry)
        case .outputs: outputs.append(entry)
        case .conditions: conditions.append(entry)
        }
      }
    }
    for (section, entries) in [(TemplateSection.parameters, parameters), (.rules, rules), (.mappings, mappings)]
    where !entries.isEmpty {
      append(section, object(entries))
    }
    if !conditions.isEmpty { append(.conditions, object(conditions)) }
    if template.transform.count == 1 {
      append(.transform, .string(template.transform[0]))
    } else if !template.transform.isEmpty {
      append(.transform, .list(template.transform.map(Expression.string)))
    }
    if !resources.isEmpty { append(.resources, object(resources)) }
    if !outputs.isEmpty { append(.outputs, object(outputs)) }
    return top
  }

  // MARK: - Sections

  /// `AWS::CloudFormation::Interface` (parameter groups and labels), then the
  /// template's own metadata entries.
  private func renderMetadata() -> [Expression.ObjectEntry] {
    var groups: [Expression] = []
    var labels: [Expression.ObjectEntry] = []
    func object(_ entries: [Expression.ObjectEntry]) -> Expression { .object(entries, ordering: .asWritten) }
    func label(_ text: String) -> Expression { object([.init(InterfaceKey.default.rawValue, .string(text))]) }
    for element in template.elements {
      switch element {
      case .parameterGroup(let group):
        groups.append(
          object([
            .init(InterfaceKey.label.rawValue, label(group.label)),
            .init(InterfaceKey.parameters.rawValue, .list(group.parameterIDs.map(Expression.string))),
          ]))
      case .parameter(let parameter):
        if let text = parameter.label { labels.append(.init(parameter.logicalID, label(text))) }
      default: break
      }
    }
    var metadata: [Expression.ObjectEntry] = []
    if !groups.isEmpty || !labels.isEmpty {
      var interface: [Expression.ObjectEntry] = []
      if !groups.isEmpty { interface.append(.init(InterfaceKey.parameterGroups.rawValue, .list(groups))) }
      if !labels.isEmpty { interface.append(.init(InterfaceKey.parameterLabels.rawValue, object(labels))) }
      metadata.append(.init(InterfaceKey.interface.rawValue, object(interface)))
    }
    for entry in template.metadata {
      metadata.append(.init(entry.key, entry.value.expression))
    }
    return metadata
  }

  private func render(_ parameter: AnyParameter) -> Expression {
    var entries: [Expression.ObjectEntry] = []
    func append(_ key: ParameterKey, _ value: Expression) { entries.append(.init(key.rawValue, value)) }
    append(.type, .string(parameter.type.name))
    if let description = parameter.description { append(.description, .string(description)) }
    if let defaultValue = parameter.defaultValue { append(.default, defaultValue) }
    if !parameter.allowedValues.isEmpty { append(.allowedValues, .list(parameter.allowedValues)) }
    if let pattern = parameter.allowedPattern { append(.allowedPattern, .string(pattern)) }
    if let minLength = parameter.minLength { append(.minLength, .scalar(.integer(minLength))) }
    if let maxLength = parameter.maxLength { append(.maxLength, .scalar(.integer(maxLength))) }
    if let minValue = parameter.minValue { append(.minValue, Self.number(minValue)) }
    if let maxValue = parameter.maxValue { append(.maxValue, Self.number(maxValue)) }
    if let constraint = parameter.constraintDescription { append(.constraintDescription, .string(constraint)) }
    if parameter.noEcho { append(.noEcho, .scalar(.boolean(true))) }
    return .object(entries, ordering: .asWritten)
  }

  /// Integral values as integers (`MinValue: 1`), others as floats.
  private static func number(_ value: Double) -> Expression {
    if value.rounded() == value, abs(value) < 9e15 { return .scalar(.integer(Int(value))) }
    return .scalar(.float(value))
  }

  private func render(_ rule: Rule) -> Expression {
    var entries: [Expression.ObjectEntry] = []
    if let condition = rule.ruleCondition {
      entries.append(.init(RuleKey.ruleCondition.rawValue, condition.expression))
    }
    let assertions = rule.assertions.map { assertion -> Expression in
      var fields: [Expression.ObjectEntry] = [.init(RuleKey.assert.rawValue, assertion.assert.expression)]
      if let description = assertion.description {
        fields.append(.init(RuleKey.assertDescription.rawValue, .string(description)))
      }
      return .object(fields, ordering: .asWritten)
    }
    entries.append(.init(RuleKey.assertions.rawValue, .list(assertions)))
    return .object(entries, ordering: .asWritten)
  }

  private func render(_ mapping: Mapping) -> Expression {
    .object(
      mapping.entries.map { topLevel in
        .init(
          topLevel.key,
          .object(topLevel.value.map { .init($0.key, $0.value.expression) }, ordering: .asWritten))
      }, ordering: .asWritten)
  }

  private func render(
    _ resource: any Resource,
    overrideFailures: inout [(resource: any Resource, failure: PropertyOverride, reason: String)]
  ) -> Expression {
    let attributes = resource.attributes
    var entries: [Expression.ObjectEntry] = []
    func append(_ key: ResourceKey, _ value: Expression) { entries.append(.init(key.rawValue, value)) }
    append(.type, .string(resource.resourceType))
    if let condition = attributes.condition { append(.condition, .string(condition)) }
    if attributes.dependsOn.count == 1 {
      append(.dependsOn, .string(attributes.dependsOn[0]))
    } else if !attributes.dependsOn.isEmpty {
      append(.dependsOn, .list(attributes.dependsOn.map(Expression.string)))
    }
    if let policy = attributes.deletionPolicy { append(.deletionPolicy, .string(policy.rawValue)) }
    if let policy = attributes.updateReplacePolicy { append(.updateReplacePolicy, .string(policy.rawValue)) }
    if let policy = attributes.updatePolicy { append(.updatePolicy, policy.expression) }
    if let policy = attributes.creationPolicy { append(.creationPolicy, policy.expression) }
    if let metadata = attributes.metadata { append(.metadata, metadata.expression) }
    var properties = resource.properties
    for override in attributes.overrides {
      do {
        properties = try override.apply(to: properties)
      } catch {
        overrideFailures.append((resource, override, error.reason))
      }
    }
    // No properties: CloudFormation accepts the resource without the key.
    if properties.objectEntries?.isEmpty != true { append(.properties, properties) }
    return .object(entries, ordering: .asWritten)
  }

  private func render(_ output: Output) -> Expression {
    var entries: [Expression.ObjectEntry] = []
    func append(_ key: OutputKey, _ value: Expression) { entries.append(.init(key.rawValue, value)) }
    if let description = output.description { append(.description, .string(description)) }
    append(.value, output.value)
    if let exportName = output.exportName {
      append(.export, .object([.init(OutputKey.exportName, exportName.expression)], ordering: .asWritten))
    }
    if let condition = output.condition { append(.condition, .string(condition)) }
    return .object(entries, ordering: .asWritten)
  }
}
