import TemplateSyntax
import YAML
import YAMLCorpus

/// Makes one random semantic change to a template: a scalar's value, a key
/// removed or added, a list item removed, a function renamed or its literal
/// argument changed, anywhere inside one entry (a `Fn::ForEach` body included),
/// and says which entry it is in.
struct Mutator {
  var random: SeededRandom

  /// Where a change was made: the diff section and entry it must be reported under.
  struct Site: CustomStringConvertible {
    var section: String
    var logicalID: String
    var change: String

    var description: String { "\(section) \(logicalID): \(change)" }
  }

  /// The document changed once, and where; `nil` when the document offers nothing to change.
  mutating func mutate(_ document: TemplateDocument) -> (TemplateDocument, Site)? {
    guard !document.entries.isEmpty else { return nil }
    var document = document
    let top = Int.random(in: 0..<document.entries.count, using: &random)
    let key = document.entries[top].key
    if let section = TemplateSection(rawValue: key), TemplateSection.sectionsOfEntries.contains(section),
      case .object(var entries, let ordering) = document.entries[top].value, !entries.isEmpty
    {
      let index = Int.random(in: 0..<entries.count, using: &random)
      guard let (value, change) = mutate(inside: entries[index].value) else { return nil }
      entries[index].value = value
      document.entries[top].value = .object(entries, ordering: ordering)
      return (document, Site(section: key, logicalID: entries[index].key, change: change))
    }
    guard let (value, change) = mutate(inside: document.entries[top].value) else { return nil }
    document.entries[top].value = value
    return (document, Site(section: "Template", logicalID: key, change: change))
  }

  /// One node of `expression` (pre-order), changed.
  private mutating func mutate(inside expression: Expression) -> (Expression, String)? {
    var nodes: [Expression] = []
    collect(expression, into: &nodes)
    let target = Int.random(in: 0..<nodes.count, using: &random)
    guard let (replacement, change) = change(nodes[target]) else { return nil }
    let counter = Counter()
    return (replace(expression, at: target, with: replacement, counter: counter), change)
  }

  private final class Counter {
    var count = 0
  }

  /// Every node in pre-order, in the order ``Expression/mapChildren(_:)`` visits them.
  private func collect(_ expression: Expression, into nodes: inout [Expression]) {
    nodes.append(expression)
    _ = expression.mapChildren { child in
      collect(child, into: &nodes)
      return child
    }
  }

  private func replace(_ expression: Expression, at target: Int, with replacement: Expression, counter: Counter)
    -> Expression
  {
    counter.count += 1
    if counter.count - 1 == target { return replacement }
    return expression.mapChildren { replace($0, at: target, with: replacement, counter: counter) }
  }

  /// A change that CloudFormation would see, or `nil` when this node offers none.
  private mutating func change(_ expression: Expression) -> (Expression, String)? {
    switch expression {
    case .scalar(let scalar):
      switch scalar.value {
      case .string(let text): return (.string(text + "x"), "string changed")
      case .integer(let number): return (.scalar(.integer(number == Int.max ? 0 : number + 1)), "integer changed")
      case .float(let number): return (.scalar(.float(number + 1.5)), "float changed")
      case .boolean(let flag): return (.scalar(.boolean(!flag)), "boolean flipped")
      case .null: return (.string("x"), "null replaced")
      }
    case .list(var items):
      if !items.isEmpty, chance(70) {
        items.remove(at: Int.random(in: 0..<items.count, using: &random))
        return (.list(items), "list item removed")
      }
      return (.list(items + [.string("added")]), "list item added")
    case .object(var entries, let ordering):
      if !entries.isEmpty, chance(50) {
        entries.remove(at: Int.random(in: 0..<entries.count, using: &random))
        return (.object(entries, ordering: ordering), "key removed")
      }
      let key = "Added" + String(Int.random(in: 0..<1000, using: &random))
      guard !entries.contains(where: { $0.key == key }) else { return nil }
      return (.object(entries + [.init(key, .string("value"))], ordering: ordering), "key added")
    case .forEach(let identifier, let collection, let outputs):
      return (
        .forEach(identifier: identifier + "x", collection: collection, outputs: outputs), "loop identifier changed"
      )
    default:
      guard let call = expression.functionCall else { return nil }
      if chance(50), let renamed = rename(call) { return renamed }
      return changeLiteral(call) ?? rename(call)
    }
  }

  /// The same argument under another function that takes its shape.
  private mutating func rename(_ call: FunctionCall) -> (Expression, String)? {
    let candidates = IntrinsicFunction.allCases.filter { $0 != call.function && $0 != .condition }
      .shuffled(using: &random)
    for function in candidates {
      if let renamed = Expression(FunctionCall(function, argument: call.argument)) {
        return (renamed, "\(call.function.longName) renamed \(function.longName)")
      }
    }
    return nil
  }

  /// The function's literal text argument (a name, a delimiter) changed.
  private func changeLiteral(_ call: FunctionCall) -> (Expression, String)? {
    var argument = call.argument
    if let text = argument.stringValue {
      argument = .string(text + "x")
    } else if var items = argument.listItems, let text = items.first?.stringValue {
      items[0] = .string(text + "x")
      argument = .list(items)
    } else {
      return nil
    }
    return Expression(FunctionCall(call.function, argument: argument)).map {
      ($0, "\(call.function.longName) text changed")
    }
  }

  private mutating func chance(_ percent: Int) -> Bool {
    Int.random(in: 0..<100, using: &random) < percent
  }
}
