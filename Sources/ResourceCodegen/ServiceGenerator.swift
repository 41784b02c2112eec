import ResourceSchemas
import YAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the three stages for whole services and names the files.
package struct ServiceGenerator {
  /// The services a package commits: the folders of `<root>/Sources/Resources`
  /// that hold a `<Service>.swift`, in byte order. `resource-codegen` writes
  /// this package's list of services in `Package.swift` from them.
  package static func committedServices(packageRoot root: String) throws -> [String] {
    let resources = root + "/Sources/Resources"
    return try FileWriter.listDirectory(resources).filter { service in
      access("\(resources)/\(service)/\(service).swift", F_OK) == 0
    }
  }

  package let registry: SchemaRegistry
  package let generatorNote: String

  package init(registry: SchemaRegistry, generatorNote: String) {
    self.registry = registry
    self.generatorNote = generatorNote
  }

  /// Every service of the registry: the `<service>` of each `AWS::<service>::<type>`
  /// (and of `Alexa::ASK::Skill`), in byte order.
  package var services: [String] {
    Set(registry.files.compactMap { Self.service(of: $0.typeName) }).sorted {
      $0.utf8.lexicographicallyPrecedes($1.utf8)
    }
  }

  /// The `<vendor>::<service>::*` type names, in registry order.
  package func typeNames(service: String) -> [String] {
    registry.files.map(\.typeName).filter { Self.service(of: $0) == service }
  }

  /// `EC2` for `AWS::EC2::Instance`.
  static func service(of typeName: String) -> String? {
    let parts = typeName.split(separator: ":", omittingEmptySubsequences: true)
    return parts.count == 3 ? String(parts[1]) : nil
  }

  /// One service, generated: its files, and the declarations and shared kinds
  /// they were rendered from (for the samples).
  package struct Output {
    package var files: [(name: String, contents: String)]
    package var declarations: [ResourceDeclaration]
    package var sharedKinds: [NestedType]

    /// Enum cases whose natural name another value of the same enum took first,
    /// so a suffix tells them apart: `AWS::X::Y.Mode: "a_b" is aBValue ("a-b" is aB)`.
    package var renamedCases: [String] {
      let enumerations = declarations.flatMap(\.nestedTypes) + sharedKinds
      return enumerations.flatMap { type -> [String] in
        guard case .enumeration(_, let source, let cases) = type else { return [] }
        return cases.compactMap { enumerationCase in
          let natural = Translator.naturalCaseName(enumerationCase.rawValue)
          guard enumerationCase.swiftName != natural,
            let holder = cases.first(where: { $0.swiftName == natural })
          else { return nil }
          return "\(source): \"\(enumerationCase.rawValue)\" is \(enumerationCase.swiftName) "
            + "(\"\(holder.rawValue)\" is \(natural))"
        }
      }
    }
  }

  /// The namespace file, one file per type and, when types repeat an enum, the
  /// shared kinds file.
  package func generate(service: String) throws -> Output {
    let typeNames = typeNames(service: service)
    guard !typeNames.isEmpty else {
      throw CodegenError.usage(
        "the registry has no resource types for the service \(service); use the name in AWS::<Service>::<Type>, such as Lambda or DynamoDB"
      )
    }
    let stateful = Set(try registry.statefulTypeNames())
    var declarations = try typeNames.map(translate)
    for index in declarations.indices {
      declarations[index].isStateful = stateful.contains(declarations[index].typeName)
    }
    let shared = SharedKinds.share(&declarations, namespace: service)
    var files = [
      (
        name: "\(service).swift",
        contents: SwiftRenderer.renderNamespace(
          service, prefix: typeNames[0].split(separator: ":").dropLast().joined(separator: "::"),
          generatorNote: generatorNote)
      )
    ]
    if !shared.isEmpty {
      files.append(
        (
          name: "\(service)+SharedKinds.swift",
          contents: SwiftRenderer.renderSharedKinds(shared, namespace: service, generatorNote: generatorNote)
        ))
    }
    for declaration in declarations {
      files.append(
        (
          name: "\(service)+\(declaration.name).swift",
          contents: SwiftRenderer.render(declaration, generatorNote: generatorNote)
        ))
    }
    return Output(files: files, declarations: declarations, sharedKinds: shared)
  }

  /// Parse (with patches) and translate one type.
  package func translate(_ typeName: String) throws -> ResourceDeclaration {
    let document = SchemaPatches.apply(to: try registry.schemaDocument(for: typeName), typeName: typeName)
    var translator = Translator(schema: try SchemaParser.parse(document))
    return translator.translate()
  }
}
