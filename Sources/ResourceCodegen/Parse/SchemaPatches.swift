import YAML

/// Fixes for problems in the registry schemas, in one place. Each patch says
/// which schema it touches and why; the translator never special-cases a type.
package enum SchemaPatches {
  package struct Patch: Sendable {
    /// The resource type the patch applies to.
    package var typeName: String
    /// Why the schema needs it.
    package var reason: String
    /// The change, applied to the schema document before parsing.
    package var apply: @Sendable (YAMLNode) -> YAMLNode
  }

  /// All patches, applied in order.
  package static let all: [Patch] = []

  /// The document with every patch for its type applied.
  package static func apply(to document: YAMLNode, typeName: String) -> YAMLNode {
    all.filter { $0.typeName == typeName }.reduce(document) { $1.apply($0) }
  }
}
