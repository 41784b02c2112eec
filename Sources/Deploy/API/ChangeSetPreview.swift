import YAML

/// What a change set will do, from `describe-change-set`.
public struct ChangeSetPreview: Hashable, Sendable {
  /// One resource the change set touches.
  public struct Change: Hashable, Sendable {
    /// `Add`, `Modify`, `Remove`, `Import`, `Dynamic`.
    public var action: String
    public var logicalID: String
    public var resourceType: String
    /// For `Modify`: `True`, `False` or `Conditional`.
    public var replacement: String?

    public init(action: String, logicalID: String, resourceType: String, replacement: String? = nil) {
      self.action = action
      self.logicalID = logicalID
      self.resourceType = resourceType
      self.replacement = replacement
    }

    /// Whether the resource is (or may be) replaced: a new physical resource, the old one deleted.
    public var replaces: Bool { action == "Modify" && (replacement == "True" || replacement == "Conditional") }

    /// Whether the change destroys something: a removal or a (possible) replacement.
    public var isDestructive: Bool { action == "Remove" || replaces }
  }

  public var changes: [Change]

  public init(changes: [Change]) {
    self.changes = changes
  }

  init(describeChangeSet node: YAMLNode) {
    changes = (node["Changes"]?.elements ?? []).compactMap { change in
      guard let resource = change["ResourceChange"], let action = resource["Action"]?.text,
        let logicalID = resource["LogicalResourceId"]?.text
      else { return nil }
      return Change(
        action: action, logicalID: logicalID, resourceType: resource["ResourceType"]?.text ?? "",
        replacement: resource["Replacement"]?.text)
    }
  }

  /// Whether a person should confirm before it runs.
  public var needsConfirmation: Bool { changes.contains(where: \.isDestructive) }

  /// The preview as printed before a change set runs:
  ///
  /// ```
  ///   + add       TargetGroupCanary     AWS::ElasticLoadBalancingV2::TargetGroup
  ///   ~ modify    Listener              AWS::ElasticLoadBalancingV2::Listener
  ///   ± replace   TaskDefinitionStable  AWS::ECS::TaskDefinition
  ///   - remove    OldQueue              AWS::SQS::Queue
  /// 4 changes: 1 to add, 1 to modify, 1 to replace, 1 to remove
  /// ```
  public var text: String {
    guard !changes.isEmpty else { return "No resource changes.\n" }
    let width = max(20, changes.map(\.logicalID.count).max() ?? 0)
    var lines: [String] = []
    var counts = (add: 0, modify: 0, replace: 0, remove: 0)
    for change in changes {
      let label: String
      switch change.action {
      case "Add":
        label = "+ add    "
        counts.add += 1
      case "Remove":
        label = "- remove "
        counts.remove += 1
      case "Modify" where change.replaces:
        label = change.replacement == "Conditional" ? "± may replace" : "± replace"
        counts.replace += 1
      case "Modify":
        label = "~ modify "
        counts.modify += 1
      default:
        label = "~ \(change.action.lowercased())"
        counts.modify += 1
      }
      lines.append("  \(label.padded(to: 13)) \(change.logicalID.padded(to: width))  \(change.resourceType)")
    }
    let total = changes.count
    lines.append(
      "\(total) change\(total == 1 ? "" : "s"): \(counts.add) to add, \(counts.modify) to modify, "
        + "\(counts.replace) to replace, \(counts.remove) to remove")
    return lines.joined(separator: "\n") + "\n"
  }
}
