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

  /// File name → contents for one service: the namespace file and one file per type.
  package func files(service: String) throws -> [(name: String, contents: String)] {
    let typeNames = typeNames(service: service)
    guard !typeNames.isEmpty else {
      throw CodegenError.usage(
        "the registry has no resource types for the service \(service); use the name in AWS::<Service>::<Type>, such as Lambda or DynamoDB"
      )
    }
    var files = [
      (
        name: "\(service).swift",
        contents: SwiftRenderer.renderNamespace(service, service: service, generatorNote: generatorNote)
      )
    ]
    for typeName in typeNames {
      let declaration = try translate(typeName)
      files.append(
        (
          name: "\(service)+\(declaration.name).swift",
          contents: SwiftRenderer.render(declaration, generatorNote: generatorNote)
        ))
    }
    return files
  }

  /// Parse (with patches) and translate one type.
  package func translate(_ typeName: String) throws -> ResourceDeclaration {
    let document = SchemaPatches.apply(to: try registry.schemaDocument(for: typeName), typeName: typeName)
    var translator = Translator(schema: try SchemaParser.parse(document))
    return translator.translate()
  }
}
