import YAML

/// Brings a parsed template to one form so that equal templates compare equal
/// whatever their spelling: long-form intrinsics (`{"Ref": "X"}`,
/// `{"Fn::GetAtt": ["A", "B"]}`, `{"Fn::Sub": …}`) become short-form tags, and
/// `!GetAtt [A, B]` becomes `!GetAtt A.B`. Flow or block style and quoting are
/// already invisible to the tree's equality.
enum TemplateNormalizer {
  static func normalize(_ node: YAMLNode) -> YAMLNode {
    switch node {
    case .scalar:
      return node
    case .sequence(var sequence):
      sequence.items = sequence.items.map(normalize)
      if sequence.tag == "!GetAtt" { return getAtt(.sequence(sequence)) }
      return .sequence(sequence)
    case .mapping(var mapping):
      if mapping.tag == nil, mapping.entries.count == 1, let key = mapping.entries[0].key.stringValue {
        let value = normalize(mapping.entries[0].value)
        if key == "Ref" { return value.withTag("!Ref") }
        if key == "Condition", value.stringValue != nil { return value.withTag("!Condition") }
        if key == "Fn::GetAtt" { return getAtt(value) }
        if key.hasPrefix("Fn::") { return value.withTag("!" + key.dropFirst(4)) }
      }
      for index in mapping.entries.indices {
        mapping.entries[index].value = normalize(mapping.entries[index].value)
      }
      return .mapping(mapping)
    }
  }

  /// `!GetAtt Resource.Attribute`, from the dotted or the list form.
  private static func getAtt(_ node: YAMLNode) -> YAMLNode {
    if let items = node.sequence?.items, items.count == 2, let resource = items[0].stringValue,
      let attribute = items[1].stringValue
    {
      return .scalar(.string("\(resource).\(attribute)", tag: "!GetAtt"))
    }
    return node.withTag("!GetAtt")
  }
}
