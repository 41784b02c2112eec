import YAML

/// Writes expressions as YAML nodes, intrinsic functions in short form (`!Ref X`,
/// `!GetAtt A.B`, for YAML) or long form (`{"Ref": "X"}`, for JSON).
///
/// Short form follows the output rules: a function's argument list is a flow
/// sequence when everything in it (nested lists included) is a scalar or a
/// short-form function with a scalar argument, a block sequence otherwise;
/// `!GetAtt` is dotted unless the resource or the attribute holds a dot; keys a
/// schema types are sorted by byte order, free-form ones keep their order.
///
/// A YAML node carries one tag, so where a one-argument function's argument is
/// itself a function, the inner one is written in long form (`!Base64 {Fn::Sub: …}`);
/// and where it is a number, boolean or null, which a tag would turn into a
/// string, the function is written in long form (`{Fn::Base64: 5}`). Reading the
/// output back with ``ExpressionReader`` gives the expression again
/// (``Expression/inOutputOrder``).
///
/// ```swift
/// ExpressionWriter().node(for: .select(index: .scalar(.integer(0)), .getAZs(.string(""))))
/// // !Select [0, !GetAZs ""]
/// ```
public struct ExpressionWriter: Sendable {
  /// How intrinsic functions are spelled.
  public enum Form: Sendable {
    /// YAML tags: `!Ref X`, `!GetAtt A.B`, `!Join [",", [a, b]]`.
    case short
    /// One-key objects: `{"Ref": "X"}`, `{"Fn::GetAtt": ["A", "B"]}`; the only form JSON has.
    case long
  }

  public var form: Form

  public init(form: Form = .short) {
    self.form = form
  }

  /// The YAML node for `expression`.
  public func node(for expression: Expression) -> YAMLNode {
    switch expression {
    case .scalar(let scalar):
      return .scalar(scalar)
    case .list(let items):
      return .sequence(YAMLSequence(items.map(node(for:))))
    case .object(let entries, let ordering):
      return .mapping(mapping(entries, ordering: ordering))
    case .forEach:
      return node(for: expression.forEachArgument!)
    default:
      let call = expression.functionCall!
      return form == .long ? longForm(call) : shortForm(of: expression, call)
    }
  }

  /// An object's entries as a block mapping, with their comments.
  public func mapping(_ entries: [Expression.ObjectEntry], ordering: Expression.ObjectOrdering) -> YAMLMapping {
    let ordered = ordering == .sortedKeys ? Expression.ObjectEntry.sortedByKey(entries) : entries
    return YAMLMapping(
      ordered.map { YAMLMapping.Entry(key: .string($0.key), value: node(for: $0.value), comment: $0.comment) })
  }

  // MARK: - Functions

  /// `{Name: argument}`, the argument written in this writer's form.
  private func longForm(_ call: FunctionCall) -> YAMLNode {
    .mapping(YAMLMapping([.init(key: .string(call.function.longName), value: argumentNode(call))]))
  }

  private func shortForm(of expression: Expression, _ call: FunctionCall) -> YAMLNode {
    let tag = call.function.tag
    switch expression {
    case .getAtt(let resource, let attribute):
      if resource.utf8.contains(UInt8(ascii: ".")) || attribute.utf8.contains(UInt8(ascii: ".")) {
        return .sequence(YAMLSequence([.string(resource), .string(attribute)], style: .flow, tag: tag))
      }
      return .scalar(.string(resource + "." + attribute, tag: tag))
    default:
      break
    }
    let argument = argumentNode(call)
    if argument.tag != nil, let inner = call.argument.functionCall {
      // One tag per node: the inner function goes in long form, its own argument in short form.
      return YAMLNode.mapping(
        YAMLMapping([.init(key: .string(inner.function.longName), value: argumentNode(inner))])
      ).withTag(tag)
    }
    if case .scalar(let scalar) = argument, !scalar.isString {
      // A tag would make a reader take the number, boolean or null for a string.
      return .mapping(YAMLMapping([.init(key: .string(call.function.longName), value: argument)]))
    }
    return argument.withTag(tag)
  }

  /// The node of a function's argument: a list of arguments in flow style when
  /// everything inside is a scalar or an untagged list of such things.
  private func argumentNode(_ call: FunctionCall) -> YAMLNode {
    let node = node(for: call.argument)
    guard case .sequence = node, Self.isFlowCompatible(node) else { return node }
    return Self.flowed(node)
  }

  /// A scalar (tagged or not), or an untagged list of such things.
  private static func isFlowCompatible(_ node: YAMLNode) -> Bool {
    switch node {
    case .scalar: true
    case .sequence(let sequence): sequence.tag == nil && sequence.items.allSatisfy(isFlowCompatible)
    case .mapping: false
    }
  }

  private static func flowed(_ node: YAMLNode) -> YAMLNode {
    guard case .sequence(var sequence) = node else { return node }
    sequence.style = .flow
    sequence.items = sequence.items.map(flowed)
    return .sequence(sequence)
  }
}

extension YAMLScalar {
  /// Whether the value is a string.
  fileprivate var isString: Bool {
    if case .string = value { return true }
    return false
  }
}
