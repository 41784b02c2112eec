/// The command line of `catalog-codegen`.
struct CodegenOptions: Equatable {
  static let usage = """
    usage: catalog-codegen [--schemas CFN_LINT_DATA_DIR] [--output PATH]

      --schemas DIR    cfn-lint's data directory (default: the installed cfn-lint's,
                       found with python3)
      --output PATH    the Swift file to write (default: the package's
                       Sources/ResourceCatalog/Generated/ResourceCatalog+Data.swift)
      -h, --help       show this help
    """

  /// cfn-lint's `data` directory; `nil` for the installed cfn-lint's.
  var schemasDirectory: String?
  /// The file to write.
  var outputPath: String = CodegenOptions.defaultOutputPath
  var showsHelp = false

  /// The committed data file of the ResourceCatalog target, found from this
  /// source file so that the generator works from any directory.
  static var defaultOutputPath: String {
    var root = #filePath
    for _ in 0..<3 {
      guard let slash = root.lastIndex(of: "/") else { break }
      root = String(root[..<slash])
    }
    return root + "/Sources/ResourceCatalog/Generated/ResourceCatalog+Data.swift"
  }

  init(arguments: [String]) throws {
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      switch argument {
      case "-h", "--help":
        showsHelp = true
      case "--schemas", "--output":
        guard let value = remaining.popFirst(), !value.isEmpty, !value.hasPrefix("-") else {
          throw CodegenError.usage("\(argument) needs a value")
        }
        if argument == "--schemas" { schemasDirectory = value } else { outputPath = value }
      default:
        throw CodegenError.usage("unexpected argument '\(argument)'")
      }
    }
  }
}
