import YAML

/// One change set to create: what it sends, and what is checked before it runs.
struct ChangeSetPlan {
  /// What must hold before a change set runs.
  enum Review {
    /// A replacement or removal needs a person's yes on a terminal, or `assumeYes`.
    case confirmDestructive(assumeYes: Bool)
    /// Created and previewed, then left for review (`--no-execute`).
    case leaveForReview
    /// A traffic update: refused, and deleted, when it would add, remove or replace
    /// anything. `action` says what was asked ("changing the weights"), `then`
    /// what to run after deploying ("set the weights").
    case trafficOnly(action: String, then: String)
  }

  var type: ChangeSetType
  /// `gen-deploy`, `gen-weights`, `gen-switch`: the change set is named PREFIX-TIME.
  var namePrefix: String
  /// `--template-body file://…`, `--template-url …` or `--use-previous-template`.
  var template: [String]
  var values: [ParameterValue]
  var capabilities: [Capability]
  var tags: [StackTag]
  var review: Review
}

/// How a change set ended.
public enum ChangeSetOutcome: Hashable, Sendable {
  /// Executed, and the stack settled in success.
  case executed
  /// CloudFormation found nothing to change; the change set was deleted.
  case noChanges
  /// Created and left for review under this name (`--no-execute`).
  case leftForReview(changeSetName: String)
}

extension StackOperator {
  /// Creates a change set, waits for it, prints what it will do, checks it
  /// (``ChangeSetPlan/Review``), then executes it and follows the stack events.
  func run(_ plan: ChangeSetPlan) throws -> ChangeSetOutcome {
    let name = "\(plan.namePrefix)-\(Int(WallClock.now()))"
    var arguments = [
      "cloudformation", "create-change-set", "--stack-name", stackName, "--change-set-name", name,
      "--change-set-type", plan.type.rawValue,
    ]
    arguments += plan.template + ["--parameters", try ParameterValue.json(plan.values)]
    if !plan.capabilities.isEmpty { arguments += ["--capabilities"] + plan.capabilities.map(\.rawValue) }
    if !plan.tags.isEmpty { arguments += ["--tags", try StackTag.json(plan.tags)] }
    let created = try aws.json(arguments)
    guard let changeSetID = created["Id"]?.text else {
      throw DeployError("aws cloudformation create-change-set gave no change set Id")
    }
    let stackID = created["StackId"]?.text ?? stackName
    let description = try settledChangeSet(changeSetID)
    if description["Status"]?.text == ChangeSetStatus.failed.rawValue {
      let reason = description["StatusReason"]?.text ?? "no reason given"
      discard(changeSetID, createdStack: plan.type == .create)
      if Self.meansNoChanges(reason) {
        console.write("No changes: stack \(stackName) is already up to date.\n")
        return .noChanges
      }
      throw DeployError("CloudFormation could not create the change set for stack \(stackName): \(reason)")
    }
    let preview = try ChangeSetPreview(describeChangeSet: description)
    console.write("Change set \(name) (\(plan.type.rawValue.lowercased())):\n" + preview.text)
    switch plan.review {
    case .leaveForReview:
      return .leftForReview(changeSetName: name)
    case .trafficOnly(let action, let then):
      if let change = preview.changes.first(where: { $0.action != .modify || $0.replaces }) {
        discard(changeSetID, createdStack: false)
        throw DeployError(
          "\(action) would also \(change.action.rawValue.lowercased()) \(change.logicalID) (\(change.resourceType)); "
            + "nothing was changed. Deploy the template with `gen deploy` first, then \(then)")
      }
    case .confirmDestructive(let assumeYes):
      try confirm(preview, assumeYes: assumeYes) { discard(changeSetID, createdStack: plan.type == .create) }
    }
    try execute(changeSetID: changeSetID, stackID: stackID, type: plan.type)
    return .executed
  }

  /// Executes a change set created earlier and left for review (`gen deploy
  /// --change-set NAME`), after showing it again; a replacement or removal still
  /// needs a yes or `assumeYes`. Throws when it cannot run: missing, failed, or
  /// made obsolete by a later update.
  public func executeChangeSet(named name: String, assumeYes: Bool) throws {
    let description: YAMLNode
    do {
      description = try aws.json(
        ["cloudformation", "describe-change-set", "--change-set-name", name, "--stack-name", stackName])
    } catch let error as AWSCommandError
      where error.message.contains("ChangeSetNotFound") || error.isMissingStack
    {
      throw DeployError(
        "stack \(stackName) has no change set \(name); create one with `gen deploy --no-execute` "
          + "(it prints the name)")
    }
    let status = description["Status"]?.text ?? ""
    let execution = description["ExecutionStatus"]?.text ?? ""
    guard status == ChangeSetStatus.createComplete.rawValue,
      execution == ChangeSetExecutionStatus.available.rawValue
    else {
      let reason = description["StatusReason"]?.text.map { ": \($0)" } ?? ""
      let advice =
        execution == ChangeSetExecutionStatus.obsolete.rawValue
        ? "the stack changed since it was made; create a new one with `gen deploy --no-execute`"
        : "create a new one with `gen deploy --no-execute`"
      throw DeployError(
        "change set \(name) of stack \(stackName) cannot be executed (status \(status), execution \(execution)"
          + "\(reason)); \(advice)")
    }
    let stack = try describeStack()
    let type: ChangeSetType = stack?.status == .reviewInProgress ? .create : .update
    let preview = try ChangeSetPreview(describeChangeSet: description)
    console.write("Change set \(name) (\(type.rawValue.lowercased())):\n" + preview.text)
    try confirm(preview, assumeYes: assumeYes) {}
    let changeSetID = description["ChangeSetId"]?.text ?? name
    try execute(changeSetID: changeSetID, stackID: description["StackId"]?.text ?? stackName, type: type)
  }

  /// Waits until CloudFormation has finished creating the change set.
  private func settledChangeSet(_ changeSetID: String) throws -> YAMLNode {
    while true {
      let description = try aws.json(["cloudformation", "describe-change-set", "--change-set-name", changeSetID])
      if let status = description["Status"]?.text.flatMap(ChangeSetStatus.init(rawValue:)), status.isSettled {
        return description
      }
      WallClock.sleep(seconds: pollInterval)
    }
  }

  /// Asks before a replacement or removal; `cancel` runs when the answer is no
  /// or there is nobody to ask.
  private func confirm(_ preview: ChangeSetPreview, assumeYes: Bool, cancel: () -> Void) throws {
    guard preview.needsConfirmation else { return }
    let destructive = preview.changes.filter(\.isDestructive).count
    let resources = "\(destructive) resource\(destructive == 1 ? "" : "s")"
    do {
      try console.requireYes(
        "Replace or remove \(resources) in stack \(stackName)?", assumeYes: assumeYes,
        offTerminal: "the change set replaces or removes \(resources) and there is no terminal to confirm on; "
          + "review the changes above and rerun with --yes. Nothing was changed",
        declined: "cancelled; nothing was changed")
    } catch {
      cancel()
      throw error
    }
  }

  /// Executes a change set and follows the stack until it settles.
  private func execute(changeSetID: String, stackID: String, type: ChangeSetType) throws {
    let seen = try eventIDs(of: stackID)
    try aws.run(["cloudformation", "execute-change-set", "--change-set-name", changeSetID])
    try follow(stackID: stackID, seen: seen, succeeded: type.successStatus, gone: false)
    console.write("Stack \(stackName): \(type.successStatus.rawValue)\n")
  }

  /// Deletes a change set that will not run (and the empty stack a CREATE change set made).
  private func discard(_ changeSetID: String, createdStack: Bool) {
    _ = try? aws.run(["cloudformation", "delete-change-set", "--change-set-name", changeSetID])
    if createdStack { _ = try? aws.run(["cloudformation", "delete-stack", "--stack-name", stackName]) }
  }

  /// Whether a failed change set's reason means the stack is already as asked.
  static func meansNoChanges(_ reason: String) -> Bool {
    reason.contains("didn't contain changes") || reason.contains("No updates are to be performed")
  }
}
