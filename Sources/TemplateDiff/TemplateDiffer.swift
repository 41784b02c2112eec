import ResourceCatalog
import YAML

/// Compares two templates as CloudFormation: by section, entry and property path,
/// with each changed resource's impact from the ``ResourceCatalog``.
///
/// ```swift
/// let difference = TemplateDiffer.compare(old: try YAMLParser().parse(before), new: try YAMLParser().parse(after))
/// print(DifferenceRenderer.text(difference))
/// ```
public enum TemplateDiffer {
  /// The sections compared entry by entry, in output order; other top-level keys
  /// (`Description`, `Metadata`, `Rules`, `Transform`…) are compared under `Template`.
  static let sections = ["Parameters", "Mappings", "Conditions", "Resources", "Outputs"]

  public static func compare(old: YAMLNode, new: YAMLNode) -> TemplateDifference {
    let old = TemplateNormalizer.normalize(old)
    let new = TemplateNormalizer.normalize(new)
    var result: [SectionDifference] = []

    var templateChanges: [EntryDifference] = []
    for key in orderedKeys(old.mapping, new.mapping) where !sections.contains(key) {
      var changes: [PropertyChange] = []
      compareValues(old[key], new[key], path: key, into: &changes)
      if !changes.isEmpty {
        let kind: EntryDifference.Kind = old[key] == nil ? .added : (new[key] == nil ? .removed : .changed)
        templateChanges.append(EntryDifference(logicalID: key, kind: kind, changes: changes))
      }
    }
    if !templateChanges.isEmpty { result.append(SectionDifference(name: "Template", entries: templateChanges)) }

    for section in sections {
      let entries =
        section == "Resources"
        ? compareResources(old["Resources"]?.mapping, new["Resources"]?.mapping)
        : compareEntries(old[section]?.mapping, new[section]?.mapping)
      if !entries.isEmpty { result.append(SectionDifference(name: section, entries: entries)) }
    }
    traceParameters(&result, in: new["Resources"]?.mapping)
    return TemplateDifference(
      sections: result, iamStatements: SecurityTables.iamChanges(old: old, new: new),
      securityGroupRules: SecurityTables.securityGroupChanges(old: old, new: new))
  }

  // MARK: - Entries

  private static func compareEntries(_ old: YAMLMapping?, _ new: YAMLMapping?) -> [EntryDifference] {
    var entries: [EntryDifference] = []
    for id in orderedKeys(old, new) {
      switch (old?[id], new?[id]) {
      case (nil, .some): entries.append(EntryDifference(logicalID: id, kind: .added))
      case (.some, nil): entries.append(EntryDifference(logicalID: id, kind: .removed))
      case (.some(let before), .some(let after)):
        var changes: [PropertyChange] = []
        compareValues(before, after, path: "", into: &changes)
        if !changes.isEmpty { entries.append(EntryDifference(logicalID: id, kind: .changed, changes: changes)) }
      default: break
      }
    }
    return entries
  }

  private static func compareResources(_ old: YAMLMapping?, _ new: YAMLMapping?) -> [EntryDifference] {
    var entries: [EntryDifference] = []
    for id in orderedKeys(old, new) {
      let before = old?[id]
      let after = new?[id]
      let type = (after ?? before)?["Type"]?.stringValue
      let catalog = type.flatMap(ResourceCatalog.entry(for:))
      switch (before, after) {
      case (nil, .some):
        entries.append(EntryDifference(logicalID: id, kind: .added, resourceType: type))
      case (.some, nil):
        entries.append(
          EntryDifference(logicalID: id, kind: .removed, resourceType: type, destroysData: catalog?.isStateful ?? false)
        )
      case (.some(let before), .some(let after)):
        var changes: [PropertyChange] = []
        compareValues(before, after, path: "", into: &changes)
        guard !changes.isEmpty else { continue }
        let typeChanged = before["Type"] != after["Type"]
        for index in changes.indices {
          changes[index].impact = impact(of: changes[index].path, catalog: catalog)
          if typeChanged { changes[index].impact = .requiresReplacement }
        }
        let impact = changes.compactMap(\.impact).max() ?? .noInterruption
        entries.append(
          EntryDifference(
            logicalID: id, kind: .changed, resourceType: type, impact: impact,
            destroysData: impact == .requiresReplacement && (catalog?.isStateful ?? false), changes: changes))
      default: break
      }
    }
    cascadeReplacements(&entries, in: new)
    return entries
  }

  /// The impact of changing the value at `path` (`Properties.A.B[0]`).
  static func impact(of path: String, catalog: ResourceCatalog.Entry?) -> Impact {
    guard path.hasPrefix("Properties.") else { return .noInterruption }  // DependsOn, Metadata, policies…
    guard let catalog else { return .unknown }
    let propertyPath = catalogPath(path)
    if catalog.isCreateOnly(propertyPath) { return .requiresReplacement }
    if catalog.isConditionallyCreateOnly(propertyPath) { return .mayReplace }
    return .noInterruption
  }

  /// `Properties.Tags[0].Key` → `Tags/0/Key`, the catalog's form.
  static func catalogPath(_ path: String) -> String {
    path.dropFirst("Properties.".count).split(separator: ".").flatMap { part -> [String] in
      var pieces: [String] = []
      var current = ""
      for character in part {
        if character == "[" {
          if !current.isEmpty { pieces.append(current) }
          current = ""
        } else if character == "]" {
          pieces.append(current)
          current = ""
        } else {
          current.append(character)
        }
      }
      if !current.isEmpty { pieces.append(current) }
      return pieces
    }.joined(separator: "/")
  }

  // MARK: - Cascade

  /// A replaced resource gets a new physical ID, so every resource that refers to
  /// it (`!Ref`, `!GetAtt`, `${…}`) in a create-only property is replaced too.
  private static func cascadeReplacements(_ entries: inout [EntryDifference], in new: YAMLMapping?) {
    guard let new else { return }
    var replaced = Set(entries.filter { $0.impact == .requiresReplacement }.map(\.logicalID))
    var changed = true
    while changed {
      changed = false
      for entry in new.entries {
        guard let id = entry.key.stringValue, !replaced.contains(id),
          entries.first(where: { $0.logicalID == id })?.kind != .added,
          let type = entry.value["Type"]?.stringValue, let catalog = ResourceCatalog.entry(for: type),
          let properties = entry.value["Properties"]
        else { continue }
        var causes: [String] = []
        forEachReference(in: properties, path: "Properties") { target, path in
          if replaced.contains(target) && catalog.isCreateOnly(catalogPath(path)) && !causes.contains(target) {
            causes.append(target)
          }
        }
        guard !causes.isEmpty else { continue }
        replaced.insert(id)
        changed = true
        if let index = entries.firstIndex(where: { $0.logicalID == id }) {
          entries[index].impact = .requiresReplacement
          entries[index].causedBy += causes
          entries[index].destroysData = catalog.isStateful
        } else {
          entries.append(
            EntryDifference(
              logicalID: id, kind: .changed, resourceType: type, impact: .requiresReplacement,
              destroysData: catalog.isStateful, causedBy: causes))
        }
      }
    }
    // Keep the new template's order for entries the cascade added.
    let order = Dictionary(
      uniqueKeysWithValues: new.entries.enumerated().compactMap { index, entry in
        entry.key.stringValue.map { ($0, index) }
      })
    let removed = entries.filter { order[$0.logicalID] == nil }
    entries =
      entries.filter { order[$0.logicalID] != nil }.sorted { order[$0.logicalID]! < order[$1.logicalID]! }
      + removed
  }

  /// Calls `body(target, path)` for every `!Ref`, `!GetAtt` and `${Name}` inside `node`.
  static func forEachReference(in node: YAMLNode, path: String, _ body: (String, String) -> Void) {
    switch node {
    case .scalar(let scalar):
      switch scalar.tag {
      case "!Ref": body(scalar.text, path)
      case "!GetAtt": body(String(scalar.text.prefix { $0 != "." }), path)
      case "!Sub": for name in subNames(scalar.text) { body(name, path) }
      default: break
      }
    case .sequence(let sequence):
      if sequence.tag == "!Sub", let text = sequence.items.first?.stringValue {
        for name in subNames(text) { body(name, path) }
      }
      for (index, item) in sequence.items.enumerated() { forEachReference(in: item, path: "\(path)[\(index)]", body) }
    case .mapping(let mapping):
      for entry in mapping.entries {
        forEachReference(in: entry.value, path: "\(path).\(entry.key.stringValue ?? "?")", body)
      }
    }
  }

  /// The names a `!Sub` string refers to (`${Name}`, `${Resource.Attribute}` → `Resource`).
  static func subNames(_ text: String) -> [String] {
    var names: [String] = []
    var rest = Substring(text)
    while let start = rest.firstRange(of: "${") {
      rest = rest[start.upperBound...]
      guard let end = rest.firstIndex(of: "}") else { break }
      let name = rest[..<end]
      if !name.hasPrefix("!") { names.append(String(name.prefix { $0 != "." })) }
      rest = rest[rest.index(after: end)...]
    }
    return names
  }

  // MARK: - Parameters

  /// A changed parameter is traced to the resource properties that use it.
  private static func traceParameters(_ sections: inout [SectionDifference], in resources: YAMLMapping?) {
    guard let index = sections.firstIndex(where: { $0.name == "Parameters" }), let resources else { return }
    for entryIndex in sections[index].entries.indices where sections[index].entries[entryIndex].kind == .changed {
      let parameter = sections[index].entries[entryIndex].logicalID
      var usages: [Usage] = []
      for resource in resources.entries {
        guard let id = resource.key.stringValue, let properties = resource.value["Properties"] else { continue }
        let catalog = resource.value["Type"]?.stringValue.flatMap(ResourceCatalog.entry(for:))
        forEachReference(in: properties, path: "Properties") { target, path in
          guard target == parameter else { return }
          usages.append(
            Usage(resource: id, path: path, impact: impact(of: path, catalog: catalog)))
        }
      }
      sections[index].entries[entryIndex].usedBy = usages
    }
  }

  // MARK: - Values

  /// Appends a change for every leaf that differs, with its path.
  static func compareValues(_ old: YAMLNode?, _ new: YAMLNode?, path: String, into changes: inout [PropertyChange]) {
    guard old != new else { return }
    switch (old, new) {
    case (.mapping(let before), .mapping(let after)) where before.tag == after.tag:
      for key in orderedKeys(before, after) {
        compareValues(before[key], after[key], path: path.isEmpty ? key : "\(path).\(key)", into: &changes)
      }
    case (.sequence(let before), .sequence(let after))
    where before.tag == nil && after.tag == nil && before.items.count == after.items.count:
      for index in before.items.indices {
        compareValues(before.items[index], after.items[index], path: "\(path)[\(index)]", into: &changes)
      }
    case (nil, .mapping(let after)) where after.tag == nil && !after.entries.isEmpty:
      // A new object: each of its keys is a change of its own, with its own impact.
      for key in after.stringKeys { compareValues(nil, after[key], path: "\(path).\(key)", into: &changes) }
    case (.mapping(let before), nil) where before.tag == nil && !before.entries.isEmpty:
      for key in before.stringKeys { compareValues(before[key], nil, path: "\(path).\(key)", into: &changes) }
    default:
      changes.append(PropertyChange(path: path, old: old, new: new))
    }
  }

  /// Keys of `old` in order, then keys only `new` has.
  static func orderedKeys(_ old: YAMLMapping?, _ new: YAMLMapping?) -> [String] {
    var keys = old?.stringKeys ?? []
    let known = Set(keys)
    keys += (new?.stringKeys ?? []).filter { !known.contains($0) }
    return keys
  }
}
