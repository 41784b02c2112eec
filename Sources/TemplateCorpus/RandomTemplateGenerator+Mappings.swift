import CloudFormation

// The Mappings section.
extension RandomTemplateGenerator {
  /// Mappings with hostile keys at both levels and free-form values.
  mutating func mappings() -> [TemplateElement] {
    var elements: [TemplateElement] = []
    for _ in 0..<Int.random(in: 0...3, using: &strings.random) {
      let id = logicalID("Mapping", section: context.mappings.map(\.logicalID))
      let topLevel = entries(depth: 2) { generator, depth in
        keyValuePairs(generator.entries(depth: depth) { $0.jsonValue(depth: $1) })
      }
      let mapping = Mapping(id, keyValuePairs(topLevel))
      context.mappings.append(mapping)
      elements += Self.elements(mapping)
    }
    return elements
  }

  @TemplateBuilder static func elements(_ mapping: Mapping) -> [TemplateElement] {
    mapping
  }
}
