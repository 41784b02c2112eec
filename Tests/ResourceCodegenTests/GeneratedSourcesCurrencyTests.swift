import ResourceCodegen
import ResourceSchemas
import TestSupport
import Testing

/// The committed generated sources (the services, the samples and the name table) are exactly what `resource-codegen` writes
/// for every service of the registry from the installed schemas (cfn-lint 1.51.0, pinned in Scripts/install-prerequisites).
/// Without cfn-lint's data the test skips with a message; with `CI=true` that is a failure.
@Suite("Generated sources are current")
struct GeneratedSourcesCurrencyTests {
  @Test("regenerating every service into a temporary folder gives the committed files")
  func current() throws {
    guard let schemas = installedSchemaDirectory() else { return }
    let binary = try #require(builtProduct("resource-codegen"), "resource-codegen was not built")
    let directory = try makeTemporaryDirectory("resource-codegen")
    defer { removeDirectory(directory) }
    let registry = ServiceGenerator(registry: try SchemaRegistry(dataDirectory: schemas), generatorNote: "")
    let services = try ServiceGenerator.committedServices(packageRoot: packageRoot)
    #expect(
      services == registry.services,
      "Sources/Resources holds other services than the registry's; run `swift run resource-codegen` and commit")
    let manifest = try readText("\(packageRoot)/Package.swift")
    #expect(
      try PackageManifest.services(in: manifest) == services,
      "Package.swift lists other services than Sources/Resources holds; run `swift run resource-codegen`")
    _ = try runCommand([
      binary, "--output-root", directory, "--samples", directory + "/samples.swift", "--names", directory + "/names",
    ])

    var compared = 0
    for service in services {
      let committed = try FileWriter.listDirectory("\(packageRoot)/Sources/Resources/\(service)")
      let generated = try FileWriter.listDirectory("\(directory)/\(service)")
      #expect(committed == generated, "Sources/Resources/\(service) holds other files than the generator writes")
      for file in generated {
        let expected = try readText("\(packageRoot)/Sources/Resources/\(service)/\(file)")
        let actual = try readText("\(directory)/\(service)/\(file)")
        if let difference = firstDifference(expected: expected, actual: actual) {
          Issue.record(
            "Sources/Resources/\(service)/\(file) is stale; run `swift run resource-codegen` and commit\n\(difference)")
        }
        compared += 1
      }
    }
    let samples = try readText(directory + "/samples.swift")
    if let difference = firstDifference(
      expected: try readText("\(packageRoot)/Tests/ResourceSamples/main.swift"), actual: samples)
    {
      Issue.record("Tests/ResourceSamples/main.swift is stale; run `swift run resource-codegen`\n\(difference)")
    }
    let nameFiles = try FileWriter.listDirectory(directory + "/names")
    #expect(
      try FileWriter.listDirectory("\(packageRoot)/Sources/ResourceNames/Generated") == nameFiles,
      "Sources/ResourceNames/Generated holds other files than the generator writes; run `swift run resource-codegen`")
    for file in nameFiles {
      if let difference = firstDifference(
        expected: try readText("\(packageRoot)/Sources/ResourceNames/Generated/\(file)"),
        actual: try readText("\(directory)/names/\(file)"))
      {
        Issue.record(
          "Sources/ResourceNames/Generated/\(file) is stale; run `swift run resource-codegen`\n\(difference)")
      }
    }
    #expect(nameFiles.count == services.count + 1)
    #expect(compared > 1_800)
  }
}
