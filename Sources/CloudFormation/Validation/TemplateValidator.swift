import TemplateSyntax
import YAML

/// Checks a template before anything is written and collects every problem:
/// logical IDs and quotas (``TemplateValidator+LogicalIDs``), references
/// (``TemplateValidator+References``), values CloudFormation or a reader would
/// take for something else (``TemplateValidator+Values``) and dependency cycles
/// (``TemplateValidator+Cycles``).
///
/// Values and references are checked in the document the model renders, so that
/// every written value is checked, wherever in the template it is; what the
/// document no longer says (a parameter group's members, a resource's
/// `DependsOn` and `Condition` by logical ID) is checked in the model.
struct TemplateValidator {
  let template: Template
  let options: RenderOptions

  var problems: [TemplateProblem] = []

  /// The logical IDs of each section, in declaration order.
  var logicalIDs: [TemplateSection: [String]] = [:]
  /// The same IDs as sets, for lookups (a template may hold thousands of references).
  var declared: [TemplateSection: Set<String>] = [:]
  /// Where each logical ID is declared in Swift (several places when it is declared more than once).
  var declarations: [TemplateSection: [String: [SourceLocation]]] = [:]
  /// Each resource by its logical ID (the first, when an ID is declared twice).
  var resourcesByID: [String: any Resource] = [:]

  init(template: Template, options: RenderOptions) {
    self.template = template
    self.options = options
    func add(_ section: TemplateSection, _ logicalID: String, _ declaration: SourceLocation?) {
      logicalIDs[section, default: []].append(logicalID)
      if let declaration { declarations[section, default: [:]][logicalID, default: []].append(declaration) }
    }
    for element in template.elements {
      switch element {
      case .parameter(let parameter): add(.parameters, parameter.logicalID, parameter.declaration)
      case .resource(let resource):
        add(.resources, resource.logicalID, resource.attributes.declaration)
        if resourcesByID[resource.logicalID] == nil { resourcesByID[resource.logicalID] = resource }
      case .condition(let condition): add(.conditions, condition.logicalID, condition.declaration)
      case .mapping(let mapping): add(.mappings, mapping.logicalID, mapping.declaration)
      case .output(let output): add(.outputs, output.logicalID, output.declaration)
      case .rule(let rule): add(.rules, rule.logicalID, rule.declaration)
      case .loop(let loop): loops[loop.section.templateSection, default: []].append(loop)
      case .parameterGroup: break
      }
    }
    for section in TemplateSection.sectionsOfEntries { declared[section] = Set(logicalIDs[section] ?? []) }
  }

  /// The `Fn::ForEach` loops of each section.
  var loops: [TemplateSection: [ForEachLoop]] = [:]

  /// Whether `section` declares `logicalID`, or a loop of it could make it.
  func declares(_ section: TemplateSection, _ logicalID: String) -> Bool {
    declared[section]?.contains(logicalID) ?? false || loops[section]?.contains { $0.couldMake(logicalID) } == true
  }

  /// Every problem of the template, whose rendered form is `document`, entry by entry.
  mutating func validate(_ document: TemplateDocument) -> [TemplateProblem] {
    checkLogicalIDs()
    checkQuotas()
    // The document lists each section's entries in the order the template declares them.
    var parameters: [AnyParameter] = []
    var resources: [any Resource] = []
    var outputs: [Output] = []
    for element in template.elements {
      switch element {
      case .parameter(let parameter): parameters.append(parameter)
      case .resource(let resource): resources.append(resource)
      case .output(let output): outputs.append(output)
      default: break
      }
    }
    var dependencies: [String: [Dependency]] = [:]
    for entry in document.entries {
      guard let section = TemplateSection(rawValue: entry.key) else { continue }
      // A loop is checked as a value; the model's entries line up with the others.
      let loopItems = (entry.value.objectEntries ?? []).filter { IntrinsicFunction.isForEachKey($0.key) }
      for item in loopItems {
        check(
          item.value, at: Location(section: section, logicalID: item.key), .root, isCondition: section == .conditions,
          key: item.key)
      }
      let items = (entry.value.objectEntries ?? []).filter { !IntrinsicFunction.isForEachKey($0.key) }
      switch section {
      case .metadata:
        checkParameterGroups()
        checkMetadata(entry.value)
      case .rules:
        for rule in items { checkRule(rule.value, at: Location(section: .rules, logicalID: rule.key)) }
      case .parameters:
        for (item, parameter) in zip(items, parameters) {
          let location = Location(section: .parameters, logicalID: item.key)
          if parameter.type.name.isEmpty {
            report(
              location, .key(ParameterKey.type.rawValue),
              "the parameter type is empty; use a CloudFormation parameter type such as String or Number")
          }
          check(item.value, at: location, .root)
        }
      case .mappings, .conditions:
        for item in items {
          check(
            item.value, at: Location(section: section, logicalID: item.key), .root, isCondition: section == .conditions)
        }
      case .resources:
        for (item, resource) in zip(items, resources) {
          let references = check(item.value, at: Location(section: .resources, logicalID: item.key), .root)
          let referenced = references.filter { [.ref, .substitution].contains($0.kind) || $0.isGetAtt }
          checkAttributes(of: resource)
          dependencies[item.key] =
            resource.attributes.dependsOn.map { Dependency(target: $0, isDependsOn: true) }
            + referenced.map(\.target).filter { declares(.resources, $0) }.map {
              Dependency(target: $0, isDependsOn: false)
            }
        }
      case .outputs:
        for (item, output) in zip(items, outputs) {
          let location = Location(section: .outputs, logicalID: item.key)
          check(item.value, at: location, .root)
          if let condition = output.condition {
            checkCondition(condition, at: location, .key(OutputKey.condition.rawValue))
          }
        }
      case .formatVersion, .description, .transform:
        break
      }
    }
    checkCycles(dependencies)
    return problems
  }

  /// Each parameter a group lists must be a parameter of the template.
  private mutating func checkParameterGroups() {
    for case .parameterGroup(let group) in template.elements {
      for id in group.parameterIDs where !declares(.parameters, id) {
        report(
          Location(section: .metadata, logicalID: InterfaceKey.interface.rawValue),
          .key("\(InterfaceKey.parameterGroups.rawValue)[\(group.label)]"),
          "lists the parameter \(id), which is not in the template; add the parameter or remove it from the group")
      }
    }
  }

  private mutating func checkAttributes(of resource: any Resource) {
    let location = Location(section: .resources, logicalID: resource.logicalID)
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
    if resource.isStateful
      && (resource.attributes.deletionPolicy == nil || resource.attributes.updateReplacePolicy == nil)
    {
      report(
        location, .root,
        "\(resource.resourceType) holds data that deleting or replacing it destroys, and the template does not say what to keep: set .deletionPolicy(.retain) and .updateReplacePolicy(.retain), or .delete to say it may go",
        severity: .warning)
    }
    if let comment = resource.attributes.comment, (try? YAMLEmitter.validate(comment: comment)) == nil {
      report(
        location, .root,
        "the comment \(String(reflecting: comment)) holds a character no YAML comment can (a line break other than \\n, a control character, a byte-order mark); remove it"
      )
    }
  }

  /// The template's `Metadata`: the keys the template gives, each value, and
  /// no key written twice by the template and by its parameter groups and labels.
  private mutating func checkMetadata(_ metadata: Expression) {
    let writesInterface = template.elements.contains { element in
      switch element {
      case .parameterGroup: true
      case .parameter(let parameter): parameter.label != nil
      default: false
      }
    }
    var seen = Set<[UInt8]>()
    for entry in template.metadata {
      let location = Location(section: .metadata, logicalID: entry.key)
      if writesInterface && entry.key == InterfaceKey.interface.rawValue {
        report(
          location, .root,
          "the template writes this key itself from its parameter groups and labels; remove the metadata entry or the groups and labels"
        )
      } else if !seen.insert(Array(entry.key.utf8)).inserted {
        report(
          location, .root, "the metadata key is given more than once; CloudFormation refuses repeated keys, keep one")
      }
    }
    let entries = metadata.objectEntries ?? []
    checkFunctionLikeKeys(entries, at: Location(section: .metadata, logicalID: nil), .root, isCondition: false)
    for entry in entries {
      check(entry.value, at: Location(section: .metadata, logicalID: entry.key), .root)
    }
  }

  /// A rule: its `RuleCondition` and each assertion's `Assert` are conditions.
  private mutating func checkRule(_ rule: Expression, at location: Location) {
    for entry in rule.objectEntries ?? [] {
      let path = ExpressionPath.key(entry.key)
      switch (RuleKey(rawValue: entry.key), entry.value) {
      case (.ruleCondition?, _):
        check(entry.value, at: location, path, isCondition: true)
      case (.assertions?, .list(let assertions)):
        for (index, assertion) in assertions.enumerated() {
          for field in assertion.objectEntries ?? [] {
            check(
              field.value, at: location, path.appending(.index(index)).appending(key: field.key),
              isCondition: RuleKey(rawValue: field.key) == .assert)
          }
        }
      default:
        check(entry.value, at: location, path)
      }
    }
  }

  /// Checks a value: what it refers to and what it holds. Returns its references.
  @discardableResult
  mutating func check(
    _ expression: Expression, at location: Location, _ path: ExpressionPath, isCondition: Bool = false,
    key: String? = nil
  )
    -> [Reference]
  {
    var walk = path
    checkValues(expression, at: location, &walk, isCondition: isCondition, parentKey: key)
    let references = expression.references(at: path)
    checkReferences(references, at: location)
    return references
  }

  // MARK: - Reporting

  /// An entry of a section, where a problem is.
  struct Location {
    var section: TemplateSection
    var logicalID: String?
  }

  mutating func report(
    _ location: Location, _ path: ExpressionPath, _ message: String, severity: TemplateProblem.Severity = .error
  ) {
    problems.append(
      TemplateProblem(
        severity, section: location.section.key, logicalID: location.logicalID,
        property: path.isEmpty ? nil : path.description, message: message, declaration: declaration(of: location)))
  }

  /// Where the element at `location` is declared in Swift (the first place, when several).
  func declaration(of location: Location) -> SourceLocation? {
    location.logicalID.flatMap { declarations[location.section]?[$0]?.first }
  }
}

extension Reference {
  /// Whether this is a `!GetAtt`.
  var isGetAtt: Bool {
    if case .getAtt = kind { return true }
    return false
  }
}
