import CloudFormation

// The Resources section: hand-declared resources with free-form properties and every attribute.
extension RandomTemplateGenerator {
  /// One resource for each planned ID. Each refers only to earlier ones, so
  /// that the template has no dependency cycle.
  mutating func resources() -> [TemplateElement] {
    context.allowsResources = true
    context.allowsIf = true
    context.allowsConditionReference = false
    var built: [UntypedResource] = []
    for id in context.resourceIDs {
      context.visibleResources = built
      var resource = UntypedResource(id, type: resourceType(), properties: object(depth: 1))
      if chance(25) { resource = dependencies(of: resource) }
      if chance(20), let condition = condition() { resource = resource.condition(condition) }
      if chance(20) { resource = resource.deletionPolicy(pick([.delete, .retain, .retainExceptOnCreate, .snapshot])) }
      if chance(15) { resource = resource.updateReplacePolicy(pick([.delete, .retain, .snapshot])) }
      if chance(15) { resource = resource.updatePolicy(jsonValue(depth: 1)) }
      if chance(10) { resource = resource.creationPolicy(jsonValue(depth: 1)) }
      if chance(20) { resource = resource.metadata(jsonValue(depth: 1)) }
      if chance(30) { resource = resource.comment(comment()) }
      built.append(resource)
    }
    context.visibleResources = built
    var elements: [TemplateElement] = []
    for resource in built { elements += Self.elements(resource) }
    return elements
  }

  /// A usual type, a custom one, or a hostile name.
  mutating func resourceType() -> String {
    switch roll(100) {
    case 0..<85:
      return pick([
        "AWS::SNS::Topic", "AWS::SQS::Queue", "AWS::S3::Bucket", "AWS::CloudFormation::WaitConditionHandle",
        "Custom::Thing",
      ])
    case 85..<95: return "Custom::" + text()
    default: return text()
    }
  }

  /// `DependsOn` earlier resources (deliberately, now and then, the resource
  /// itself or one the template does not declare).
  mutating func dependencies(of resource: UntypedResource) -> UntypedResource {
    var resource = resource
    for _ in 0..<Int.random(in: 1...2, using: &strings.random) {
      if faulty(.dependency) {
        if chance(50) {
          fault("\(resource.logicalID) depends on itself")
          resource = resource.dependsOn(resource)
        } else {
          let ghost = UntypedResource(ghostID(), type: "AWS::SNS::Topic")
          fault("\(resource.logicalID) depends on \(ghost.logicalID), which the template does not declare")
          resource = resource.dependsOn(ghost)
        }
      } else if !context.visibleResources.isEmpty {
        resource = resource.dependsOn(pick(context.visibleResources))
      }
    }
    return resource
  }

  /// A declared condition for a resource's or output's `Condition` (or,
  /// deliberately, one the template does not declare); `nil` when there is none.
  mutating func condition() -> Condition? {
    if faulty(.undeclaredCondition) {
      let ghost = Condition(ghostID(), .equals(Value<String>("a"), "a"))
      fault("the Condition \(ghost.logicalID) is not declared")
      return ghost
    }
    return context.conditions.isEmpty ? nil : pick(context.conditions)
  }

  @TemplateBuilder static func elements(_ resource: UntypedResource) -> [TemplateElement] {
    resource
  }
}
