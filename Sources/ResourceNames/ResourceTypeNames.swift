/// The Swift names of one generated resource type.
public struct ResourceTypeNames: Hashable, Sendable {
  /// `AWS::EC2::VPC`.
  public var typeName: String
  /// `EC2`: the namespace, and the module is `AWS` and this.
  public var service: String
  /// `VPC`: the type's name in its namespace.
  public var swiftName: String
  /// The properties, in the order the initializer takes them (required ones first).
  public var properties: [PropertyNames]
  /// The attributes `!GetAtt` reads, each a typed member (`alb.dnsName`).
  public var attributes: [AttributeNames]

  public init(
    typeName: String, service: String, swiftName: String, properties: [PropertyNames], attributes: [AttributeNames]
  ) {
    self.typeName = typeName
    self.service = service
    self.swiftName = swiftName
    self.properties = properties
    self.attributes = attributes
  }

  /// `EC2.VPC`.
  public var qualifiedName: String { "\(service).\(swiftName)" }

  /// `AWSEC2`: the module to import.
  public var module: String { "AWS\(service)" }

  /// The property whose template key is `awsName`.
  public func property(_ awsName: String) -> PropertyNames? {
    properties.first { $0.awsName.utf8.elementsEqual(awsName.utf8) }
  }

  /// The attribute `!GetAtt` names `awsName`.
  public func attribute(_ awsName: String) -> AttributeNames? {
    attributes.first { $0.awsName.utf8.elementsEqual(awsName.utf8) }
  }
}

/// A property of a resource type or of an object kind.
public struct PropertyNames: Hashable, Sendable {
  /// `CidrBlock`: the key in the template.
  public var awsName: String
  /// `cidrBlock`: the initializer's argument label and the member's name.
  public var swiftName: String
  public var kind: KindName
  /// Whether the initializer requires it.
  public var isRequired: Bool

  public init(awsName: String, swiftName: String, kind: KindName, isRequired: Bool) {
    self.awsName = awsName
    self.swiftName = swiftName
    self.kind = kind
    self.isRequired = isRequired
  }
}

/// An attribute of a resource type, for `!GetAtt`.
public struct AttributeNames: Hashable, Sendable {
  /// `DNSName`, `Endpoint.Address`.
  public var awsName: String
  /// `dnsName`, `endpointAddress`.
  public var swiftName: String
  public var kind: KindName

  public init(awsName: String, swiftName: String, kind: KindName) {
    self.awsName = awsName
    self.swiftName = swiftName
    self.kind = kind
  }
}
