import CloudFormation
import Testing

/// Swift string interpolation where a text value is expected renders `!Sub`.
@Suite("Interpolation means !Sub")
struct InterpolationTests {
  static let bucket = UntypedResource("Bucket", type: "AWS::S3::Bucket")
  static let port = Parameter<Number>.number("Port", default: 80)
  static let isProd = Condition("IsProd", .equals(AWS.region, "us-east-1"))

  func value<Kind>(_ value: Value<Kind>) throws -> String {
    try rendered(value, conditions: [Self.isProd])
  }

  @Test("pseudo parameters, refs and attributes become ${…}")
  func names() throws {
    #expect(
      try value("/\(AWS.stackName)/data-bucket-name" as Value<String>) == "!Sub /${AWS::StackName}/data-bucket-name")
    let vpc = UntypedResource("VPC", type: "AWS::EC2::VPC")
    #expect(try value("\(vpc.ref)-\(vpc.getAtt("CidrBlock"))" as Value<String>) == "!Sub ${VPC}-${VPC.CidrBlock}")
    #expect(
      try rendered("port \(Self.port.ref)" as Value<String>, elements: [.parameter(AnyParameter(Self.port))])
        == "!Sub port ${Port}")
  }

  @Test("any other value goes through the variable map, named so as to shadow nothing")
  func variables() throws {
    let zone: Value<String> = .select(0, .getAZs())
    #expect(
      try value("\(AWS.region)-\(zone)" as Value<String>)
        == """
        !Sub
          - ${AWS::Region}-${Value1}
          - Value1: !Select [0, !GetAZs ""]
        """)
    let value1 = UntypedResource("Value1", type: "AWS::SNS::Topic")
    #expect(
      try rendered(
        "\(value1.ref):\(Value<String>.if(Self.isProd, "a", "b"))" as Value<String>, conditions: [Self.isProd],
        elements: [.resource(value1)])
          == """
          !Sub
            - ${Value1}:${Value2}
            - Value2: !If [IsProd, a, b]
          """)
  }

  @Test("a literal ${ is escaped; text without values stays a string; a lone value stays that value")
  func literals() throws {
    #expect(try value("${HOME}/\(AWS.region)" as Value<String>) == "!Sub ${!HOME}/${AWS::Region}")
    #expect(try value("plain ${HOME} text" as Value<String>) == "plain ${HOME} text")
    #expect(try value("\(AWS.region)" as Value<String>) == "!Ref AWS::Region")
    let name = "web"
    #expect(try value("\(name)-\(3)" as Value<String>) == "web-3")
    #expect(try value("\(name)-\(AWS.region)" as Value<String>) == "!Sub web-${AWS::Region}")
  }

  @Test("inside free-form JSON too")
  func json() throws {
    let arn: Value<JSON> = "arn:\(AWS.partition):s3:::\(Self.bucket.ref)/*"
    #expect(try rendered(arn, elements: [.resource(Self.bucket)]) == "!Sub arn:${AWS::Partition}:s3:::${Bucket}/*")
    let policy: Value<JSON> = .map(["Resource": arn])
    let template = Template {
      Self.bucket
      Output("Policy", value: Value<String>.toJsonString(policy))
    }
    #expect(
      try template.yaml().contains(
        "    Value: !ToJsonString\n      Resource: !Sub arn:${AWS::Partition}:s3:::${Bucket}/*\n"))
  }

  @Test("a debug description that escaped the compiler is refused at rendering, with the Swift line")
  func debugDescription() {
    let line = #line + 1
    let topic = UntypedResource(
      "Topic", type: "AWS::SNS::Topic", properties: .map(["TopicName": .init(String(describing: AWS.region))]))
    #expect(
      Template { topic }.problems().map(\.description) == [
        "CloudFormationTests/InterpolationTests.swift:\(line): Resources.Topic Properties.TopicName: the text holds a Swift description of a template value (\"…(expression: TemplateSyntax.Expression…\"), made by String(describing:) or a string interpolated outside a Value<String>; interpolate the value itself into a Value<String> literal, which means !Sub"
      ])
  }
}
