import ResourceSchemas
import YAML

/// Runs the three stages for whole services and names the files.
package struct ServiceGenerator {
  /// The services generated and committed in this package.
  package static let defaultServices = [
    "ApplicationAutoScaling", "CertificateManager", "CloudWatch", "EC2", "ECR", "ECS", "ElasticLoadBalancingV2", "IAM",
    "KMS", "Logs", "Route53", "S3", "SSM", "SecretsManager", "ServiceDiscovery",
  ]

  package let registry: SchemaRegistry
  package let generatorNote: String

  package init(registry: SchemaRegistry, generatorNote: String) {
    self.registry = registry
    self.generatorNote = generatorNote
  }

  /// The `AWS::<service>::*` type names, in registry order.
  package func typeNames(service: String) -> [String] {
    registry.files.map(\.typeName).filter { $0.hasPrefix("AWS::\(service)::") }
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
          let natural = enumerationCase.rawValue.isEmpty ? "empty" : Naming.caseName(enumerationCase.rawValue)
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
        contents: SwiftRenderer.renderNamespace(service, service: service, generatorNote: generatorNote)
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
