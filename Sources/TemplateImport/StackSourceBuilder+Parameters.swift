import ResourceNames
import TemplateSyntax
import YAML

extension StackSourceBuilder {
  /// What `AWS::CloudFormation::Interface` says, when the model can say it the
  /// same way (`ParameterGroup`s and parameter labels).
  struct Interface {
    var groups: [(label: String, parameters: [String])] = []
    var labels: [String: String] = [:]
  }

  /// The template's `Metadata`: the interface, when it has the model's shape,
  /// and every other entry as free-form JSON.
  mutating func readMetadata(_ value: Expression?) throws -> Interface? {
    guard let value else { return nil }
    let path = ExpressionPath.key(TemplateSection.metadata.key)
    guard case .object(let entries, _) = value else {
      throw ImportError("Metadata must be a mapping", at: path)
    }
    var interface: Interface?
    beginEntry("Metadata") { planner in
      for entry in entries { planner.plan(entry.value, as: .json, at: path.appending(key: entry.key)) }
    }
    defer { declareSplitValues(under: "Metadata") }
    for entry in entries {
      let code =
        "\(SwiftSource.literal(entry.key)): \(try writer.value(entry.value, as: .json, at: path.appending(key: entry.key)))"
      if entry.key == InterfaceKey.interface.rawValue, let read = Self.interface(entry.value) {
        interface = read
        rawInterface = code
        continue
      }
      metadata.append(code)
    }
    return interface
  }

  /// Parameter groups (`{Label: {default: …}, Parameters: […]}`) and labels
  /// (`{ID: {default: …}}`), or `nil` for any other shape.
  private static func interface(_ value: Expression) -> Interface? {
    guard let entries = value.objectEntries, !entries.isEmpty else { return nil }
    var interface = Interface()
    for entry in entries {
      switch InterfaceKey(rawValue: entry.key) {
      case .parameterGroups?:
        guard let groups = entry.value.listItems, !groups.isEmpty else { return nil }
        for group in groups {
          guard let fields = group.objectEntries, fields.count == 2,
            let label = group[InterfaceKey.label.rawValue].flatMap(defaultLabel),
            let parameters = group[InterfaceKey.parameters.rawValue]?.listItems?.compactMap(\.stringValue),
            parameters.count == group[InterfaceKey.parameters.rawValue]?.listItems?.count
          else { return nil }
          interface.groups.append((label, parameters))
        }
      case .parameterLabels?:
        guard let labels = entry.value.objectEntries, !labels.isEmpty else { return nil }
        for label in labels {
          guard let text = defaultLabel(label.value) else { return nil }
          interface.labels[label.key] = text
        }
      default:
        return nil
      }
    }
    return interface
  }

  /// The text of `{default: text}`.
  private static func defaultLabel(_ value: Expression) -> String? {
    guard let entries = value.objectEntries, entries.count == 1, entries[0].key == InterfaceKey.default.rawValue
    else { return nil }
    return entries[0].value.stringValue
  }

  mutating func readParameters(_ entries: [Expression.ObjectEntry], interface: Interface?) throws {
    var interface = interface
    let named = interface.map { interface in
      interface.groups.allSatisfy { $0.parameters.allSatisfy { writer.names.parameters[$0] != nil } }
        && interface.labels.keys.allSatisfy { writer.names.parameters[$0] != nil }
    }
    if named == false, let rawInterface {
      // A group or label naming no parameter: keep the interface as written.
      interface = nil
      metadata.insert(rawInterface, at: 0)
    }
    for group in interface?.groups ?? [] {
      let members = group.parameters.map { writer.names.parameters[$0]!.identifier }
      elements.append(
        "ParameterGroup(\(SwiftSource.literal(group.label)), [\(members.joined(separator: ", "))])")
    }
    for entry in entries {
      let path = ExpressionPath.key(TemplateSection.parameters.key).appending(key: entry.key)
      let identifier = writer.names.parameters[entry.key]!.identifier
      let code = try parameter(entry, label: interface?.labels[entry.key], at: path)
      declare(
        Declaration(comment: Self.commentLines(entry.comment), code: "public static let \(identifier)\(code)"),
        under: "Parameters")
      elements.append(identifier)
    }
  }

  /// ` = Parameter<String>.string("Name", …)`, or a closure setting what the
  /// constructor of its type does not take.
  private mutating func parameter(_ entry: Expression.ObjectEntry, label: String?, at path: ExpressionPath) throws
    -> String
  {
    guard case .object(let fields, _) = entry.value else {
      throw ImportError("a parameter must be a mapping with a Type", at: path)
    }
    try Self.refuseUnknownKeys(fields, of: ParameterKey.self, notBeing: "a property of a parameter", at: path)
    func field(_ key: ParameterKey) -> Expression? { entry.value[key.rawValue] }
    func text(_ key: ParameterKey) throws -> String? {
      guard let value = field(key) else { return nil }
      guard case .scalar(let scalar) = value, scalar.tag == nil, scalar.value != .null else {
        throw ImportError("\(key.rawValue) must be a literal", at: path.appending(key: key.rawValue))
      }
      return scalar.text
    }
    func integer(_ key: ParameterKey) throws -> String? {
      guard let value = try text(key) else { return nil }
      guard let number = Int(value) else {
        throw ImportError("\(key.rawValue) must be a whole number", at: path.appending(key: key.rawValue))
      }
      return String(number)
    }
    func number(_ key: ParameterKey) throws -> String? {
      guard let value = try text(key) else { return nil }
      guard let number = Double(value), number.isFinite else {
        throw ImportError("\(key.rawValue) must be a number", at: path.appending(key: key.rawValue))
      }
      return number.rounded() == number && abs(number) < 9e15 ? String(Int(number)) : YAMLScalar.float(number).text
    }
    let type = try text(.type) ?? "String"
    let kind = writer.names.parameters[entry.key]!.kind
    let noEcho = try text(.noEcho).map { $0.lowercased() == "true" } ?? false
    var arguments: [(label: String, value: String)] = [("", SwiftSource.literal(entry.key))]
    var settings: [(property: String, value: String)] = []
    let constructor: String
    let accepted: Set<ParameterKey>
    switch type {
    case "String":
      constructor = "Parameter<String>.string"
      accepted = [
        .description, .default, .allowedValues, .allowedPattern, .minLength, .maxLength, .constraintDescription,
        .noEcho,
      ]
    case "Number":
      constructor = "Parameter<Number>.number"
      accepted = [.description, .default, .allowedValues, .minValue, .maxValue, .constraintDescription, .noEcho]
    case "List<Number>":
      constructor = "Parameter<[Number]>.numberList"
      accepted = [.description, .default, .constraintDescription]
    case "CommaDelimitedList":
      constructor = "Parameter<[String]>.commaDelimitedList"
      accepted = [.description, .default, .allowedValues, .constraintDescription, .noEcho]
    default:
      let typeCode = Self.parameterType(type)
      if kind == .list(.string) {
        constructor = "Parameter<[String]>.awsSpecificList"
        accepted = [.description, .default, .constraintDescription]
      } else {
        constructor = "Parameter<String>.awsSpecific"
        accepted = [.description, .default, .allowedValues, .constraintDescription]
      }
      arguments.append(("type", typeCode))
    }
    func add(_ key: ParameterKey, _ label: String, _ value: String?) {
      guard let value else { return }
      if accepted.contains(key) {
        arguments.append((label, value))
      } else {
        settings.append((label, value))
      }
    }
    add(.description, "description", try text(.description).map(SwiftSource.literal))
    if let defaultValue = field(.default) {
      let code: String
      if kind == .number {
        code = try writer.value(defaultValue, as: .number, at: path.appending(key: ParameterKey.default.rawValue))
      } else {
        guard let value = try text(.default) else { throw ImportError("Default must be a literal", at: path) }
        code = SwiftSource.literal(value)
      }
      add(.default, accepted.contains(.default) ? "default" : "defaultValue", code)
    }
    if let allowed = field(.allowedValues) {
      guard let items = allowed.listItems else {
        throw ImportError("AllowedValues must be a list", at: path.appending(key: ParameterKey.allowedValues.rawValue))
      }
      let values = try items.enumerated().map { index, item -> String in
        let itemPath = path.appending(key: ParameterKey.allowedValues.rawValue).appending(.index(index))
        if kind == .number { return try writer.value(item, as: .number, at: itemPath) }
        guard case .scalar(let scalar) = item, scalar.tag == nil else {
          throw ImportError("an allowed value must be a literal", at: itemPath)
        }
        return SwiftSource.literal(scalar.text)
      }
      add(.allowedValues, "allowedValues", "[\(values.joined(separator: ", "))]")
    }
    add(.allowedPattern, "allowedPattern", try text(.allowedPattern).map(SwiftSource.literal))
    add(.minLength, "minLength", try integer(.minLength))
    add(.maxLength, "maxLength", try integer(.maxLength))
    add(.minValue, "minValue", try number(.minValue))
    add(.maxValue, "maxValue", try number(.maxValue))
    add(.constraintDescription, "constraintDescription", try text(.constraintDescription).map(SwiftSource.literal))
    if noEcho { add(.noEcho, "noEcho", "true") }
    if let label { arguments.append(("label", SwiftSource.literal(label))) }
    let call =
      constructor + "("
      + arguments.map { $0.label.isEmpty ? $0.value : "\($0.label): \($0.value)" }.joined(separator: ", ") + ")"
    guard !settings.isEmpty else { return " = " + call }
    let swiftType = constructor.prefix { $0 != "." }
    var lines = [": \(swiftType) = {", "var parameter = \(call)"]
    for setting in settings {
      let value = setting.property == "defaultValue" ? "Value(\(setting.value))" : setting.value
      lines.append("parameter.\(setting.property) = \(value)")
    }
    lines += ["return parameter", "}()"]
    return lines.joined(separator: "\n")
  }

  /// `.vpcID` for `AWS::EC2::VPC::Id`, or `ParameterType("…")` for a type the model names no member for.
  static func parameterType(_ type: String) -> String {
    let members: [(String, String)] = [
      ("AWS::EC2::AvailabilityZone::Name", "availabilityZoneName"), ("AWS::EC2::Image::Id", "imageID"),
      ("AWS::EC2::Instance::Id", "instanceID"), ("AWS::EC2::KeyPair::KeyName", "keyPairName"),
      ("AWS::EC2::SecurityGroup::GroupName", "securityGroupName"), ("AWS::EC2::SecurityGroup::Id", "securityGroupID"),
      ("AWS::EC2::Subnet::Id", "subnetID"), ("AWS::EC2::Volume::Id", "volumeID"), ("AWS::EC2::VPC::Id", "vpcID"),
      ("AWS::Route53::HostedZone::Id", "hostedZoneID"),
      ("List<AWS::EC2::AvailabilityZone::Name>", "availabilityZoneNames"), ("List<AWS::EC2::Image::Id>", "imageIDs"),
      ("List<AWS::EC2::Instance::Id>", "instanceIDs"),
      ("List<AWS::EC2::SecurityGroup::GroupName>", "securityGroupNames"),
      ("List<AWS::EC2::SecurityGroup::Id>", "securityGroupIDs"), ("List<AWS::EC2::Subnet::Id>", "subnetIDs"),
      ("List<AWS::EC2::Volume::Id>", "volumeIDs"), ("List<AWS::EC2::VPC::Id>", "vpcIDs"),
      ("List<AWS::Route53::HostedZone::Id>", "hostedZoneIDs"), ("AWS::SSM::Parameter::Name", "ssmParameterName"),
      ("AWS::SSM::Parameter::Value<String>", "ssmString"),
      ("AWS::SSM::Parameter::Value<List<String>>", "ssmStringList"),
      ("AWS::SSM::Parameter::Value<CommaDelimitedList>", "ssmCommaDelimitedList"),
    ]
    if let member = members.first(where: { $0.0 == type }) { return "." + member.1 }
    let ssmPrefix = "AWS::SSM::Parameter::Value<"
    if type.hasPrefix(ssmPrefix), type.hasSuffix(">") {
      let inner = String(type.dropFirst(ssmPrefix.count).dropLast())
      if let member = members.first(where: { $0.0 == inner }) { return ".ssmValue(of: .\(member.1))" }
    }
    return "ParameterType(\(SwiftSource.literal(type)))"
  }
}
