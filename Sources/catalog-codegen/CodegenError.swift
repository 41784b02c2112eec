import ResourceSchemas
import SystemSupport

/// What stops `catalog-codegen`, each with a message that says what to do.
enum CodegenError: Error, CustomStringConvertible {
  case schemas(SchemaError)
  case invalidSchema(typeName: String, problem: String)
  case unknownVersion(dataDirectory: String)
  case write(SystemError)

  var description: String {
    switch self {
    case .schemas(let error):
      error.description
    case .invalidSchema(let typeName, let problem):
      "the schema of \(typeName) \(problem)"
    case .unknownVersion(let dataDirectory):
      "cannot tell cfn-lint's version: \(dataDirectory)/../version.py has no __version__; "
        + "pass --schemas the data directory inside an installed cfn-lint package"
    case .write(let error):
      error.description
    }
  }
}
