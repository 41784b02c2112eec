import ResourceCodegen
import ResourceSchemas
import Testing

/// Enum cases read as a person would write them, from any spelling AWS uses
/// for allowed values, and every value of every type in the registry keeps a
/// case of its own.
@Suite("Enum case names")
struct EnumCaseNameTests {
  @Test(
    "lower camel case from any spelling; acronyms upper case after the first word; numbers apart keep an underscore",
    arguments: [
      ("SYMMETRIC_DEFAULT", "symmetricDefault"), ("ENCRYPT_DECRYPT", "encryptDecrypt"),
      ("INFREQUENT_ACCESS", "infrequentAccess"), ("MANAGED_INSTANCES", "managedInstances"),
      ("AMAZON_LINUX_2", "amazonLinux2"), ("ALLOW_AS_DEPENDENCY", "allowAsDependency"), ("X86_64", "x86_64"),
      ("ARM64", "arm64"), ("ml.m5.large", "mlM5Large"), ("t3.micro", "t3Micro"), ("c5.2xlarge", "c5_2xlarge"),
      ("internet-facing", "internetFacing"), ("MinimumTLSVersion", "minimumTLSVersion"),
      ("DirectVPCRouting", "directVPCRouting"), ("HTTPS_STR_MATCH", "httpsStrMatch"), ("VPC_ID", "vpcID"),
      ("VPC_ACL_ID", "vpcACLId"), ("Linux/UNIX", "linuxUnix"), ("2xlarge", "value2xlarge"), ("FARGATE", "fargate"),
      ("DynamoDBReadCapacityUtilization", "dynamoDBReadCapacityUtilization"), ("opentelemetry0.7", "opentelemetry0_7"),
      ("IPv6", "ipv6"), ("OPEN_API_V3", "openApiV3"), ("", "value"),
    ])
  func caseNames(value: String, expected: String) {
    #expect(Naming.caseName(value) == expected)
  }

  @Test("the acronym rule holds for a name: an upper-case run of four or more letters is an acronym")
  func acronymRuleItself() {
    #expect(Self.nonAcronymRuns("minimumTLSVersion").isEmpty)
    #expect(Self.nonAcronymRuns("vpcACLId").isEmpty)
    #expect(Self.nonAcronymRuns("symmetricDEFAULT") == ["DEFAULT"])
    #expect(Self.nonAcronymRuns("allowASDEPENDENCY") == ["ASDEPENDENCY"])
    #expect(Self.nonAcronymRuns("amazonLINUX2") == ["LINUX"])
  }

  @Test("every enum of every registry type: names follow the acronym rule, values and names are one to one")
  func everyRegistryEnum() throws {
    guard let directory = installedSchemaDirectory() else { return }
    let generator = ServiceGenerator(registry: try SchemaRegistry(dataDirectory: directory), generatorNote: "test")
    var types = 0
    var enumerations = 0
    var values = 0
    for typeName in generator.registry.files.map(\.typeName) {
      let declaration = try generator.translate(typeName)
      types += 1
      for case .enumeration(let name, let source, let cases) in declaration.nestedTypes {
        enumerations += 1
        values += cases.count
        #expect(Set(cases.map(\.rawValue)).count == cases.count, "\(source) (\(name)): a value twice")
        #expect(Set(cases.map(\.swiftName)).count == cases.count, "\(source) (\(name)): a case name twice")
        for enumerationCase in cases {
          let runs = Self.nonAcronymRuns(enumerationCase.swiftName)
          #expect(runs.isEmpty, "\(source): \"\(enumerationCase.rawValue)\" is \(enumerationCase.swiftName)")
          #expect(
            enumerationCase.swiftName.first.map { $0.isLowercase } ?? false,
            "\(source): \"\(enumerationCase.rawValue)\" is \(enumerationCase.swiftName)")
        }
      }
    }
    #expect(types > 1_500)
    #expect(enumerations > 1_000)
    print("enum case names: \(values) values in \(enumerations) enums of \(types) types")
  }

  /// The upper-case runs of four or more letters that are not acronyms; a run
  /// followed by a lower-case letter ends one letter early (`VPCRouting` is `VPC` + `Routing`).
  static func nonAcronymRuns(_ name: String) -> [String] {
    let characters = Array(name)
    var runs: [String] = []
    var index = 0
    while index < characters.count {
      guard characters[index].isUppercase else {
        index += 1
        continue
      }
      var end = index
      while end < characters.count, characters[end].isUppercase { end += 1 }
      var run = String(characters[index..<end])
      if end < characters.count, characters[end].isLowercase { run.removeLast() }
      if run.count >= 4 && !Naming.acronyms.contains(run) { runs.append(run) }
      index = end
    }
    return runs
  }
}
