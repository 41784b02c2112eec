/// Whether modifying a resource replaces it (`ResourceChange.Replacement`): a new
/// physical resource is created and the old one deleted.
public enum Replacement: String, CaseIterable, Hashable, Sendable {
  /// It is replaced.
  case `true` = "True"
  /// It is updated in place.
  case `false` = "False"
  /// It may be replaced, depending on a value known only during the update.
  case conditional = "Conditional"
}
