import TemplateSyntax
import YAML

/// Compares expressions as CloudFormation reads them: objects whatever their key
/// order, a function whatever its spelling (the reader has already made both
/// forms one tree), and scalars by the text CloudFormation sees, so that `80`
/// and `"80"` or `true` and `"true"` are the same value (with a note). Null is
/// only equal to null. Text and keys compare by bytes, as CloudFormation compares
/// them (`é` and `e` with a combining accent differ).
struct ValueComparison {
  /// Type-only differences found, with the path from the template's top.
  private(set) var notes: [SyntaxNote] = []
  /// Where the values compared sit (`Resources.Queue`), for the notes.
  var location = ExpressionPath.root

  /// The changes that turn `old` into `new`, each at its path: objects key by
  /// key, lists of the same length item by item, loops part by part; anything
  /// else as a whole.
  mutating func changes(_ old: Expression?, _ new: Expression?, at path: ExpressionPath) -> [PropertyChange] {
    if equivalent(old, new, at: path) { return [] }
    switch (old, new) {
    case (.object(let before, _), .object(let after, _)):
      return Self.orderedKeys(before, after).flatMap { key in
        changes(Self.value(before, key), Self.value(after, key), at: path.appending(key: key))
      }
    case (.list(let before), .list(let after)) where before.count == after.count:
      return before.indices.flatMap { changes(before[$0], after[$0], at: path.appending(.index($0))) }
    case (
      .forEach(let identifier, let collection, let outputs),
      .forEach(let newIdentifier, let newCollection, let newOutputs)
    ):
      var result = changes(.string(identifier), .string(newIdentifier), at: path.appending(.index(0)))
      result += changes(collection, newCollection, at: path.appending(.index(1)))
      result += changes(
        .object(outputs, ordering: .asWritten), .object(newOutputs, ordering: .asWritten), at: path.appending(.index(2))
      )
      return result
    case (nil, .object(let after, _)) where !after.isEmpty:
      // A new object: each key is a change of its own, with its own impact.
      return after.flatMap { changes(nil, $0.value, at: path.appending(key: $0.key)) }
    case (.object(let before, _), nil) where !before.isEmpty:
      return before.flatMap { changes($0.value, nil, at: path.appending(key: $0.key)) }
    default:
      return [PropertyChange(path: path, old: old, new: new)]
    }
  }

  /// Whether the two mean the same to CloudFormation.
  mutating func equivalent(_ old: Expression?, _ new: Expression?, at path: ExpressionPath) -> Bool {
    switch (old, new) {
    case (nil, nil):
      return true
    case (let old?, let new?):
      return equivalent(old, new, at: path)
    default:
      return false
    }
  }

  private mutating func equivalent(_ old: Expression, _ new: Expression, at path: ExpressionPath) -> Bool {
    switch (old, new) {
    case (.scalar(let before), .scalar(let after)):
      return equivalent(before, after, at: path)
    case (.list(let before), .list(let after)):
      guard before.count == after.count else { return false }
      var same = true
      for index in before.indices where !equivalent(before[index], after[index], at: path.appending(.index(index))) {
        same = false
      }
      return same
    case (.object(let before, _), .object(let after, _)):
      guard Set(before.map { Array($0.key.utf8) }) == Set(after.map { Array($0.key.utf8) }), before.count == after.count
      else { return false }
      var same = true
      for entry in before
      where !equivalent(entry.value, Self.value(after, entry.key), at: path.appending(key: entry.key)) {
        same = false
      }
      return same
    case (
      .forEach(let identifier, let collection, let outputs),
      .forEach(let newIdentifier, let newCollection, let newOutputs)
    ):
      return identifier.utf8.elementsEqual(newIdentifier.utf8)
        && equivalent(collection, newCollection, at: path.appending(.index(1)))
        && equivalent(
          .object(outputs, ordering: .asWritten), .object(newOutputs, ordering: .asWritten),
          at: path.appending(.index(2)))
    default:
      guard let before = old.functionCall, let after = new.functionCall, before.function == after.function else {
        return false
      }
      return equivalent(before.argument, after.argument, at: path)
    }
  }

  /// Scalars by the text CloudFormation reads: any type, same text, is the same value.
  private mutating func equivalent(_ old: YAMLScalar, _ new: YAMLScalar, at path: ExpressionPath) -> Bool {
    if old.value == .null || new.value == .null { return old.value == new.value }
    guard old.text.utf8.elementsEqual(new.text.utf8) else { return false }
    if old.kind != new.kind {
      notes.append(
        SyntaxNote(
          path: location.appending(path),
          message:
            "\(DifferenceRenderer.compact(.scalar(old))) (\(old.kind.rawValue)) and \(DifferenceRenderer.compact(.scalar(new))) (\(new.kind.rawValue)) differ only in type; CloudFormation reads the same value"
        ))
    }
    return true
  }

  // MARK: - Keys

  static func value(_ entries: [Expression.ObjectEntry], _ key: String) -> Expression? {
    entries.first { $0.key.utf8.elementsEqual(key.utf8) }?.value
  }

  /// Keys of `old` in order, then keys only `new` has.
  static func orderedKeys(_ old: [Expression.ObjectEntry], _ new: [Expression.ObjectEntry]) -> [String] {
    var keys = old.map(\.key)
    let known = Set(keys.map { Array($0.utf8) })
    keys += new.map(\.key).filter { !known.contains(Array($0.utf8)) }
    return keys
  }
}
