import CloudFormation
import TemplateSyntax
import YAML

/// Runs the deploy commands against one stack through the `aws` CLI: every
/// change goes through a change set that is previewed, executed and followed
/// event by event, so CloudFormation stays the single source of truth.
///
/// ```swift
/// let deployer = StackOperator(stack: canary, stackName: "demo", aws: AWSCommandLine(region: "eu-west-1"))
/// try deployer.setWeights([75, 25])
/// ```
public struct StackOperator: Sendable {
  public var stack: WeightedStack
  public var stackName: String
  public var aws: AWSCommandLine
  public var console: Console
  public var progress: ProgressStyle
  /// Seconds between two polls of CloudFormation.
  public var pollInterval: Double

  public init(
    stack: WeightedStack, stackName: String, aws: AWSCommandLine, console: Console = .standard,
    progress: ProgressStyle? = nil, pollInterval: Double = 5
  ) {
    self.stack = stack
    self.stackName = stackName
    self.aws = aws
    self.console = console
    self.progress = progress ?? (console.outputIsTerminal ? .live : .plain)
    self.pollInterval = pollInterval
  }

  /// CloudFormation's limit for a template passed inline (`--template-body`).
  public static let inlineTemplateLimit = 51_200

  // MARK: - Commands

  /// Creates or updates the stack with `values` and the code's template, or the
  /// template in `templateFile` after checking it declares what the commands need.
  /// On a terminal, asks before replacing or removing anything unless `assumeYes`.
  public func deploy(values: [ParameterValue], templateFile: String? = nil, assumeYes: Bool = false) throws {
    let templateText: String
    if let templateFile {
      templateText = try readFile(templateFile)
      try checkInterface(ofTemplate: templateText, path: templateFile)
    } else {
      do {
        templateText = try stack.template().yaml()
      } catch {
        throw DeployError("the stack's template is not valid: \(error)")
      }
    }
    guard templateText.utf8.count <= Self.inlineTemplateLimit else {
      throw DeployError(
        "the template is \(templateText.utf8.count) bytes, over CloudFormation's \(Self.inlineTemplateLimit)-byte limit "
          + "for an inline template; gen deploy does not upload templates to S3 yet")
    }
    let existing = try describeStack()
    let changeSetType: String
    switch existing?.status {
    case nil, "REVIEW_IN_PROGRESS": changeSetType = "CREATE"
    case "ROLLBACK_COMPLETE", "ROLLBACK_FAILED":
      throw DeployError(
        "stack \(stackName) is in \(existing!.status) after a failed create and cannot be updated; "
          + "delete it with `gen delete` and deploy again")
    case let status? where status.hasSuffix("_IN_PROGRESS"):
      throw DeployError("stack \(stackName) is busy (\(status)); wait for it to finish and run the command again")
    default: changeSetType = "UPDATE"
    }
    let file = try templateFile == nil ? TemporaryFile(prefix: "deploy", suffix: ".yml", text: templateText) : nil
    defer { file?.remove() }
    let path = templateFile ?? file!.path
    console.write(
      "\(changeSetType == "CREATE" ? "Creating" : "Updating") stack \(stackName) from "
        + "\(templateFile ?? "the Swift stack's template") with "
        + values.map { "\($0.logicalID)=\($0.value)" }.joined(separator: " ") + "\n")
    try runChangeSet(
      type: changeSetType, template: ["--template-body", "file://" + path], values: values, purpose: .deploy,
      assumeYes: assumeYes)
  }

  /// Changes only the listener weights, one per track: a stack update of the
  /// weight parameters with the deployed template and every other parameter as deployed.
  public func setWeights(_ weights: [Int], intro: String? = nil) throws {
    guard weights.count == stack.tracks.count else {
      throw DeployError("expected \(stack.tracks.count) weights, got \(weights.count)")
    }
    let existing = try existingStack()
    guard !existing.isBusy else {
      throw DeployError(
        "stack \(stackName) is busy (\(existing.status)); wait for it to finish and run the command again")
    }
    let weightByParameter = Dictionary(
      uniqueKeysWithValues: zip(stack.tracks.map(\.weight.logicalID), weights.map(String.init)))
    var changes: [String] = []
    for (track, weight) in zip(stack.tracks, weights) {
      guard let old = existing.parameter(track.weight.logicalID) else {
        throw DeployError(
          "stack \(stackName) has no parameter \(track.weight.logicalID); was it deployed from another template?")
      }
      changes.append("\(track.role) \(old) → \(weight)")
    }
    let unchanged = zip(stack.tracks, weights).allSatisfy { existing.parameter($0.weight.logicalID) == String($1) }
    if let intro { console.write(intro + "\n") }
    guard !unchanged else {
      console.write(
        "The weights of stack \(stackName) are already "
          + zip(stack.tracks, weights).map { "\($0.role) \($1)" }.joined(separator: ", ") + "; nothing to change.\n")
      return
    }
    console.write(
      "Changing only the traffic weights of stack \(stackName): \(changes.joined(separator: ", ")). "
        + "Same template, other parameters as deployed.\n")
    // Every parameter explicitly, as deployed; a NoEcho one (shown masked) keeps its hidden value.
    let values = existing.parameters.map { parameter in
      if let weight = weightByParameter[parameter.logicalID] { return ParameterValue(parameter.logicalID, weight) }
      return parameter.value == ParameterValue.maskedValue
        ? ParameterValue(parameter.logicalID, "", usePreviousValue: true) : parameter
    }
    try runChangeSet(type: "UPDATE", template: ["--use-previous-template"], values: values, purpose: .weights)
  }

  /// Sends all traffic back to the first track (`stable`: 100/0).
  public func rollback() throws {
    let weights = [100] + Array(repeating: 0, count: stack.tracks.count - 1)
    try setWeights(
      weights,
      intro: "Rolling back: all traffic to \(stack.tracks[0].role), none to "
        + stack.tracks.dropFirst().map(\.role).joined(separator: ", ") + ".")
  }

  /// Deletes the stack and follows it until it is gone. On a terminal, asks first
  /// unless `assumeYes`; elsewhere `assumeYes` is required.
  public func delete(assumeYes: Bool) throws {
    guard let existing = try describeStack() else {
      console.write("Stack \(stackName) does not exist; nothing to delete.\n")
      return
    }
    if !assumeYes {
      guard console.inputIsTerminal else {
        throw DeployError(
          "deleting stack \(stackName) removes all its resources; there is no terminal to confirm on, "
            + "so rerun with --yes to delete it")
      }
      guard console.confirm("Delete stack \(stackName) and all its resources?") else {
        throw DeployError("not deleted; stack \(stackName) is unchanged")
      }
    }
    let seen = try eventIDs(of: existing.stackID)
    try aws.run(["cloudformation", "delete-stack", "--stack-name", stackName])
    console.write("Deleting stack \(stackName)\n")
    try follow(stackID: existing.stackID, seen: seen, succeeded: ["DELETE_COMPLETE"], gone: true)
    console.write("Stack \(stackName) deleted.\n")
  }

  /// The stack's state: outputs, weights from the listener itself, target health and task counts.
  public func status() throws -> StackStatusReport {
    let existing = try existingStack()
    let weights = try trackWeights(of: existing)
    var report = StackStatusReport(
      stackName: stackName, stackStatus: existing.status,
      loadBalancerDNS: existing.output(stack.loadBalancerDNSOutput),
      tracks: stack.tracks.map { track in
        .init(
          role: track.role, targetGroupARN: existing.output(track.targetGroupOutput),
          serviceName: existing.output(track.serviceNameOutput),
          parameterWeight: existing.parameter(track.weight.logicalID).flatMap { Int($0) })
      })
    for index in report.tracks.indices { report.tracks[index].weight = weights[index] }
    for index in report.tracks.indices {
      guard let arn = report.tracks[index].targetGroupARN else { continue }
      let health = try aws.json(["elbv2", "describe-target-health", "--target-group-arn", arn])
      let states = (health["TargetHealthDescriptions"]?.elements ?? []).map { $0["TargetHealth"]?["State"]?.text }
      report.tracks[index].targets = states.count
      report.tracks[index].healthyTargets = states.filter { $0 == "healthy" }.count
    }
    let services = report.tracks.compactMap(\.serviceName)
    if let cluster = existing.output(stack.clusterOutput), !services.isEmpty {
      let answer = try aws.json(["ecs", "describe-services", "--cluster", cluster, "--services"] + services)
      for service in answer["services"]?.elements ?? [] {
        guard let name = service["serviceName"]?.text,
          let index = report.tracks.firstIndex(where: { $0.serviceName == name })
        else { continue }
        report.tracks[index].runningTasks = service["runningCount"]?.integerValue
        report.tracks[index].desiredTasks = service["desiredCount"]?.integerValue
      }
    }
    return report
  }

  /// The deployed stack, or an error saying to create it.
  public func existingStack() throws -> DeployedStack {
    guard let existing = try describeStack() else {
      throw DeployError("stack \(stackName) does not exist; create it first with `gen deploy`")
    }
    return existing
  }

  /// Each track's weight as the listener applies it (nil where the stack has no
  /// listener or target group output yet, or the listener does not forward to it).
  public func trackWeights(of existing: DeployedStack) throws -> [Int?] {
    guard let listener = existing.output(stack.listenerARNOutput) else {
      return Array(repeating: nil, count: stack.tracks.count)
    }
    let weights = try listenerWeights(listenerARN: listener)
    return stack.tracks.map { track in
      existing.output(track.targetGroupOutput).flatMap { arn in
        weights.first(where: { $0.targetGroupARN == arn })?.weight
      }
    }
  }

  /// The weights the listener's default forward action gives each target group.
  public func listenerWeights(listenerARN: String) throws -> [(targetGroupARN: String, weight: Int)] {
    let answer = try aws.json(["elbv2", "describe-listeners", "--listener-arns", listenerARN])
    guard let action = answer["Listeners"]?.elements.first?["DefaultActions"]?.elements.first else { return [] }
    if let groups = action["ForwardConfig"]?["TargetGroups"]?.elements, !groups.isEmpty {
      return groups.compactMap { group in
        guard let arn = group["TargetGroupArn"]?.text else { return nil }
        return (targetGroupARN: arn, weight: group["Weight"]?.integerValue ?? 1)
      }
    }
    if let arn = action["TargetGroupArn"]?.text { return [(targetGroupARN: arn, weight: 100)] }
    return []
  }

  // MARK: - Change sets

  enum Purpose: String {
    case deploy, weights
  }

  /// Creates a change set, waits for it, prints what it will do, checks it
  /// (confirmation, or weights-only), executes it and follows the stack events.
  func runChangeSet(
    type: String, template: [String], values: [ParameterValue], purpose: Purpose, assumeYes: Bool = false
  ) throws {
    let name = "gen-\(purpose.rawValue)-\(Int(WallClock.now()))"
    let parameters = try JSONWriter(indentation: nil).string(
      from: .sequence(
        YAMLSequence(
          values.map { value in
            value.usePreviousValue
              ? ["ParameterKey": .string(value.logicalID), "UsePreviousValue": .boolean(true)]
              : ["ParameterKey": .string(value.logicalID), "ParameterValue": .string(value.value)]
          })))
    let created = try aws.json(
      [
        "cloudformation", "create-change-set", "--stack-name", stackName, "--change-set-name", name,
        "--change-set-type", type,
      ] + template + ["--parameters", parameters, "--capabilities"] + stack.capabilities)
    guard let changeSetID = created["Id"]?.text else {
      throw DeployError("aws cloudformation create-change-set gave no change set Id")
    }
    let stackID = created["StackId"]?.text ?? stackName
    var description: YAMLNode
    while true {
      description = try aws.json(["cloudformation", "describe-change-set", "--change-set-name", changeSetID])
      let status = description["Status"]?.text ?? ""
      if status == "CREATE_COMPLETE" || status == "FAILED" { break }
      WallClock.sleep(seconds: pollInterval)
    }
    if description["Status"]?.text == "FAILED" {
      let reason = description["StatusReason"]?.text ?? "no reason given"
      discard(changeSetID, createdStack: type == "CREATE")
      if reason.contains("didn't contain changes") || reason.contains("No updates are to be performed") {
        console.write("No changes: stack \(stackName) is already up to date.\n")
        return
      }
      throw DeployError("CloudFormation could not create the change set for stack \(stackName): \(reason)")
    }
    let preview = ChangeSetPreview(describeChangeSet: description)
    console.write("Change set \(name) (\(type.lowercased())):\n" + preview.text)
    switch purpose {
    case .weights:
      if let change = preview.changes.first(where: { $0.action != "Modify" || $0.replaces }) {
        discard(changeSetID, createdStack: false)
        throw DeployError(
          "changing the weights would also \(change.action.lowercased()) \(change.logicalID) (\(change.resourceType)); "
            + "nothing was changed. Deploy the template with `gen deploy` first, then set the weights")
      }
    case .deploy:
      if preview.needsConfirmation && !assumeYes {
        let destructive = preview.changes.filter(\.isDestructive).count
        guard console.inputIsTerminal else {
          discard(changeSetID, createdStack: type == "CREATE")
          throw DeployError(
            "the change set replaces or removes \(destructive) resource\(destructive == 1 ? "" : "s") and there is "
              + "no terminal to confirm on; review the changes above and rerun with --yes. Nothing was changed")
        }
        guard
          console.confirm(
            "Replace or remove \(destructive) resource\(destructive == 1 ? "" : "s") in stack \(stackName)?")
        else {
          discard(changeSetID, createdStack: type == "CREATE")
          throw DeployError("cancelled; nothing was changed")
        }
      }
    }
    let seen = try eventIDs(of: stackID)
    try aws.run(["cloudformation", "execute-change-set", "--change-set-name", changeSetID])
    let success = type == "CREATE" ? "CREATE_COMPLETE" : "UPDATE_COMPLETE"
    try follow(stackID: stackID, seen: seen, succeeded: [success], gone: false)
    console.write("Stack \(stackName): \(success)\n")
  }

  /// Deletes a change set that will not run (and the empty stack a CREATE change set made).
  private func discard(_ changeSetID: String, createdStack: Bool) {
    _ = try? aws.run(["cloudformation", "delete-change-set", "--change-set-name", changeSetID])
    if createdStack { _ = try? aws.run(["cloudformation", "delete-stack", "--stack-name", stackName]) }
  }

  // MARK: - Following the stack

  /// `describe-stacks`, or nil when the stack does not exist.
  public func describeStack() throws -> DeployedStack? {
    do {
      return DeployedStack(
        describeStacks: try aws.json(["cloudformation", "describe-stacks", "--stack-name", stackName]))
    } catch let error as AWSCommandError where error.isMissingStack {
      return nil
    }
  }

  /// The events not in `seen`, newest first: pages of 100 are read until one
  /// reaches an event already seen (or the stack's first event). With
  /// `onePage`, just the newest page.
  private func unseenEvents(of stackID: String, seen: Set<String>, onePage: Bool = false) throws -> [StackEvent] {
    var events: [StackEvent] = []
    var token: String?
    repeat {
      let answer: YAMLNode
      do {
        answer = try aws.json(
          ["cloudformation", "describe-stack-events", "--stack-name", stackID, "--max-items", "100"]
            + (token.map { ["--starting-token", $0] } ?? []))
      } catch let error as AWSCommandError where error.isMissingStack {
        return events
      }
      for event in (answer["StackEvents"]?.elements ?? []).compactMap(StackEvent.init) {
        if seen.contains(event.eventID) { return events }
        events.append(event)
      }
      token = answer["NextToken"]?.text
    } while token != nil && !onePage
    return events
  }

  /// The newest page of events: the ones that happened before this command.
  private func eventIDs(of stackID: String) throws -> Set<String> {
    Set(try unseenEvents(of: stackID, seen: [], onePage: true).map(\.eventID))
  }

  /// Shows events until the stack settles; throws naming the failing resource
  /// and CloudFormation's reason unless it settles in one of `succeeded` (or,
  /// when `gone`, disappears).
  private func follow(stackID: String, seen initiallySeen: Set<String>, succeeded: Set<String>, gone: Bool) throws {
    let view = ProgressView(style: progress, console: console, stackName: stackName)
    var seen = initiallySeen
    func takeNewEvents() throws {
      let fresh = try unseenEvents(of: stackID, seen: seen)
      for event in fresh { seen.insert(event.eventID) }
      view.add(fresh.reversed())
    }
    var finalStatus: String?
    while true {
      try takeNewEvents()
      let current = try describeStack()
      guard let current else {
        guard gone else { throw DeployError("stack \(stackName) disappeared while being deployed") }
        finalStatus = "DELETE_COMPLETE"
        break
      }
      if !current.isBusy {
        finalStatus = current.status
        break
      }
      view.refresh(stackStatus: current.status)
      WallClock.sleep(seconds: pollInterval)
    }
    try takeNewEvents()
    view.refresh(stackStatus: finalStatus)
    guard let finalStatus, succeeded.contains(finalStatus) else {
      let status = finalStatus ?? "unknown"
      if let cause = view.events.first(where: \.isRootCauseFailure) {
        throw DeployError(
          "stack \(stackName) ended in \(status): \(cause.logicalID) (\(cause.resourceType)) \(cause.status): "
            + (cause.reason ?? "no reason given"))
      }
      let reason = view.events.last(where: { $0.isStackEvent && $0.reason != nil })?.reason
      throw DeployError("stack \(stackName) ended in \(status)" + (reason.map { ": \($0)" } ?? ""))
    }
  }

  // MARK: - Checking a given template

  /// Checks that a template file declares exactly the parameters the commands
  /// pass and every output they read.
  func checkInterface(ofTemplate text: String, path: String) throws {
    let document: TemplateDocument
    do {
      document = try TemplateDocument(parsing: text)
    } catch {
      throw DeployError("\(path) is not a readable template: \(error)")
    }
    let declaredParameters = Set(document.logicalIDs(in: .parameters))
    let declaredOutputs = Set(document.logicalIDs(in: .outputs))
    let parameters = stack.parameters.map(\.logicalID)
    var problems: [String] = []
    for parameter in parameters where !declaredParameters.contains(parameter) {
      problems.append("\(path) does not declare the parameter \(parameter), which gen deploy passes")
    }
    for parameter in declaredParameters.sorted() where !parameters.contains(parameter) {
      problems.append("\(path) declares the parameter \(parameter), which the Swift stack does not have")
    }
    for output in stack.requiredOutputs where !declaredOutputs.contains(output) {
      problems.append("\(path) does not declare the output \(output), which the deploy commands read")
    }
    guard problems.isEmpty else {
      throw DeployError(
        problems.joined(separator: "\n")
          + "\nregenerate the file from the Swift stack (gen render --output \(path)) or deploy without --template")
    }
  }
}
