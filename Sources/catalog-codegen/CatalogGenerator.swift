import ResourceSchemas

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Load, render, write: the whole run of `catalog-codegen`.
struct CatalogGenerator {
  /// cfn-lint's `data` directory; `nil` for the installed cfn-lint's.
  var schemasDirectory: String?
  /// The file to write.
  var outputPath: String

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

  /// Writes the catalog and returns a line for the user.
  func run() throws -> String {
    let dataDirectory: String
    let registry: SchemaRegistry
    let records: [CatalogRecord]
    do {
      dataDirectory = try schemasDirectory ?? SchemaRegistry.installedDataDirectory()
      registry = try SchemaRegistry(dataDirectory: dataDirectory)
      records = try CatalogRecord.load(from: registry)
    } catch let error as SchemaError {
      throw CodegenError.schemas(error)
    }
    let version = try cfnLintVersion(dataDirectory: dataDirectory)
    let text = CatalogRenderer().render(records, cfnLintVersion: version)
    let written = try OutputFile(path: outputPath).update(with: Array(text.utf8))
    let stateful = records.filter(\.isStateful).count
    return "\(written ? "wrote" : "unchanged:") \(outputPath) "
      + "(\(records.count) types, \(stateful) stateful, cfn-lint \(version))"
  }

  /// The `__version__` in `version.py` beside cfn-lint's data directory.
  private func cfnLintVersion(dataDirectory: String) throws -> String {
    let path = dataDirectory + "/../version.py"
    if let text = try? readText(path) {
      for line in text.split(separator: "\n") where line.hasPrefix("__version__") {
        let parts = line.split(separator: "\"")
        if parts.count >= 2, !parts[1].isEmpty { return String(parts[1]) }
      }
    }
    if schemasDirectory == nil, let version = SchemaRegistry.installedVersion(), !version.isEmpty {
      return version
    }
    throw CodegenError.unknownVersion(dataDirectory: dataDirectory)
  }
}
