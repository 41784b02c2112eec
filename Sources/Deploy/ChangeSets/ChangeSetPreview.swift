import YAML

/// What a change set will do, from `describe-change-set`.
public struct ChangeSetPreview: Hashable, Sendable {
  /// One resource the change set touches.
  public struct Change: Hashable, Sendable {
    public var action: ChangeAction
    public var logicalID: String
    public var resourceType: String
    /// For a modification: whether it replaces the resource.
    public var replacement: Replacement?

    public init(action: ChangeAction, logicalID: String, resourceType: String, replacement: Replacement? = nil) {
      self.action = action
      self.logicalID = logicalID
      self.resourceType = resourceType
      self.replacement = replacement
    }

    /// Whether the resource is (or may be) replaced: a new physical resource, the old one deleted.
    public var replaces: Bool { action == .modify && (replacement == .true || replacement == .conditional) }

    /// Whether the change destroys something: a removal or a (possible) replacement.
    public var isDestructive: Bool { action == .remove || replaces }
  }

  public var changes: [Change]

  public init(changes: [Change]) {
    self.changes = changes
  }

  /// Reads the `Changes` of a `describe-change-set` answer. A change whose action
  /// or replacement gen does not know is an error, never dropped: the checks on
  /// a change set (confirmation, traffic-only) must see every change.
  init(describeChangeSet node: YAMLNode) throws {
    changes = try (node["Changes"]?.elements ?? []).compactMap { change in
      guard let resource = change["ResourceChange"] else { return nil }
      let logicalID = resource["LogicalResourceId"]?.text ?? "?"
      guard let actionText = resource["Action"]?.text, let action = ChangeAction(rawValue: actionText) else {
        throw DeployError(
          "the change set lists a change to \(logicalID) with an action gen does not know "
            + "(\(resource["Action"]?.text ?? "none")); review it with aws cloudformation describe-change-set")
      }
      var replacement: Replacement?
      if let text = resource["Replacement"]?.text {
        guard let known = Replacement(rawValue: text) else {
          throw DeployError(
            "the change set says \(logicalID) has replacement \"\(text)\", which gen does not know; "
              + "review it with aws cloudformation describe-change-set")
        }
        replacement = known
      }
      return Change(
        action: action, logicalID: logicalID, resourceType: resource["ResourceType"]?.text ?? "",
        replacement: replacement)
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
      case .add:
        label = "+ add    "
        counts.add += 1
      case .remove:
        label = "- remove "
        counts.remove += 1
      case .modify where change.replaces:
        label = change.replacement == .conditional ? "± may replace" : "± replace"
        counts.replace += 1
      case .modify:
        label = "~ modify "
        counts.modify += 1
      case .import, .dynamic:
        label = "~ \(change.action.rawValue.lowercased())"
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
