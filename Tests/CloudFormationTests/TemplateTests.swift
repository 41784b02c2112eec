import CloudFormation
import Testing
import YAML

@Suite("Template")
struct TemplateTests {
  enum Environment { case production, staging, development }

  /// A reusable piece: a queue and its dead-letter queue.
  @TemplateBuilder
  static func queuePair(_ name: String) -> [TemplateElement] {
    let deadLetters = UntypedResource("\(name)DeadLetters", type: "AWS::SQS::Queue")
    deadLetters
    UntypedResource(
      name, type: "AWS::SQS::Queue",
      properties: .map([
        "RedrivePolicy": .map(["deadLetterTargetArn": .init(deadLetters.getAtt("Arn")), "maxReceiveCount": 5])
      ]))
  }

  static func resourceIDs(_ template: Template) -> [String] {
    template.elements.compactMap { element in
      if case .resource(let resource) = element { return resource.logicalID }
      return nil
    }
  }

  @Test(
    "if, if let, if … else, switch and for … in decide the resources",
    arguments: [Environment.production, .staging, .development])
  func controlFlow(environment: Environment) {
    let alarmEmail: String? = environment == .production ? "ops@example.com" : nil
    let template = Template {
      for name in ["Orders", "Invoices"] {
        Self.queuePair(name)
      }
      if environment == .production {
        UntypedResource("Backup", type: "AWS::Backup::BackupVault")
      }
      if let alarmEmail {
        UntypedResource("Alarms", type: "AWS::SNS::Topic", properties: .map(["Endpoint": .init(alarmEmail)]))
      }
      if environment == .development {
        UntypedResource("Sandbox", type: "AWS::S3::Bucket")
      } else {
        UntypedResource("Logs", type: "AWS::S3::Bucket")
      }
      switch environment {
      case .production: UntypedResource("Cache", type: "AWS::ElastiCache::CacheCluster")
      case .staging: UntypedResource("SmallCache", type: "AWS::ElastiCache::CacheCluster")
      case .development: [TemplateElement]()
      }
    }
    let queues = ["OrdersDeadLetters", "Orders", "InvoicesDeadLetters", "Invoices"]
    switch environment {
    case .production: #expect(Self.resourceIDs(template) == queues + ["Backup", "Alarms", "Logs", "Cache"])
    case .staging: #expect(Self.resourceIDs(template) == queues + ["Logs", "SmallCache"])
    case .development: #expect(Self.resourceIDs(template) == queues + ["Sandbox"])
    }
  }

  @Test("lists inside resources take if and for too")
  func listBuilder() throws {
    let extraBlocks = ["192.0.2.0/24", "198.51.100.0/24"]
    let office: String? = "203.0.113.0/24"
    let blocks: Value<[String]> = .list {
      "10.0.0.0/16"
      if let office { Value(office) }
      for block in extraBlocks { Value(block) }
    }
    let yaml = try Template {
      UntypedResource("List", type: "Custom::List", properties: .map(["Blocks": .init(blocks)]))
    }.yaml()
    #expect(
      yaml.hasSuffix(
        """
              Blocks:
                - 10.0.0.0/16
                - 203.0.113.0/24
                - 192.0.2.0/24
                - 198.51.100.0/24

        """))
  }

  static let fullTemplate: Template = {
    let environment = Parameter<String>.string(
      "Environment", description: "Where the stack runs", default: "staging", allowedValues: ["production", "staging"],
      allowedPattern: "[a-z]+", minLength: 3, maxLength: 10, constraintDescription: "production or staging",
      label: "Environment name")
    let port = Parameter<Number>.number(
      "Port", description: "Listener port", default: 8080, minValue: 1, maxValue: 65535)
    let ratio = Parameter<Number>.number("Ratio", default: 0.5, minValue: 0.25)
    let secret = Parameter<String>.string("Secret", noEcho: true)
    let subnets = Parameter<[String]>.awsSpecificList("Subnets", type: .subnetIDs)
    let image = Parameter<String>.awsSpecific("Image", type: .ssmValue(of: .imageID), default: "/aws/service/ami")
    let isProduction = Condition("IsProduction", .equals(environment.ref, "production"))
    let sizes = Mapping(
      "Sizes", ["production": ["Count": 4, "Class": "large"], "staging": ["Count": 1, "Class": "small"]])
    let bucket = UntypedResource("Bucket", type: "AWS::S3::Bucket")
      .deletionPolicy(.retain)
      .updateReplacePolicy(.retain)
      .comment("Storage")
    let queue = UntypedResource(
      "Queue", type: "AWS::SQS::Queue",
      properties: .map([
        "QueueName": .init(Value<String>.sub("${AWS::StackName}-${Environment}")),
        "DelaySeconds": .init(Value<Number>.findInMap(sizes, environment.ref, "Count")),
        "Tags": [.map(["Key": "Bucket", "Value": .init(bucket.ref)])],
      ])
    )
    .dependsOn(bucket)
    .condition(isProduction)
    .metadata(.map(["Owner": "team"]))
    .updatePolicy(.map(["AutoScalingRollingUpdate": .map(["MinInstancesInService": 1])]))
    .creationPolicy(.map(["ResourceSignal": .map(["Count": 1, "Timeout": "PT5M"])]))
    return Template(
      description: "Every section", transform: ["AWS::LanguageExtensions"],
      metadata: ["Generator": "tests"]
    ) {
      environment
      port
      ratio
      secret
      subnets
      image
      ParameterGroup("Basics", [environment, port])
      Rule(
        "ProductionPort", when: .equals(environment.ref, "production"),
        assertions: [
          (assert: .not(.equals(Value<String>(port.ref.expression), "80")), description: "not 80 in production")
        ])
      sizes
      isProduction
      bucket
      queue
      UntypedResource("Waiter", type: "AWS::CloudFormation::WaitConditionHandle").dependsOn(bucket, queue)
      Output(
        "QueueArn", value: queue.getAtt("Arn"), description: "The queue",
        exportName: .sub("${AWS::StackName}-QueueArn"),
        condition: isProduction)
    }
  }()

  @Test("sections in CloudFormation's order, each element's keys in canonical order")
  func fullTemplateYAML() throws {
    #expect(
      try Self.fullTemplate.yaml(header: "Generated by the tests") == """
        # Generated by the tests
        AWSTemplateFormatVersion: "2010-09-09"

        Description: Every section

        Metadata:
          AWS::CloudFormation::Interface:
            ParameterGroups:
              - Label:
                  default: Basics
                Parameters:
                  - Environment
                  - Port
            ParameterLabels:
              Environment:
                default: Environment name
          Generator: tests

        Parameters:
          Environment:
            Type: String
            Description: Where the stack runs
            Default: staging
            AllowedValues:
              - production
              - staging
            AllowedPattern: "[a-z]+"
            MinLength: 3
            MaxLength: 10
            ConstraintDescription: production or staging
          Port:
            Type: Number
            Description: Listener port
            Default: 8080
            MinValue: 1
            MaxValue: 65535
          Ratio:
            Type: Number
            Default: 0.5
            MinValue: 0.25
          Secret:
            Type: String
            NoEcho: true
          Subnets:
            Type: List<AWS::EC2::Subnet::Id>
          Image:
            Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
            Default: /aws/service/ami

        Rules:
          ProductionPort:
            RuleCondition: !Equals [!Ref Environment, production]
            Assertions:
              - Assert: !Not
                  - !Equals [!Ref Port, "80"]
                AssertDescription: not 80 in production

        Mappings:
          Sizes:
            production:
              Count: 4
              Class: large
            staging:
              Count: 1
              Class: small

        Conditions:
          IsProduction: !Equals [!Ref Environment, production]

        Transform: AWS::LanguageExtensions

        Resources:
          # Storage
          Bucket:
            Type: AWS::S3::Bucket
            DeletionPolicy: Retain
            UpdateReplacePolicy: Retain

          Queue:
            Type: AWS::SQS::Queue
            Condition: IsProduction
            DependsOn: Bucket
            UpdatePolicy:
              AutoScalingRollingUpdate:
                MinInstancesInService: 1
            CreationPolicy:
              ResourceSignal:
                Count: 1
                Timeout: PT5M
            Metadata:
              Owner: team
            Properties:
              QueueName: !Sub ${AWS::StackName}-${Environment}
              DelaySeconds: !FindInMap [Sizes, !Ref Environment, Count]
              Tags:
                - Key: Bucket
                  Value: !Ref Bucket

          Waiter:
            Type: AWS::CloudFormation::WaitConditionHandle
            DependsOn:
              - Bucket
              - Queue

        Outputs:
          QueueArn:
            Description: The queue
            Value: !GetAtt Queue.Arn
            Export:
              Name: !Sub ${AWS::StackName}-QueueArn
            Condition: IsProduction

        """)
  }

  @Test("JSON output parses back to the YAML output's data, intrinsics in long form")
  func json() throws {
    let json = try Self.fullTemplate.json()
    let fromJSON = try YAMLParser().parse(json)
    let fromYAML = try YAMLParser().parse(Self.fullTemplate.yaml())
    #expect(fromJSON == Self.longForm(fromYAML))
    #expect(json.contains(#""Fn::GetAtt": [\#n          "Queue",\#n          "Arn"\#n        ]"#))
    #expect(try Self.fullTemplate.json() == json)
  }

  /// The parsed YAML with short-form tags turned into long-form objects.
  static func longForm(_ node: YAMLNode) -> YAMLNode {
    let converted: YAMLNode
    if let tag = node.tag {
      let name = String(tag.dropFirst())
      var bare = node
      switch bare {
      case .scalar(var scalar):
        scalar.tag = nil
        bare = .scalar(scalar)
      case .sequence(var sequence):
        sequence.tag = nil
        bare = .sequence(sequence)
      case .mapping(var mapping):
        mapping.tag = nil
        bare = .mapping(mapping)
      }
      if name == "GetAtt", let text = bare.stringValue, let dot = text.firstIndex(of: ".") {
        bare = [.string(String(text[..<dot])), .string(String(text[text.index(after: dot)...]))]
      }
      let key = name == "Ref" || name == "Condition" ? name : "Fn::" + name
      converted = .mapping(YAMLMapping([.init(key: .string(key), value: bare)]))
    } else {
      converted = node
    }
    switch converted {
    case .scalar: return converted
    case .sequence(var sequence):
      sequence.items = sequence.items.map(longForm)
      return .sequence(sequence)
    case .mapping(var mapping):
      for index in mapping.entries.indices { mapping.entries[index].value = longForm(mapping.entries[index].value) }
      return .mapping(mapping)
    }
  }

  @Test("typed property keys are sorted by byte order, free-form ones keep their order")
  func keyOrder() throws {
    let typed = Value<[String: String]>.map(["b": "1", "Z": "2", "a": "3"])
    let freeForm = Value<JSON>.map(["b": "1", "Z": "2", "a": "3"])
    let yaml = try Template {
      UntypedResource("R", type: "Custom::R", properties: .map(["Typed": .init(typed), "FreeForm": freeForm]))
    }.yaml()
    #expect(
      yaml.hasSuffix(
        """
              Typed:
                Z: "2"
                a: "3"
                b: "1"
              FreeForm:
                b: "1"
                Z: "2"
                a: "3"

        """))
  }
}
