import Deploy
import TemplateSyntax
import TestSupport
import Testing
import YAML

/// The pieces `gen deploy` is made of, one at a time: what a template declares
/// and needs, how values and files are read, how an upload is named.
@Suite("Deploy library")
struct DeployLibraryTests {
  static func document(_ text: String) throws -> TemplateDocument { try TemplateDocument(parsing: text) }

  @Test(
    "capabilities follow the template",
    arguments: [
      ("Resources: {Queue: {Type: AWS::SQS::Queue}}", [Capability]()),
      ("Resources: {Key: {Type: AWS::IAM::AccessKey, Properties: {UserName: u}}}", [.iam]),
      (
        "Resources: {Profile: {Type: AWS::IAM::InstanceProfile, Properties: {InstanceProfileName: p, Roles: []}}}",
        [.namedIAM]
      ),
      ("Resources: {Group: {Type: AWS::IAM::Group, Properties: {GroupName: !Ref Name}}}", [.namedIAM]),
      ("Transform: [AWS::LanguageExtensions]\nResources: {Queue: {Type: AWS::SQS::Queue}}", [.autoExpand]),
      (
        "Transform: AWS::Serverless-2016-10-31\nResources: {F: {Type: AWS::Serverless::Function}}", [.iam, .autoExpand]
      ),
      (
        "Resources: {Queue: {Type: AWS::SQS::Queue, Properties: {'Fn::Transform': {Name: AWS::Include, Parameters: {Location: s3://b/k}}}}}",
        [.autoExpand]
      ),
    ])
  func capabilities(template: String, expected: [Capability]) throws {
    #expect(Capability.required(by: try Self.document(template)) == expected)
  }

  @Test("parameter declarations are read from any template, JSON or YAML, values as text")
  func declarations() throws {
    let json = try Self.document(
      #"""
      {"Parameters": {"Port": {"Type": "Number", "Default": 8080, "MinValue": 1, "MaxValue": 65535},
                      "Zones": {"Type": "List<Number>", "Default": "1,2"},
                      "Secret": {"Type": "String", "NoEcho": "true", "AllowedPattern": "[a-z]+", "MinLength": 3}}}
      """#)
    let declarations = json.parameterDeclarations
    #expect(declarations.map(\.logicalID) == ["Port", "Zones", "Secret"])
    #expect(declarations[0].defaultValue == "8080")
    #expect(declarations[0].problem(with: "0") == "Port must be at least 1")
    #expect(declarations[0].problem(with: "http") == "Port must be a number")
    #expect(declarations[1].problem(with: "1,x") == "each number of Zones must be a number")
    #expect(declarations[2].noEcho)
    #expect(declarations[2].problem(with: "ab") == "Secret needs at least 3 characters")
    #expect(declarations[2].problem(with: "abC") == "Secret must match [a-z]+")
    #expect(declarations[2].problem(with: "abc") == nil)
  }

  @Test("a derived option or variable that gen or the shell owns is not offered; the parameter stays settable")
  func reservedNames() throws {
    let declarations = try Self.document(
      "Parameters: {Path: {Type: String}, StackName: {Type: String}, AwsRegion: {Type: String}, HealthCheckPath: {Type: String}}"
    ).parameterDeclarations
    let inputs = ParameterInputs(
      environment: { name in ["PATH": "/usr/bin", "AWS_REGION": "eu-west-1", "HEALTH_CHECK_PATH": "/up"][name] },
      reservedOptions: ["stack-name"], reservedVariables: ["PATH", "STACK_NAME", "AWS_REGION"])
    let names = inputs.names(for: declarations)
    #expect(names.map(\.option) == ["path", nil, "aws-region", "health-check-path"])
    #expect(names.map(\.environmentVariable) == [nil, nil, nil, "HEALTH_CHECK_PATH"])
    #expect(throws: DeployError.self) { try inputs.resolve(for: declarations) }
    do {
      _ = try inputs.resolve(for: declarations)
    } catch let error as DeployError {
      #expect(
        error.message == """
          3 settings are wrong:
            - Path is not set: give it with --path or --parameter Path=VALUE
            - StackName is not set: give it with --parameter StackName=VALUE
            - AwsRegion is not set: give it with --aws-region or --parameter AwsRegion=VALUE
          """)
    }
  }

  @Test("a parameters file: a map (lists joined, numbers as written) or aws's list")
  func parameterFiles() throws {
    let map = try ParameterFile(path: "p.yml", text: "Subnets: [subnet-1, subnet-2]\nCount: 3\nEnabled: true\n")
    #expect(map.entries.map(\.value) == ["subnet-1,subnet-2", "3", "true"])
    let list = try ParameterFile(
      path: "p.json",
      text: #"[{"ParameterKey": "A", "ParameterValue": "1"}, {"ParameterKey": "B", "UsePreviousValue": true}]"#)
    #expect(
      list.entries == [.init(logicalID: "A", value: "1"), .init(logicalID: "B", value: "", usePreviousValue: true)])
    #expect(throws: DeployError.self) {
      try ParameterFile(path: "p.json", text: #"[{"ParameterKey": "A", "Value": "1"}]"#)
    }
  }

  @Test("SHA-256 names an uploaded template: FIPS 180-4 test vectors")
  func sha256() throws {
    let body = TemplateBody(text: "abc", origin: "test")
    #expect(body.byteCount == 3)
    let vectors = [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
      (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ]
    for (text, digest) in vectors {
      let location = try S3Location(bucket: "templates", prefix: "/ci/")
      #expect(
        TemplateBody(text: text, origin: "test").uploadURL(in: location, region: "us-east-1")
          == "https://s3.amazonaws.com/templates/ci/\(digest).template")
    }
  }

  @Test("the upload URL is path style in the bucket's region, the key escaped")
  func uploadURL() throws {
    let location = try S3Location(bucket: "my.templates", prefix: "team a/ci")
    let body = TemplateBody(text: "x", origin: "test")
    let url = body.uploadURL(in: location, region: "eu-central-1")
    #expect(url.hasPrefix("https://s3.eu-central-1.amazonaws.com/my.templates/team%20a/ci/"))
    #expect(body.uploadURL(in: location, region: "cn-north-1").hasPrefix("https://s3.cn-north-1.amazonaws.com.cn/"))
    for bad in ["ab", "Templates", "-templates", "a..b", String(repeating: "a", count: 64)] {
      #expect(throws: DeployError.self) { try S3Location(bucket: bad) }
    }
  }
}
