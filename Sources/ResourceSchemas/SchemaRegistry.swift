import SystemSupport
import YAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The CloudFormation resource provider schemas as cfn-lint ships them:
/// `schemas/providers/us_east_1.py` maps each type name to a JSON file under
/// `schemas/resources/`, and `AdditionalSpecs/StatefulResources.json` lists the
/// types that hold data.
package struct SchemaRegistry: Sendable {
  /// cfn-lint's `data` directory.
  package let dataDirectory: String
  /// Type name → schema file name, in the order of the index (sorted by type name).
  package let files: [(typeName: String, file: String)]

  /// Reads the index under `dataDirectory` (cfn-lint's `data` directory).
  package init(dataDirectory: String) throws {
    self.dataDirectory = dataDirectory
    let index = try readText(dataDirectory + "/schemas/providers/us_east_1.py")
    var files: [(String, String)] = []
    for line in index.split(separator: "\n") {
      // `    "AWS::EC2::VPC": "0123456789abcdef",`
      let parts = line.split(separator: "\"")
      guard parts.count >= 4, parts[0].allSatisfy({ $0 == " " }), parts[1].contains("::"), parts[2] == ": " else {
        continue
      }
      files.append((String(parts[1]), String(parts[3]) + ".json"))
    }
    guard !files.isEmpty else {
      throw SchemaError.unreadable(
        path: dataDirectory + "/schemas/providers/us_east_1.py", problem: "no type names found in the index")
    }
    self.files = files.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
  }

  /// The installed cfn-lint's data directory, found through `python3 -c 'import cfnlint'`.
  package static func installedDataDirectory() throws -> String {
    let output = try runCommand(["python3", "-c", "import cfnlint, os; print(os.path.dirname(cfnlint.__file__))"])
    let package = output.trimmingCharacters(in: " \n")
    guard !package.isEmpty, access(package + "/data/schemas/providers/us_east_1.py", R_OK) == 0 else {
      throw SchemaError.cfnLintMissing
    }
    return package + "/data"
  }

  /// The version of the installed cfn-lint, for the header of generated files.
  package static func installedVersion() -> String? {
    let output = try? runCommand(["python3", "-c", "import cfnlint.version; print(cfnlint.version.__version__)"])
    return output?.trimmingCharacters(in: " \n")
  }

  /// The raw JSON of one type's schema, as a YAML tree (key order kept).
  ///
  /// A few schemas spell characters beyond the Basic Multilingual Plane in their
  /// regular expressions as JSON surrogate pairs (`"\uD800\uDC00"`), which YAML
  /// (and so libyaml) has no escape for: each pair is rewritten as the YAML escape
  /// of the character it stands for (`\U00010000`), a lone surrogate as U+FFFD.
  package func schemaDocument(for typeName: String) throws -> YAMLNode {
    guard let entry = files.first(where: { $0.typeName == typeName }) else {
      throw SchemaError.unknownType(typeName)
    }
    let path = dataDirectory + "/schemas/resources/" + entry.file
    do {
      return try YAMLParser().parse(Self.rewritingSurrogateEscapes(readText(path)))
    } catch let error as SchemaError {
      throw error
    } catch {
      throw SchemaError.unreadable(path: path, problem: "\(error)")
    }
  }

  /// `text` with its JSON `\uD800`…`\uDFFF` escapes rewritten; other escapes
  /// (`\\uD800` is a backslash and the letters `uD800`) are left alone.
  package static func rewritingSurrogateEscapes(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else {
        output.append(bytes[index])
        index += 1
        continue
      }
      guard let high = surrogate(in: bytes, at: index) else {
        output += bytes[index...index + 1]  // an escape pair, kept whole
        index += 2
        continue
      }
      if high < 0xDC00, let low = surrogate(in: bytes, at: index + 6), low >= 0xDC00 {
        let scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        output += Array("\\U\(hex(scalar, digits: 8))".utf8)
        index += 12
      } else {
        output += Array("\\uFFFD".utf8)
        index += 6
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The value of a `\uD800`…`\uDFFF` escape starting at `index`.
  private static func surrogate(in bytes: [UInt8], at index: Int) -> UInt32? {
    guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
      let value = UInt32(String(decoding: bytes[index + 2..<index + 6], as: UTF8.self), radix: 16),
      (0xD800...0xDFFF).contains(value)
    else { return nil }
    return value
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }

  /// Type names cfn-lint marks as stateful (their replacement or removal destroys data).
  package func statefulTypeNames() throws -> [String] {
    let path = dataDirectory + "/AdditionalSpecs/StatefulResources.json"
    let document = try YAMLParser().parse(readText(path))
    guard let types = document["ResourceTypes"]?.mapping else {
      throw SchemaError.unreadable(path: path, problem: "no ResourceTypes object")
    }
    return types.stringKeys
  }
}

/// Problems reading the schemas.
package enum SchemaError: Error, CustomStringConvertible, Equatable {
  case cfnLintMissing
  case unknownType(String)
  case unreadable(path: String, problem: String)

  package var description: String {
    switch self {
    case .cfnLintMissing:
      "cfn-lint's schema data was not found; install it with `python3 -m pip install cfn-lint==1.51.0` or pass --schemas with cfn-lint's data directory"
    case .unknownType(let typeName):
      "the registry has no resource type \(typeName); check the spelling (AWS::Service::Resource)"
    case .unreadable(let path, let problem):
      "cannot read \(path): \(problem)"
    }
  }
}

/// The whole text of a file.
package func readText(_ path: String) throws -> String {
  do {
    return try readFileText(path)
  } catch {
    throw SchemaError.unreadable(path: path, problem: error.description)
  }
}

/// Runs a command found on the PATH and returns its standard output.
package func runCommand(_ arguments: [String]) throws -> String {
  let result: ProcessResult
  do {
    result = try runProcess(arguments)
  } catch {
    throw SchemaError.unreadable(path: arguments[0], problem: "\(error)")
  }
  guard result.status == 0 else {
    throw SchemaError.unreadable(
      path: arguments.joined(separator: " "), problem: "exited with status \(result.status): \(result.errorText)")
  }
  return result.outputText
}

extension String {
  /// The string without leading and trailing characters from `characters`.
  package func trimmingCharacters(in characters: String) -> String {
    let set = Set(characters)
    var slice = Substring(self)
    while let first = slice.first, set.contains(first) { slice.removeFirst() }
    while let last = slice.last, set.contains(last) { slice.removeLast() }
    return String(slice)
  }
}
