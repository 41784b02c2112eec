import TemplateImport
import TemplateSyntax
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Templates `gen import` cannot write faithfully: refused with the place and
/// the fix, and through the command line with exit status 2 and no file written.
@Suite("gen import refuses what it cannot import faithfully")
struct ImportErrorTests {
  static func importError(_ template: String) throws -> String {
    let document = try TemplateDocument(parsing: template)
    var importer = StackImporter()
    do {
      _ = try importer.importStack(document, name: "Stack", sourceName: "stack.yaml")
      return "imported"
    } catch let error as ImportError {
      return error.description
    }
  }

  @Test(
    "each refusal names the place and what to do",
    arguments: [
      (
        "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: {Fn::Frobnicate: x}\n",
        "Resources.Topic.Properties.TopicName: Fn::Frobnicate is not a function CloudFormation knows"
      ),
      (
        "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Shout x\n",
        "Resources.Topic.Properties.TopicName: Fn::Shout is not a function CloudFormation knows"
      ),
      (
        "Resources:\n  ? [a, b]\n  : {Type: AWS::SNS::Topic}\n",
        "Resources: the key [a, b] is not text; compared as written; the import would not be faithful"
      ),
      (
        "Transform: {Name: AWS::Include, Parameters: {Location: s3://bucket/part.yaml}}\nResources: {}\n",
        "Transform: a Transform with parameters (such as AWS::Include) changes the template"
      ),
      (
        "Globals:\n  Function: {Timeout: 3}\nResources: {}\n",
        "Globals: not a section of a CloudFormation template"
      ),
      (
        "Parameters:\n  Fn::ForEach::Sizes:\n    - Name\n    - [A, B]\n    - Size${Name}: {Type: Number}\nResources: {}\n",
        "Parameters.Fn::ForEach::Sizes: a Fn::ForEach loop stands in Resources, Outputs or Conditions"
      ),
      (
        "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref Missing\n",
        "Resources.Topic.Properties.TopicName: !Ref Missing names no parameter, resource or pseudo parameter of the template; fix the name"
      ),
      (
        "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    DependsOn: Queue\n",
        "Resources.Topic.DependsOn: DependsOn names Queue, which is no resource of the template; fix the name"
      ),
      (
        "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    DeletionPolicy: Keep\n",
        "Resources.Topic.DeletionPolicy: DeletionPolicy must be one of Delete, Retain, RetainExceptOnCreate, Snapshot"
      ),
      (
        "Parameters:\n  Size:\n    Type: Number\n    Maximum: 3\nResources: {}\n",
        "Parameters.Size.Maximum: Maximum is not a property of a parameter; remove it (CloudFormation refuses it)"
      ),
    ])
  func refusal(template: String, expected: String) throws {
    let message = try Self.importError(template)
    #expect(message.hasPrefix(expected), "\(message)")
  }

  @Test("through gen: exit 2, the file and the place on stderr, and no file written for any template")
  func commandLine() throws {
    let binary = try #require(builtProduct("gen"))
    let directory = try makeTemporaryDirectory("gen-import-error")
    defer { removeDirectory(directory) }
    try writeFileAtomically(
      directory + "/good.yaml", Array("Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n".utf8))
    try writeFileAtomically(
      directory + "/bad.yaml",
      Array("Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties: {TopicName: !Ref Nope}\n".utf8))
    let run = try runProcess([
      binary, "import", directory + "/good.yaml", directory + "/bad.yaml", "--output", directory + "/out",
    ])
    #expect(run.status == 2)
    #expect(
      run.errorText
        == "gen: import: \(directory)/bad.yaml: Resources.Topic.Properties.TopicName: !Ref Nope names no parameter, resource or pseudo parameter of the template; fix the name\n"
    )
    #expect(access(directory + "/out", F_OK) != 0, "nothing is written when one template cannot be imported")
  }
}
