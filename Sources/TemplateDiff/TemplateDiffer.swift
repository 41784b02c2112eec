import ResourceCatalog
import TemplateSyntax

/// Compares two templates as CloudFormation: by section, entry and property path,
/// with each changed resource's impact from the ``ResourceCatalog``. Both are
/// read through the template-syntax layer, so key order, quoting, flow or block
/// style, short or long intrinsic form and YAML or JSON make no difference.
///
/// ```swift
/// let difference = try TemplateDiffer.compare(old: before, new: after)   // texts, YAML or JSON
/// print(DifferenceRenderer.text(difference))
/// ```
public enum TemplateDiffer {
  /// Compares two template texts, each YAML or JSON.
  public static func compare(old: String, new: String) throws -> TemplateDifference {
    compare(old: try TemplateDocument(parsing: old), new: try TemplateDocument(parsing: new))
  }

  public static func compare(old: TemplateDocument, new: TemplateDocument) -> TemplateDifference {
    let old = EquivalentForms.canonical(old)
    let new = EquivalentForms.canonical(new)
    var comparison = ValueComparison()
    var result: [SectionDifference] = []

    // Sections of logical IDs are compared entry by entry when both sides hold
    // objects; everything else (`Description`, `Transform`, a section that is
    // not an object) as a whole, under `Template`.
    func isComparedByEntry(_ key: String) -> Bool {
      guard let section = TemplateSection(rawValue: key), TemplateSection.sectionsOfEntries.contains(section) else {
        return false
      }
      return (old[section].map { $0.objectEntries != nil } ?? true)
        && (new[section].map { $0.objectEntries != nil } ?? true)
    }
    var templateChanges: [EntryDifference] = []
    for key in ValueComparison.orderedKeys(old.entries, new.entries) where !isComparedByEntry(key) {
      comparison.location = .root
      let before = ValueComparison.value(old.entries, key)
      let after = ValueComparison.value(new.entries, key)
      let changes = comparison.changes(before, after, at: .key(key))
      if !changes.isEmpty {
        let kind: EntryDifference.Kind = before == nil ? .added : (after == nil ? .removed : .changed)
        templateChanges.append(EntryDifference(logicalID: key, kind: kind, changes: changes))
      }
    }
    if !templateChanges.isEmpty { result.append(SectionDifference(name: "Template", entries: templateChanges)) }

    for section in TemplateSection.sectionsOfEntries where isComparedByEntry(section.key) {
      let before = old.entries(in: section)
      let after = new.entries(in: section)
      let entries =
        section == .resources
        ? ResourceComparison.compare(before, after, using: &comparison)
        : compareEntries(before, after, in: section, using: &comparison)
      if !entries.isEmpty { result.append(SectionDifference(name: section.key, entries: entries)) }
    }
    ResourceComparison.traceParameters(&result, in: new.entries(in: .resources))
    var notes: [SyntaxNote] = []
    var seen = Set<SyntaxNote>()
    for note in old.notes + new.notes + comparison.notes where seen.insert(note).inserted { notes.append(note) }
    return TemplateDifference(
      sections: result, iamStatements: SecurityTables.iamChanges(old: old, new: new),
      securityGroupRules: SecurityTables.securityGroupChanges(old: old, new: new), notes: notes)
  }

  /// Added, removed and changed entries of a section other than `Resources`.
  private static func compareEntries(
    _ old: [Expression.ObjectEntry], _ new: [Expression.ObjectEntry], in section: TemplateSection,
    using comparison: inout ValueComparison
  ) -> [EntryDifference] {
    var entries: [EntryDifference] = []
    for id in ValueComparison.orderedKeys(old, new) {
      switch (ValueComparison.value(old, id), ValueComparison.value(new, id)) {
      case (nil, .some): entries.append(EntryDifference(logicalID: id, kind: .added))
      case (.some, nil): entries.append(EntryDifference(logicalID: id, kind: .removed))
      case (.some(let before), .some(let after)):
        comparison.location = ExpressionPath([.key(section.key), .key(id)])
        let changes = comparison.changes(before, after, at: .root)
        if !changes.isEmpty { entries.append(EntryDifference(logicalID: id, kind: .changed, changes: changes)) }
      default: break
      }
    }
    return entries
  }
}
