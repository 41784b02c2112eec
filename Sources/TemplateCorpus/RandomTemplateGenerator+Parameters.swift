import CloudFormation

// Parameters of every kind with their constraints, and parameter groups.
extension RandomTemplateGenerator {
  mutating func parameters() -> [TemplateElement] {
    var elements: [TemplateElement] = []
    for _ in 0..<Int.random(in: 0...6, using: &strings.random) {
      let id = logicalID("Parameter", section: context.parameterIDs)
      context.parameterIDs.append(id)
      switch roll(6) {
      case 0, 1:
        let parameter = stringParameter(id)
        context.stringParameters.append(parameter)
        elements += Self.elements(parameter)
        context.parameters.append(parameter)
      case 2:
        let parameter = Parameter<String>.awsSpecific(
          id, type: parameterType(), description: maybe(50) { $0.text() }, default: maybe(30) { $0.text() },
          allowedValues: texts(percent: 20), constraintDescription: maybe(20) { $0.text() },
          label: maybe(20) { $0.text() })
        context.stringParameters.append(parameter)
        elements += Self.elements(parameter)
        context.parameters.append(parameter)
      case 3:
        let parameter = numberParameter(id)
        context.numberParameters.append(parameter)
        elements += Self.elements(parameter)
        context.parameters.append(parameter)
      case 4:
        let parameter = Parameter<[Number]>.numberList(
          id, description: maybe(50) { $0.text() }, default: maybe(50) { $0.chance(50) ? "1,2,3" : $0.text() },
          constraintDescription: maybe(20) { $0.text() }, label: maybe(20) { $0.text() })
        context.numberListParameters.append(parameter)
        elements += Self.elements(parameter)
        context.parameters.append(parameter)
      default:
        let parameter = listParameter(id)
        context.listParameters.append(parameter)
        elements += Self.elements(parameter)
        context.parameters.append(parameter)
      }
    }
    return elements
  }

  mutating func stringParameter(_ id: String) -> Parameter<String> {
    .string(
      id, description: maybe(60) { $0.text() }, default: maybe(50) { $0.text() }, allowedValues: texts(percent: 30),
      allowedPattern: maybe(20) { $0.text() }, minLength: maybe(20) { $0.integer() },
      maxLength: maybe(20) { $0.integer() }, constraintDescription: maybe(20) { $0.text() }, noEcho: chance(10),
      label: maybe(20) { $0.text() })
  }

  mutating func numberParameter(_ id: String) -> Parameter<Number> {
    var allowedValues: [Value<Number>] = []
    if chance(20) {
      for _ in 0..<Int.random(in: 1...4, using: &strings.random) { allowedValues.append(numberLiteral()) }
    }
    return .number(
      id, description: maybe(60) { $0.text() }, default: maybe(50) { $0.numberLiteral() },
      allowedValues: allowedValues, minValue: maybe(25) { $0.bound() }, maxValue: maybe(25) { $0.bound() },
      constraintDescription: maybe(20) { $0.text() }, noEcho: chance(10), label: maybe(20) { $0.text() })
  }

  mutating func listParameter(_ id: String) -> Parameter<[String]> {
    if chance(50) {
      return .commaDelimitedList(
        id, description: maybe(60) { $0.text() }, default: maybe(50) { $0.text() }, allowedValues: texts(percent: 20),
        constraintDescription: maybe(20) { $0.text() }, noEcho: chance(10), label: maybe(20) { $0.text() })
    }
    let type = pick([
      ParameterType.subnetIDs, .securityGroupIDs, .availabilityZoneNames, .vpcIDs, .ssmStringList,
      .ssmCommaDelimitedList, .ssmValue(of: .subnetIDs),
    ])
    return .awsSpecificList(
      id, type: type, description: maybe(60) { $0.text() }, default: maybe(50) { $0.text() },
      constraintDescription: maybe(20) { $0.text() }, label: maybe(20) { $0.text() })
  }

  /// An AWS-specific type; now and then a hostile name (an empty one is an error).
  mutating func parameterType() -> ParameterType {
    guard chance(10) else {
      return pick([
        .vpcID, .subnetID, .imageID, .keyPairName, .availabilityZoneName, .securityGroupID, .hostedZoneID,
        .ssmParameterName, .ssmString, .ssmValue(of: .imageID),
      ])
    }
    let type = ParameterType(text())
    if type.name.isEmpty { fault("a parameter's type is empty") }
    return type
  }

  /// One to four hostile strings, `percent` times in 100; else none.
  mutating func texts(percent: Int) -> [String] {
    guard chance(percent) else { return [] }
    var texts: [String] = []
    for _ in 0..<Int.random(in: 1...4, using: &strings.random) { texts.append(text()) }
    return texts
  }

  mutating func numberLiteral() -> Value<Number> {
    chance(50) ? Value(integer()) : Value(float())
  }

  /// A `MinValue`/`MaxValue`: integral or not, infinite or NaN now and then.
  mutating func bound() -> Double {
    chance(50) ? Double(Int.random(in: -1000...100_000, using: &strings.random)) : float()
  }

  /// Console groups of declared parameters (now and then, deliberately, one that is not declared).
  mutating func parameterGroups() -> [TemplateElement] {
    guard !context.parameters.isEmpty, chance(30) else { return [] }
    var elements: [TemplateElement] = []
    for _ in 0..<Int.random(in: 1...2, using: &strings.random) {
      var members: [any ParameterProtocol] = []
      for _ in 0..<Int.random(in: 1...3, using: &strings.random) { members.append(pick(context.parameters)) }
      if faulty(.undeclaredParameter) {
        let ghost = Parameter<String>.string(ghostID())
        fault("a parameter group lists \(ghost.logicalID), which the template does not declare")
        members.append(ghost)
      }
      elements += Self.elements(ParameterGroup(text(), members))
    }
    return elements
  }

  @TemplateBuilder static func elements<Kind>(_ parameter: Parameter<Kind>) -> [TemplateElement] {
    parameter
  }

  @TemplateBuilder static func elements(_ group: ParameterGroup) -> [TemplateElement] {
    group
  }
}
