import CloudFormation
import Testing
import YAML

/// What the randomized run through the public API found, each fixed where the
/// template-syntax layer made it natural: the exact verdicts.
@Suite("Randomized-run findings")
struct RandomizedFindingsTests {
  func problems(@TemplateBuilder _ content: () -> [TemplateElement]) -> [String] {
    Template(content).problems().map(\.templateDescription)
  }

  static let topic = UntypedResource("Topic", type: "AWS::SNS::Topic")

  @Test("a combining mark after } in !Sub does not hide it (scanned by bytes)")
  func subCombiningMark() throws {
    #expect(problems { Output("Region", value: Value<String>.sub("${AWS::Region}\u{301}")) }.isEmpty)
    #expect(
      problems { Output("Bad", value: Value<String>.sub("${\u{301}Nothing}")) } == [
        "Outputs.Bad Value: !Sub refers to ${\u{301}Nothing}, which is no parameter, resource, resource attribute, pseudo parameter or variable of the !Sub; add it or write ${!\u{301}Nothing} for the literal text"
      ])
  }

  @Test("a combining mark after the dot of GetAtt: YAML and JSON say the same")
  func getAttCombiningMark() throws {
    let template = Template {
      Self.topic
      Output("Arn", value: Self.topic.getAtt("\u{301}Arn"))
    }
    let fromYAML = try TemplateDocument(parsing: try template.yaml())
    let fromJSON = try TemplateDocument(parsing: try template.json())
    let expected = Expression.getAtt(resource: "Topic", attribute: "\u{301}Arn")
    #expect(fromYAML.entries(in: .outputs).first?.value["Value"] == expected)
    #expect(fromJSON.entries(in: .outputs).first?.value["Value"] == expected)
    #expect(
      try template.json().contains(#""Fn::GetAtt": [\#n          "Topic",\#n          "\#u{301}Arn"\#n        ]"#))
  }

  @Test("a !Sub variable named like its own resource is no reference, so no cycle")
  func subVariableShadowsResource() {
    #expect(
      problems {
        UntypedResource(
          "Topic", type: "AWS::SNS::Topic",
          properties: .map(["TopicName": .init(Value<String>.sub("${Topic}", ["Topic": "alerts"]))]))
      }.isEmpty)
  }

  @Test("!ToJsonString of a scalar is refused, as CloudFormation refuses it")
  func toJsonStringScalar() {
    #expect(
      problems { Output("Json", value: Value<String>.toJsonString(5)) } == [
        "Outputs.Json Value: !ToJsonString takes an object or a list, not a scalar; pass the value itself or wrap it in a list"
      ])
    #expect(problems { Output("Json", value: Value<String>.toJsonString(.map(["a": 5]))) }.isEmpty)
  }

  @Test("a key given twice in free-form JSON is refused, with its path")
  func repeatedKeys() {
    #expect(
      problems {
        UntypedResource(
          "Queue", type: "AWS::SQS::Queue", properties: .map(["Tags": .map(["DelaySeconds": 1, "DelaySeconds": 2])]))
      } == [
        "Resources.Queue Properties.Tags: the key DelaySeconds is given more than once; CloudFormation refuses repeated keys, keep one"
      ])
  }

  @Test("infinity and NaN are refused by yaml() and json() alike, with the path")
  func nonFiniteNumbers() throws {
    let line = #line + 2
    let template = Template {
      UntypedResource("Queue", type: "AWS::SQS::Queue", properties: .map(["Size": .init(Double.infinity)]))
      Output("NotANumber", value: Value<Number>(Double.nan))
    }
    let here = "CloudFormationTests/RandomizedFindingsTests.swift"
    let expected = """
      the template has 2 errors:
        - \(here):\(line): Resources.Queue Properties.Size: inf is not a number CloudFormation accepts (JSON has no infinity or NaN); use a finite number
        - \(here):\(line + 1): Outputs.NotANumber Value: nan is not a number CloudFormation accepts (JSON has no infinity or NaN); use a finite number
      """
    #expect { try template.yaml() } throws: { "\($0)" == expected }
    #expect { try template.json() } throws: { "\($0)" == expected }
  }

  @Test("an object spelled like a function is refused: CloudFormation would read the function")
  func objectSpelledLikeFunction() {
    #expect(
      problems {
        Self.topic
        Output("Join", value: Value<JSON>.map(["Fn::Join": [",", ["a", "b"]]]))
        Output("Fine", value: Value<JSON>.map(["Fn::Join": "x", "Other": "y"]))
        Output("Unknown", value: Value<JSON>.map(["Fn::Frobnicate": 1]))
      } == [
        "Outputs.Join Value: an object whose only key is Fn::Join is the Fn::Join function to CloudFormation; write the function's Value (such as .ref, .sub or .join) instead",
        "Outputs.Unknown Value: an object whose only key is \"Fn::Frobnicate\" is a function call to CloudFormation, which knows no such function; rename the key or give the object another",
      ])
  }

  @Test("wherever it is written: mappings, metadata, a !Sub variable map")
  func functionLikeKeysEverywhere() {
    let message =
      "is the Ref function to CloudFormation; write the function's Value (such as .ref, .sub or .join) instead"
    #expect(
      problems {
        Mapping("Top", ["Ref": ["a": 1]])
        Mapping("Second", ["a": ["Ref": "x"]])
        Output("Sub", value: Value<String>.sub("x", ["Ref": "y"]))
      } == [
        "Mappings.Top: an object whose only key is Ref \(message)",
        "Mappings.Second a: an object whose only key is Ref \(message)",
        "Outputs.Sub Value: an object whose only key is Ref \(message)",
      ])
    #expect(
      Template(metadata: ["Ref": "x"]) { UntypedResource("Queue", type: "AWS::SQS::Queue") }.problems().map(
        \.description)
        == ["Metadata: an object whose only key is Ref \(message)"])
  }

  @Test("keys are compared by bytes: é and e with a combining accent are two keys")
  func keysByBytes() throws {
    let template = Template {
      UntypedResource("Queue", type: "AWS::SQS::Queue", properties: .map(["Tags": .map(["\u{E9}": 1, "e\u{301}": 2])]))
    }
    #expect(template.problems().isEmpty)
    let read = try TemplateDocument(parsing: try template.json())
    #expect(read.entries(in: .resources).first?.value["Properties"]?["Tags"]?.objectEntries?.count == 2)
  }

  @Test("an infinite parameter bound is refused, as any other non-finite number")
  func infiniteBound() {
    #expect(
      problems { Parameter<Number>.number("Size", minValue: .infinity) } == [
        "Parameters.Size MinValue: inf is not a number CloudFormation accepts (JSON has no infinity or NaN); use a finite number"
      ])
  }

  @Test("a comment with an emoji or a tab is written; one YAML cannot hold is refused by yaml() and json() alike")
  func comments() throws {
    let fine = Template { UntypedResource("Queue", type: "AWS::SQS::Queue").comment("Queues 🚚\tand more") }
    #expect(try fine.yaml().contains("  # Queues 🚚\tand more\n  Queue:"))
    let line = #line + 1
    let bad = Template { UntypedResource("Queue", type: "AWS::SQS::Queue").comment("a\rb") }
    let expected = #"""
      the template has 1 error:
        - CloudFormationTests/RandomizedFindingsTests.swift:\#(line): Resources.Queue: the comment "a\rb" holds a character no YAML comment can (a line break other than \n, a control character, a byte-order mark); remove it
      """#
    #expect { try bad.yaml() } throws: { "\($0)" == expected }
    #expect { try bad.json() } throws: { "\($0)" == expected }
  }
}
