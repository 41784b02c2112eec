import YAML

/// Converts short-form intrinsics (`!Ref X`, `!GetAtt A.B`, `!Sub …`) into their
/// long, JSON form (`{"Ref": "X"}`, `{"Fn::GetAtt": ["A", "B"]}`, `{"Fn::Sub": …}`).
enum LongForm {
  /// Converts one tagged node; its children are converted when they are written.
  @Sendable static func convert(_ node: YAMLNode) throws -> YAMLNode {
    guard let tag = node.tag, tag.hasPrefix("!") else { return withoutTag(node) }
    let name = String(tag.dropFirst())
    let bare = withoutTag(node)
    switch name {
    case "Ref", "Condition":
      return .mapping(YAMLMapping([.init(key: .string(name), value: bare)]))
    case "GetAtt":
      if case .scalar(let scalar) = bare, let dot = scalar.text.firstIndex(of: ".") {
        let resource = String(scalar.text[..<dot])
        let attribute = String(scalar.text[scalar.text.index(after: dot)...])
        return .mapping(
          YAMLMapping([
            .init(key: "Fn::GetAtt", value: .sequence(YAMLSequence([.string(resource), .string(attribute)])))
          ]))
      }
      return .mapping(YAMLMapping([.init(key: "Fn::GetAtt", value: bare)]))
    default:
      return .mapping(YAMLMapping([.init(key: .string("Fn::" + name), value: bare)]))
    }
  }

  /// Converts a whole tree, tags at every depth.
  static func convertDeep(_ node: YAMLNode) throws -> YAMLNode {
    let converted = node.tag == nil ? node : try convert(node)
    switch converted {
    case .scalar: return converted
    case .sequence(var sequence):
      sequence.items = try sequence.items.map(convertDeep)
      return .sequence(sequence)
    case .mapping(var mapping):
      for index in mapping.entries.indices {
        mapping.entries[index].value = try convertDeep(mapping.entries[index].value)
      }
      return .mapping(mapping)
    }
  }

  static func withoutTag(_ node: YAMLNode) -> YAMLNode {
    node.withTag(nil)
  }
}
