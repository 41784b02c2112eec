import TestSupport
import Testing

/// `gen import --check` over every template the tests hold, as a user runs it:
/// each is imported, all are built in one package, rendered, and compared with
/// the template they came from as `gen diff` compares.
@Suite("gen import --check: templates render back to themselves")
struct ImportRoundTripTests {
  /// The corpus template refused with a clear error (see ``refusedCorpus``): SAM's `Globals`.
  static let refused = [
    "23-serverless-sam-api.yaml": "Globals: not a section of a CloudFormation template"
  ]

  @Test("Generated/, the reference template, the corpus and the snapshots' templates, in one package")
  func roundTrip() throws {
    let binary = try #require(builtProduct("gen"))
    let directory = try makeTemporaryDirectory("gen-import-round-trip")
    defer { removeDirectory(directory) }
    // The reference under a name of its own: Generated/deploy-canary.yml already gives DeployCanary.
    let reference = directory + "/reference-deploy-canary.yml"
    try writeFileAtomically(
      reference, Array(try readTextFile("\(packageRoot)/Tests/StackTests/Fixtures/deploy-canary.yml").utf8))
    let generated = try files(in: "\(packageRoot)/Generated").map { "\(packageRoot)/Generated/\($0)" }
    let corpus = try files(in: "\(testsDirectory)/Templates").filter {
      ($0.hasSuffix(".yaml") || $0.hasSuffix(".json")) && Self.refused[$0] == nil
    }.map { "\(testsDirectory)/Templates/\($0)" }
    let snapshots = try files(in: "\(testsDirectory)/Snapshots").filter {
      $0.hasSuffix(".yaml") || $0.hasSuffix(".json")
    }.map { "\(testsDirectory)/Snapshots/\($0)" }
    let templates = generated + [reference] + corpus + snapshots
    #expect(corpus.count >= 30)

    let run = try runProcess(
      [binary, "import"] + templates + [
        "--output", directory + "/swift", "--check", "--check-directory", "\(packageRoot)/.build/import-round-trip",
      ])
    #expect(run.status == 0, "\(run.errorText)")
    let same = run.errorText.split(separator: "\n").filter { $0.hasSuffix(": renders the same template") }
    #expect(same.count == templates.count, "\(run.errorText)")
    #expect(try files(in: directory + "/swift").count == templates.count)
  }

  @Test(
    "random templates with hostile strings and every intrinsic nested in every other (the template corpus) round-trip")
  func randomTemplates() throws {
    let binary = try #require(builtProduct("gen"))
    let corpus = try #require(builtProduct("template-corpus"))
    let directory = try makeTemporaryDirectory("gen-import-random")
    defer { removeDirectory(directory) }
    _ = try runProcess([corpus, directory + "/corpus", "60", "2026"])
    let templates = try files(in: directory + "/corpus").filter { $0.hasSuffix(".yaml") }.map {
      "\(directory)/corpus/\($0)"
    }
    #expect(templates.count > 40)
    let run = try runProcess(
      [binary, "import"] + templates + [
        "--output", directory + "/swift", "--check", "--check-directory", "\(packageRoot)/.build/import-random",
      ])
    #expect(run.status == 0, "\(run.errorText)")
    let same = run.errorText.split(separator: "\n").filter { $0.hasSuffix(": renders the same template") }
    #expect(same.count == templates.count, "\(run.errorText)")
  }

  @Test("the corpus templates it cannot import are refused with the place and the reason")
  func refusedCorpus() throws {
    let binary = try #require(builtProduct("gen"))
    for (file, message) in Self.refused {
      let path = "\(testsDirectory)/Templates/\(file)"
      let run = try runProcess([binary, "import", path])
      #expect(run.status == 2)
      #expect(run.errorText.hasPrefix("gen: import: \(path): \(message)"), "\(run.errorText)")
      #expect(run.output.isEmpty)
    }
  }
}
