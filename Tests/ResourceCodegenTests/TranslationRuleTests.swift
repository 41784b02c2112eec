import ResourceCodegen
import Testing
import YAML

/// One translation rule per test: a schema fragment in, the Swift text out.
@Suite("Translation rules")
struct TranslationRuleTests {
  /// Translates a schema made of `properties` (JSON object text) and returns the rendered file.
  func generate(
    _ properties: String, required: [String] = [], readOnly: [String] = [], definitions: String = "{}",
    extra: String = ""
  ) throws -> String {
    let requiredJSON = required.map { "\"\($0)\"" }.joined(separator: ", ")
    let readOnlyJSON = readOnly.map { "\"/properties/\($0)\"" }.joined(separator: ", ")
    let document = try YAMLParser().parse(
      """
      {"typeName": "AWS::Demo::Thing", "properties": \(properties), "required": [\(requiredJSON)],
       "readOnlyProperties": [\(readOnlyJSON)], "definitions": \(definitions)\(extra)}
      """)
    var translator = Translator(schema: try SchemaParser.parse(document))
    return SwiftRenderer.render(translator.translate(), generatorNote: "test")
  }

  func contains(_ text: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(text.contains(expected), "expected to find:\n\(expected)\nin:\n\(text)", sourceLocation: sourceLocation)
  }

  @Test("primitive types become typed values; required ones are non-optional init parameters")
  func primitives() throws {
    let text = try generate(
      #"{"Name": {"type": "string"}, "Count": {"type": "integer"}, "Ratio": {"type": "number"}, "On": {"type": "boolean"}}"#,
      required: ["Name"])
    contains(text, "    public var name: Value<String>\n")
    contains(text, "    public var count: Value<Number>?\n")
    contains(text, "    public var ratio: Value<Number>?\n")
    contains(text, "    public var on: Value<Bool>?\n")
    contains(
      text,
      "    public init(\n      _ logicalID: String,\n      name: Value<String>,\n      count: Value<Number>? = nil,\n")
    contains(text, "      objectEntries.append(.init(\"Name\", self.name.expression))\n")
    contains(text, "      if let count = self.count { objectEntries.append(.init(\"Count\", count.expression)) }\n")
    contains(text, "      return .object(objectEntries, ordering: .sortedKeys)\n")
  }

  @Test("AWS casing and Swift keywords map to clean Swift names; YAML keeps the AWS name")
  func names() throws {
    let text = try generate(
      #"{"VpcId": {"type": "string"}, "DNSName": {"type": "string"}, "Ipv6CidrBlock": {"type": "string"}, "IPv6Address": {"type": "string"}, "Protocol": {"type": "string"}, "Default": {"type": "string"}, "FSxConfig": {"type": "string"}}"#
    )
    contains(text, "public var vpcID: Value<String>?")
    contains(text, "public var dnsName: Value<String>?")
    contains(text, "public var ipv6CidrBlock: Value<String>?")
    contains(text, "public var ipv6Address: Value<String>?")
    contains(text, "public var `protocol`: Value<String>?")
    contains(text, "public var `default`: Value<String>?")
    contains(text, "public var fsxConfig: Value<String>?")
    contains(text, "objectEntries.append(.init(\"VpcId\", vpcID.expression))")
    contains(
      text, "if let `protocol` = self.`protocol` { objectEntries.append(.init(\"Protocol\", `protocol`.expression)) }")
  }

  @Test("a string set becomes an enum, with static members on Value and an escape for new values")
  func enumerations() throws {
    let text = try generate(#"{"Scheme": {"type": "string", "enum": ["internet-facing", "internal"]}}"#)
    contains(text, "public var scheme: Value<Demo.Thing.SchemeValue>?")
    contains(
      text,
      """
        public enum SchemeValue: String, StringEnumeration {
          case internetFacing = "internet-facing"
          case `internal` = "internal"
        }
      """)
    contains(text, "extension Value where Kind == Demo.Thing.SchemeValue {")
    contains(text, "  public static var internetFacing: Self { .allowed(Kind.internetFacing) }")
  }

  @Test("an enum of more than 100 values looks its cases up in a table; a smaller one keeps Swift's init(rawValue:)")
  func largeEnumerations() throws {
    let values = (1...101).map { "\"size-\($0)\"" }.joined(separator: ", ")
    let large = try generate(#"{"Size": {"type": "string", "enum": ["# + values + "]}}")
    contains(
      large,
      """
          case size101 = "size-101"

          /// The case whose AWS spelling is `rawValue`, looked up in a table.
          public init?(rawValue: String) {
            guard let value = Self.casesByRawValue[rawValue] else { return nil }
            self = value
          }

          private static let casesByRawValue = [String: Self](
            uniqueKeysWithValues: allCases.map { (key: $0.rawValue, value: $0) })
        }
      """)
    let small = try generate(#"{"Size": {"type": "string", "enum": ["# + values.dropLast(12) + "]}}")
    #expect(!small.contains("casesByRawValue"))
  }

  @Test("a definition becomes a nested kind built with .init(…) on Value")
  func definitions() throws {
    let text = try generate(
      ##"{"Rules": {"type": "array", "items": {"$ref": "#/definitions/Rule"}}}"##,
      definitions:
        #"{"Rule": {"type": "object", "properties": {"Port": {"type": "integer"}, "Cidr": {"type": "string"}}, "required": ["Port"]}}"#
    )
    contains(text, "public var rules: Value<[Demo.Thing.Rule]>?")
    contains(text, "  /// - Remark: Generated from `AWS::Demo::Thing.Rule`.\n  public enum Rule: Sendable {}")
    contains(
      text,
      """
      extension Value where Kind == Demo.Thing.Rule {
        /// A `AWS::Demo::Thing.Rule` value.
        public init(port: Value<Number>, cidr: Value<String>? = nil) {
          var objectEntries: [Expression.ObjectEntry] = []
          if let cidr = cidr { objectEntries.append(.init("Cidr", cidr.expression)) }
          objectEntries.append(.init("Port", port.expression))
          self = .object(properties: objectEntries)
        }
      }
      """)
  }

  @Test("an inline object becomes a nested kind named after its property")
  func inlineObjects() throws {
    let text = try generate(#"{"Matcher": {"type": "object", "properties": {"HttpCode": {"type": "string"}}}}"#)
    contains(text, "public var matcher: Value<Demo.Thing.Matcher>?")
    contains(text, "public init(httpCode: Value<String>? = nil) {")
  }

  @Test("patternProperties become maps; type lists, oneOf of different kinds and bare objects become JSON")
  func mapsAndFallbacks() throws {
    let text = try generate(
      #"{"Options": {"type": "object", "patternProperties": {"^.+$": {"type": "string"}}}, "Policy": {"type": ["object", "string"]}, "Either": {"oneOf": [{"type": "string"}, {"type": "integer"}]}, "Same": {"oneOf": [{"type": "string"}, {"type": "string"}]}, "Bare": {"type": "object"}}"#
    )
    contains(text, "public var options: Value<[String: String]>?")
    contains(text, "public var policy: Value<JSON>?")
    contains(text, "public var either: Value<JSON>?")
    contains(text, "public var same: Value<String>?")
    contains(text, "public var bare: Value<JSON>?")
  }

  @Test("read-only properties become typed GetAtt attributes, not settable properties")
  func attributes() throws {
    let text = try generate(
      ##"{"Name": {"type": "string"}, "Arn": {"type": "string"}, "Endpoint": {"$ref": "#/definitions/Endpoint"}, "Ids": {"type": "array", "items": {"type": "string"}}}"##,
      readOnly: ["Arn", "Endpoint/Address", "Ids"],
      definitions: #"{"Endpoint": {"type": "object", "properties": {"Address": {"type": "string"}}}}"#)
    #expect(!text.contains("public var arn: Value<String>?"))
    contains(text, "public var arn: Value<String> { getAtt(\"Arn\", as: String.self) }")
    contains(text, "public var endpointAddress: Value<String> { getAtt(\"Endpoint.Address\", as: String.self) }")
    contains(text, "public var ids: Value<[String]> { getAtt(\"Ids\", as: [String].self) }")
  }

  @Test("names the model already uses get a suffix; nested kinds never hide the model's types")
  func collisions() throws {
    let text = try generate(
      ##"{"Condition": {"type": "string"}, "Metadata": {"type": "string"}, "Value": {"$ref": "#/definitions/Value"}}"##,
      definitions: #"{"Value": {"type": "object", "properties": {"Text": {"type": "string"}}}}"#)
    contains(text, "public var conditionProperty: Value<String>?")
    contains(text, "public var metadataProperty: Value<String>?")
    contains(text, "public var value: Value<Demo.Thing.ValueDefinition>?")
    contains(text, "public enum ValueDefinition: Sendable {}")
  }

  @Test("allOf's required lists are required; a oneOf of required sets is documented")
  func requiredConstraints() throws {
    let text = try generate(
      #"{"A": {"type": "string"}, "B": {"type": "string"}, "C": {"type": "string"}}"#,
      extra: #", "allOf": [{"required": ["A"]}], "oneOf": [{"required": ["B"]}, {"required": ["C"]}]"#)
    contains(text, "    public var a: Value<String>\n")
    contains(text, "  /// The schema also requires one of several sets of properties, such as `b`.")
  }

  @Test("every declaration names its source")
  func remarks() throws {
    let text = try generate(#"{"Name": {"type": "string"}}"#)
    #expect(text.hasPrefix("// swift-format-ignore-file\n// Generated by resource-codegen"))
    contains(
      text, "  /// - Remark: Generated from `AWS::Demo::Thing`.\n  public struct Thing: CloudFormation::Resource {")
    contains(text, "    public static let typeName = \"AWS::Demo::Thing\"")
  }

  @Test("a resource type named as Swift forbids for a member type gets Resource after its name")
  func forbiddenResourceName() throws {
    let document = try YAMLParser().parse(#"{"typeName": "AWS::Cassandra::Type", "properties": {}}"#)
    var translator = Translator(schema: try SchemaParser.parse(document))
    let declaration = translator.translate()
    #expect(declaration.name == "TypeResource")
    #expect(declaration.typeName == "AWS::Cassandra::Type")
  }

  @Test("the model's names a service may declare too are spelled with the module selector")
  func modelNamesWithModuleSelector() throws {
    let text = try generate(#"{"Name": {"type": "string"}}"#)
    contains(text, "    public var attributes = CloudFormation::ResourceAttributes()\n")
    contains(text, "      attributes.declaration = CloudFormation::SourceLocation(fileID: fileID, line: line)\n")
  }
}

@Suite("Shared kinds")
struct SharedKindsTests {
  func declaration(_ name: String, enumCases: [String]) -> ResourceDeclaration {
    let cases = enumCases.map { EnumerationCase(swiftName: $0.lowercased(), rawValue: $0) }
    return ResourceDeclaration(
      typeName: "AWS::Demo::\(name)", namespace: "Demo", name: name,
      properties: [
        PropertyDeclaration(
          awsName: "Size", swiftName: "size",
          kind: .list(.nested(namespace: "Demo", resource: name, name: "SizeValue")),
          isRequired: false, documentation: [])
      ],
      attributes: [],
      nestedTypes: [.enumeration(name: "SizeValue", source: "AWS::Demo::\(name).Size", cases: cases)])
  }

  @Test("an enum two resource types repeat exactly moves to the service namespace")
  func sharesIdenticalEnums() {
    var declarations = [
      declaration("First", enumCases: ["SMALL", "LARGE"]), declaration("Second", enumCases: ["SMALL", "LARGE"]),
    ]
    let shared = SharedKinds.share(&declarations, namespace: "Demo")
    #expect(shared.map(\.name) == ["SizeValue"])
    #expect(declarations.allSatisfy { $0.nestedTypes.isEmpty })
    #expect(declarations.map(\.aliases) == [["SizeValue"], ["SizeValue"]])
    let sizes = SwiftType.list(.shared(namespace: "Demo", name: "SizeValue"))
    #expect(declarations.map { $0.properties[0].kind } == [sizes, sizes])
  }

  /// A resource `name` with a property `Rule` of the object kind `Rule`, whose
  /// `Size` is the resource's `SizeValue` enum of `enumCases`.
  func declaration(_ name: String, ruleSizes enumCases: [String]) -> ResourceDeclaration {
    var declaration = declaration(name, enumCases: enumCases)
    let rule = SwiftType.nested(namespace: "Demo", resource: name, name: "Rule")
    declaration.properties = [
      PropertyDeclaration(awsName: "Rule", swiftName: "rule", kind: rule, isRequired: true, documentation: [])
    ]
    declaration.nestedTypes.append(
      .object(
        name: "Rule", source: "AWS::Demo::\(name).Rule",
        properties: [
          PropertyDeclaration(
            awsName: "Size", swiftName: "size", kind: .nested(namespace: "Demo", resource: name, name: "SizeValue"),
            isRequired: false, documentation: [])
        ]))
    return declaration
  }

  @Test("an object shared with the kinds it names; each resource keeps its names as aliases")
  func sharesObjects() {
    var declarations = [
      declaration("First", ruleSizes: ["SMALL", "LARGE"]), declaration("Second", ruleSizes: ["SMALL", "LARGE"]),
    ]
    let shared = SharedKinds.share(&declarations, namespace: "Demo")
    #expect(shared.map(\.name) == ["SizeValue", "Rule"])
    #expect(
      shared.map(\.source) == [
        "AWS::Demo::First.Size`, `AWS::Demo::Second.Size", "AWS::Demo::First.Rule`, `AWS::Demo::Second.Rule",
      ])
    guard case .object(_, _, let properties) = shared[1] else {
      Issue.record("Rule is not an object")
      return
    }
    #expect(properties.map(\.kind) == [.shared(namespace: "Demo", name: "SizeValue")])
    #expect(declarations.map(\.aliases) == [["Rule", "SizeValue"], ["Rule", "SizeValue"]])
    #expect(declarations.allSatisfy { $0.properties[0].kind == .shared(namespace: "Demo", name: "Rule") })
  }

  @Test("an object naming a kind that differs between its owners stays with them")
  func keepsObjectsNamingDifferentKinds() {
    var declarations = [
      declaration("First", ruleSizes: ["SMALL", "LARGE"]), declaration("Second", ruleSizes: ["SMALL", "HUGE"]),
    ]
    #expect(SharedKinds.share(&declarations, namespace: "Demo").isEmpty)
    #expect(declarations.map(\.nestedTypes.count) == [2, 2])
    #expect(declarations[0].properties[0].kind == .nested(namespace: "Demo", resource: "First", name: "Rule"))
  }

  @Test("two of three resources share what the third declares differently")
  func sharesAmongTheEqualOnes() {
    var declarations = [
      declaration("First", ruleSizes: ["SMALL", "LARGE"]), declaration("Second", ruleSizes: ["SMALL", "HUGE"]),
      declaration("Third", ruleSizes: ["SMALL", "LARGE"]),
    ]
    let shared = SharedKinds.share(&declarations, namespace: "Demo")
    #expect(shared.map(\.name) == ["SizeValue", "Rule"])
    #expect(declarations.map(\.aliases) == [["Rule", "SizeValue"], [], ["Rule", "SizeValue"]])
    #expect(declarations[1].properties[0].kind == .nested(namespace: "Demo", resource: "Second", name: "Rule"))
  }

  @Test("enums that differ stay with their resource types")
  func keepsDifferentEnums() {
    var declarations = [
      declaration("First", enumCases: ["SMALL", "LARGE"]), declaration("Second", enumCases: ["SMALL", "HUGE"]),
    ]
    #expect(SharedKinds.share(&declarations, namespace: "Demo").isEmpty)
    #expect(
      declarations.map { $0.properties[0].kind } == [
        .list(.nested(namespace: "Demo", resource: "First", name: "SizeValue")),
        .list(.nested(namespace: "Demo", resource: "Second", name: "SizeValue")),
      ])
  }
}
