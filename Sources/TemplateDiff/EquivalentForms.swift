import TemplateSyntax

/// What a template may say in two ways that CloudFormation reads alike, each
/// brought to one form before templates are compared, so that choosing the
/// other is no change:
///
/// - no `AWSTemplateFormatVersion` and `"2010-09-09"`, the only version;
/// - a resource's `Properties: {}` and no `Properties`;
/// - a resource's `DependsOn: [Listener]` and `DependsOn: Listener`;
/// - a parameter's `NoEcho: false` and no `NoEcho`.
enum EquivalentForms {
  /// The one `AWSTemplateFormatVersion` there is.
  static let onlyFormatVersion = "2010-09-09"

  /// `document` with each of those said in one form: the version stated, the
  /// defaults left out, a `DependsOn` of one resource as its logical ID.
  static func canonical(_ document: TemplateDocument) -> TemplateDocument {
    var result = document
    result.entries = document.entries.map { section in
      guard case .object(let entries, let ordering) = section.value else { return section }
      let rewritten: [Expression.ObjectEntry]
      switch TemplateSection(rawValue: section.key) {
      case .resources?:
        rewritten = entries.map { resource in
          rewriting(resource) { fields in
            fields.removeAll { $0.key == ResourceKey.properties.rawValue && $0.value.objectEntries?.isEmpty == true }
            if let index = fields.firstIndex(where: { $0.key == ResourceKey.dependsOn.rawValue }),
              let only = fields[index].value.listItems, only.count == 1, only[0].stringValue != nil
            {
              fields[index].value = only[0]
            }
          }
        }
      case .parameters?:
        rewritten = entries.map { parameter in
          rewriting(parameter) { fields in
            fields.removeAll { field in
              guard field.key == ParameterKey.noEcho.rawValue, case .scalar(let scalar) = field.value,
                scalar.tag == nil
              else { return false }
              return scalar.text == "false" || scalar.text == "False"
            }
          }
        }
      default:
        return section
      }
      return Expression.ObjectEntry(section.key, .object(rewritten, ordering: ordering), comment: section.comment)
    }
    if result[.formatVersion] == nil {
      result.entries.insert(.init(TemplateSection.formatVersion.key, .string(onlyFormatVersion)), at: 0)
    }
    return result
  }

  /// `entry` with `rewrite` applied to its value's fields, when its value is an object.
  private static func rewriting(
    _ entry: Expression.ObjectEntry, _ rewrite: (inout [Expression.ObjectEntry]) -> Void
  ) -> Expression.ObjectEntry {
    guard case .object(var fields, let ordering) = entry.value else { return entry }
    rewrite(&fields)
    return Expression.ObjectEntry(entry.key, .object(fields, ordering: ordering), comment: entry.comment)
  }
}
