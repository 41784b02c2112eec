import ResourceCatalog
import ResourceSchemas
import TestSupport
import Testing

/// The committed catalog matches what `catalog-codegen` makes of the installed
/// cfn-lint, byte for byte.
@Suite("The generated catalog is current")
struct CatalogCurrencyTests {
  @Test("catalog-codegen reproduces the committed file", .enabled(if: CfnLint.shouldRun, CfnLint.skipMessage))
  func committedFileIsCurrent() throws {
    let dataDirectory = try CfnLint.requireDataDirectory()
    let directory = try makeTemporaryDirectory("resource-catalog-tests")
    defer { removeDirectory(directory) }
    let output = directory + "/ResourceCatalog+Data.swift"

    let result = try runCatalogCodegen(["--schemas", dataDirectory, "--output", output])
    try #require(result.status == 0, "catalog-codegen failed: \(result.errorText)")
    let generated = try readText(output)
    let committed = try readText(committedDataFile)
    let isCurrent = generated == committed  // not inside #expect, which would print both files
    #expect(
      isCurrent,
      """
      Sources/ResourceCatalog/Generated/ResourceCatalog+Data.swift is not current \
      (\(firstDifference(expected: committed, actual: generated) ?? "")); run `swift run catalog-codegen` and commit the result
      """)
  }

  @Test("one entry per registry type, in the registry's order", .enabled(if: CfnLint.shouldRun, CfnLint.skipMessage))
  func sameTypesAsTheRegistry() throws {
    let registry = try SchemaRegistry(dataDirectory: CfnLint.requireDataDirectory())
    #expect(ResourceCatalog.typeNames.count == registry.files.count)
    #expect(ResourceCatalog.typeNames == registry.files.map(\.typeName))
    let stateful = try registry.statefulTypeNames()
    #expect(Set(ResourceCatalog.entries.filter(\.isStateful).map(\.typeName)) == Set(stateful))
  }

  @Test(
    "entries repeat their schema's lists",
    .enabled(if: CfnLint.shouldRun, CfnLint.skipMessage),
    arguments: [
      "AWS::EC2::VPC", "AWS::ECS::Service", "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::RDS::DBInstance",
      "AWS::EFS::AccessPoint",
    ])
  func entryMatchesSchema(typeName: String) throws {
    let registry = try SchemaRegistry(dataDirectory: CfnLint.requireDataDirectory())
    let schema = try registry.schemaDocument(for: typeName)
    let entry = try #require(ResourceCatalog.entry(for: typeName))
    func paths(_ key: String) -> [String] {
      (schema[key]?.sequence?.items ?? []).compactMap { $0.stringValue.map { String($0.dropFirst(12)) } }
    }
    #expect(entry.createOnlyProperties == paths("createOnlyProperties"))
    #expect(entry.conditionalCreateOnlyProperties == paths("conditionalCreateOnlyProperties"))
    #expect(entry.readOnlyProperties == paths("readOnlyProperties"))
  }
}
