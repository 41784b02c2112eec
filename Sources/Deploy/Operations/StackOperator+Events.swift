import YAML

extension StackOperator {
  /// The events not in `seen`, newest first: pages of 100 are read until one
  /// reaches an event already seen (or the stack's first event). With
  /// `onePage`, just the newest page.
  func unseenEvents(of stackID: String, seen: Set<String>, onePage: Bool = false) throws -> [StackEvent] {
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
  func eventIDs(of stackID: String) throws -> Set<String> {
    Set(try unseenEvents(of: stackID, seen: [], onePage: true).map(\.eventID))
  }

  /// Shows events until the stack settles; throws naming the failing resource
  /// and CloudFormation's reason unless it settles in `succeeded` (or, when
  /// `gone`, disappears).
  func follow(stackID: String, seen initiallySeen: Set<String>, succeeded: StackStatus, gone: Bool) throws {
    let view = ProgressView(style: progress, console: console, stackName: stackName)
    var seen = initiallySeen
    func takeNewEvents() throws {
      let fresh = try unseenEvents(of: stackID, seen: seen)
      for event in fresh { seen.insert(event.eventID) }
      view.add(fresh.reversed())
    }
    var finalStatus: StackStatus
    while true {
      try takeNewEvents()
      let current = try describeStack()
      guard let current else {
        guard gone else { throw DeployError("stack \(stackName) disappeared while being deployed") }
        finalStatus = .deleteComplete
        break
      }
      if !current.isBusy {
        finalStatus = current.status
        break
      }
      view.refresh(stackStatus: current.status.rawValue)
      WallClock.sleep(seconds: pollInterval)
    }
    try takeNewEvents()
    view.refresh(stackStatus: finalStatus.rawValue)
    guard finalStatus == succeeded else {
      if let cause = view.events.first(where: \.isRootCauseFailure) {
        throw DeployError(
          "stack \(stackName) ended in \(finalStatus.rawValue): \(cause.logicalID) (\(cause.resourceType)) "
            + "\(cause.status): " + (cause.reason ?? "no reason given"))
      }
      let reason = view.events.last(where: { $0.isStackEvent && $0.reason != nil })?.reason
      throw DeployError("stack \(stackName) ended in \(finalStatus.rawValue)" + (reason.map { ": \($0)" } ?? ""))
    }
  }
}
