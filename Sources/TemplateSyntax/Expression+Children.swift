extension Expression {
  /// The same expression with `transform` applied to each direct sub-expression
  /// (list items, object values, function arguments, a loop's collection and outputs).
  public func mapChildren(_ transform: (Expression) -> Expression) -> Expression {
    func entries(_ entries: [ObjectEntry]) -> [ObjectEntry] {
      entries.map { ObjectEntry($0.key, transform($0.value), comment: $0.comment) }
    }
    switch self {
    case .scalar, .ref, .getAtt, .condition, .refAll, .valueOf, .valueOfAll: return self
    case .list(let items): return .list(items.map(transform))
    case .object(let items, let ordering): return .object(entries(items), ordering: ordering)
    case .sub(let text, let variables): return .sub(text, variables: entries(variables))
    case .join(let delimiter, let items): return .join(delimiter: delimiter, transform(items))
    case .select(let index, let items): return .select(index: transform(index), transform(items))
    case .split(let delimiter, let source): return .split(delimiter: delimiter, transform(source))
    case .getAZs(let region): return .getAZs(transform(region))
    case .if(let condition, let whenTrue, let whenFalse):
      return .if(condition: condition, transform(whenTrue), transform(whenFalse))
    case .equals(let left, let right): return .equals(transform(left), transform(right))
    case .and(let conditions): return .and(conditions.map(transform))
    case .or(let conditions): return .or(conditions.map(transform))
    case .not(let condition): return .not(transform(condition))
    case .findInMap(let mapping, let topLevelKey, let secondLevelKey, let defaultValue):
      return .findInMap(
        mapping: mapping, transform(topLevelKey), transform(secondLevelKey), defaultValue: defaultValue.map(transform))
    case .importValue(let name): return .importValue(transform(name))
    case .computedRef(let name): return .computedRef(transform(name))
    case .computedGetAtt(let resource, let attribute):
      return .computedGetAtt(resource: transform(resource), attribute: transform(attribute))
    case .base64(let value): return .base64(transform(value))
    case .cidr(let block, let count, let bits):
      return .cidr(transform(block), count: transform(count), cidrBits: transform(bits))
    case .length(let items): return .length(transform(items))
    case .toJsonString(let value): return .toJsonString(transform(value))
    case .transform(let name, let parameters): return .transform(name: name, parameters: entries(parameters))
    case .forEach(let identifier, let collection, let outputs):
      return .forEach(identifier: identifier, collection: transform(collection), outputs: entries(outputs))
    case .contains(let items, let value): return .contains(transform(items), transform(value))
    case .eachMemberEquals(let items, let value): return .eachMemberEquals(transform(items), transform(value))
    case .eachMemberIn(let items, let allowed): return .eachMemberIn(transform(items), transform(allowed))
    }
  }

  /// Calls `body` for this expression and every expression inside it, depth
  /// first, each with its path (see ``ExpressionPath``: data keys and positions,
  /// `!Sub` variables; a function's arguments share the function's path).
  public func visit(at path: ExpressionPath = .root, _ body: (Expression, ExpressionPath) -> Void) {
    body(self, path)
    visitChildren(at: path) { child, childPath in child.visit(at: childPath, body) }
  }

  /// Calls `body` for each direct sub-expression with its path: list items and
  /// object values extend the path, a `!Sub` variable adds `(Sub ${Name})`, a
  /// loop's collection and outputs their positions, other function arguments keep it.
  public func visitChildren(at path: ExpressionPath, _ body: (Expression, ExpressionPath) -> Void) {
    forEachChild { child, step in
      var childPath = path
      childPath.enter(step)
      body(child, childPath)
    }
  }

  /// Calls `body` for each direct sub-expression, in order, with the step its
  /// path takes from this one's. Builds nothing, so that a walk over a large
  /// template (validation, references) can keep one path and ``ExpressionPath/enter(_:)``
  /// and ``ExpressionPath/leave(_:)`` it.
  public func forEachChild(_ body: (Expression, ExpressionPath.Step) -> Void) {
    switch self {
    case .scalar, .ref, .getAtt, .condition, .refAll, .valueOf, .valueOfAll:
      break
    case .list(let items):
      for (index, item) in items.enumerated() { body(item, .component(.index(index))) }
    case .object(let entries, _), .transform(_, let entries):
      for entry in entries { body(entry.value, .component(.key(entry.key))) }
    case .sub(_, let variables):
      for variable in variables { body(variable.value, .component(.subVariable(variable.key))) }
    case .forEach(_, let collection, let outputs):
      body(collection, .component(.index(1)))
      for output in outputs { body(output.value, .loopOutput(output.key)) }
    case .join(_, let items), .split(_, let items), .getAZs(let items), .importValue(let items), .base64(let items),
      .length(let items), .toJsonString(let items), .not(let items), .computedRef(let items):
      body(items, .argument)
    case .select(let first, let second), .equals(let first, let second), .contains(let first, let second),
      .eachMemberEquals(let first, let second), .eachMemberIn(let first, let second),
      .computedGetAtt(let first, let second):
      body(first, .argument)
      body(second, .argument)
    case .if(_, let whenTrue, let whenFalse):
      body(whenTrue, .argument)
      body(whenFalse, .argument)
    case .and(let conditions), .or(let conditions):
      for condition in conditions { body(condition, .argument) }
    case .findInMap(_, let topLevelKey, let secondLevelKey, let defaultValue):
      body(topLevelKey, .argument)
      body(secondLevelKey, .argument)
      if let defaultValue { body(defaultValue, .argument) }
    case .cidr(let block, let count, let bits):
      body(block, .argument)
      body(count, .argument)
      body(bits, .argument)
    }
  }
}
