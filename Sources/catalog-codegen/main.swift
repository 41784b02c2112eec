// Generates Sources/ResourceCatalog/Generated/ResourceCatalog+Data.swift from
// the CloudFormation registry schemas that cfn-lint ships.
//
//   swift run catalog-codegen [--schemas CFN_LINT_DATA_DIR] [--output PATH]
import ArgumentParser

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct CatalogCodegenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "catalog-codegen",
    abstract: "Write the resource catalog (create-only, read-only and stateful facts of every registry type).")

  @Option(help: ArgumentHelp("cfn-lint's data directory (default: the installed cfn-lint's).", valueName: "dir"))
  var schemas: String?

  @Option(help: ArgumentHelp("The Swift file to write.", valueName: "path"))
  var output = CatalogGenerator.defaultOutputPath

  func run() throws {
    do {
      print(try CatalogGenerator(schemasDirectory: schemas, outputPath: output).run())
    } catch {
      StandardError.print("catalog-codegen: error: \(error)")
      throw ExitCode.failure
    }
  }
}

CatalogCodegenCommand.main()
