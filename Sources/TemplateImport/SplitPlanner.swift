import ResourceNames
import TemplateSyntax

/// Decides which nested values of an entry become named values of their own,
/// so that no expression of the imported Swift is slow to type-check (the
/// issue's bound is 200 ms). The cost that matters is the number of values and,
/// far more, of `.init(…)` calls one expression holds: each is resolved among
/// every initializer the imported modules add to `Value`. So each expression
/// keeps a weight of at most ``limit``, an `.init(…)` of a typed object
/// weighing ``objectWeight`` and anything else one; when the parts of a list or
/// object weigh more, its heaviest lists and objects are split out first.
struct SplitPlanner {
  static let limit = 36
  static let objectWeight = 10

  var table: ResourceNameTable
  /// The paths to split, as ``ValueWriter`` writes them.
  private(set) var paths: Set<ExpressionPath> = []

  init(table: ResourceNameTable) {
    self.table = table
  }

  /// A value inside the one being planned, with its weight after its own plan.
  private struct Part {
    var weight: Int
    var path: ExpressionPath
    var isSplittable: Bool
  }

  /// Plans `expression`, written as `kind` (`nil`: a free-form `JSONValue`).
  @discardableResult
  mutating func plan(_ expression: Expression, as kind: KindName?, at path: ExpressionPath) -> Int {
    var own = 1
    var parts: [Part] = []
    func part(_ child: Expression, _ childKind: KindName?, _ childPath: ExpressionPath) {
      parts.append(
        Part(weight: plan(child, as: childKind, at: childPath), path: childPath, isSplittable: Self.isSplittable(child))
      )
    }
    var objectProperties: [PropertyNames]?
    if case .named(let name)? = kind, case .object(let properties)? = table.kind(name) {
      objectProperties = properties
    }
    switch (expression, kind) {
    case (.object(let entries, _), _) where objectProperties != nil:
      let properties = objectProperties ?? []
      own = Self.objectWeight
      for entry in entries {
        let property = properties.first { $0.awsName.utf8.elementsEqual(entry.key.utf8) }
        part(entry.value, property?.kind ?? .json, path.appending(key: entry.key))
      }
    case (.object(let entries, _), .map(let valueKind)?):
      for entry in entries { part(entry.value, valueKind, path.appending(key: entry.key)) }
    case (.object(let entries, _), _):
      for entry in entries { part(entry.value, nil, path.appending(key: entry.key)) }
    case (.list(let items), .list(let element)?):
      for (index, item) in items.enumerated() { part(item, element, path.appending(.index(index))) }
    case (.list(let items), _):
      for (index, item) in items.enumerated() { part(item, nil, path.appending(.index(index))) }
    case (.if(_, let whenTrue, let whenFalse), _):
      part(whenTrue, kind, path.appending(.index(1)))
      part(whenFalse, kind, path.appending(.index(2)))
    default:
      own = Self.weight(expression)
    }
    return splitHeaviest(parts, besides: own)
  }

  /// Plans a typed resource's properties: an initializer whose arguments are the properties.
  mutating func plan(properties entries: [Expression.ObjectEntry], of type: ResourceTypeNames, at path: ExpressionPath)
  {
    var parts: [Part] = []
    for entry in entries {
      let childPath = path.appending(key: entry.key)
      let weight = plan(entry.value, as: type.property(entry.key)?.kind ?? .json, at: childPath)
      parts.append(Part(weight: weight, path: childPath, isSplittable: Self.isSplittable(entry.value)))
    }
    splitHeaviest(parts, besides: 0)
  }

  /// Splits out the heaviest lists and objects among `parts` until they and
  /// `own` weigh at most ``limit``; the weight left.
  @discardableResult
  private mutating func splitHeaviest(_ parts: [Part], besides own: Int) -> Int {
    var total = own + parts.reduce(0) { $0 + $1.weight }
    for part in parts.sorted(by: { $0.weight > $1.weight }) where total > Self.limit {
      guard part.isSplittable, part.weight > 1 else { continue }
      paths.insert(part.path)
      total -= part.weight - 1
    }
    return total
  }

  static func isSplittable(_ expression: Expression) -> Bool {
    switch expression {
    case .list, .object: true
    default: false
    }
  }

  /// The weight of a value that is not split inside: its values and
  /// functions, each `${…}` of a `!Sub` text too.
  static func weight(_ expression: Expression) -> Int {
    var total = 1
    if case .sub(let text, _) = expression { total += SubstitutionText(text).variableNames.count }
    expression.forEachChild { child, _ in total += weight(child) }
    return total
  }
}
