// resource-codegen: typed Swift resources from the CloudFormation registry schemas.
//
//   swift run resource-codegen                      # regenerate the committed services
//   swift run resource-codegen --service Lambda --output-root Sources/MyResources
//   swift run resource-codegen --schemas DIR ...    # cfn-lint's data directory instead of the installed one
//
// Each service gets a folder <output-root>/<Service> holding <Service>.swift and
// one <Service>+<Type>.swift per resource type; files the generator no longer
// writes are removed from that folder.
import ResourceCodegen
import ResourceSchemas

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

func fail(_ message: String, status: Int32 = 1) -> Never {
  var line = Array("resource-codegen: \(message)\n".utf8)
  _ = write(STDERR_FILENO, &line, line.count)
  exit(status)
}

var services: [String] = []
var schemas: String?
var outputRoot = "Sources/Resources"
var samplesPath: String? = "Tests/ResourceSamples/main.swift"
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--service":
    guard let value = arguments.popFirst() else { fail("--service needs a name, such as Lambda", status: 2) }
    services.append(value)
  case "--schemas":
    guard let value = arguments.popFirst() else { fail("--schemas needs cfn-lint's data directory", status: 2) }
    schemas = value
  case "--output-root":
    guard let value = arguments.popFirst() else { fail("--output-root needs a directory", status: 2) }
    outputRoot = value
  case "--samples":
    guard let value = arguments.popFirst() else { fail("--samples needs a file path", status: 2) }
    samplesPath = value
  case "--no-samples":
    samplesPath = nil
  case "--help", "-h":
    print(
      """
      usage: resource-codegen [--service NAME]... [--output-root DIR] [--schemas CFN_LINT_DATA_DIR]
                              [--samples FILE | --no-samples]
      Writes <output-root>/<Service>/*.swift for each service (default: the services this
      package commits, into Sources/Resources) and, for those services, the cfn-lint sample
      program (default Tests/ResourceSamples/main.swift).
      """)
    exit(0)
  default:
    fail("unknown argument \(argument); see --help", status: 2)
  }
}
if services.isEmpty {
  services = ServiceGenerator.defaultServices
} else if samplesPath == "Tests/ResourceSamples/main.swift" {
  samplesPath = nil  // the committed samples cover the committed services only
}

do {
  let dataDirectory = try schemas ?? SchemaRegistry.installedDataDirectory()
  let version = SchemaRegistry.installedVersion().map { "cfn-lint \($0)" } ?? "cfn-lint schemas"
  let generator = ServiceGenerator(registry: try SchemaRegistry(dataDirectory: dataDirectory), generatorNote: version)
  var declarations: [ResourceDeclaration] = []
  var sharedKinds: [String: NestedType] = [:]
  for service in services {
    let output = try generator.generate(service: service)
    try FileWriter.replaceDirectory(outputRoot + "/" + service, with: output.files)
    declarations += output.declarations
    for kind in output.sharedKinds { sharedKinds["\(service).\(kind.name)"] = kind }
    print("\(service): \(output.declarations.count) resource types, \(output.sharedKinds.count) shared enums")
    for renamed in output.renamedCases { print("  enum case renamed, its name taken: \(renamed)") }
  }
  if let samplesPath {
    let modules = services.map { "AWS" + $0 }
    try FileWriter.writeAtomically(
      samplesPath,
      SampleRenderer.render(declarations, sharedKinds: sharedKinds, modules: modules, generatorNote: version))
    print("samples: \(declarations.count) resource types in \(samplesPath)")
  }
} catch {
  fail("\(error)")
}
