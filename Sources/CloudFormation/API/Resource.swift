/// A resource of the template. Generated resource types conform to it, and so
/// does ``UntypedResource``, the escape hatch for any type not generated.
///
/// A resource is referred to by its Swift value: `vpc.ref` is `!Ref VPC`,
/// `alb.getAtt("DNSName")` (or a generated `alb.dnsName`) is `!GetAtt ALB.DNSName`.
public protocol Resource: Referable {
  /// The CloudFormation type, such as `AWS::EC2::VPC`.
  var resourceType: String { get }
  /// The logical ID in the template.
  var logicalID: String { get }
  /// `DependsOn`, `Condition`, `DeletionPolicy` and the other resource attributes.
  var attributes: ResourceAttributes { get set }
  /// The `Properties` object (empty objects are omitted from the template).
  var properties: Expression { get }
  /// The attributes `!GetAtt` reads on the type, as AWS spells them (`Arn`,
  /// `Endpoint.Address`), when the type knows them (generated types do); `nil`
  /// when any name may be right, as for ``UntypedResource``.
  var attributeNames: [String]? { get }
  /// The properties the type's schema declares, when it is known.
  var propertyNames: [String]? { get }
  /// Whether deleting or replacing the resource destroys data (a bucket, a key,
  /// a database, a log group): such a resource should say what happens to it
  /// with ``Resource/deletionPolicy(_:)`` and ``Resource/updateReplacePolicy(_:)``.
  var isStateful: Bool { get }
}

extension Resource {
  public var attributeNames: [String]? { nil }
  public var propertyNames: [String]? { nil }
  public var isStateful: Bool { false }

  /// `!Ref LogicalID`: what the resource type returns for `Ref` (usually its ID or name).
  public var ref: Value<String> { Value(.ref(logicalID)) }

  /// `!GetAtt LogicalID.attribute`, as a string.
  public func getAtt(_ attribute: String) -> Value<String> {
    Value(.getAtt(resource: logicalID, attribute: attribute))
  }

  /// `!GetAtt LogicalID.attribute`, with the type the attribute has.
  public func getAtt<Kind>(_ attribute: String, as type: Kind.Type) -> Value<Kind> {
    Value(.getAtt(resource: logicalID, attribute: attribute))
  }

  /// Creates this resource only after `resources` (`DependsOn`).
  public func dependsOn(_ resources: any Resource...) -> Self {
    var copy = self
    copy.attributes.dependsOn += resources.map(\.logicalID)
    return copy
  }

  /// Creates this resource only when `condition` holds (`Condition`).
  public func condition(_ condition: Condition) -> Self {
    var copy = self
    copy.attributes.condition = condition.logicalID
    return copy
  }

  /// What happens to the resource when the stack deletes it (`DeletionPolicy`).
  public func deletionPolicy(_ policy: DeletionPolicy) -> Self {
    var copy = self
    copy.attributes.deletionPolicy = policy
    return copy
  }

  /// What happens to the old resource when an update replaces it (`UpdateReplacePolicy`).
  public func updateReplacePolicy(_ policy: UpdateReplacePolicy) -> Self {
    var copy = self
    copy.attributes.updateReplacePolicy = policy
    return copy
  }

  /// `UpdatePolicy`, free-form as CloudFormation documents it per resource type.
  public func updatePolicy(_ policy: Value<JSON>) -> Self {
    var copy = self
    copy.attributes.updatePolicy = policy
    return copy
  }

  /// `CreationPolicy`, free-form as CloudFormation documents it per resource type.
  public func creationPolicy(_ policy: Value<JSON>) -> Self {
    var copy = self
    copy.attributes.creationPolicy = policy
    return copy
  }

  /// The resource's `Metadata`, free-form.
  public func metadata(_ metadata: Value<JSON>) -> Self {
    var copy = self
    copy.attributes.metadata = metadata
    return copy
  }

  /// A comment written above the resource in the YAML (`# Network`).
  public func comment(_ comment: String) -> Self {
    var copy = self
    copy.attributes.comment = comment
    return copy
  }
}

/// The attributes every resource may carry, besides its properties.
public struct ResourceAttributes: Hashable, Sendable {
  /// Logical IDs of the resources this one is created after.
  public var dependsOn: [String] = []
  /// The logical ID of the condition that decides whether the resource exists.
  public var condition: String?
  public var deletionPolicy: DeletionPolicy?
  public var updateReplacePolicy: UpdateReplacePolicy?
  public var updatePolicy: Value<JSON>?
  public var creationPolicy: Value<JSON>?
  public var metadata: Value<JSON>?
  /// A comment above the resource in YAML output; not part of the template's data.
  public var comment: String?
  /// Where the resource is declared in Swift: its initializer records the call's
  /// `#fileID` and `#line`.
  public var declaration: SourceLocation?
  /// Changes to the properties past the Swift API, applied in order when the
  /// template is rendered (``Resource/overriding(_:with:)``).
  public var overrides: [PropertyOverride] = []

  public init(declaration: SourceLocation? = nil) {
    self.declaration = declaration
  }
}

/// `DeletionPolicy`.
public enum DeletionPolicy: String, Hashable, Sendable {
  case delete = "Delete"
  case retain = "Retain"
  case retainExceptOnCreate = "RetainExceptOnCreate"
  case snapshot = "Snapshot"
}

/// `UpdateReplacePolicy`.
public enum UpdateReplacePolicy: String, Hashable, Sendable {
  case delete = "Delete"
  case retain = "Retain"
  case snapshot = "Snapshot"
}

/// A resource declared by hand: a type name and free-form properties, kept in
/// the order written. The escape hatch for any type the generator has not
/// produced (a new service, a third-party or custom resource).
///
/// ```swift
/// let topic = UntypedResource("Alerts", type: "AWS::SNS::Topic", properties: .map([
///   "TopicName": .init(Value<String>.sub("${AWS::StackName}-alerts")),
/// ]))
/// let arn = topic.ref
/// ```
public struct UntypedResource: Resource {
  public let resourceType: String
  public let logicalID: String
  public var attributes = ResourceAttributes()
  public var propertyValues: Value<JSON>

  public init(
    _ logicalID: String, type: String, properties: Value<JSON> = .map([:]), fileID: String = #fileID, line: Int = #line
  ) {
    self.logicalID = logicalID
    resourceType = type
    propertyValues = properties
    attributes.declaration = SourceLocation(fileID: fileID, line: line)
  }

  public var properties: Expression { propertyValues.expression }
}
