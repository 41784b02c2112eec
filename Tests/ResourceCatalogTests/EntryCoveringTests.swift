import ResourceCatalog
import Testing

@Suite("A listed path covers everything under it")
struct EntryCoveringTests {
  let entry = ResourceCatalog.Entry(
    typeName: "Test::Covering::Rule",
    createOnlyProperties: ["Name", "Encryption/KmsKey", "Tags/*/Key"],
    conditionalCreateOnlyProperties: ["Engine"],
    readOnlyProperties: ["Arn", "Endpoint/Address"])

  @Test(
    "create-only covers the path and its descendants",
    arguments: ["Name", "Name/First", "Name/First/Second", "Encryption/KmsKey", "Encryption/KmsKey/Id"])
  func createOnly(path: String) {
    #expect(entry.isCreateOnly(path))
  }

  @Test(
    "create-only does not cover siblings, prefixes of names or ancestors",
    arguments: ["Names", "Nam", "Other", "", "Encryption", "Encryption/KmsKeyId", "Encryption/Algorithm", "Tags"])
  func notCreateOnly(path: String) {
    #expect(!entry.isCreateOnly(path))
  }

  @Test("a listed * matches any one segment")
  func wildcard() {
    #expect(entry.isCreateOnly("Tags/0/Key"))
    #expect(entry.isCreateOnly("Tags/12/Key"))
    #expect(entry.isCreateOnly("Tags/*/Key"))
    #expect(!entry.isCreateOnly("Tags/0/Value"))
    #expect(!entry.isCreateOnly("Tags/0"))
  }

  @Test("conditional and read-only use the same rule")
  func conditionalAndReadOnly() {
    #expect(entry.isConditionallyCreateOnly("Engine"))
    #expect(entry.isConditionallyCreateOnly("Engine/Version"))
    #expect(!entry.isConditionallyCreateOnly("EngineVersion"))
    #expect(!entry.isConditionallyCreateOnly("Name"))
    #expect(entry.isReadOnly("Arn"))
    #expect(entry.isReadOnly("Endpoint/Address"))
    #expect(!entry.isReadOnly("Endpoint"))
    #expect(!entry.isReadOnly("Name"))
  }

  @Test("the rule on generated entries")
  func generated() throws {
    let endpoint = try #require(ResourceCatalog.entry(for: "AWS::EC2::VPCEndpoint"))
    #expect(endpoint.isCreateOnly("DnsOptions/PrivateDnsPreference"))
    #expect(!endpoint.isCreateOnly("DnsOptions"))
    #expect(!endpoint.isCreateOnly("DnsOptions/DnsRecordIpType"))
    let repository = try #require(ResourceCatalog.entry(for: "AWS::ECR::Repository"))
    #expect(repository.isCreateOnly("EncryptionConfiguration/KmsKey"))
    #expect(repository.isCreateOnly("EncryptionConfiguration/AnythingElse"))
    let vpc = try #require(ResourceCatalog.entry(for: "AWS::EC2::VPC"))
    #expect(vpc.isCreateOnly("CidrBlock/Anything"))
    #expect(vpc.isConditionallyCreateOnly("InstanceTenancy/Anything"))
  }
}
