// resource-codegen: typed Swift resources from the CloudFormation registry schemas.
//
//   swift run resource-codegen                      # regenerate every service of the registry
//   swift run resource-codegen --service Lambda     # one service
//   swift run resource-codegen --service Lambda --output-root Sources/MyResources   # into another package
//   swift run resource-codegen --schemas DIR ...    # cfn-lint's data directory instead of the installed one
//
// Each service gets a folder <output-root>/<Service> holding <Service>.swift and
// one <Service>+<Type>.swift per resource type; files the generator no longer
// writes are removed from that folder. Into this package's Sources/Resources, it
// also writes Package.swift's list of services from the folders there.
import ArgumentParser
import ResourceCodegen
import ResourceSchemas

struct ResourceCodegenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resource-codegen",
    abstract: "Generate typed Swift resources from the CloudFormation registry schemas cfn-lint ships.",
    discussion: """
      Writes <output-root>/<Service>/*.swift for each service (every service of the registry \
      by default) and, when it regenerates them all, the cfn-lint sample program \
      Tests/ResourceSamples/main.swift and the name table gen import reads, \
      Sources/ResourceNames/Generated. Into Sources/Resources, it also writes the list of \
      services in Package.swift.
      """)

  @Option(name: .customLong("service"), help: "A service to generate, as in AWS::<Service>::<Type> (repeatable).")
  var services: [String] = []

  @Option(help: "Where the service folders go.")
  var outputRoot = "Sources/Resources"

  @Option(help: ArgumentHelp("cfn-lint's data directory (default: the installed cfn-lint's).", valueName: "dir"))
  var schemas: String?

  @Option(help: "Where the sample program of one resource per generated type goes.")
  var samples: String?

  @Option(help: "Where the name table gen import reads goes (one file per service and an index).")
  var names: String?

  @Flag(help: "Write no sample program.")
  var noSamples = false

  func validate() throws {
    if samples != nil && noSamples { throw ValidationError("--samples and --no-samples exclude each other") }
  }

  func run() throws {
    let dataDirectory = try schemas ?? SchemaRegistry.installedDataDirectory()
    let version = SchemaRegistry.installedVersion().map { "cfn-lint \($0)" } ?? "cfn-lint schemas"
    let generator = ServiceGenerator(registry: try SchemaRegistry(dataDirectory: dataDirectory), generatorNote: version)
    let services = self.services.isEmpty ? generator.services : self.services
    // The committed samples cover every service: written by default only when all are generated.
    let samplesPath =
      noSamples ? nil : samples ?? (self.services.isEmpty ? "Tests/ResourceSamples/main.swift" : nil)
    var declarations: [ResourceDeclaration] = []
    var sharedKinds: [SwiftType: NestedType] = [:]
    // The committed name table covers every service, like the samples.
    let namesPath =
      names ?? (self.services.isEmpty && outputRoot == "Sources/Resources" ? "Sources/ResourceNames/Generated" : nil)
    var nameFiles: [(name: String, contents: String)] = []
    for service in services {
      let output = try generator.generate(service: service)
      try FileWriter.replaceDirectory(outputRoot + "/" + service, with: output.files)
      if namesPath != nil {
        nameFiles.append(
          (
            name: "\(service).swift",
            contents: NameTableRenderer.renderService(
              service, declarations: output.declarations, sharedKinds: output.sharedKinds, generatorNote: version)
          ))
      }
      declarations += output.declarations
      for kind in output.sharedKinds { sharedKinds[.shared(namespace: service, name: kind.name)] = kind }
      print("\(service): \(output.declarations.count) resource types, \(output.sharedKinds.count) shared kinds")
      for renamed in output.renamedCases { print("  enum case renamed, its name taken: \(renamed)") }
    }
    if let samplesPath {
      let modules = services.map { "AWS" + $0 }
      try FileWriter.writeAtomically(
        samplesPath,
        SampleRenderer.render(declarations, sharedKinds: sharedKinds, modules: modules, generatorNote: version))
      print("samples: \(declarations.count) resource types in \(samplesPath)")
    }
    if let namesPath {
      nameFiles.append(
        (
          name: "ResourceNameTable+Services.swift",
          contents: NameTableRenderer.renderIndex(services: services, generatorNote: version)
        ))
      try FileWriter.replaceDirectory(namesPath, with: nameFiles)
      print("names: \(services.count) services in \(namesPath)")
    }
    if outputRoot == "Sources/Resources" {
      let manifest = try readText("Package.swift")
      let listed = try ServiceGenerator.committedServices(packageRoot: ".")
      let updated = try PackageManifest.replacingServices(in: manifest, with: listed)
      if updated != manifest {
        try FileWriter.writeAtomically("Package.swift", updated)
        print("Package.swift lists \(listed.count) services, one target AWS<Service> each")
      }
    }
  }
}

ResourceCodegenCommand.main()
