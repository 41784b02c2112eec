/// Where CloudFormation is in creating a change set (`Status` of `describe-change-set`).
public enum ChangeSetStatus: String, CaseIterable, Hashable, Sendable {
  case createPending = "CREATE_PENDING"
  case createInProgress = "CREATE_IN_PROGRESS"
  case createComplete = "CREATE_COMPLETE"
  case deletePending = "DELETE_PENDING"
  case deleteInProgress = "DELETE_IN_PROGRESS"
  case deleteComplete = "DELETE_COMPLETE"
  case deleteFailed = "DELETE_FAILED"
  case failed = "FAILED"

  /// Whether CloudFormation has finished creating it, one way or the other.
  public var isSettled: Bool { self == .createComplete || self == .failed }
}

/// Whether a change set can be executed (`ExecutionStatus` of `describe-change-set`).
public enum ChangeSetExecutionStatus: String, CaseIterable, Hashable, Sendable {
  case unavailable = "UNAVAILABLE"
  case available = "AVAILABLE"
  case executeInProgress = "EXECUTE_IN_PROGRESS"
  case executeComplete = "EXECUTE_COMPLETE"
  case executeFailed = "EXECUTE_FAILED"
  /// Another change set was executed since; this one no longer applies.
  case obsolete = "OBSOLETE"
}

/// Whether a change set creates the stack or updates it (`--change-set-type`).
public enum ChangeSetType: String, Hashable, Sendable {
  case create = "CREATE"
  case update = "UPDATE"

  /// The stack status a successful execution ends in.
  var successStatus: StackStatus { self == .create ? .createComplete : .updateComplete }
}
