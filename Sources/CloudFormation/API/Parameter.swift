/// A parameter of the template, typed in Swift by the values it gives: a
/// `Parameter<Number>` is usable where a number is expected, a `Parameter<String>`
/// where a string is, a `Parameter<[String]>` where a list of strings is.
///
/// ```swift
/// let port = Parameter<Number>.number("ContainerPort", description: "Port the app listens on",
///                                      default: 8000, minValue: 1, maxValue: 65535)
/// let image = Parameter<String>.string("ImageURI", description: "Container image", minLength: 1)
/// let vpcID = Parameter<String>.awsSpecific("VpcId", type: .vpcID)
/// ```
///
/// Each constructor records where it is called (`fileID`, `line`), for the
/// problems that name the parameter.
public struct Parameter<Kind>: Sendable {
  public let logicalID: String
  /// The CloudFormation parameter type, as written in the template.
  public let type: ParameterType
  public var description: String?
  public var defaultValue: Value<Kind>?
  public var allowedValues: [Value<Kind>]
  public var allowedPattern: String?
  public var minLength: Int?
  public var maxLength: Int?
  public var minValue: Double?
  public var maxValue: Double?
  public var constraintDescription: String?
  public var noEcho: Bool
  /// The label the console shows (`AWS::CloudFormation::Interface` `ParameterLabels`).
  public var label: String?
  /// Where the parameter is declared in Swift.
  public var declaration: SourceLocation

  init(
    _ logicalID: String, type: ParameterType, description: String?, defaultValue: Value<Kind>?,
    allowedValues: [Value<Kind>] = [], allowedPattern: String? = nil, minLength: Int? = nil, maxLength: Int? = nil,
    minValue: Double? = nil, maxValue: Double? = nil, constraintDescription: String? = nil, noEcho: Bool = false,
    label: String? = nil, declaration: SourceLocation
  ) {
    self.logicalID = logicalID
    self.type = type
    self.description = description
    self.defaultValue = defaultValue
    self.allowedValues = allowedValues
    self.allowedPattern = allowedPattern
    self.minLength = minLength
    self.maxLength = maxLength
    self.minValue = minValue
    self.maxValue = maxValue
    self.constraintDescription = constraintDescription
    self.noEcho = noEcho
    self.label = label
    self.declaration = declaration
  }

  /// `!Ref Parameter`: the value given for the parameter.
  public var ref: Value<Kind> { Value(.ref(logicalID)) }
}

extension Parameter where Kind == String {
  /// A `String` parameter.
  public static func string(
    _ logicalID: String, description: String? = nil, default defaultValue: String? = nil,
    allowedValues: [String] = [], allowedPattern: String? = nil, minLength: Int? = nil, maxLength: Int? = nil,
    constraintDescription: String? = nil, noEcho: Bool = false, label: String? = nil, fileID: String = #fileID,
    line: Int = #line
  ) -> Parameter {
    Parameter(
      logicalID, type: .string, description: description, defaultValue: defaultValue.map { Value<String>($0) },
      allowedValues: allowedValues.map { Value<String>($0) }, allowedPattern: allowedPattern, minLength: minLength,
      maxLength: maxLength, constraintDescription: constraintDescription, noEcho: noEcho, label: label,
      declaration: SourceLocation(fileID: fileID, line: line))
  }

  /// A parameter of an AWS-specific type whose value is one string: an ID such
  /// as `AWS::EC2::VPC::Id`, or `AWS::SSM::Parameter::Value<String>`.
  public static func awsSpecific(
    _ logicalID: String, type: ParameterType, description: String? = nil, default defaultValue: String? = nil,
    allowedValues: [String] = [], constraintDescription: String? = nil, label: String? = nil, fileID: String = #fileID,
    line: Int = #line
  ) -> Parameter {
    Parameter(
      logicalID, type: type, description: description, defaultValue: defaultValue.map { Value<String>($0) },
      allowedValues: allowedValues.map { Value<String>($0) }, constraintDescription: constraintDescription,
      label: label, declaration: SourceLocation(fileID: fileID, line: line)
    )
  }
}

extension Parameter where Kind == Number {
  /// A `Number` parameter (an integer or a float).
  public static func number(
    _ logicalID: String, description: String? = nil, default defaultValue: Value<Number>? = nil,
    allowedValues: [Value<Number>] = [], minValue: Double? = nil, maxValue: Double? = nil,
    constraintDescription: String? = nil, noEcho: Bool = false, label: String? = nil, fileID: String = #fileID,
    line: Int = #line
  ) -> Parameter {
    Parameter(
      logicalID, type: .number, description: description, defaultValue: defaultValue, allowedValues: allowedValues,
      minValue: minValue, maxValue: maxValue, constraintDescription: constraintDescription, noEcho: noEcho,
      label: label, declaration: SourceLocation(fileID: fileID, line: line))
  }
}

extension Parameter where Kind == [Number] {
  /// A `List<Number>` parameter: comma-separated numbers.
  public static func numberList(
    _ logicalID: String, description: String? = nil, default defaultValue: String? = nil,
    constraintDescription: String? = nil, label: String? = nil, fileID: String = #fileID, line: Int = #line
  ) -> Parameter {
    Parameter(
      logicalID, type: .numberList, description: description, defaultValue: defaultValue.map { Value(.string($0)) },
      constraintDescription: constraintDescription, label: label,
      declaration: SourceLocation(fileID: fileID, line: line))
  }
}

extension Parameter where Kind == [String] {
  /// A `CommaDelimitedList` parameter.
  public static func commaDelimitedList(
    _ logicalID: String, description: String? = nil, default defaultValue: String? = nil,
    allowedValues: [String] = [], constraintDescription: String? = nil, noEcho: Bool = false, label: String? = nil,
    fileID: String = #fileID, line: Int = #line
  ) -> Parameter {
    Parameter(
      logicalID, type: .commaDelimitedList, description: description,
      defaultValue: defaultValue.map { Value(.string($0)) }, allowedValues: allowedValues.map { Value(.string($0)) },
      constraintDescription: constraintDescription, noEcho: noEcho, label: label,
      declaration: SourceLocation(fileID: fileID, line: line))
  }

  /// A parameter of an AWS-specific list type: `List<AWS::EC2::Subnet::Id>`,
  /// `AWS::SSM::Parameter::Value<List<String>>`…
  public static func awsSpecificList(
    _ logicalID: String, type: ParameterType, description: String? = nil, default defaultValue: String? = nil,
    constraintDescription: String? = nil, label: String? = nil, fileID: String = #fileID, line: Int = #line
  ) -> Parameter {
    Parameter(
      logicalID, type: type, description: description, defaultValue: defaultValue.map { Value(.string($0)) },
      constraintDescription: constraintDescription, label: label,
      declaration: SourceLocation(fileID: fileID, line: line))
  }
}

/// A CloudFormation parameter type.
public struct ParameterType: Hashable, Sendable, CustomStringConvertible {
  /// The type as written in the template: `String`, `List<AWS::EC2::Subnet::Id>`…
  public let name: String

  public init(_ name: String) {
    self.name = name
  }

  public var description: String { name }

  public static let string = ParameterType("String")
  public static let number = ParameterType("Number")
  public static let numberList = ParameterType("List<Number>")
  public static let commaDelimitedList = ParameterType("CommaDelimitedList")

  // AWS-specific types whose value is one ID or name.
  public static let availabilityZoneName = ParameterType("AWS::EC2::AvailabilityZone::Name")
  public static let imageID = ParameterType("AWS::EC2::Image::Id")
  public static let instanceID = ParameterType("AWS::EC2::Instance::Id")
  public static let keyPairName = ParameterType("AWS::EC2::KeyPair::KeyName")
  public static let securityGroupName = ParameterType("AWS::EC2::SecurityGroup::GroupName")
  public static let securityGroupID = ParameterType("AWS::EC2::SecurityGroup::Id")
  public static let subnetID = ParameterType("AWS::EC2::Subnet::Id")
  public static let volumeID = ParameterType("AWS::EC2::Volume::Id")
  public static let vpcID = ParameterType("AWS::EC2::VPC::Id")
  public static let hostedZoneID = ParameterType("AWS::Route53::HostedZone::Id")

  // AWS-specific list types.
  public static let availabilityZoneNames = ParameterType("List<AWS::EC2::AvailabilityZone::Name>")
  public static let imageIDs = ParameterType("List<AWS::EC2::Image::Id>")
  public static let instanceIDs = ParameterType("List<AWS::EC2::Instance::Id>")
  public static let securityGroupNames = ParameterType("List<AWS::EC2::SecurityGroup::GroupName>")
  public static let securityGroupIDs = ParameterType("List<AWS::EC2::SecurityGroup::Id>")
  public static let subnetIDs = ParameterType("List<AWS::EC2::Subnet::Id>")
  public static let volumeIDs = ParameterType("List<AWS::EC2::Volume::Id>")
  public static let vpcIDs = ParameterType("List<AWS::EC2::VPC::Id>")
  public static let hostedZoneIDs = ParameterType("List<AWS::Route53::HostedZone::Id>")

  // Systems Manager parameter types.
  public static let ssmParameterName = ParameterType("AWS::SSM::Parameter::Name")
  public static let ssmString = ParameterType("AWS::SSM::Parameter::Value<String>")
  public static let ssmStringList = ParameterType("AWS::SSM::Parameter::Value<List<String>>")
  public static let ssmCommaDelimitedList = ParameterType("AWS::SSM::Parameter::Value<CommaDelimitedList>")

  /// `AWS::SSM::Parameter::Value<type>` for an AWS-specific type, such as
  /// `.ssmValue(of: .imageID)` for `AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>`.
  public static func ssmValue(of type: ParameterType) -> ParameterType {
    ParameterType("AWS::SSM::Parameter::Value<\(type.name)>")
  }

  /// Whether the parameter's value is a list.
  public var isList: Bool {
    name.hasPrefix("List<") || name == "CommaDelimitedList" || name.contains("<List<")
      || name.contains("<CommaDelimitedList>")
  }
}
