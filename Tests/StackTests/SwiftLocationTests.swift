import AWSECS
import AWSKMS
import AWSLogs
import CloudFormation
import Testing

/// The mistakes a new user made, each in a test stack: every message names the
/// Swift file and line that declares the element, the template path, and the fix.
/// (Stacks are built outside `#expect`, whose expansion would give every
/// declaration the macro's own line.)
@Suite("Errors point at Swift")
struct SwiftLocationTests {
  static let here = "StackTests/SwiftLocationTests.swift"

  @Test("a typo in ${Resource.Attribute} and in getAtt of a typed resource")
  func attributeTypo() {
    let line = #line + 1
    let service = ECS.Service("Service")
    let template = Template {
      service
      Output("Name", value: Value<String>.sub("${Service.Nme}"))
      Output("Arn", value: service.getAtt("ServiceArm"))
      Output("Fine", value: "\(service.name) \(service.getAtt("DesiredCount"))" as Value<String>)
    }
    #expect(
      template.problems().map(\.description) == [
        "\(Self.here):\(line + 3): Outputs.Name Value: !Sub refers to ${Service.Nme}: AWS::ECS::Service has no attribute Nme (it has ServiceArn, Name); fix the name",
        "\(Self.here):\(line + 4): Outputs.Arn Value: !GetAtt Service.ServiceArm: AWS::ECS::Service has no attribute ServiceArm (it has ServiceArn, Name); fix the name",
      ])
  }

  @Test("a duplicate logical ID names both lines")
  func duplicate() {
    let line = #line + 2
    let template = Template {
      Logs.LogGroup("Logs").deletionPolicy(.delete).updateReplacePolicy(.delete)
      Logs.LogGroup("Logs").deletionPolicy(.delete).updateReplacePolicy(.delete)
    }
    #expect(
      template.problems().map(\.description) == [
        "\(Self.here):\(line): Resources.Logs: the logical ID is declared more than once (at \(Self.here):\(line) and \(Self.here):\(line + 1)); give each resource its own ID"
      ])
  }

  @Test("a cycle made only of references is called one")
  func referenceCycle() {
    let line = #line + 1
    let first = UntypedResource(
      "First", type: "AWS::SNS::Topic", properties: .map(["Peer": .init(Value<String>(.ref("Second")))]))
    let second = UntypedResource("Second", type: "AWS::SNS::Topic", properties: .map(["Peer": .init(first.ref)]))
    let template = Template {
      first
      second
    }
    #expect(
      template.problems().map(\.description) == [
        "\(Self.here):\(line): Resources.First: circular dependency through references First → Second → First: each refers to the next (!Ref, !GetAtt or ${…}); remove one reference so that one can be created first"
      ])
  }

  @Test("a stateful resource without DeletionPolicy and UpdateReplacePolicy is a warning, not an error")
  func statefulWarning() throws {
    let line = #line + 2
    let template = Template {
      KMS.Key("Key")
      Logs.LogGroup("Logs").deletionPolicy(.retain)
      Logs.LogGroup("KeptLogs").deletionPolicy(.retain).updateReplacePolicy(.retain)
    }
    let fix = "set .deletionPolicy(.retain) and .updateReplacePolicy(.retain), or .delete to say it may go"
    #expect(
      template.problems().map(\.description) == [
        "\(Self.here):\(line): warning: Resources.Key: AWS::KMS::Key holds data that deleting or replacing it destroys, and the template does not say what to keep: \(fix)",
        "\(Self.here):\(line + 1): warning: Resources.Logs: AWS::Logs::LogGroup holds data that deleting or replacing it destroys, and the template does not say what to keep: \(fix)",
      ])
    #expect(try template.yaml().contains("  Key:\n    Type: AWS::KMS::Key\n"))
  }

  @Test("every other problem names its declaration too: a parameter, a condition, an output")
  func otherElements() {
    let line = #line + 1
    let size = Parameter<Number>.number("Size", default: .init(Double.infinity))
    let isBig = Condition("IsBig", .equals(Value<String>(.ref("Nothing")), "x"))
    let template = Template {
      size
      isBig
      Output("Out", value: Value<String>(.ref("Ghost")))
    }
    #expect(
      template.problems().map(\.description) == [
        "\(Self.here):\(line): Parameters.Size Default: inf is not a number CloudFormation accepts (JSON has no infinity or NaN); use a finite number",
        "\(Self.here):\(line + 1): Conditions.IsBig: !Ref Nothing refers to nothing in the template (no parameter, resource or pseudo parameter of that name); add it or fix the name",
        "\(Self.here):\(line + 5): Outputs.Out Value: !Ref Ghost refers to nothing in the template (no parameter, resource or pseudo parameter of that name); add it or fix the name",
      ])
  }
}
