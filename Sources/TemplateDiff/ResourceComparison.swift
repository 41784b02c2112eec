import ResourceCatalog
import TemplateSyntax

/// The `Resources` section compared: each changed resource with its impact from
/// the catalog, replacements cascading through create-only references, and
/// changed parameters traced to the properties that use them. A `Fn::ForEach`
/// entry is compared like a resource, each of its outputs with its own type.
enum ResourceComparison {
  /// One resource definition inside an entry: the entry itself, or one output of a loop.
  struct Body {
    /// The resource's type, if it names one.
    var type: String?
    var properties: Expression?
    /// Where the body sits in the entry: empty, or `[2].Output${Name}`.
    var path: ExpressionPath

    var catalog: ResourceCatalog.Entry? { type.flatMap(ResourceCatalog.entry(for:)) }
  }

  /// The resource definitions of an entry: itself, or each output of a loop.
  static func bodies(of value: Expression) -> [Body] {
    if case .forEach(_, _, let outputs) = value {
      return outputs.map { output in
        Body(
          type: output.value[ResourceKey.type.rawValue]?.stringValue,
          properties: output.value[ResourceKey.properties.rawValue],
          path: ExpressionPath([.index(2), .key(output.key)]))
      }
    }
    return [
      Body(
        type: value[ResourceKey.type.rawValue]?.stringValue, properties: value[ResourceKey.properties.rawValue],
        path: .root)
    ]
  }

  static func compare(
    _ old: [Expression.ObjectEntry], _ new: [Expression.ObjectEntry], using comparison: inout ValueComparison
  ) -> [EntryDifference] {
    var entries: [EntryDifference] = []
    for id in ValueComparison.orderedKeys(old, new) {
      let before = ValueComparison.value(old, id)
      let after = ValueComparison.value(new, id)
      let type = (after ?? before)?[ResourceKey.type.rawValue]?.stringValue
      let isStateful = { (value: Expression?) in
        value.map { bodies(of: $0).contains { $0.catalog?.isStateful ?? false } } ?? false
      }
      switch (before, after) {
      case (nil, .some):
        entries.append(EntryDifference(logicalID: id, kind: .added, resourceType: type))
      case (.some, nil):
        entries.append(
          EntryDifference(logicalID: id, kind: .removed, resourceType: type, destroysData: isStateful(before)))
      case (.some(let before), .some(let after)):
        comparison.location = ExpressionPath([.key(TemplateSection.resources.key), .key(id)])
        var changes = comparison.changes(before, after, at: .root)
        guard !changes.isEmpty else { continue }
        let typeChanged = !comparison.equivalent(
          before[ResourceKey.type.rawValue], after[ResourceKey.type.rawValue], at: .key(ResourceKey.type.rawValue))
        for index in changes.indices {
          changes[index].impact =
            typeChanged ? .requiresReplacement : impact(of: changes[index].path, before: before, after: after)
        }
        let impact = changes.compactMap(\.impact).max() ?? .noInterruption
        entries.append(
          EntryDifference(
            logicalID: id, kind: .changed, resourceType: type, impact: impact,
            destroysData: impact == .requiresReplacement && isStateful(after), changes: changes))
      default: break
      }
    }
    cascadeReplacements(&entries, in: new)
    return entries
  }

  /// The impact of changing the value at `path` of an entry.
  static func impact(of path: ExpressionPath, before: Expression, after: Expression) -> Impact {
    let candidates = bodies(of: after) + bodies(of: before)
    guard let body = candidates.first(where: { path.components.starts(with: $0.path.components) }) else {
      // A loop's identifier or collection: which resources exist changes.
      return .unknown
    }
    let inner = Array(path.components.dropFirst(body.path.components.count))
    if inner == [.key(ResourceKey.type.rawValue)] { return .requiresReplacement }
    return impact(ofPropertyPath: ExpressionPath(inner), catalog: body.catalog)
  }

  /// The impact of changing the value at `path` inside one resource definition.
  static func impact(ofPropertyPath path: ExpressionPath, catalog: ResourceCatalog.Entry?) -> Impact {
    guard path.components.first == .key(ResourceKey.properties.rawValue) else {
      return .noInterruption  // DependsOn, Metadata, policies…
    }
    guard let catalog else { return .unknown }
    let propertyPath = catalogPath(path)
    if catalog.isCreateOnly(propertyPath) { return .requiresReplacement }
    if catalog.isConditionallyCreateOnly(propertyPath) { return .mayReplace }
    return .noInterruption
  }

  /// `Properties.Tags[0].Key` → `Tags/0/Key`, the catalog's form.
  static func catalogPath(_ path: ExpressionPath) -> String {
    path.components.dropFirst().compactMap { component -> String? in
      switch component {
      case .key(let key): key
      case .index(let index): String(index)
      case .subVariable: nil
      }
    }.joined(separator: "/")
  }

  // MARK: - Cascade

  /// A replaced resource gets a new physical ID, so every resource that refers to
  /// it (`!Ref`, `!GetAtt`, `${…}`) in a create-only property is replaced too.
  private static func cascadeReplacements(_ entries: inout [EntryDifference], in new: [Expression.ObjectEntry]) {
    var replaced = Set(entries.filter { $0.impact == .requiresReplacement }.map(\.logicalID))
    var changed = true
    while changed {
      changed = false
      for entry in new where !replaced.contains(entry.key) {
        guard entries.first(where: { $0.logicalID == entry.key })?.kind != .added else { continue }
        var causes: [String] = []
        var isStateful = false
        for body in bodies(of: entry.value) {
          guard let catalog = body.catalog, let properties = body.properties else { continue }
          for reference in properties.references(at: .key(ResourceKey.properties.rawValue)) {
            guard reference.kind != .condition, reference.kind != .mapping, replaced.contains(reference.target),
              catalog.isCreateOnly(catalogPath(reference.path)), !causes.contains(reference.target)
            else { continue }
            causes.append(reference.target)
            isStateful = isStateful || catalog.isStateful
          }
        }
        guard !causes.isEmpty else { continue }
        replaced.insert(entry.key)
        changed = true
        if let index = entries.firstIndex(where: { $0.logicalID == entry.key }) {
          entries[index].impact = .requiresReplacement
          entries[index].causedBy += causes
          entries[index].destroysData = isStateful
        } else {
          entries.append(
            EntryDifference(
              logicalID: entry.key, kind: .changed, resourceType: entry.value[ResourceKey.type.rawValue]?.stringValue,
              impact: .requiresReplacement, destroysData: isStateful, causedBy: causes))
        }
      }
    }
    // Keep the new template's order for entries the cascade added; removed ones last.
    var order: [String: Int] = [:]
    for (index, entry) in new.enumerated() where order[entry.key] == nil { order[entry.key] = index }
    let removed = entries.filter { order[$0.logicalID] == nil }
    entries =
      entries.filter { order[$0.logicalID] != nil }.sorted { order[$0.logicalID]! < order[$1.logicalID]! } + removed
  }

  // MARK: - Parameters

  /// A changed parameter is traced to the resource properties that use it.
  static func traceParameters(_ sections: inout [SectionDifference], in resources: [Expression.ObjectEntry]) {
    guard let index = sections.firstIndex(where: { $0.name == TemplateSection.parameters.key }) else { return }
    for entryIndex in sections[index].entries.indices where sections[index].entries[entryIndex].kind == .changed {
      let parameter = sections[index].entries[entryIndex].logicalID
      var usages: [Usage] = []
      for resource in resources {
        for body in bodies(of: resource.value) {
          guard let properties = body.properties else { continue }
          let propertiesPath = ExpressionPath.key(ResourceKey.properties.rawValue)
          for reference in properties.references(at: propertiesPath)
          where (reference.kind == .ref || reference.kind == .substitution) && reference.target == parameter {
            usages.append(
              Usage(
                resource: resource.key, path: body.path.appending(reference.path),
                impact: impact(ofPropertyPath: reference.path, catalog: body.catalog)))
          }
        }
      }
      sections[index].entries[entryIndex].usedBy = usages
    }
  }
}
