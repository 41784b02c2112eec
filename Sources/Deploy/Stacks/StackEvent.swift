import YAML

/// One CloudFormation stack event (`describe-stack-events`).
public struct StackEvent: Hashable, Sendable {
  public var eventID: String
  /// ISO 8601, as CloudFormation writes it.
  public var timestamp: String
  public var logicalID: String
  public var resourceType: String
  public var status: String
  public var reason: String?

  public init(
    eventID: String, timestamp: String, logicalID: String, resourceType: String, status: String, reason: String?
  ) {
    self.eventID = eventID
    self.timestamp = timestamp
    self.logicalID = logicalID
    self.resourceType = resourceType
    self.status = status
    self.reason = reason
  }

  init?(_ node: YAMLNode) {
    guard let eventID = node["EventId"]?.text, let logicalID = node["LogicalResourceId"]?.text else { return nil }
    self.eventID = eventID
    timestamp = node["Timestamp"]?.text ?? ""
    self.logicalID = logicalID
    resourceType = node["ResourceType"]?.text ?? ""
    status = node["ResourceStatus"]?.text ?? ""
    reason = node["ResourceStatusReason"]?.text
  }

  /// Whether this event is about the stack itself rather than one of its resources.
  public var isStackEvent: Bool { resourceType == "AWS::CloudFormation::Stack" }

  /// A failure that is its own cause, not a cancellation because another resource failed.
  var isRootCauseFailure: Bool {
    status.hasSuffix("_FAILED") && !isStackEvent
      && !(reason ?? "").contains("Resource creation cancelled")
      && !(reason ?? "").contains("Resource update cancelled")
  }
}

/// How progress is shown while CloudFormation works.
public enum ProgressStyle: String, Sendable, CaseIterable {
  /// On a terminal: a table of resources, redrawn as events arrive, with elapsed times.
  case live
  /// Elsewhere (CI logs, pipes): one line per event.
  case plain
}
