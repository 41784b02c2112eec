import Testing

@testable import TemplateDiff

/// The verdicts `gen diff` once got wrong, each with its exact output: spellings
/// that mean the same compare equal, and every real change is reported.
@Suite("Diff across spellings")
struct SpellingTests {
  func text(_ old: String, _ new: String) throws -> String {
    DifferenceRenderer.text(try TemplateDiffer.compare(old: old, new: new))
  }

  func resource(_ userData: String) -> String {
    #"{"Resources": {"Web": {"Type": "AWS::EC2::Instance", "Properties": {"UserData": \#(userData)}}}}"#
  }

  @Test("a function inside Base64 keeps its name: Join and Select differ")
  func nestedFunctionName() throws {
    #expect(
      try text(
        resource(#"{"Fn::Base64": {"Fn::Join": ["", ["a", "b"]]}}"#),
        resource(#"{"Fn::Base64": {"Fn::Select": ["", ["a", "b"]]}}"#))
          == """
          Resources
          [~] Web AWS::EC2::Instance (may replace)
              Properties.UserData: !Base64 {Fn::Join: ["", [a, b]]} → !Base64 {Fn::Select: ["", [a, b]]} (may replace)

          """)
  }

  @Test("GetAZs of a Ref is not GetAZs of the text")
  func getAZsOfRef() throws {
    let old = "Outputs:\n  Zones:\n    Value: {\"Fn::GetAZs\": {\"Ref\": \"AWS::Region\"}}\n"
    let new = "Outputs:\n  Zones:\n    Value: !GetAZs AWS::Region\n"
    #expect(
      try text(old, new) == """
        Outputs
        [~] Zones
            Value: !GetAZs {Ref: AWS::Region} → !GetAZs AWS::Region

        """)
  }

  @Test("user data as !Base64 {Fn::Sub: …} equals the same template in JSON")
  func userData() throws {
    let yaml = """
      Resources:
        Web:
          Type: AWS::EC2::Instance
          Properties:
            UserData: !Base64
              Fn::Sub: |
                #!/bin/bash
                echo ${AWS::Region}

      """
    let json = resource(##"{"Fn::Base64": {"Fn::Sub": "#!/bin/bash\necho ${AWS::Region}\n"}}"##)
    #expect(try text(yaml, json) == "no differences\n")
    let outerLong =
      "Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData:\n        Fn::Base64: !Sub \"#!/bin/bash\\necho ${AWS::Region}\\n\"\n"
    #expect(try text(yaml, outerLong) == "no differences\n")
  }

  @Test("!Select [0, !GetAZs {Ref: AWS::Region}] equals its JSON")
  func selectOfGetAZs() throws {
    let yaml = "Outputs:\n  Zone:\n    Value: !Select [0, !GetAZs {Ref: \"AWS::Region\"}]\n"
    let json = #"{"Outputs": {"Zone": {"Value": {"Fn::Select": [0, {"Fn::GetAZs": {"Ref": "AWS::Region"}}]}}}}"#
    #expect(try text(yaml, json) == "no differences\n")
  }

  @Test("the order of a Fn::Transform's parameters makes no difference; a value does")
  func transformParameters() throws {
    let old = """
      Resources:
        Bucket:
          Type: AWS::S3::Bucket
          Properties:
            Fn::Transform:
              Name: AWS::Include
              Parameters: {Location: s3://bucket/a.yml, Other: x}
        Topic:
          Type: AWS::SNS::Topic
          Properties: !Transform {Name: Macro, Parameters: {A: 1, B: 2}}
      """
    let reordered = """
      Resources:
        Bucket:
          Type: AWS::S3::Bucket
          Properties:
            Fn::Transform:
              Parameters: {Other: x, Location: s3://bucket/a.yml}
              Name: AWS::Include
        Topic:
          Type: AWS::SNS::Topic
          Properties: {"Fn::Transform": {"Parameters": {"B": 2, "A": 1}, "Name": "Macro"}}
      """
    #expect(try text(old, reordered) == "no differences\n")
    #expect(
      try text(old, reordered.replacingFirst("A\": 1", "A\": 3")) == """
        Resources
        [~] Topic AWS::SNS::Topic (no interruption)
            Properties: !Transform {Name: Macro, Parameters: {A: 1, B: 2}} → !Transform {Name: Macro, Parameters: {B: 2, A: 3}} (no interruption)

        """)
  }

  static let loops = """
    Transform: AWS::LanguageExtensions
    Resources:
      Fn::ForEach::Topics:
        - Name
        - [Alerts, Orders]
        - Topic${Name}:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: !Sub ${Name}-topic
    Outputs:
      Fn::ForEach::TopicArns:
        - Name
        - [Alerts, Orders]
        - ${Name}Arn:
            Value: !Ref
              Fn::Sub: Topic${Name}
    """

  @Test("changes inside Fn::ForEach loops are reported under the loop's key, in Resources and Outputs")
  func forEach() throws {
    #expect(
      try text(Self.loops, Self.loops) == """
        no differences

        """)
    let new = Self.loops.replacingFirst("${Name}-topic", "${Name}-events").replacingFirst(
      "[Alerts, Orders]", "[Alerts, Orders, Audit]")
    #expect(
      try text(Self.loops, new) == """
        Resources
        [~] Fn::ForEach::Topics (requires replacement)
            [1]: [Alerts, Orders] → [Alerts, Orders, Audit] (impact unknown)
            [2].Topic${Name}.Properties.TopicName: !Sub ${Name}-topic → !Sub ${Name}-events (requires replacement)

        """)
    let output = Self.loops.replacingFirst("Fn::Sub: Topic${Name}", "Fn::Sub: Queue${Name}")
    #expect(
      try text(Self.loops, output) == """
        Outputs
        [~] Fn::ForEach::TopicArns
            [2].${Name}Arn.Value: !Ref {Fn::Sub: Topic${Name}} → !Ref {Fn::Sub: Queue${Name}}

        """)
  }

  @Test("defaults a template states or leaves out alike are no difference; a template without a version is 2010-09-09")
  func statedDefaults() throws {
    let bare = "Parameters:\n  P:\n    Type: String\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n"
    let stated = """
      AWSTemplateFormatVersion: "2010-09-09"
      Parameters:
        P:
          Type: String
          NoEcho: false
      Resources:
        Topic:
          Type: AWS::SNS::Topic
          Properties: {}
          DependsOn: [Queue]
        Queue:
          Type: AWS::SQS::Queue
      """
    let scalarDependsOn = stated.replacingFirst("DependsOn: [Queue]", "DependsOn: Queue")
    #expect(try text(stated, scalarDependsOn) == "no differences\n")
    #expect(
      try text(bare, stated.replacingFirst("    DependsOn: [Queue]\n", "")) == """
        Resources
        [+] Queue AWS::SQS::Queue

        """)
    #expect(try text(bare, stated.replacingFirst("NoEcho: false", "NoEcho: true")).contains("NoEcho: (none) → true"))
  }

  @Test("a scalar that changes only its type is no difference, with a note")
  func scalarTypes() throws {
    let old =
      "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 80\n      FifoQueue: true\n"
    let new =
      #"{"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": "80", "FifoQueue": "true"}}}}"#
    let difference = try TemplateDiffer.compare(old: old, new: new)
    #expect(difference.isEmpty)
    #expect(
      DifferenceRenderer.text(difference) == """
        no differences
        note: Resources.Queue.Properties.DelaySeconds: 80 (integer) and "80" (string) differ only in type; CloudFormation reads the same value
        note: Resources.Queue.Properties.FifoQueue: true (boolean) and "true" (string) differ only in type; CloudFormation reads the same value

        """)
  }

  @Test("an unknown function and a wrong arity are compared as written, and said so")
  func structural() throws {
    let old = "Outputs:\n  A:\n    Value: !Frobnicate [x]\n  B:\n    Value: !Join [x]\n"
    #expect(
      try text(old, old) == """
        no differences
        note: Outputs.A.Value: Fn::Frobnicate is not a function CloudFormation knows; compared as written
        note: Outputs.B.Value: Fn::Join takes [delimiter string, list]; compared as written

        """)
    let new = "Outputs:\n  A:\n    Value: {\"Fn::Frobnicate\": [y]}\n  B:\n    Value: !Join [x]\n"
    #expect(
      try text(old, new) == """
        Outputs
        [~] A
            Value.Fn::Frobnicate[0]: x → "y"
        note: Outputs.A.Value: Fn::Frobnicate is not a function CloudFormation knows; compared as written
        note: Outputs.B.Value: Fn::Join takes [delimiter string, list]; compared as written

        """)
  }

  @Test("text that differs only in Unicode normalization differs: CloudFormation compares bytes")
  func normalization() throws {
    let old = "Outputs:\n  Name:\n    Value: caf\u{E9}\n"
    let new = "Outputs:\n  Name:\n    Value: cafe\u{301}\n"
    #expect(
      try text(old, new) == """
        Outputs
        [~] Name
            Value: caf\u{E9} → cafe\u{301}

        """)
  }
}
