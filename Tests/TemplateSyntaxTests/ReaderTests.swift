import Testing
import YAML

@testable import TemplateSyntax

/// Every function read from its spellings: short form, long form in YAML, long
/// form in JSON, and mixtures; each must give the one expected tree.
@Suite("Reading expressions")
struct ReaderTests {
  func read(_ text: String, isCondition: Bool = false) throws -> (Expression, [String]) {
    var reader = ExpressionReader()
    let expression = reader.read(try YAMLParser().parse(text), isCondition: isCondition)
    return (expression, reader.notes.map(\.description))
  }

  func expectSpellings(_ spellings: [String], _ expected: Expression, isCondition: Bool = false) throws {
    for spelling in spellings {
      let (expression, notes) = try read(spelling, isCondition: isCondition)
      #expect(expression == expected, "\(spelling)")
      #expect(notes.isEmpty, "\(spelling)")
    }
  }

  static let a = Expression.string("a")
  static let b = Expression.string("b")

  @Test("Ref, GetAtt (dotted, list, long, long dotted) and Condition")
  func names() throws {
    try expectSpellings(["!Ref VPC", "{Ref: VPC}", #"{"Ref": "VPC"}"#], .ref("VPC"))
    try expectSpellings(
      [
        "!GetAtt DB.Endpoint.Address", "!GetAtt [DB, Endpoint.Address]", #"{"Fn::GetAtt": ["DB", "Endpoint.Address"]}"#,
        #"{"Fn::GetAtt": "DB.Endpoint.Address"}"#,
      ],
      .getAtt(resource: "DB", attribute: "Endpoint.Address"))
    try expectSpellings(["!Condition IsProd", #"{"Condition": "IsProd"}"#], .condition("IsProd"), isCondition: true)
  }

  @Test("Ref and GetAtt of computed names (AWS::LanguageExtensions), in every spelling")
  func computedNames() throws {
    let sub = Expression.sub("${Name}Queue", variables: [])
    try expectSpellings(
      ["!Ref {Fn::Sub: '${Name}Queue'}", #"{"Ref": {"Fn::Sub": "${Name}Queue"}}"#], .computedRef(sub))
    try expectSpellings(
      ["!GetAtt [!Sub '${Name}Queue', Arn]", #"{"Fn::GetAtt": [{"Fn::Sub": "${Name}Queue"}, "Arn"]}"#],
      .computedGetAtt(resource: sub, attribute: .string("Arn")))
    try expectSpellings(
      ["!GetAtt [Bucket, !Ref Property]"], .computedGetAtt(resource: .string("Bucket"), attribute: .ref("Property")))
  }

  @Test("Condition is a function only where a condition is expected")
  func conditionOutsideConditions() throws {
    let (long, _) = try read(#"{"Condition": "IsProd"}"#)
    #expect(long == .object([.init("Condition", .string("IsProd"))], ordering: .asWritten))
    let (short, _) = try read("!Condition IsProd")
    #expect(short == long)
    let (inside, _) = try read("!And [!Condition A, {Condition: B}]", isCondition: true)
    #expect(inside == .and([.condition("A"), .condition("B")]))
    let (argument, _) = try read(#"{"Fn::Not": [{"Condition": "A"}]}"#)
    #expect(argument == .not(.condition("A")))
  }

  @Test("Sub with and without variables, Join, Select, Split, GetAZs, If, Equals, Cidr")
  func functions() throws {
    try expectSpellings(
      ["!Sub ${A}-x", #"{"Fn::Sub": "${A}-x"}"#, "!Sub ['${A}-x', {}]"], .sub("${A}-x", variables: []))
    try expectSpellings(
      ["!Sub ['${A}-${B}', {B: !Ref C}]", #"{"Fn::Sub": ["${A}-${B}", {"B": {"Ref": "C"}}]}"#],
      .sub("${A}-${B}", variables: [.init("B", .ref("C"))]))
    try expectSpellings(
      [#"!Join ["", [a, b]]"#, #"{"Fn::Join": ["", ["a", "b"]]}"#], .join(delimiter: "", .list([Self.a, Self.b])))
    try expectSpellings(
      [#"!Select [0, !GetAZs ""]"#, #"{"Fn::Select": [0, {"Fn::GetAZs": ""}]}"#, "!Select [0, {Fn::GetAZs: ''}]"],
      .select(index: .scalar(.integer(0)), .getAZs(.string(""))))
    try expectSpellings(
      ["!Select [0, !GetAZs {Ref: AWS::Region}]", #"{"Fn::Select": [0, {"Fn::GetAZs": {"Ref": "AWS::Region"}}]}"#],
      .select(index: .scalar(.integer(0)), .getAZs(.ref("AWS::Region"))))
    try expectSpellings(
      ["!Split [',', !Ref L]", #"{"Fn::Split": [",", {"Ref": "L"}]}"#], .split(delimiter: ",", .ref("L")))
    try expectSpellings(
      ["!If [C, a, !Ref AWS::NoValue]", #"{"Fn::If": ["C", "a", {"Ref": "AWS::NoValue"}]}"#],
      .if(condition: "C", Self.a, .ref("AWS::NoValue")))
    try expectSpellings(["!Equals [a, b]", #"{"Fn::Equals": ["a", "b"]}"#], .equals(Self.a, Self.b))
    try expectSpellings(
      ["!Cidr [!GetAtt V.CidrBlock, 6, 8]", #"{"Fn::Cidr": [{"Fn::GetAtt": ["V", "CidrBlock"]}, 6, 8]}"#],
      .cidr(.getAtt(resource: "V", attribute: "CidrBlock"), count: .scalar(.integer(6)), cidrBits: .scalar(.integer(8)))
    )
  }

  @Test("one-argument functions wrapping others: Base64 of Sub, ImportValue, Length, ToJsonString")
  func unary() throws {
    try expectSpellings(
      [
        "!Base64 {Fn::Sub: 'echo ${AWS::Region}'}", #"{"Fn::Base64": {"Fn::Sub": "echo ${AWS::Region}"}}"#,
        "Fn::Base64: !Sub 'echo ${AWS::Region}'",
      ],
      .base64(.sub("echo ${AWS::Region}", variables: [])))
    try expectSpellings(
      ["!Base64 {Fn::Join: ['', [a, b]]}", #"{"Fn::Base64": {"Fn::Join": ["", ["a", "b"]]}}"#],
      .base64(.join(delimiter: "", .list([Self.a, Self.b]))))
    try expectSpellings(["!ImportValue {Fn::Sub: '${E}-Vpc'}"], .importValue(.sub("${E}-Vpc", variables: [])))
    try expectSpellings(["!Length [a, b]", #"{"Fn::Length": ["a", "b"]}"#], .length(.list([Self.a, Self.b])))
    try expectSpellings(
      ["!ToJsonString {k: 1}", #"{"Fn::ToJsonString": {"k": 1}}"#],
      .toJsonString(.object([.init("k", .scalar(.integer(1)))], ordering: .asWritten)))
  }

  @Test("FindInMap with a default, Transform, and the rule functions")
  func extensions() throws {
    try expectSpellings(
      ["!FindInMap [M, !Ref E, K]", #"{"Fn::FindInMap": ["M", {"Ref": "E"}, "K"]}"#],
      .findInMap(mapping: "M", .ref("E"), .string("K")))
    try expectSpellings(
      ["!FindInMap [M, a, b, {DefaultValue: 3}]", #"{"Fn::FindInMap": ["M", "a", "b", {"DefaultValue": 3}]}"#],
      .findInMap(mapping: "M", Self.a, Self.b, defaultValue: .scalar(.integer(3))))
    try expectSpellings(
      [
        "!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}",
        #"{"Fn::Transform": {"Parameters": {"Location": "s3://b/k"}, "Name": "AWS::Include"}}"#,
      ], .transform(name: "AWS::Include", parameters: [.init("Location", .string("s3://b/k"))]))
    try expectSpellings(["!Contains [[a], !Ref P]"], .contains(.list([Self.a]), .ref("P")))
    try expectSpellings(
      ["!EachMemberEquals [!RefAll AWS::EC2::VPC::Id, a]"], .eachMemberEquals(.refAll("AWS::EC2::VPC::Id"), Self.a))
    try expectSpellings(["!EachMemberIn [a, b]"], .eachMemberIn(Self.a, Self.b))
    try expectSpellings(["!ValueOf [P, Tags]"], .valueOf(parameter: "P", attribute: "Tags"))
    try expectSpellings(
      ["!ValueOfAll [AWS::EC2::VPC::Id, Tags]"], .valueOfAll(parameterType: "AWS::EC2::VPC::Id", attribute: "Tags"))
  }

  @Test("Fn::ForEach loops are read under their key, in any section or object")
  func forEach() throws {
    let text = """
      Fn::ForEach::Topics:
        - Name
        - [a, b]
        - Topic${Name}:
            Type: AWS::SNS::Topic
            Properties: {TopicName: !Ref Name}
      """
    let (expression, notes) = try read(text)
    #expect(notes.isEmpty)
    #expect(
      expression
        == .object(
          [
            .init(
              "Fn::ForEach::Topics",
              .forEach(
                identifier: "Name", collection: .list([Self.a, Self.b]),
                outputs: [
                  .init(
                    "Topic${Name}",
                    .object(
                      [
                        .init("Type", .string("AWS::SNS::Topic")),
                        .init("Properties", .object([.init("TopicName", .ref("Name"))], ordering: .asWritten)),
                      ], ordering: .asWritten))
                ]))
          ], ordering: .asWritten))
  }

  @Test("what is not a known function, or not in its shape, is kept as written, with a note")
  func structural() throws {
    let (unknown, unknownNotes) = try read("!Foo [a]")
    #expect(unknown == .object([.init("Fn::Foo", .list([Self.a]))], ordering: .asWritten))
    #expect(unknownNotes == ["Fn::Foo is not a function CloudFormation knows; compared as written"])
    let (sameUnknown, _) = try read(#"{"Fn::Foo": ["a"]}"#)
    #expect(sameUnknown == unknown)

    let (arity, arityNotes) = try read("!Join [a]")
    #expect(arity == .object([.init("Fn::Join", .list([Self.a]))], ordering: .asWritten))
    #expect(arityNotes == ["Fn::Join takes [delimiter string, list]; compared as written"])

    let (listed, listedNotes) = try read("!Ref [a]")
    #expect(listed == .object([.init("Ref", .list([Self.a]))], ordering: .asWritten))
    #expect(
      listedNotes == [
        "Ref takes a logical ID (or a function giving one, with AWS::LanguageExtensions); compared as written"
      ])

    let (foreign, foreignNotes) = try read("!<tag:example.com,2026:x> a")
    #expect(foreign == .object([.init("tag:example.com,2026:x", Self.a)], ordering: .asWritten))
    #expect(foreignNotes.count == 1)
  }

  @Test("a combining mark after the dot of GetAtt stays with the attribute")
  func combiningMark() throws {
    let (dotted, _) = try read("!GetAtt \"Topic.\u{301}Arn\"")
    #expect(dotted == .getAtt(resource: "Topic", attribute: "\u{301}Arn"))
    let (long, _) = try read(#"{"Fn::GetAtt": "Topic.\u0301Arn"}"#)
    #expect(long == dotted)
  }
}
