import YAML

/// Reads a parsed YAML or JSON tree into an ``Expression``, intrinsic functions
/// in either form: `!GetAtt A.B`, `!GetAtt [A, B]`, `{"Fn::GetAtt": ["A", "B"]}`
/// and `{"Fn::GetAtt": "A.B"}` are all `.getAtt(resource: "A", attribute: "B")`.
///
/// A tag is read as awscli and cfn-lint read it, as the long form it stands for
/// (`!Name value` is `{"Fn::Name": value}`, `!Ref` and `!Condition` keep their
/// name). What is not a function this layer knows, or does not have its
/// function's shape (an unknown `Fn::` name, a wrong arity, a computed value
/// where CloudFormation wants literal text), is kept as the one-key object it is
/// in long form, so that it is still compared as written, and a ``SyntaxNote``
/// says so. `{"Condition": "Name"}` is the condition function only where a
/// condition is expected (a `Conditions` entry, a rule's assertion, an argument
/// of `!And`, `!Or`, `!Not`); elsewhere it is an ordinary object.
///
/// ```swift
/// var reader = ExpressionReader()
/// let value = reader.read(try YAMLParser().parse("!Base64 {Fn::Sub: 'echo ${AWS::Region}'}"))
/// // .base64(.sub("echo ${AWS::Region}", variables: []))
/// ```
public struct ExpressionReader: Sendable {
  /// What was read structurally, in reading order.
  public private(set) var notes: [SyntaxNote] = []

  public init() {}

  /// Reads `node`, found at `path` (used in notes). `isCondition` when a
  /// condition is expected there.
  public mutating func read(_ node: YAMLNode, at path: ExpressionPath = .root, isCondition: Bool = false)
    -> Expression
  {
    if let tag = node.tag {
      let bare = node.withTag(nil)
      guard let longName = IntrinsicFunction.longName(ofTag: tag) else {
        notes.append(
          SyntaxNote(
            path: path,
            message: "the YAML tag \(tag) is not CloudFormation's; read as {\(tag): …} and compared as written"
          ))
        return .object([.init(tag, read(bare, at: path))], ordering: .asWritten)
      }
      return readCall(longName, argument: bare, at: path, isCondition: isCondition)
    }
    switch node {
    case .scalar(let scalar):
      return .scalar(scalar)
    case .sequence(let sequence):
      return .list(sequence.items.enumerated().map { read($1, at: path.appending(.index($0))) })
    case .mapping(let mapping):
      if mapping.entries.count == 1, case .scalar(let key) = mapping.entries[0].key, key.tag == nil,
        case .string(let name) = key.value,
        IntrinsicFunction(longName: name).map({ $0 != .condition || isCondition }) ?? false
          || IntrinsicFunction.isUnknownFunctionName(name)
      {
        return readCall(name, argument: mapping.entries[0].value, at: path, isCondition: isCondition)
      }
      return .object(readEntries(mapping, at: path, valuesAreConditions: false), ordering: .asWritten)
    }
  }

  /// The entries of a mapping: values read at `path.key`, a `Fn::ForEach::…`
  /// key's value as a loop, comments kept. `valuesAreConditions` for the
  /// `Conditions` section and a condition loop's outputs.
  public mutating func readEntries(_ mapping: YAMLMapping, at path: ExpressionPath, valuesAreConditions: Bool)
    -> [Expression.ObjectEntry]
  {
    mapping.entries.map { entry in
      let key = keyText(entry.key, at: path)
      let valuePath = path.appending(key: key)
      let value: Expression
      if IntrinsicFunction.isForEachKey(key) {
        value = readForEach(entry.value, at: valuePath, outputsAreConditions: valuesAreConditions)
      } else {
        value = read(entry.value, at: valuePath, isCondition: valuesAreConditions)
      }
      return Expression.ObjectEntry(key, value, comment: entry.comment)
    }
  }

  // MARK: - Functions

  private mutating func readCall(_ longName: String, argument: YAMLNode, at path: ExpressionPath, isCondition: Bool)
    -> Expression
  {
    guard let function = IntrinsicFunction(longName: longName) else {
      notes.append(
        SyntaxNote(
          path: path, message: "\(longName) is not a function CloudFormation knows; compared as written"))
      return .object([.init(longName, read(argument, at: path))], ordering: .asWritten)
    }
    if function == .condition && !isCondition {
      // `Condition` names a condition only where one is expected; elsewhere it is a key like any other.
      return .object([.init(longName, read(argument, at: path))], ordering: .asWritten)
    }
    let value: Expression
    if function.takesConditions, case .sequence(let sequence) = argument, sequence.tag == nil {
      value = .list(sequence.items.map { read($0, at: path, isCondition: true) })
    } else {
      value = read(argument, at: path)
    }
    if let expression = Expression(FunctionCall(function, argument: value)) { return expression }
    notes.append(
      SyntaxNote(
        path: path,
        message: "\(longName) takes \(FunctionCall(function, argument: value).expectedShape); compared as written"))
    return .object([.init(longName, value)], ordering: .asWritten)
  }

  private mutating func readForEach(_ node: YAMLNode, at path: ExpressionPath, outputsAreConditions: Bool)
    -> Expression
  {
    guard case .sequence(let sequence) = node, sequence.tag == nil, sequence.items.count == 3,
      case .mapping(let outputs) = sequence.items[2], outputs.tag == nil
    else {
      let value = read(node, at: path)
      notes.append(
        SyntaxNote(
          path: path, message: "Fn::ForEach takes [identifier, collection, {outputs}]; compared as written"))
      return value
    }
    let identifier = read(sequence.items[0], at: path.appending(.index(0)))
    let collection = read(sequence.items[1], at: path.appending(.index(1)))
    let entries = readEntries(
      outputs, at: path.appending(.index(2)), valuesAreConditions: outputsAreConditions)
    let argument = Expression.list([identifier, collection, .object(entries, ordering: .asWritten)])
    guard let loop = Expression(forEachArgument: argument) else {
      notes.append(
        SyntaxNote(
          path: path, message: "Fn::ForEach takes [identifier, collection, {outputs}]; compared as written"))
      return argument
    }
    return loop
  }

  /// A key's text: a scalar's as written; any other key (YAML allows a list or
  /// an object as a key, JSON does not) as its flow text, with a note.
  private mutating func keyText(_ key: YAMLNode, at path: ExpressionPath) -> String {
    if case .scalar(let scalar) = key, scalar.tag == nil { return scalar.text }
    let text = (try? YAMLEmitter().string(from: key))?.trimmingTrailingLineBreaks() ?? "\(key)"
    notes.append(SyntaxNote(path: path, message: "the key \(text) is not text; compared as written"))
    return text
  }
}

extension String {
  fileprivate func trimmingTrailingLineBreaks() -> String {
    var text = self
    while text.utf8.last == UInt8(ascii: "\n") { text.removeLast() }
    return text
  }
}
