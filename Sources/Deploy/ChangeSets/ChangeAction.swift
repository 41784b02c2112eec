/// What a change set does to one resource (`ResourceChange.Action`).
public enum ChangeAction: String, CaseIterable, Hashable, Sendable {
  case add = "Add"
  case modify = "Modify"
  case remove = "Remove"
  case `import` = "Import"
  /// Decided only when the change set runs (a change in a nested stack, say).
  case dynamic = "Dynamic"
}
