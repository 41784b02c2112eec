/// The translate stage's output: a small structured model of the Swift to write,
/// so that rendering is layout only.
package struct ResourceDeclaration: Hashable, Sendable {
  /// `AWS::EC2::SecurityGroup`.
  package var typeName: String
  /// `EC2`.
  package var namespace: String
  /// `SecurityGroup`.
  package var name: String
  package var properties: [PropertyDeclaration]
  package var attributes: [AttributeDeclaration]
  package var nestedTypes: [NestedType]
  /// Swift names of the properties of which at least this set must be given,
  /// beyond the required ones (the schema's first `oneOf`/`anyOf` alternative).
  package var requiredAlternative: [String] = []
  /// Whether deleting or replacing a resource of the type destroys data
  /// (cfn-lint's list of stateful types).
  package var isStateful = false
  /// Properties the schema accepts for a resource of the type, for the sample program.
  package var example: SchemaExample? = nil
  /// Names of the service-level shared kinds this type uses, each declared in
  /// the type as an alias (`ElasticLoadBalancingV2.Listener.ForwardConfig`), in byte order.
  package var aliases: [String] = []

  /// `EC2.SecurityGroup`.
  package var qualifiedName: String { "\(namespace).\(name)" }

  package init(
    typeName: String, namespace: String, name: String, properties: [PropertyDeclaration],
    attributes: [AttributeDeclaration], nestedTypes: [NestedType], requiredAlternative: [String] = []
  ) {
    self.typeName = typeName
    self.namespace = namespace
    self.name = name
    self.properties = properties
    self.attributes = attributes
    self.nestedTypes = nestedTypes
    self.requiredAlternative = requiredAlternative
  }
}

/// One property: of the resource, or of a nested object type.
package struct PropertyDeclaration: Hashable, Sendable {
  /// `GroupDescription`: the key in the template.
  package var awsName: String
  /// `groupDescription`.
  package var swiftName: String
  /// The `Value` kind: `String`, `Number`, `[EC2.SecurityGroup.Ingress]`…
  package var kind: SwiftType
  package var isRequired: Bool
  package var documentation: [String]

  package init(awsName: String, swiftName: String, kind: SwiftType, isRequired: Bool, documentation: [String]) {
    self.awsName = awsName
    self.swiftName = swiftName
    self.kind = kind
    self.isRequired = isRequired
    self.documentation = documentation
  }
}

/// A read-only attribute, for `Fn::GetAtt`.
package struct AttributeDeclaration: Hashable, Sendable {
  /// `DNSName`, `Endpoint.Address`.
  package var awsName: String
  package var swiftName: String
  /// A primitive, a list of primitives, or `JSON`.
  package var kind: SwiftType
}

/// A type nested in the resource's namespace.
package enum NestedType: Hashable, Sendable {
  /// A definition or inline object: a kind whose values are built with
  /// `Value<Kind>(property: …)`.
  case object(name: String, source: String, properties: [PropertyDeclaration])
  /// A set of allowed strings: a Swift enum, plus static members on `Value<Kind>`.
  case enumeration(name: String, source: String, cases: [EnumerationCase])

  package var name: String {
    switch self {
    case .object(let name, _, _), .enumeration(let name, _, _): name
    }
  }

  /// Where in the schema it comes from: `AWS::EC2::Instance.InstanceType`.
  package var source: String {
    switch self {
    case .object(_, let source, _), .enumeration(_, let source, _): source
    }
  }
}

package struct EnumerationCase: Hashable, Sendable {
  package var swiftName: String
  package var rawValue: String

  package init(swiftName: String, rawValue: String) {
    self.swiftName = swiftName
    self.rawValue = rawValue
  }
}
