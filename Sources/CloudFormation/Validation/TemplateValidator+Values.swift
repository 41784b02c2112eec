import TemplateSyntax
import YAML

extension TemplateValidator {
  /// What CloudFormation refuses, or would read as something other than what the
  /// Swift says, so that every rendered template reads back as the same tree:
  /// numbers with no JSON form, repeated keys, tagged scalars, objects spelled
  /// like functions, loops and `!Condition` out of place, `!ToJsonString` of a
  /// scalar, `!And`/`!Or` without 2 to 10 conditions, an unclosed `${` in `!Sub`.
  mutating func checkValues(
    _ expression: Expression, at location: Location, _ path: inout ExpressionPath, isCondition: Bool, parentKey: String?
  ) {
    switch expression {
    case .scalar(let scalar):
      if let tag = scalar.tag {
        report(
          location, path,
          "the scalar carries the YAML tag \(tag), which no reader keeps as written; use the intrinsic function's Value instead"
        )
      }
      if case .string(let text) = scalar.value, Self.holdsSwiftDescription(text) {
        report(
          location, path,
          "the text holds a Swift description of a template value (\"…(expression: TemplateSyntax.Expression…\"), made by String(describing:) or a string interpolated outside a Value<String>; interpolate the value itself into a Value<String> literal, which means !Sub"
        )
      }
      if case .float(let number) = scalar.value, !number.isFinite {
        report(
          location, path,
          "\(number) is not a number CloudFormation accepts (JSON has no infinity or NaN); use a finite number")
      }
    case .object(let entries, _):
      checkDuplicateKeys(entries, at: location, path)
      checkFunctionLikeKeys(entries, at: location, path, isCondition: isCondition)
      for entry in entries where IntrinsicFunction.isForEachKey(entry.key) {
        if case .forEach = entry.value { continue }
        report(
          location, path.appending(key: entry.key),
          "a key starting with \(IntrinsicFunction.forEachPrefix) holds a Fn::ForEach loop; give it Expression.forEach or rename the key"
        )
      }
    case .forEach(_, _, let outputs):
      checkDuplicateKeys(outputs, at: location, path)
      checkFunctionLikeKeys(outputs, at: location, path, isCondition: isCondition)
      if parentKey.map(IntrinsicFunction.isForEachKey) != true {
        report(
          location, path,
          "a Fn::ForEach loop must be the value of a key \(IntrinsicFunction.forEachPrefix)LoopName; move it there")
      }
    case .sub(let text, let variables):
      checkDuplicateKeys(variables, at: location, path)
      checkFunctionLikeKeys(variables, at: location, path, isCondition: false)
      if SubstitutionText(text).hasUnclosedVariable {
        report(location, path, "!Sub has a ${ without a closing }; close it, or write ${!Literal} for a literal ${")
      }
    case .transform(_, let parameters):
      checkDuplicateKeys(parameters, at: location, path)
      checkFunctionLikeKeys(parameters, at: location, path, isCondition: false)
    case .condition(let name):
      if !isCondition {
        report(
          location, path,
          "!Condition \(name) stands only where a condition is expected (in Conditions, a rule, !And, !Or, !Not); use .if(condition, …) for a value"
        )
      }
    case .and(let conditions), .or(let conditions):
      if !(2...10).contains(conditions.count) {
        report(
          location, path,
          "\(expression.functionCall!.function.longName) takes 2 to 10 conditions, not \(conditions.count); add or remove some"
        )
      }
    case .toJsonString(let value):
      if case .scalar = value {
        report(
          location, path,
          "!ToJsonString takes an object or a list, not a scalar; pass the value itself or wrap it in a list")
      }
    default:
      break
    }
    let childrenAreConditions = expression.functionCall?.function.takesConditions ?? false
    expression.forEachChild { child, step in
      var key: String?
      switch step {
      case .component(.key(let name)), .loopOutput(let name): key = name
      default: key = nil
      }
      let added = path.enter(step)
      checkValues(child, at: location, &path, isCondition: childrenAreConditions, parentKey: key)
      path.leave(added)
    }
  }

  /// Whether `text` holds what Swift prints for a `Value` or `JSONValue`, which
  /// never belongs in a template.
  static func holdsSwiftDescription(_ text: String) -> Bool {
    text.utf8.count > 40 && text.contains("(expression: TemplateSyntax.Expression.")
  }

  /// A one-key object whose key names a function is that function to every
  /// reader (an object of one key `Fn::Join`), so the model may not write one as
  /// data; and one whose key starts with `Fn::` is a function CloudFormation
  /// does not know, which it refuses.
  mutating func checkFunctionLikeKeys(
    _ entries: [Expression.ObjectEntry], at location: Location, _ path: ExpressionPath, isCondition: Bool
  ) {
    guard entries.count == 1 else { return }
    let key = entries[0].key
    if let function = IntrinsicFunction(longName: key), function != .condition || isCondition {
      report(
        location, path,
        "an object whose only key is \(key) is the \(key) function to CloudFormation; write the function's Value (such as .ref, .sub or .join) instead"
      )
    } else if IntrinsicFunction.isUnknownFunctionName(key) {
      report(
        location, path,
        "an object whose only key is \(String(reflecting: key)) is a function call to CloudFormation, which knows no such function; rename the key or give the object another"
      )
    }
  }

  /// Each key once: CloudFormation and cfn-lint refuse a template that repeats one.
  /// Keys are compared by bytes: `é` and `e` with a combining accent are two keys to every reader.
  mutating func checkDuplicateKeys(_ entries: [Expression.ObjectEntry], at location: Location, _ path: ExpressionPath) {
    guard entries.count > 1 else { return }
    // Swift's string equality (canonical equivalence) only narrows the search;
    // a key is repeated when an earlier one has the same bytes. Small objects,
    // the most common, are compared pairwise, without a set.
    var seen = Set<String>()
    var reported: [String] = []
    for (index, entry) in entries.enumerated() {
      let candidate =
        entries.count <= 12
        ? entries[..<index].contains { $0.key == entry.key } : !seen.insert(entry.key).inserted
      guard candidate else { continue }
      let repeated = entries[..<index].contains { $0.key.utf8.elementsEqual(entry.key.utf8) }
      if repeated && !reported.contains(where: { $0.utf8.elementsEqual(entry.key.utf8) }) {
        reported.append(entry.key)
        report(
          location, path,
          "the key \(entry.key) is given more than once; CloudFormation refuses repeated keys, keep one")
      }
    }
  }
}
