import CloudFormation
import SystemSupport
import Testing
import YAML

@testable import TemplateDiff

#if canImport(Glibc)
  import Glibc
#endif

#if canImport(Glibc)
  import Glibc
#endif

/// Pairs of templates, each with its exact expected output.
@Suite("Template diff")
struct TemplateDiffTests {
  static let base = """
    Parameters:
      Size:
        Type: Number
        Default: 1
    Resources:
      VPC:
        Type: AWS::EC2::VPC
        Properties:
          CidrBlock: 10.0.0.0/16
      Subnet:
        Type: AWS::EC2::Subnet
        Properties:
          CidrBlock: 10.0.0.0/24
          VpcId: !Ref VPC
      Queue:
        Type: AWS::SQS::Queue
        Properties:
          DelaySeconds: !Ref Size
          Tags:
            - Key: Team
              Value: blue
      Logs:
        Type: AWS::Logs::LogGroup
    Outputs:
      VpcId:
        Value: !Ref VPC

    """

  func diff(_ old: String, _ new: String) throws -> TemplateDifference {
    try TemplateDiffer.compare(old: old, new: new)
  }

  func text(_ old: String, _ new: String) throws -> String {
    DifferenceRenderer.text(try diff(old, new))
  }

  /// The JSON output on one line (same data, no indentation), to keep expectations short.
  func json(_ old: String, _ new: String) throws -> String {
    let pretty = try DifferenceRenderer.json(try diff(old, new))
    let compact = try JSONWriter(indentation: nil).string(from: try YAMLParser().parse(pretty))
    if getenv("PRINT_DIFF_JSON") != nil { print("JSON>>> \(compact)") }
    return compact
  }

  func changed(_ replacements: [(String, String)]) -> String {
    replacements.reduce(Self.base) { text, replacement in
      var result = ""
      var rest = Substring(text)
      while let range = rest.firstRange(of: replacement.0) {
        result += rest[..<range.lowerBound] + replacement.1
        rest = rest[range.upperBound...]
      }
      return result + rest
    }
  }

  @Test("the reference template against itself, and against itself as JSON, has no differences")
  func equal() throws {
    let reference = String(
      decoding: try #require(
        {
          let directory = String(#filePath.prefix(upTo: #filePath.lastIndex(of: "/")!))
          return try? readBytes(directory + "/../StackTests/Fixtures/deploy-canary.yml")
        }()), as: UTF8.self)
    let parsed = try YAMLParser().parse(reference)
    let json = try JSONWriter(
      tagHandling: .convert { node in
        let tag = String(node.tag!.dropFirst())
        let bare = node.withTag(nil)
        if tag == "GetAtt", let text = bare.stringValue, let dot = text.firstIndex(of: ".") {
          return ["Fn::GetAtt": [.string(String(text[..<dot])), .string(String(text[text.index(after: dot)...]))]]
        }
        return .mapping(
          YAMLMapping([.init(key: .string(tag == "Ref" || tag == "Condition" ? tag : "Fn::" + tag), value: bare)]))
      }
    ).string(from: parsed)
    #expect(try text(reference, reference) == "no differences\n")
    #expect(try text(reference, json) == "no differences\n")
  }

  @Test("a changed parameter default is traced to the properties that use it")
  func parameterDefault() throws {
    #expect(
      try text(Self.base, changed([("Default: 1", "Default: 5")])) == """
        Parameters
        [~] Size
            Default: 1 → 5
            used by Queue Properties.DelaySeconds (no interruption)

        """)
  }

  @Test("added and removed resources; removing a stateful one destroys data")
  func addedAndRemoved() throws {
    let new = changed([("  Logs:\n    Type: AWS::Logs::LogGroup\n", "  Bucket:\n    Type: AWS::S3::Bucket\n")])
    #expect(
      try text(Self.base, new) == """
        Resources
        [+] Bucket AWS::S3::Bucket
        [-] Logs AWS::Logs::LogGroup (destroys data)

        """)
  }

  @Test("a property changed in a nested list, in place")
  func nestedList() throws {
    #expect(
      try text(Self.base, changed([("Value: blue", "Value: green")])) == """
        Resources
        [~] Queue AWS::SQS::Queue (no interruption)
            Properties.Tags[0].Value: blue → green (no interruption)

        """)
  }

  @Test("a create-only property requires replacement, which cascades through create-only references")
  func replacementCascade() throws {
    #expect(
      try text(Self.base, changed([("CidrBlock: 10.0.0.0/16", "CidrBlock: 10.1.0.0/16")])) == """
        Resources
        [~] VPC AWS::EC2::VPC (requires replacement)
            Properties.CidrBlock: 10.0.0.0/16 → 10.1.0.0/16 (requires replacement)
        [~] Subnet AWS::EC2::Subnet (requires replacement, caused by VPC)

        """)
  }

  @Test("a DependsOn change needs no interruption; a type the catalog lacks is impact unknown")
  func dependsOnAndUnknownType() throws {
    let new = changed([
      ("  Queue:\n    Type: AWS::SQS::Queue\n", "  Queue:\n    Type: AWS::SQS::Queue\n    DependsOn: Logs\n"),
      (
        "  Logs:\n    Type: AWS::Logs::LogGroup\n", "  Logs:\n    Type: Custom::Thing\n    Properties:\n      Size: 1\n"
      ),
    ])
    #expect(
      try text(Self.base, new) == """
        Resources
        [~] Queue AWS::SQS::Queue (no interruption)
            DependsOn: (none) → Logs (no interruption)
        [~] Logs Custom::Thing (requires replacement)
            Type: AWS::Logs::LogGroup → Custom::Thing (requires replacement)
            Properties.Size: (none) → 1 (requires replacement)

        """)
    let unknown = changed([("  Logs:\n    Type: AWS::Logs::LogGroup\n", "  Logs:\n    Type: Custom::Thing\n")])
    let changedUnknown = unknown.replacingFirst(
      "  Logs:\n    Type: Custom::Thing\n", "  Logs:\n    Type: Custom::Thing\n    Properties:\n      Size: 2\n")
    #expect(
      try text(unknown, changedUnknown) == """
        Resources
        [~] Logs Custom::Thing (impact unknown)
            Properties.Size: (none) → 2 (impact unknown)

        """)
  }

  @Test("an output removed")
  func outputRemoved() throws {
    #expect(
      try text(Self.base, changed([("Outputs:\n  VpcId:\n    Value: !Ref VPC\n", "")])) == """
        Outputs
        [-] VpcId

        """)
    let withTwo = Self.base + "  SubnetId:\n    Value: !Ref Subnet\n"
    #expect(
      try text(withTwo, Self.base) == """
        Outputs
        [-] SubnetId

        """)
  }

  static let security = """
    Resources:
      Group:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: web
          SecurityGroupIngress:
            - CidrIp: 10.0.0.0/8
              FromPort: 443
              IpProtocol: tcp
              ToPort: 443
      Role:
        Type: AWS::IAM::Role
        Properties:
          AssumeRolePolicyDocument:
            Statement:
              - Effect: Allow
                Principal:
                  Service: ecs-tasks.amazonaws.com
                Action: sts:AssumeRole

    """

  @Test("a widened security-group rule and an added IAM action get their own tables")
  func securityTables() throws {
    let new = Self.security.replacingFirst("CidrIp: 10.0.0.0/8", "CidrIp: 0.0.0.0/0")
      .replacingFirst(
        "Action: sts:AssumeRole", "Action:\n              - sts:AssumeRole\n              - sts:TagSession")
    let difference = try diff(Self.security, new)
    #expect(
      DifferenceRenderer.text(difference) == """
        Resources
        [~] Group AWS::EC2::SecurityGroup (no interruption)
            Properties.SecurityGroupIngress[0].CidrIp: 10.0.0.0/8 → 0.0.0.0/0 (no interruption)
        [~] Role AWS::IAM::Role (no interruption)
            Properties.AssumeRolePolicyDocument.Statement[0].Action: sts:AssumeRole → [sts:AssumeRole, sts:TagSession] (no interruption)
        IAM statement changes
        [-] Role: Allow sts:AssumeRole for {Service: ecs-tasks.amazonaws.com}
        [+] Role: Allow sts:AssumeRole, sts:TagSession for {Service: ecs-tasks.amazonaws.com}
        Security group changes
        [-] Group: ingress tcp 443 from 10.0.0.0/8
        [+] Group: ingress tcp 443 from 0.0.0.0/0

        """)
    let json = try DifferenceRenderer.json(difference)
    #expect(
      json.hasSuffix(
        """
          "iamStatements": [
            {
              "kind": "removed",
              "resource": "Role",
              "change": "Allow sts:AssumeRole for {Service: ecs-tasks.amazonaws.com}"
            },
            {
              "kind": "added",
              "resource": "Role",
              "change": "Allow sts:AssumeRole, sts:TagSession for {Service: ecs-tasks.amazonaws.com}"
            }
          ],
          "securityGroupRules": [
            {
              "kind": "removed",
              "resource": "Group",
              "change": "ingress tcp 443 from 10.0.0.0/8"
            },
            {
              "kind": "added",
              "resource": "Group",
              "change": "ingress tcp 443 from 0.0.0.0/0"
            }
          ]
        }

        """))
  }

  @Test("markdown for a pull-request comment")
  func markdown() throws {
    let new = Self.security.replacingFirst("CidrIp: 10.0.0.0/8", "CidrIp: 0.0.0.0/0")
    #expect(
      DifferenceRenderer.markdown(try diff(Self.security, new)) == """
        ### Resources

        - ✏️ **Group** `AWS::EC2::SecurityGroup` (no interruption)
          - `Properties.SecurityGroupIngress[0].CidrIp: 10.0.0.0/8 → 0.0.0.0/0 (no interruption)`

        ### Security group changes

        | | Resource | Change |
        | --- | --- | --- |
        | ➖ | `Group` | `ingress tcp 443 from 10.0.0.0/8` |
        | ➕ | `Group` | `ingress tcp 443 from 0.0.0.0/0` |

        """)
  }

  @Test("JSON output for tools")
  func json() throws {
    let output = try DifferenceRenderer.json(try diff(Self.base, changed([("Value: blue", "Value: green")])))
    #expect(
      output == """
        {
          "equal": false,
          "sections": [
            {
              "section": "Resources",
              "entries": [
                {
                  "logicalId": "Queue",
                  "kind": "changed",
                  "type": "AWS::SQS::Queue",
                  "impact": "no interruption",
                  "changes": [
                    {
                      "path": "Properties.Tags[0].Value",
                      "old": "blue",
                      "new": "green",
                      "impact": "no interruption"
                    }
                  ]
                }
              ]
            }
          ]
        }

        """)
  }

  @Test("short and long intrinsic forms are equal")
  func intrinsicForms() throws {
    let short = "Outputs:\n  A:\n    Value: !GetAtt VPC.CidrBlock\n  B:\n    Value: !Ref VPC\n"
    let long = "Outputs:\n  A:\n    Value: {\"Fn::GetAtt\": [VPC, CidrBlock]}\n  B:\n    Value: {Ref: VPC}\n"
    #expect(try diff(short, long).isEmpty)
  }
}

extension String {
  func replacingFirst(_ target: String, _ replacement: String) -> String {
    guard let range = firstRange(of: target) else { return self }
    return self[..<range.lowerBound] + replacement + self[range.upperBound...]
  }
}

func readBytes(_ path: String) throws -> [UInt8] {
  try readFileBytes(path)
}

@Suite("Template diff JSON")
struct TemplateDiffJSONTests {
  let cases = TemplateDiffTests()

  @Test("every kind of change, as JSON (shown on one line)")
  func everyKind() throws {
    let base = TemplateDiffTests.base
    let c = cases
    #expect(
      try c.json(base, c.changed([("Default: 1", "Default: 5")]))
        == #"{"equal":false,"sections":[{"section":"Parameters","entries":[{"logicalId":"Size","kind":"changed","changes":[{"path":"Default","old":1,"new":5}],"usedBy":[{"resource":"Queue","path":"Properties.DelaySeconds","impact":"no interruption"}]}]}]}"#
    )
    #expect(
      try c.json(
        base, c.changed([("  Logs:\n    Type: AWS::Logs::LogGroup\n", "  Bucket:\n    Type: AWS::S3::Bucket\n")]))
        == #"{"equal":false,"sections":[{"section":"Resources","entries":[{"logicalId":"Bucket","kind":"added","type":"AWS::S3::Bucket"},{"logicalId":"Logs","kind":"removed","type":"AWS::Logs::LogGroup","destroysData":true}]}]}"#
    )
    #expect(
      try c.json(base, c.changed([("Value: blue", "Value: green")]))
        == #"{"equal":false,"sections":[{"section":"Resources","entries":[{"logicalId":"Queue","kind":"changed","type":"AWS::SQS::Queue","impact":"no interruption","changes":[{"path":"Properties.Tags[0].Value","old":"blue","new":"green","impact":"no interruption"}]}]}]}"#
    )
    #expect(
      try c.json(base, c.changed([("CidrBlock: 10.0.0.0/16", "CidrBlock: 10.1.0.0/16")]))
        == #"{"equal":false,"sections":[{"section":"Resources","entries":[{"logicalId":"VPC","kind":"changed","type":"AWS::EC2::VPC","impact":"requires replacement","changes":[{"path":"Properties.CidrBlock","old":"10.0.0.0/16","new":"10.1.0.0/16","impact":"requires replacement"}]},{"logicalId":"Subnet","kind":"changed","type":"AWS::EC2::Subnet","impact":"requires replacement","causedBy":["VPC"]}]}]}"#
    )
    #expect(
      try c.json(
        base,
        c.changed([
          ("  Queue:\n    Type: AWS::SQS::Queue\n", "  Queue:\n    Type: AWS::SQS::Queue\n    DependsOn: Logs\n")
        ]))
        == #"{"equal":false,"sections":[{"section":"Resources","entries":[{"logicalId":"Queue","kind":"changed","type":"AWS::SQS::Queue","impact":"no interruption","changes":[{"path":"DependsOn","old":null,"new":"Logs","impact":"no interruption"}]}]}]}"#
    )
    #expect(
      try c.json(base + "  SubnetId:\n    Value: !Ref Subnet\n", base)
        == #"{"equal":false,"sections":[{"section":"Outputs","entries":[{"logicalId":"SubnetId","kind":"removed"}]}]}"#)
    #expect(try c.json(base, base) == #"{"equal":true,"sections":[]}"#)
  }
}
