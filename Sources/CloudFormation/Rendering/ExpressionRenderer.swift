import YAML

/// Renders expressions to YAML nodes with short-form intrinsics, following the
/// output rules: an intrinsic's argument list is a flow sequence when everything
/// in it is a scalar or a short-form intrinsic with a scalar argument, a block
/// sequence otherwise; `!GetAtt` is dotted unless the attribute holds a dot;
/// typed object keys are sorted by byte order, free-form ones keep their order.
enum ExpressionRenderer {
  static func render(_ expression: Expression) -> YAMLNode {
    switch expression {
    case .scalar(let scalar):
      return .scalar(scalar)
    case .list(let items):
      return .sequence(YAMLSequence(items.map(render)))
    case .object(let entries, let ordering):
      let ordered =
        ordering == .sortedKeys
        ? entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } : entries
      return .mapping(YAMLMapping(ordered.map { YAMLMapping.Entry(key: .string($0.key), value: render($0.value)) }))
    case .ref(let name):
      return tagged("!Ref", name)
    case .getAtt(let resource, let attribute):
      if attribute.contains(".") {
        return .sequence(YAMLSequence([.string(resource), .string(attribute)], style: .flow, tag: "!GetAtt"))
      }
      return tagged("!GetAtt", "\(resource).\(attribute)")
    case .sub(let text, let variables):
      guard !variables.isEmpty else { return tagged("!Sub", text) }
      let map = YAMLMapping(variables.map { YAMLMapping.Entry(key: .string($0.key), value: render($0.value)) })
      return arguments("!Sub", [.string(text), .mapping(map)])
    case .join(let delimiter, let list):
      return arguments("!Join", [.string(delimiter), render(list)])
    case .select(let index, let list):
      return arguments("!Select", [render(index), render(list)])
    case .split(let delimiter, let source):
      return arguments("!Split", [.string(delimiter), render(source)])
    case .getAZs(let region):
      return unary("!GetAZs", region)
    case .if(let condition, let whenTrue, let whenFalse):
      return arguments("!If", [.string(condition), render(whenTrue), render(whenFalse)])
    case .equals(let left, let right):
      return arguments("!Equals", [render(left), render(right)])
    case .and(let conditions):
      return arguments("!And", conditions.map(render))
    case .or(let conditions):
      return arguments("!Or", conditions.map(render))
    case .not(let condition):
      return arguments("!Not", [render(condition)])
    case .condition(let name):
      return tagged("!Condition", name)
    case .findInMap(let mapping, let topLevelKey, let secondLevelKey):
      return arguments("!FindInMap", [.string(mapping), render(topLevelKey), render(secondLevelKey)])
    case .importValue(let name):
      return unary("!ImportValue", name)
    case .base64(let value):
      return unary("!Base64", value)
    case .cidr(let ipBlock, let count, let cidrBits):
      return arguments("!Cidr", [render(ipBlock), render(count), render(cidrBits)])
    case .length(let list):
      return unary("!Length", list)
    case .toJsonString(let value):
      return unary("!ToJsonString", value)
    }
  }

  private static func tagged(_ tag: String, _ text: String) -> YAMLNode {
    .scalar(.string(text, tag: tag))
  }

  /// `!Name [arguments]`, flow when everything inside is a scalar or a short-form
  /// intrinsic with a scalar argument, block otherwise.
  private static func arguments(_ tag: String, _ items: [YAMLNode]) -> YAMLNode {
    let flow = items.allSatisfy(isFlowCompatible)
    return .sequence(YAMLSequence(items.map { flow ? flowed($0) : $0 }, style: flow ? .flow : .block, tag: tag))
  }

  /// A one-argument intrinsic. YAML allows one tag per node, so when the argument
  /// is itself an intrinsic it is written in long form (`!Base64 {Fn::Sub: …}`),
  /// as CloudFormation's documentation prescribes.
  private static func unary(_ tag: String, _ argument: Expression) -> YAMLNode {
    let node = render(argument)
    guard node.tag == nil else {
      return ((try? LongForm.convertDeep(node)) ?? node).withTag(tag)
    }
    guard case .sequence(var sequence) = node, sequence.items.allSatisfy(isFlowCompatible) else {
      return node.withTag(tag)
    }
    sequence.tag = tag
    sequence.style = .flow
    sequence.items = sequence.items.map(flowed)
    return .sequence(sequence)
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
