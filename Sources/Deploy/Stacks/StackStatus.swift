/// A stack's status, as `describe-stacks` reports it (`StackStatus`).
public enum StackStatus: String, CaseIterable, Hashable, Sendable {
  case createInProgress = "CREATE_IN_PROGRESS"
  case createFailed = "CREATE_FAILED"
  case createComplete = "CREATE_COMPLETE"
  case rollbackInProgress = "ROLLBACK_IN_PROGRESS"
  case rollbackFailed = "ROLLBACK_FAILED"
  case rollbackComplete = "ROLLBACK_COMPLETE"
  case deleteInProgress = "DELETE_IN_PROGRESS"
  case deleteFailed = "DELETE_FAILED"
  case deleteComplete = "DELETE_COMPLETE"
  case updateInProgress = "UPDATE_IN_PROGRESS"
  case updateCompleteCleanupInProgress = "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"
  case updateComplete = "UPDATE_COMPLETE"
  case updateFailed = "UPDATE_FAILED"
  case updateRollbackInProgress = "UPDATE_ROLLBACK_IN_PROGRESS"
  case updateRollbackFailed = "UPDATE_ROLLBACK_FAILED"
  case updateRollbackCompleteCleanupInProgress = "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS"
  case updateRollbackComplete = "UPDATE_ROLLBACK_COMPLETE"
  /// A stack made by a CREATE change set that has not been executed.
  case reviewInProgress = "REVIEW_IN_PROGRESS"
  case importInProgress = "IMPORT_IN_PROGRESS"
  case importComplete = "IMPORT_COMPLETE"
  case importRollbackInProgress = "IMPORT_ROLLBACK_IN_PROGRESS"
  case importRollbackFailed = "IMPORT_ROLLBACK_FAILED"
  case importRollbackComplete = "IMPORT_ROLLBACK_COMPLETE"

  /// Whether CloudFormation is still working on the stack (or, in
  /// ``reviewInProgress``, waiting for its first change set to be executed).
  public var isBusy: Bool { rawValue.hasSuffix("_IN_PROGRESS") }

  /// Whether a first create failed and rolled back: the stack can only be deleted.
  public var isFailedCreate: Bool { self == .rollbackComplete || self == .rollbackFailed || self == .createFailed }
}
