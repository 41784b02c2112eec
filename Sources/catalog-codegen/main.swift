// Generates Sources/ResourceCatalog/Generated/ResourceCatalog+Data.swift from
// the CloudFormation registry schemas that cfn-lint ships.
//
//   swift run catalog-codegen [--schemas CFN_LINT_DATA_DIR] [--output PATH]
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

do {
  let options = try CodegenOptions(arguments: Array(CommandLine.arguments.dropFirst()))
  if options.showsHelp {
    print(CodegenOptions.usage)
  } else {
    print(try CatalogGenerator(options: options).run())
  }
} catch let error as CodegenError {
  StandardError.print("catalog-codegen: error: \(error)")
  if case .usage = error { StandardError.print(CodegenOptions.usage) }
  exit(error.exitCode)
} catch {
  StandardError.print("catalog-codegen: error: \(error)")
  exit(1)
}
