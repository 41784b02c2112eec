import YAML

/// An intrinsic function with its argument as the long form holds it: the value
/// of the one key of `{"Fn::Join": [",", ["a", "b"]]}`. Arguments that are literal
/// text in ``Expression`` (a `!Ref`'s name, a `!Join`'s delimiter) are string scalars here.
///
/// Converting between an expression and its call is how the layer reads and
/// writes every function the same way: `Expression(call)` checks the argument's
/// shape (its arity and which parts must be literal text) and gives `nil` when it
/// does not fit, and `expression.functionCall` gives the call back.
///
/// ```swift
/// let call = FunctionCall(.join, argument: .list([.string(","), .list([.string("a"), .string("b")])]))
/// Expression(call)   // .join(delimiter: ",", .list([.string("a"), .string("b")]))
/// ```
public struct FunctionCall: Hashable, Sendable {
  public var function: IntrinsicFunction
  public var argument: Expression

  public init(_ function: IntrinsicFunction, argument: Expression) {
    self.function = function
    self.argument = argument
  }

  /// What the function's argument must look like, for messages.
  public var expectedShape: String {
    switch function {
    case .ref: "a logical ID (or a function giving one, with AWS::LanguageExtensions)"
    case .condition: "a condition's logical ID"
    case .getAtt: "[resource, attribute] or resource.attribute (either part a function, with AWS::LanguageExtensions)"
    case .sub: "a string, or [string, {variables}]"
    case .join: "[delimiter string, list]"
    case .split: "[delimiter string, source]"
    case .select: "[index, list]"
    case .if: "[condition name, value if true, value if false]"
    case .equals, .contains, .eachMemberEquals, .eachMemberIn: "[value, value]"
    case .and, .or: "a list of 2 to 10 conditions"
    case .not: "a list of one condition"
    case .findInMap: "[mapping name, top-level key, second-level key] and optionally {DefaultValue: value}"
    case .cidr: "[ip block, count, cidr bits]"
    case .transform: "{Name: macro name, Parameters: {…}}"
    case .refAll: "a parameter type"
    case .valueOf: "[parameter logical ID, attribute]"
    case .valueOfAll: "[parameter type, attribute]"
    case .getAZs, .importValue, .base64, .length, .toJsonString: "a value"
    }
  }
}

extension Expression {
  /// The function and its long-form argument; `nil` for literals, lists, objects and loops.
  public var functionCall: FunctionCall? {
    func call(_ function: IntrinsicFunction, _ argument: Expression) -> FunctionCall {
      FunctionCall(function, argument: argument)
    }
    func list(_ items: Expression...) -> Expression { .list(items) }
    switch self {
    case .scalar, .list, .object, .forEach: return nil
    case .ref(let name): return call(.ref, .string(name))
    case .condition(let name): return call(.condition, .string(name))
    case .getAtt(let resource, let attribute): return call(.getAtt, list(.string(resource), .string(attribute)))
    case .computedRef(let name): return call(.ref, name)
    case .computedGetAtt(let resource, let attribute): return call(.getAtt, list(resource, attribute))
    case .sub(let text, let variables):
      return call(
        .sub, variables.isEmpty ? .string(text) : list(.string(text), .object(variables, ordering: .asWritten)))
    case .join(let delimiter, let items): return call(.join, list(.string(delimiter), items))
    case .select(let index, let items): return call(.select, list(index, items))
    case .split(let delimiter, let source): return call(.split, list(.string(delimiter), source))
    case .getAZs(let region): return call(.getAZs, region)
    case .if(let condition, let whenTrue, let whenFalse):
      return call(.if, list(.string(condition), whenTrue, whenFalse))
    case .equals(let left, let right): return call(.equals, list(left, right))
    case .and(let conditions): return call(.and, .list(conditions))
    case .or(let conditions): return call(.or, .list(conditions))
    case .not(let condition): return call(.not, list(condition))
    case .findInMap(let mapping, let topLevelKey, let secondLevelKey, let defaultValue):
      var items: [Expression] = [.string(mapping), topLevelKey, secondLevelKey]
      if let defaultValue { items.append(.object([.init(Self.defaultValueKey, defaultValue)], ordering: .asWritten)) }
      return call(.findInMap, .list(items))
    case .importValue(let name): return call(.importValue, name)
    case .base64(let value): return call(.base64, value)
    case .cidr(let block, let count, let bits): return call(.cidr, list(block, count, bits))
    case .length(let items): return call(.length, items)
    case .toJsonString(let value): return call(.toJsonString, value)
    case .transform(let name, let parameters):
      var entries: [ObjectEntry] = [.init(Self.transformNameKey, .string(name))]
      if !parameters.isEmpty {
        entries.append(.init(Self.transformParametersKey, .object(parameters, ordering: .asWritten)))
      }
      return call(.transform, .object(entries, ordering: .asWritten))
    case .contains(let items, let value): return call(.contains, list(items, value))
    case .eachMemberEquals(let items, let value): return call(.eachMemberEquals, list(items, value))
    case .eachMemberIn(let items, let allowed): return call(.eachMemberIn, list(items, allowed))
    case .refAll(let type): return call(.refAll, .string(type))
    case .valueOf(let parameter, let attribute): return call(.valueOf, list(.string(parameter), .string(attribute)))
    case .valueOfAll(let type, let attribute): return call(.valueOfAll, list(.string(type), .string(attribute)))
    }
  }

  /// The expression for `call`, or `nil` when its argument does not have the
  /// function's shape (a wrong arity, a computed value where literal text is required).
  /// `Fn::GetAtt` also takes the dotted text `"Resource.Attribute"`, split at the first dot.
  public init?(_ call: FunctionCall) {
    let argument = call.argument
    let items = argument.listItems
    func text(_ index: Int) -> String? {
      guard let items, index < items.count else { return nil }
      return items[index].stringValue
    }
    func arity(_ count: Int) -> Bool { items?.count == count }
    switch call.function {
    case .ref:
      if let name = argument.stringValue {
        self = .ref(name)
      } else {
        guard argument.functionCall != nil else { return nil }
        self = .computedRef(argument)
      }
    case .condition:
      guard let name = argument.stringValue else { return nil }
      self = .condition(name)
    case .getAtt:
      if let dotted = argument.stringValue {
        guard let (resource, attribute) = Self.splitAtFirstDot(dotted) else { return nil }
        self = .getAtt(resource: resource, attribute: attribute)
      } else {
        guard arity(2) else { return nil }
        if let resource = text(0), let attribute = text(1) {
          self = .getAtt(resource: resource, attribute: attribute)
        } else {
          // A part that is neither text nor a function has no meaning as a name.
          guard items!.allSatisfy({ $0.stringValue != nil || $0.functionCall != nil }) else { return nil }
          self = .computedGetAtt(resource: items![0], attribute: items![1])
        }
      }
    case .sub:
      if let text = argument.stringValue {
        self = .sub(text, variables: [])
      } else {
        guard arity(2), let text = text(0), let variables = items![1].objectEntries else { return nil }
        self = .sub(text, variables: variables)
      }
    case .join:
      guard arity(2), let delimiter = text(0) else { return nil }
      self = .join(delimiter: delimiter, items![1])
    case .select:
      guard arity(2) else { return nil }
      self = .select(index: items![0], items![1])
    case .split:
      guard arity(2), let delimiter = text(0) else { return nil }
      self = .split(delimiter: delimiter, items![1])
    case .getAZs: self = .getAZs(argument)
    case .if:
      guard arity(3), let condition = text(0) else { return nil }
      self = .if(condition: condition, items![1], items![2])
    case .equals:
      guard arity(2) else { return nil }
      self = .equals(items![0], items![1])
    case .and:
      guard let items, (2...10).contains(items.count) else { return nil }
      self = .and(items)
    case .or:
      guard let items, (2...10).contains(items.count) else { return nil }
      self = .or(items)
    case .not:
      guard arity(1) else { return nil }
      self = .not(items![0])
    case .findInMap:
      guard let items, items.count == 3 || items.count == 4, let mapping = text(0) else { return nil }
      var defaultValue: Expression?
      if items.count == 4 {
        guard let entries = items[3].objectEntries, entries.count == 1, entries[0].key == Self.defaultValueKey else {
          return nil
        }
        defaultValue = entries[0].value
      }
      self = .findInMap(mapping: mapping, items[1], items[2], defaultValue: defaultValue)
    case .importValue: self = .importValue(argument)
    case .base64: self = .base64(argument)
    case .cidr:
      guard arity(3) else { return nil }
      self = .cidr(items![0], count: items![1], cidrBits: items![2])
    case .length: self = .length(argument)
    case .toJsonString: self = .toJsonString(argument)
    case .transform:
      guard let entries = argument.objectEntries, let name = argument[Self.transformNameKey]?.stringValue,
        entries.allSatisfy({ $0.key == Self.transformNameKey || $0.key == Self.transformParametersKey }),
        entries.count == Set(entries.map(\.key)).count
      else { return nil }
      var parameters: [ObjectEntry] = []
      if let value = argument[Self.transformParametersKey] {
        guard let entries = value.objectEntries else { return nil }
        parameters = entries
      }
      self = .transform(name: name, parameters: parameters)
    case .contains:
      guard arity(2) else { return nil }
      self = .contains(items![0], items![1])
    case .eachMemberEquals:
      guard arity(2) else { return nil }
      self = .eachMemberEquals(items![0], items![1])
    case .eachMemberIn:
      guard arity(2) else { return nil }
      self = .eachMemberIn(items![0], items![1])
    case .refAll:
      guard let type = argument.stringValue else { return nil }
      self = .refAll(type)
    case .valueOf:
      guard arity(2), let parameter = text(0), let attribute = text(1) else { return nil }
      self = .valueOf(parameter: parameter, attribute: attribute)
    case .valueOfAll:
      guard arity(2), let type = text(0), let attribute = text(1) else { return nil }
      self = .valueOfAll(parameterType: type, attribute: attribute)
    }
  }

  /// The value of a `Fn::ForEach::…` key for a loop, or `nil` when it is not
  /// `[identifier, collection, {outputs}]`.
  public init?(forEachArgument argument: Expression) {
    guard let items = argument.listItems, items.count == 3, let identifier = items[0].stringValue,
      let outputs = items[2].objectEntries
    else { return nil }
    self = .forEach(identifier: identifier, collection: items[1], outputs: outputs)
  }

  /// `[identifier, collection, {outputs}]`, when this is a loop.
  public var forEachArgument: Expression? {
    guard case .forEach(let identifier, let collection, let outputs) = self else { return nil }
    return .list([.string(identifier), collection, .object(outputs, ordering: .asWritten)])
  }

  /// `Resource.Attribute` split at its first `.` (by bytes: a combining mark after
  /// the dot stays with the attribute).
  public static func splitAtFirstDot(_ text: String) -> (String, String)? {
    let bytes = Array(text.utf8)
    guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return nil }
    return (
      String(decoding: bytes[..<dot], as: UTF8.self), String(decoding: bytes[(dot + 1)...], as: UTF8.self)
    )
  }

  /// The key of `Fn::FindInMap`'s fourth argument.
  static let defaultValueKey = "DefaultValue"
  /// The keys of `Fn::Transform`'s argument.
  static let transformNameKey = "Name"
  static let transformParametersKey = "Parameters"
}
