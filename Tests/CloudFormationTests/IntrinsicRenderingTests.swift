import CloudFormation
import Testing
import YAML

/// Renders `value` as the `Value` of a one-output template and returns that line
/// (and any lines under it), without the template around it.
func rendered<Kind>(
  _ value: Value<Kind>, conditions: [Condition] = [], mappings: [Mapping] = [], elements: [TemplateElement] = []
) throws -> String {
  let template = Template {
    for condition in conditions { condition }
    for mapping in mappings { mapping }
    elements
    Parameter<String>.string("Env")
    Parameter<[String]>.commaDelimitedList("Names")
    UntypedResource("VPC", type: "AWS::EC2::VPC")
    UntypedResource("DB", type: "AWS::RDS::DBInstance")
    Output("Out", value: value)
  }
  let yaml = try template.yaml()
  let marker = "  Out:\n    Value: "
  let start = try #require(yaml.range(of: marker))
  // Lines under the value are indented by 4 in the template; remove that.
  let lines = String(yaml[start.upperBound...]).trimmingSuffix().split(
    separator: "\n", omittingEmptySubsequences: false)
  return ([String(lines[0])] + lines.dropFirst().map { String($0.dropFirst(4)) }).joined(separator: "\n")
}

extension String {
  func trimmingSuffix() -> String {
    var text = self
    while text.last == "\n" { text.removeLast() }
    return text
  }

  func range(of needle: String) -> Range<String.Index>? { firstRange(of: needle) }
}

@Suite("Intrinsic rendering")
struct IntrinsicRenderingTests {
  static let isProd = Condition("IsProd", .equals(Value<String>(.ref("Env")), "prod"))
  static let sizes = Mapping("Sizes", ["prod": ["Count": 4], "dev": ["Count": 1]])

  @Test("Ref and the pseudo parameters")
  func references() throws {
    #expect(try rendered(Value<String>(.ref("VPC"))) == "!Ref VPC")
    #expect(try rendered(AWS.region) == "!Ref AWS::Region")
    #expect(try rendered(AWS.accountID) == "!Ref AWS::AccountId")
    #expect(try rendered(AWS.stackName) == "!Ref AWS::StackName")
    #expect(try rendered(AWS.stackID) == "!Ref AWS::StackId")
    #expect(try rendered(AWS.partition) == "!Ref AWS::Partition")
    #expect(try rendered(AWS.urlSuffix) == "!Ref AWS::URLSuffix")
    #expect(try rendered(AWS.notificationARNs) == "!Ref AWS::NotificationARNs")
    #expect(try rendered(Value<String>.noValue) == "!Ref AWS::NoValue")
  }

  @Test("GetAtt is dotted unless the attribute holds a dot")
  func getAtt() throws {
    let vpc = UntypedResource("VPC", type: "AWS::EC2::VPC")
    let database = UntypedResource("DB", type: "AWS::RDS::DBInstance")
    #expect(try rendered(vpc.getAtt("CidrBlock")) == "!GetAtt VPC.CidrBlock")
    #expect(try rendered(database.getAtt("Endpoint.Address")) == "!GetAtt [DB, Endpoint.Address]")
  }

  @Test("Sub with and without variables")
  func sub() throws {
    #expect(try rendered(Value<String>.sub("${AWS::StackName}-vpc")) == "!Sub ${AWS::StackName}-vpc")
    #expect(
      try rendered(Value<String>.sub("${Name}-${VPC}", ["Name": "web", "Zone": .select(0, .getAZs())]))
        == """
        !Sub
          - ${Name}-${VPC}
          - Name: web
            Zone: !Select [0, !GetAZs ""]
        """)
  }

  @Test("Join, Select, Split, GetAZs, Cidr, Length")
  func listFunctions() throws {
    let vpc = UntypedResource("VPC", type: "AWS::EC2::VPC")
    #expect(
      try rendered(Value<String>.join("", ["arn:", AWS.partition, ":s3:::bucket"]))
        == #"!Join ["", ["arn:", !Ref "AWS::Partition", ":s3:::bucket"]]"#)
    #expect(try rendered(Value<String>.select(0, .getAZs())) == #"!Select [0, !GetAZs ""]"#)
    #expect(
      try rendered(Value<String>.select(1, .getAZs(AWS.region))) == "!Select\n  - 1\n  - !GetAZs\n    Ref: AWS::Region")
    #expect(try rendered(Value<[String]>.split(",", Value<String>(.ref("Env")))) == #"!Split [",", !Ref Env]"#)
    #expect(
      try rendered(Value<String>.select(0, .split(",", Value<String>(.ref("Env")))))
        == """
        !Select
          - 0
          - !Split [",", !Ref Env]
        """)
    #expect(
      try rendered(Value<[String]>.cidr(vpc.getAtt("CidrBlock"), count: 6, cidrBits: 8))
        == "!Cidr [!GetAtt VPC.CidrBlock, 6, 8]")
    #expect(try rendered(Value<Number>.length(Value<[String]>(.ref("Names")))) == "!Length\n  Ref: Names")
    #expect(try rendered(Value<Number>.length(["a", "b"] as Value<[String]>)) == "!Length [a, b]")
  }

  @Test("If, conditions and FindInMap")
  func conditional() throws {
    #expect(
      try rendered(Value<String>.if(Self.isProd, "big", .noValue), conditions: [Self.isProd])
        == #"!If [IsProd, big, !Ref "AWS::NoValue"]"#)
    #expect(
      try rendered(Value<Number>.findInMap(Self.sizes, Value<String>(.ref("Env")), "Count"), mappings: [Self.sizes])
        == "!FindInMap [Sizes, !Ref Env, Count]")
    let object: Value<JSON> = .map(["Size": 1])
    #expect(
      try rendered(Value<JSON>.if(Self.isProd, object, .noValue), conditions: [Self.isProd])
        == """
        !If
          - IsProd
          - Size: 1
          - !Ref AWS::NoValue
        """)
  }

  @Test("ImportValue, Base64 and ToJsonString; a nested intrinsic is written in long form")
  func unary() throws {
    #expect(try rendered(Value<String>.importValue("network-VpcId")) == "!ImportValue network-VpcId")
    #expect(
      try rendered(Value<String>.importValue(.sub("${Env}-VpcId")))
        == "!ImportValue\n  Fn::Sub: ${Env}-VpcId")
    #expect(try rendered(Value<String>.base64("#!/bin/sh\necho hi\n")) == "!Base64 |\n  #!/bin/sh\n  echo hi")
    #expect(
      try rendered(Value<String>.toJsonString(.map(["a": 1, "b": [true]]))) == "!ToJsonString\n  a: 1\n  b:\n    - true"
    )
  }
}

@Suite("Condition rendering")
struct ConditionRenderingTests {
  @Test("Equals, And, Or, Not and Condition in the Conditions section")
  func conditions() throws {
    let env = Parameter<String>.string("Env", allowedValues: ["prod", "dev"])
    let isProd = Condition("IsProd", .equals(env.ref, "prod"))
    let isDev = Condition("IsDev", .not(.condition(isProd)))
    let either = Condition("Either", .or([.condition(isProd), .condition(isDev)]))
    let both = Condition("Both", .and([.condition(isProd), .equals(AWS.region, "us-east-1")]))
    let yaml = try Template {
      env
      isProd
      isDev
      either
      both
    }.yaml()
    #expect(
      yaml == """
        AWSTemplateFormatVersion: "2010-09-09"

        Parameters:
          Env:
            Type: String
            AllowedValues:
              - prod
              - dev

        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          IsDev: !Not [!Condition IsProd]
          Either: !Or [!Condition IsProd, !Condition IsDev]
          Both: !And
            - !Condition IsProd
            - !Equals [!Ref "AWS::Region", us-east-1]

        """)
  }
}
