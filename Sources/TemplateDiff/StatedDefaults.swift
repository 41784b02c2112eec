import TemplateSyntax

/// What a template may state or leave out alike, because CloudFormation reads
/// the one as the other: a resource's `Properties: {}` and no `Properties`, a
/// parameter's `NoEcho: false` and no `NoEcho`. The diff compares templates
/// with such statements left out, so that writing them is no change.
enum StatedDefaults {
  /// `document` without the statements of defaults.
  static func removed(from document: TemplateDocument) -> TemplateDocument {
    var result = document
    result.entries = document.entries.map { section in
      guard case .object(let entries, let ordering) = section.value else { return section }
      let cleaned: [Expression.ObjectEntry]
      switch TemplateSection(rawValue: section.key) {
      case .resources?:
        cleaned = entries.map {
          removing(ResourceKey.properties.rawValue, from: $0, when: { $0.objectEntries?.isEmpty == true })
        }
      case .parameters?:
        cleaned = entries.map {
          removing(ParameterKey.noEcho.rawValue, from: $0) { value in
            guard case .scalar(let scalar) = value, scalar.tag == nil else { return false }
            return scalar.text == "false" || scalar.text == "False"
          }
        }
      default:
        return section
      }
      return Expression.ObjectEntry(section.key, .object(cleaned, ordering: ordering), comment: section.comment)
    }
    return result
  }

  /// `entry` without its value's key `key` when `isDefault` holds for that key's value.
  private static func removing(
    _ key: String, from entry: Expression.ObjectEntry, when isDefault: (Expression) -> Bool
  ) -> Expression.ObjectEntry {
    guard case .object(let fields, let ordering) = entry.value,
      let index = fields.firstIndex(where: { $0.key == key }), isDefault(fields[index].value)
    else { return entry }
    var kept = fields
    kept.remove(at: index)
    return Expression.ObjectEntry(entry.key, .object(kept, ordering: ordering), comment: entry.comment)
  }
}
