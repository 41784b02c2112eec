import TemplateSyntax
import YAML

/// Writes a ``TemplateDifference`` as text for terminals (`[+] [-] [~]` markers,
/// colour on request), as Markdown for a pull-request comment, or as JSON.
public enum DifferenceRenderer {
  /// Terminal text. `color` adds ANSI colours (green added, red removed, yellow changed).
  public static func text(_ difference: TemplateDifference, color: Bool = false) -> String {
    let notes = difference.notes.map { "note: \($0)" }
    guard !difference.isEmpty else { return (["no differences"] + notes).joined(separator: "\n") + "\n" }
    func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    var lines: [String] = []
    for section in difference.sections {
      lines.append(paint(section.name, "1"))
      for entry in section.entries {
        let marker: String
        switch entry.kind {
        case .added: marker = paint("[+]", "32")
        case .removed: marker = paint("[-]", "31")
        case .changed: marker = paint("[~]", "33")
        }
        lines.append("\(marker) \(headline(entry))")
        for change in entry.changes {
          lines += changeLines(change).map { "    " + $0 }
        }
        for usage in entry.usedBy {
          lines.append("    used by \(usage.resource) \(usage.path) (\(usage.impact.rawValue))")
        }
      }
    }
    for (title, changes) in [
      ("IAM statement changes", difference.iamStatements), ("Security group changes", difference.securityGroupRules),
    ] where !changes.isEmpty {
      lines.append(paint(title, "1"))
      for change in changes {
        let marker = change.kind == .added ? paint("[+]", "32") : paint("[-]", "31")
        lines.append("\(marker) \(change.resource): \(change.summary)")
      }
    }
    return (lines + notes).joined(separator: "\n") + "\n"
  }

  /// Markdown for a pull-request comment.
  public static func markdown(_ difference: TemplateDifference) -> String {
    var notes: [String] = []
    if !difference.notes.isEmpty {
      notes = ["### Notes", ""] + difference.notes.map { "- `\($0.path)`: \($0.message)" } + [""]
    }
    guard !difference.isEmpty else { return (["No differences.", ""] + notes).joined(separator: "\n") }
    var lines: [String] = []
    for section in difference.sections {
      lines.append("### \(section.name)")
      lines.append("")
      for entry in section.entries {
        let marker = ["added": "➕", "removed": "➖", "changed": "✏️"][entry.kind.rawValue] ?? ""
        lines.append("- \(marker) **\(entry.logicalID)**" + headlineDetails(entry, code: true))
        for change in entry.changes {
          for line in changeLines(change) { lines.append("  - `\(line)`") }
        }
        for usage in entry.usedBy {
          lines.append("  - used by `\(usage.resource)` `\(usage.path)` (\(usage.impact.rawValue))")
        }
      }
      lines.append("")
    }
    for (title, changes) in [
      ("IAM statement changes", difference.iamStatements), ("Security group changes", difference.securityGroupRules),
    ] where !changes.isEmpty {
      lines += ["### \(title)", "", "| | Resource | Change |", "| --- | --- | --- |"]
      for change in changes {
        lines.append("| \(change.kind == .added ? "➕" : "➖") | `\(change.resource)` | `\(change.summary)` |")
      }
      lines.append("")
    }
    return (lines + notes).joined(separator: "\n")
  }

  /// JSON for tools.
  public static func json(_ difference: TemplateDifference) throws -> String {
    let sections: [YAMLNode] = difference.sections.map { section in
      var mapping = YAMLMapping()
      mapping.append("section", .string(section.name))
      mapping.append(
        "entries",
        .sequence(
          YAMLSequence(
            section.entries.map { entry in
              var object = YAMLMapping()
              object.append("logicalId", .string(entry.logicalID))
              object.append("kind", .string(entry.kind.rawValue))
              if let type = entry.resourceType { object.append("type", .string(type)) }
              if let impact = entry.impact { object.append("impact", .string(impact.rawValue)) }
              if entry.destroysData { object.append("destroysData", true) }
              if !entry.causedBy.isEmpty {
                object.append("causedBy", .sequence(YAMLSequence(entry.causedBy.map(YAMLNode.string))))
              }
              if !entry.changes.isEmpty {
                object.append(
                  "changes",
                  .sequence(
                    YAMLSequence(
                      entry.changes.map { change in
                        var item = YAMLMapping()
                        item.append("path", .string(change.path.description))
                        item.append("old", change.old.map(longForm) ?? .null)
                        item.append("new", change.new.map(longForm) ?? .null)
                        if let impact = change.impact { item.append("impact", .string(impact.rawValue)) }
                        return .mapping(item)
                      })))
              }
              if !entry.usedBy.isEmpty {
                object.append(
                  "usedBy",
                  .sequence(
                    YAMLSequence(
                      entry.usedBy.map { usage in
                        .mapping([
                          "resource": .string(usage.resource), "path": .string(usage.path.description),
                          "impact": .string(usage.impact.rawValue),
                        ])
                      })))
              }
              return .mapping(object)
            })))
      return .mapping(mapping)
    }
    func table(_ changes: [SecurityChange]) -> YAMLNode {
      .sequence(
        YAMLSequence(
          changes.map {
            .mapping([
              "kind": .string($0.kind.rawValue), "resource": .string($0.resource), "change": .string($0.summary),
            ])
          }))
    }
    var root = YAMLMapping()
    root.append("equal", .boolean(difference.isEmpty))
    root.append("sections", .sequence(YAMLSequence(sections)))
    if !difference.iamStatements.isEmpty { root.append("iamStatements", table(difference.iamStatements)) }
    if !difference.securityGroupRules.isEmpty {
      root.append("securityGroupRules", table(difference.securityGroupRules))
    }
    if !difference.notes.isEmpty {
      root.append(
        "notes",
        .sequence(
          YAMLSequence(
            difference.notes.map { .mapping(["path": .string($0.path.description), "note": .string($0.message)]) })))
    }
    return try JSONWriter().string(from: .mapping(root))
  }

  /// A value as JSON holds it: intrinsics in long form.
  private static func longForm(_ value: Expression) -> YAMLNode {
    ExpressionWriter(form: .long).node(for: value)
  }

  // MARK: - Pieces

  private static func headline(_ entry: EntryDifference) -> String {
    entry.logicalID + headlineDetails(entry, code: false)
  }

  private static func headlineDetails(_ entry: EntryDifference, code: Bool) -> String {
    var text = ""
    if let type = entry.resourceType { text += code ? " `\(type)`" : " \(type)" }
    var notes: [String] = []
    if let impact = entry.impact { notes.append(impact.rawValue) }
    if !entry.causedBy.isEmpty { notes.append("caused by " + entry.causedBy.joined(separator: ", ")) }
    if entry.destroysData { notes.append("destroys data") }
    if !notes.isEmpty { text += " (" + notes.joined(separator: ", ") + ")" }
    return text
  }

  /// `Path: old → new (impact)`, or a compact unified diff for long text.
  static func changeLines(_ change: PropertyChange) -> [String] {
    let suffix = change.impact.map { " (\($0.rawValue))" } ?? ""
    let path = change.path.isEmpty ? "value" : change.path.description
    if let old = change.old?.stringValue, let new = change.new?.stringValue,
      old.contains("\n") || new.contains("\n") || old.count + new.count > 100
    {
      return ["\(path):\(suffix)"] + unifiedDiff(old, new).map { "  " + $0 }
    }
    return ["\(path): \(compact(change.old)) → \(compact(change.new))\(suffix)"]
  }

  /// One line for a value: scalars as written in YAML, intrinsics in short form,
  /// collections in flow style.
  static func compact(_ value: Expression?) -> String {
    guard let value else { return "(none)" }
    return compact(node: ExpressionWriter().node(for: value))
  }

  private static func compact(node: YAMLNode) -> String {
    switch node {
    case .scalar(let scalar):
      let text: String
      if case .string(let value) = scalar.value {
        text = value.isEmpty || ScalarTextProbe.needsQuotes(value) ? "\"\(value)\"" : value
      } else {
        text = scalar.text
      }
      return scalar.tag.map { "\($0) \(text)" } ?? text
    case .sequence(let sequence):
      let items = "[" + sequence.items.map { compact(node: $0) }.joined(separator: ", ") + "]"
      return sequence.tag.map { "\($0) \(items)" } ?? items
    case .mapping(let mapping):
      let items =
        "{" + mapping.entries.map { "\(compact(node: $0.key)): \(compact(node: $0.value))" }.joined(separator: ", ")
        + "}"
      return mapping.tag.map { "\($0) \(items)" } ?? items
    }
  }

  /// A compact line diff: the common head and tail elided, `-`/`+` lines between.
  static func unifiedDiff(_ old: String, _ new: String) -> [String] {
    let before = old.split(separator: "\n", omittingEmptySubsequences: false)
    let after = new.split(separator: "\n", omittingEmptySubsequences: false)
    var head = 0
    while head < min(before.count, after.count) && before[head] == after[head] { head += 1 }
    var tail = 0
    while tail < min(before.count, after.count) - head
      && before[before.count - 1 - tail] == after[after.count - 1 - tail]
    {
      tail += 1
    }
    var lines: [String] = []
    if head > 0 { lines.append("@@ line \(head + 1) @@") }
    lines += before[head..<(before.count - tail)].map { "- " + $0 }
    lines += after[head..<(after.count - tail)].map { "+ " + $0 }
    return lines
  }
}

/// Whether a string would need quotes in YAML, via the emitter itself.
enum ScalarTextProbe {
  static func needsQuotes(_ text: String) -> Bool {
    guard let yaml = try? YAMLEmitter().string(from: .string(text)) else { return true }
    return yaml.hasPrefix("\"") || yaml.hasPrefix("'")
  }
}
