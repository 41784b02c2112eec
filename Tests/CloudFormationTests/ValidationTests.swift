import CloudFormation
import Testing

/// Every validation error, with its exact message; all are reported together.
@Suite("Validation")
struct ValidationTests {
  func problems(@TemplateBuilder _ content: () -> [TemplateElement]) -> [String] {
    Template(content).problems().map(\.templateDescription)
  }

  @Test("duplicate and malformed logical IDs")
  func logicalIDs() {
    // Built outside #expect, whose expansion would give every declaration the macro's line.
    let line = #line + 2
    let found = problems {
      UntypedResource("VPC", type: "AWS::EC2::VPC")
      UntypedResource("VPC", type: "AWS::EC2::VPC")
      UntypedResource("My-Bucket", type: "AWS::S3::Bucket")
      UntypedResource(String(repeating: "A", count: 256), type: "AWS::S3::Bucket")
      Parameter<String>.string("Queue")
      UntypedResource("Queue", type: "AWS::SQS::Queue")
    }
    let here = "CloudFormationTests/ValidationTests.swift"
    #expect(
      found == [
        "Resources.VPC: the logical ID is declared more than once (at \(here):\(line) and \(here):\(line + 1)); give each resource its own ID",
        "Resources.My-Bucket: a logical ID must be 1 to 255 ASCII letters and digits (A-Z, a-z, 0-9); rename it",
        "Resources.\(String(repeating: "A", count: 256)): a logical ID must be 1 to 255 ASCII letters and digits (A-Z, a-z, 0-9); rename it",
        "Resources.Queue: a parameter (the parameter at \(here):\(line + 4)) has the same logical ID, so !Ref Queue would be ambiguous; rename one of them",
      ])
  }

  @Test("Ref, GetAtt, DependsOn, Condition and FindInMap pointing at nothing")
  func danglingReferences() {
    let ghost = UntypedResource("Ghost", type: "AWS::SQS::Queue")
    let missingCondition = Condition("Missing", .equals(AWS.region, "us-east-1"))
    let missingMapping = Mapping("Nowhere", ["a": ["b": 1]])
    #expect(
      problems {
        UntypedResource(
          "Topic", type: "AWS::SNS::Topic",
          properties: .map([
            "DisplayName": .init(ghost.ref),
            "Nested": .map(["Arn": .init(ghost.getAtt("Arn"))]),
            "Size": .init(Value<Number>.findInMap(missingMapping, "a", "b")),
            "Name": .init(Value<String>.if(missingCondition, "a", "b")),
          ])
        )
        .dependsOn(ghost)
        .condition(missingCondition)
        Output("Out", value: ghost.ref, condition: missingCondition)
      } == [
        "Resources.Topic Properties.DisplayName: !Ref Ghost refers to nothing in the template (no parameter, resource or pseudo parameter of that name); add it or fix the name",
        "Resources.Topic Properties.Nested.Arn: !GetAtt Ghost.Arn refers to Ghost, which is not a resource of the template; add it or fix the name",
        "Resources.Topic Properties.Size: !FindInMap reads the mapping Nowhere, which is not in the template; add the mapping or fix the name",
        "Resources.Topic Properties.Name: uses the condition Missing, which is not in the template's Conditions; add it or fix the name",
        "Resources.Topic DependsOn: depends on Ghost, which is not a resource of the template; add it to the template or remove the dependency",
        "Resources.Topic Condition: uses the condition Missing, which is not in the template's Conditions; add it or fix the name",
        "Outputs.Out Value: !Ref Ghost refers to nothing in the template (no parameter, resource or pseudo parameter of that name); add it or fix the name",
        "Outputs.Out Condition: uses the condition Missing, which is not in the template's Conditions; add it or fix the name",
      ])
  }

  @Test("Sub strings naming unknown things, and an unclosed ${")
  func subNames() {
    let queue = UntypedResource("Queue", type: "AWS::SQS::Queue")
    #expect(
      problems {
        queue
        Output(
          "Good", value: Value<String>.sub("${Queue}-${Queue.Arn}-${AWS::Region}-${!Literal}-${Extra}", ["Extra": "x"]))
        Output("Bad", value: Value<String>.sub("${Nope}-${Other.Arn}"))
        Output("Open", value: Value<String>.sub("${AWS::Region"))
      } == [
        "Outputs.Bad Value: !Sub refers to ${Nope}, which is no parameter, resource, resource attribute, pseudo parameter or variable of the !Sub; add it or write ${!Nope} for the literal text",
        "Outputs.Bad Value: !Sub refers to ${Other.Arn}, which is no parameter, resource, resource attribute, pseudo parameter or variable of the !Sub; add it or write ${!Other.Arn} for the literal text",
        "Outputs.Open Value: !Sub has a ${ without a closing }; close it, or write ${!Literal} for a literal ${",
      ])
  }

  @Test("DependsOn cycles, through DependsOn and through references")
  func cycles() {
    let first = UntypedResource("First", type: "AWS::SQS::Queue")
    let second = UntypedResource("Second", type: "AWS::SQS::Queue", properties: .map(["Peer": .init(first.ref)]))
    let third = UntypedResource("Third", type: "AWS::SQS::Queue")
    #expect(
      problems {
        first.dependsOn(second)
        second
        third.dependsOn(third)
      } == [
        "Resources.Third DependsOn: the resource depends on itself; remove it from its own DependsOn",
        "Resources.First DependsOn: circular dependency First → Second → First; remove a DependsOn or a reference so that one can be created first",
        "Resources.Third DependsOn: circular dependency Third → Third; remove a DependsOn or a reference so that one can be created first",
      ])
  }

  @Test("CloudFormation's quotas, and the option that lifts them for benchmarks")
  func quotas() throws {
    let template = Template {
      for index in 0..<501 { UntypedResource("Queue\(index)", type: "AWS::SQS::Queue") }
      for index in 0..<201 { Parameter<String>.string("Parameter\(index)", default: "x") }
      for index in 0..<201 { Output("Output\(index)", value: Value<String>("x")) }
      for index in 0..<201 { Mapping("Mapping\(index)", ["a": ["b": 1]]) }
    }
    #expect(
      template.problems().map(\.description) == [
        "Resources: 501 resources exceed CloudFormation's quota of 500 per template; split the stack into nested or separate stacks",
        "Parameters: 201 parameters exceed CloudFormation's quota of 200 per template; split the stack into nested or separate stacks",
        "Outputs: 201 outputs exceed CloudFormation's quota of 200 per template; split the stack into nested or separate stacks",
        "Mappings: 201 mappings exceed CloudFormation's quota of 200 per template; split the stack into nested or separate stacks",
      ])
    let lifted = RenderOptions(ignoresQuotasForBenchmarks: true)
    #expect(template.problems(options: lifted).isEmpty)
    #expect(throws: TemplateValidationError.self) { try template.yaml() }
    #expect(try template.yaml(options: lifted).hasPrefix("AWSTemplateFormatVersion"))
  }

  @Test("template body size: over 51,200 bytes a warning, over 1 MB an error")
  func bodySize() throws {
    let big = Template {
      UntypedResource(
        "Queue", type: "AWS::SQS::Queue", properties: .map(["Blob": .init(String(repeating: "x", count: 60_000))]))
    }
    let warnings = big.problems()
    #expect(warnings.count == 1)
    #expect(warnings.first?.severity == .warning)
    #expect(
      warnings.first?.description
        == "warning: the template body is 60115 bytes, over the 51,200 bytes CloudFormation accepts inline; upload it to S3 (aws cloudformation deploy --s3-bucket …)"
    )
    #expect(try big.yaml().utf8.count == 60115)

    let huge = Template {
      UntypedResource(
        "Queue", type: "AWS::SQS::Queue", properties: .map(["Blob": .init(String(repeating: "x", count: 1_100_000))]))
    }
    #expect {
      try huge.yaml()
    } throws: { error in
      "\(error)"
        == "the template has 1 error:\n  - the template body is 1100115 bytes, over CloudFormation's quota of 1,048,576 bytes (1 MB); split the stack into nested stacks"
    }
  }

  @Test("all errors are reported together, each with where the Swift declares it, and nothing is rendered")
  func allTogether() {
    let line = #line + 2
    let template = Template {
      UntypedResource("A-1", type: "AWS::SQS::Queue", properties: .map(["X": .init(Value<String>(.ref("Nope")))]))
    }
    #expect {
      try template.yaml()
    } throws: { error in
      "\(error)" == """
        the template has 2 errors:
          - CloudFormationTests/ValidationTests.swift:\(line): Resources.A-1: a logical ID must be 1 to 255 ASCII letters and digits (A-Z, a-z, 0-9); rename it
          - CloudFormationTests/ValidationTests.swift:\(line): Resources.A-1 Properties.X: !Ref Nope refers to nothing in the template (no parameter, resource or pseudo parameter of that name); add it or fix the name
        """
    }
  }
}
