import TemplateSyntax

extension TemplateValidator {
  /// Each reference must name something the template declares (or a pseudo parameter).
  mutating func checkReferences(_ references: [Reference], at location: Location) {
    for reference in references {
      switch reference.kind {
      case .ref:
        if !declares(.parameters, reference.name) && !declares(.resources, reference.name)
          && !Pseudo.isPseudoParameter(reference.name)
        {
          report(
            location, reference.path,
            "!Ref \(reference.name) refers to nothing in the template (no parameter, resource or pseudo parameter of that name); add it or fix the name"
          )
        }
      case .getAtt(let attribute):
        if !declares(.resources, reference.name) {
          report(
            location, reference.path,
            "!GetAtt \(reference.name).\(attribute) refers to \(reference.name), which is not a resource of the template; add it or fix the name"
          )
        } else if let problem = attributeProblem(reference.name, attribute) {
          report(location, reference.path, "!GetAtt \(reference.name).\(attribute): \(problem)")
        }
      case .substitution:
        let name = reference.name
        let known =
          declares(.parameters, name) || declares(.resources, name) || Pseudo.isPseudoParameter(name)
          || (reference.target != name && declares(.resources, reference.target))
        if !known {
          report(
            location, reference.path,
            "!Sub refers to ${\(name)}, which is no parameter, resource, resource attribute, pseudo parameter or variable of the !Sub; add it or write ${!\(name)} for the literal text"
          )
        } else if reference.target != name, !declares(.parameters, name), !Pseudo.isPseudoParameter(name),
          let (resource, attribute) = Expression.splitAtFirstDot(name),
          let problem = attributeProblem(resource, attribute)
        {
          report(location, reference.path, "!Sub refers to ${\(name)}: \(problem)")
        }
      case .condition:
        checkCondition(reference.name, at: location, reference.path.isEmpty ? .key("!If") : reference.path)
      case .mapping:
        if !declares(.mappings, reference.name) {
          report(
            location, reference.path,
            "!FindInMap reads the mapping \(reference.name), which is not in the template; add the mapping or fix the name"
          )
        }
      case .parameterValue:
        if !declares(.parameters, reference.name) {
          report(
            location, reference.path,
            "!ValueOf reads the parameter \(reference.name), which is not in the template; add it or fix the name")
        }
      }
    }
  }

  /// Why `attribute` is no attribute of the resource `logicalID`, when its type
  /// knows its attributes: `nil` when it is one (a read-only property, or a
  /// property, which CloudFormation also lets some types read).
  func attributeProblem(_ logicalID: String, _ attribute: String) -> String? {
    guard let resource = resourcesByID[logicalID], let attributes = resource.attributeNames else { return nil }
    let properties = resource.propertyNames ?? []
    let head = Expression.splitAtFirstDot(attribute)?.0 ?? attribute
    if attributes.contains(attribute) || properties.contains(attribute) || properties.contains(head) { return nil }
    let known = attributes.isEmpty ? "it has none" : "it has " + attributes.joined(separator: ", ")
    return "\(resource.resourceType) has no attribute \(attribute) (\(known)); fix the name"
  }

  mutating func checkCondition(_ name: String, at location: Location, _ path: ExpressionPath) {
    guard !declares(.conditions, name) else { return }
    report(
      location, path,
      "uses the condition \(name), which is not in the template's Conditions; add it or fix the name")
  }
}
