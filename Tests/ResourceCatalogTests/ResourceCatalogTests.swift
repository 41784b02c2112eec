import ResourceCatalog
import Testing

@Suite("ResourceCatalog lookups")
struct ResourceCatalogTests {
  @Test("AWS::EC2::VPC: create-only, conditional and read-only properties, not stateful")
  func vpc() throws {
    let vpc = try #require(ResourceCatalog.entry(for: "AWS::EC2::VPC"))
    #expect(vpc.typeName == "AWS::EC2::VPC")
    #expect(vpc.createOnlyProperties == ["CidrBlock", "Ipv4IpamPoolId", "Ipv4NetmaskLength"])
    #expect(vpc.conditionalCreateOnlyProperties.contains("InstanceTenancy"))
    // VpcId follows a wrapped line in the generated records.
    #expect(vpc.readOnlyProperties.contains("DefaultSecurityGroup"))
    #expect(vpc.readOnlyProperties.last == "VpcId")
    #expect(!vpc.isStateful)
    #expect(vpc.isCreateOnly("CidrBlock"))
    #expect(vpc.isConditionallyCreateOnly("InstanceTenancy"))
    #expect(!vpc.isCreateOnly("Tags"))
    #expect(!vpc.isCreateOnly("EnableDnsHostnames"))
  }

  @Test("data-holding types are stateful", arguments: ["AWS::Logs::LogGroup", "AWS::RDS::DBInstance"])
  func stateful(typeName: String) throws {
    #expect(try #require(ResourceCatalog.entry(for: typeName)).isStateful)
  }

  @Test("AWS::ElasticLoadBalancingV2::LoadBalancer: DNSName is read-only")
  func loadBalancer() throws {
    let loadBalancer = try #require(ResourceCatalog.entry(for: "AWS::ElasticLoadBalancingV2::LoadBalancer"))
    #expect(loadBalancer.readOnlyProperties.contains("DNSName"))
    #expect(loadBalancer.isReadOnly("DNSName"))
    #expect(loadBalancer.isCreateOnly("Name"))
    #expect(!loadBalancer.isStateful)
  }

  @Test("nested paths keep the schema's spelling and order")
  func nestedPaths() throws {
    let accessPoint = try #require(ResourceCatalog.entry(for: "AWS::EFS::AccessPoint"))
    #expect(
      accessPoint.createOnlyProperties.starts(with: [
        "FileSystemId", "ClientToken", "PosixUser", "PosixUser/Uid", "PosixUser/Gid", "PosixUser/SecondaryGids",
      ]))
    let snapshot = try #require(ResourceCatalog.entry(for: "AWS::RedshiftServerless::Snapshot"))
    #expect(snapshot.createOnlyProperties.contains("Tags/*/Key"))
  }

  @Test(
    "unknown types have no entry",
    arguments: ["AWS::EC2::Nothing", "aws::ec2::vpc", "AWS::EC2::VPC ", "", "Custom::Thing"])
  func unknown(typeName: String) {
    #expect(ResourceCatalog.entry(for: typeName) == nil)
  }

  @Test("type names are unique, in byte order, and each finds its own entry")
  func typeNames() throws {
    let names = ResourceCatalog.typeNames
    #expect(names.count > 1_000)
    #expect(zip(names, names.dropFirst()).allSatisfy { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    #expect(ResourceCatalog.entries.map(\.typeName) == names)
    for name in names {
      #expect(ResourceCatalog.entry(for: name)?.typeName == name)
    }
    // Byte order: `AWS::…` sorts before `Alexa::…`.
    #expect(names.last == "Alexa::ASK::Skill")
  }

  @Test("every path is a relative JSON pointer without the /properties/ prefix")
  func pathFormat() {
    for entry in ResourceCatalog.entries {
      let paths = entry.createOnlyProperties + entry.conditionalCreateOnlyProperties + entry.readOnlyProperties
      for path in paths {
        let wellFormed =
          !path.isEmpty && !path.hasPrefix("/") && !path.hasSuffix("/")
          && !path.contains("properties/") && !path.contains(" ") && !path.contains("\\")
        #expect(wellFormed, "\(entry.typeName): \(path)")
      }
    }
  }

  @Test("the catalog names the cfn-lint version it came from")
  func version() {
    #expect(ResourceCatalog.cfnLintVersion.split(separator: ".").count == 3)
  }
}
