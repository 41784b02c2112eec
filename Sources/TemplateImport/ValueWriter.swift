import ResourceNames
import TemplateSyntax
import YAML

/// Writes a template value as Swift for the place it goes: a `Value<Kind>`
/// argument of a generated initializer, a ``JSONValue`` inside a free-form
/// document, or a condition. References become the Swift values they name
/// (`vpc.ref`, `alb.dnsName`, `AWS.region`), `!Sub` text becomes string
/// interpolation where it can, and a value whose shape the Swift kind cannot
/// hold goes through a cast, so the stack renders what the template said.
struct ValueWriter {
  var names: ImportNames
  var table: ResourceNameTable
  /// The logical ID of the entry being written, whose large nested values are
  /// split out as named values (`nil`: none are).
  var owner: String?
  /// The values split out of the entry being written, parts before wholes.
  var splitValues: [SplitValue] = []

  /// A nested value written as a static value of its own, so that no single
  /// expression is slow to type-check.
  struct SplitValue {
    var name: String
    var type: String
    var code: String
  }

  /// Whether the value being written is inside a `Fn::ForEach` loop's outputs,
  /// where names may be the loop's own (`${Name}Queue`) and are kept as written.
  var insideLoop = false

  /// The paths of the values to split out of the entry being written (see ``SplitPlanner``).
  var splitPaths: Set<ExpressionPath> = []

  // MARK: - Typed values

  /// `expression` as a `Value<kind>`, the type the context expects.
  mutating func value(_ expression: Expression, as kind: KindName, at path: ExpressionPath) throws -> String {
    split(expression, code: try valueCode(expression, as: kind, at: path), type: "Value<\(kind.swiftType)>", at: path)
  }

  private mutating func valueCode(_ expression: Expression, as kind: KindName, at path: ExpressionPath) throws
    -> String
  {
    switch expression {
    case .scalar(let scalar):
      return scalarValue(scalar, as: kind)
    case .list(let items):
      switch kind {
      case .list(let element):
        return try "["
          + items.enumerated().map { try value($1, as: element, at: path.appending(.index($0))) }
          .joined(separator: ", ") + "]"
      case .json:
        return try "["
          + items.enumerated().map { try value($1, as: .json, at: path.appending(.index($0))) }
          .joined(separator: ", ") + "]"
      default:
        return try castFromJSON(expression, as: kind, at: path)
      }
    case .object(let entries, _):
      return try objectValue(entries, as: kind, at: path)
    case .ref(let name):
      if name == Pseudo.noValue.rawValue { return ".noValue" }
      let (code, natural) = try reference(name, at: path)
      return convert(code, from: natural, to: kind)
    case .getAtt(let resource, let attribute):
      let (code, natural) = try attributeReference(resource, attribute, at: path)
      return convert(code, from: natural, to: kind)
    case .sub(let text, let variables):
      if kind == .string || kind == .json, variables.isEmpty, let interpolation = try interpolation(text, at: path) {
        return interpolation
      }
      return convert(try sub(text, variables, at: path), from: .string, to: kind)
    case .join(let delimiter, let list):
      return convert(
        ".join(\(SwiftSource.literal(delimiter)), \(try value(list, as: .list(.string), at: path.appending(.index(1)))))",
        from: .string, to: kind)
    case .select(let index, let list):
      return ".select(\(try value(index, as: .number, at: path.appending(.index(0)))), "
        + "\(try value(list, as: .list(kind), at: path.appending(.index(1)))))"
    case .split(let delimiter, let source):
      return convert(
        ".split(\(SwiftSource.literal(delimiter)), \(try value(source, as: .string, at: path.appending(.index(1)))))",
        from: .list(.string), to: kind)
    case .getAZs(let region):
      let argument = region == .string("") ? "" : try value(region, as: .string, at: path)
      return convert(".getAZs(\(argument))", from: .list(.string), to: kind)
    case .cidr(let block, let count, let bits):
      let code =
        ".cidr(\(try value(block, as: .string, at: path.appending(.index(0)))), "
        + "count: \(try value(count, as: .number, at: path.appending(.index(1)))), "
        + "cidrBits: \(try value(bits, as: .number, at: path.appending(.index(2)))))"
      return convert(code, from: .list(.string), to: kind)
    case .base64(let argument):
      return convert(
        ".base64(\(try value(argument, as: .string, at: path)))", from: .string, to: kind)
    case .toJsonString(let argument):
      return convert(
        ".toJsonString(\(try value(argument, as: .json, at: path)))", from: .string, to: kind)
    case .length(let list):
      return convert(
        ".length(\(try typed(list, as: .list(.json), at: path)))", from: .number, to: kind)
    case .if(let condition, _, _)
    where names.conditions[condition] == nil && (insideLoop || names.loopCouldMake(condition)):
      return ".init(\(try ExpressionSource.write(expression, at: path)))"
    case .if(let condition, let whenTrue, let whenFalse):
      return ".if(\(try conditionName(condition, at: path)), "
        + "\(try value(whenTrue, as: kind, at: path.appending(.index(1)))), "
        + "\(try value(whenFalse, as: kind, at: path.appending(.index(2)))))"
    case .findInMap(let mapping, let top, let second, nil):
      return ".findInMap(\(try mappingName(mapping, at: path)), "
        + "\(try value(top, as: .string, at: path.appending(.index(1)))), "
        + "\(try value(second, as: .string, at: path.appending(.index(2)))))"
    case .importValue(let name):
      return ".importValue(\(try value(name, as: .string, at: path)))"
    default:
      return ".init(\(try ExpressionSource.write(expression, at: path)))"
    }
  }

  /// `expression` as a value whose Swift type the code states
  /// (`Value<String>.join(…)`), for a context that does not.
  mutating func typed(_ expression: Expression, as kind: KindName, at path: ExpressionPath) throws -> String {
    let code = try value(expression, as: kind, at: path)
    if code.hasPrefix(".init(") { return "Value<\(kind.swiftType)>(" + code.dropFirst(".init(".count) }
    if code.hasPrefix(".") { return "Value<\(kind.swiftType)>\(code)" }
    if Self.isReference(code) || Self.isAttributeByName(code) { return code }
    return "(\(code) as Value<\(kind.swiftType)>)"
  }

  /// Whether `code` is `resource.getAtt("Name")`, a `Value<String>` wherever a
  /// `JSONValue` cannot stand.
  static func isAttributeByName(_ code: String) -> Bool {
    guard let open = code.firstIndex(of: "("), code.hasSuffix("\")"), !code.dropFirst().contains("\\") else {
      return false
    }
    let head = code[..<open]
    let argument = code[code.index(after: open)..<code.index(before: code.endIndex)]
    return isReference(String(head)) && head.hasSuffix(".getAtt") && argument.first == "\""
      && argument.last == "\"" && argument.dropFirst().dropLast().allSatisfy { $0 != "\"" }
  }

  /// Whether `code` is a member of a named value (`vpc.ref`, `alb.dnsName`,
  /// `AWS.region`), whose type is known without context.
  static func isReference(_ code: String) -> Bool {
    let parts = code.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 2 && parts[0].first.map { $0.isLetter || $0 == "_" } == true
      && parts.allSatisfy { part in
        !part.isEmpty && part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "`" }
      }
  }

  private mutating func scalarValue(_ scalar: YAMLScalar, as kind: KindName) -> String {
    switch (scalar.value, kind) {
    case (.null, .json):
      return ".null"
    case (.null, _):
      return ".init(Expression.null)"
    case (.string(let text), .string), (.string(let text), .json):
      return SwiftSource.literal(text)
    case (.string(let text), .number):
      if let number = Self.numberLiteral(text) { return number }
      return "Value<String>(\(SwiftSource.literal(text))).cast(to: Number.self)"
    case (.string(let text), .boolean):
      if text == "true" || text == "false" { return text }
      return "Value<String>(\(SwiftSource.literal(text))).cast(to: Bool.self)"
    case (.string(let text), .named(let name)):
      return enumerationValue(text, kind: name)
    case (.integer(let number), .number), (.integer(let number), .json):
      return String(number)
    case (.float(let number), .number), (.float(let number), .json):
      return Self.floatLiteral(number) ?? ".init(\(ExpressionSource.scalar(scalar)))"
    case (.boolean(let flag), .boolean), (.boolean(let flag), .json):
      return flag ? "true" : "false"
    case (_, .string):
      return SwiftSource.literal(scalar.text)
    case (_, .named(let name)):
      return enumerationValue(scalar.text, kind: name)
    default:
      return ".init(\(ExpressionSource.scalar(scalar)))"
    }
  }

  /// `.internetFacing` for `internet-facing`, or `.unlisted("…")` for a value
  /// the schema does not list; a plain string cast for a kind that is no enumeration.
  private mutating func enumerationValue(_ text: String, kind: String) -> String {
    switch table.kind(kind) {
    case .enumeration(let cases)?:
      if let match = cases.first(where: { $0.rawValue.utf8.elementsEqual(text.utf8) }) {
        return "." + SwiftSource.member(match.swiftName)
      }
      return ".unlisted(\(SwiftSource.literal(text)))"
    default:
      return "Value<String>(\(SwiftSource.literal(text))).cast(to: \(kind).self)"
    }
  }

  /// The Swift literal of a number given as text, when it reads back as the same text.
  static func numberLiteral(_ text: String) -> String? {
    if let integer = Int(text), String(integer) == text { return text }
    if let double = Double(text), let literal = floatLiteral(double), YAMLScalar.float(double).text == text {
      return literal
    }
    return nil
  }

  /// A Swift float literal, or `nil` for infinities and NaN.
  static func floatLiteral(_ number: Double) -> String? {
    guard number.isFinite else { return nil }
    return YAMLScalar.float(number).text
  }

  private mutating func objectValue(_ entries: [Expression.ObjectEntry], as kind: KindName, at path: ExpressionPath)
    throws -> String
  {
    switch kind {
    case .json:
      return try ".map(" + jsonObject(entries, at: path) + ")"
    case .map(let valueKind):
      if entries.isEmpty { return ".map([:])" }
      return try ".map(["
        + entries.map {
          "\(SwiftSource.literal($0.key)): \(try value($0.value, as: valueKind, at: path.appending(key: $0.key)))"
        }
        .joined(separator: ", ") + "])"
    case .named(let name):
      guard case .object(let properties)? = table.kind(name),
        let arguments = try arguments(entries, properties: properties, at: path)
      else { return try castFromJSON(.object(entries, ordering: .asWritten), as: kind, at: path) }
      return ".init(" + arguments.joined(separator: ", ") + ")"
    default:
      return try castFromJSON(.object(entries, ordering: .asWritten), as: kind, at: path)
    }
  }

  /// The labelled arguments of an initializer taking `properties`, in its
  /// order; `nil` when the object has a key it does not take or lacks one it requires.
  mutating func arguments(
    _ entries: [Expression.ObjectEntry], properties: [PropertyNames], at path: ExpressionPath
  ) throws -> [String]? {
    guard entries.allSatisfy({ entry in properties.contains { $0.awsName.utf8.elementsEqual(entry.key.utf8) } })
    else { return nil }
    var arguments: [String] = []
    for property in properties {
      guard let entry = entries.first(where: { $0.key.utf8.elementsEqual(property.awsName.utf8) }) else {
        if property.isRequired { return nil }
        continue
      }
      let code = try value(entry.value, as: property.kind, at: path.appending(key: entry.key))
      arguments.append("\(SwiftSource.label(property.swiftName)): \(code)")
    }
    return arguments
  }

  /// A value of a shape the kind cannot hold, written as free-form JSON and cast:
  /// CloudFormation, not Swift, decides whether it fits.
  private mutating func castFromJSON(_ expression: Expression, as kind: KindName, at path: ExpressionPath) throws
    -> String
  {
    "\(try typed(expression, as: .json, at: path)).cast(to: \(kind.swiftType).self)"
  }

  /// `code`, whose natural kind is `natural`, where `kind` is expected.
  private mutating func convert(_ code: String, from natural: KindName, to kind: KindName) -> String {
    if natural == kind { return code }
    switch (natural, kind) {
    case (_, .json):
      // A static member's type stated: `.init(.join(…))` would weigh every initializer of `Value`.
      return ".init(\(code.hasPrefix(".") ? "Value<\(natural.swiftType)>\(code)" : code))"
    case (.string, .named(let name)):
      if case .enumeration? = table.kind(name) {
        return ".init(\(code.hasPrefix(".") ? "Value<String>\(code)" : code))"
      }
      return "\(explicit(code, natural)).cast(to: \(kind.swiftType).self)"
    default:
      return "\(explicit(code, natural)).cast(to: \(kind.swiftType).self)"
    }
  }

  /// `Value<String>.join(…)` for `.join(…)`: a static member needs its type
  /// stated before a cast.
  private func explicit(_ code: String, _ kind: KindName) -> String {
    if code.hasPrefix(".") { return "Value<\(kind.swiftType)>\(code)" }
    // A reference may name a typed value and a JSONValue overload: say which.
    if Self.isReference(code) || code.hasSuffix(")") && !code.hasPrefix("(") {
      return "(\(code) as Value<\(kind.swiftType)>)"
    }
    return code
  }

  // MARK: - Splitting

  /// `code`, or the name of the static value it becomes when the plan splits
  /// it out (``splitPaths``).
  private mutating func split(_ expression: Expression, code: String, type: String, at path: ExpressionPath)
    -> String
  {
    guard let owner, splitPaths.contains(path) else { return code }
    let name = names.identifier(for: owner + Self.nameSuffix(path), suffix: "Value")
    splitValues.append(SplitValue(name: name, type: type, code: code))
    return name
  }

  /// `Statement1` for `….PolicyDocument.Statement[1]`: the last key of the
  /// path, and the position after it.
  static func nameSuffix(_ path: ExpressionPath) -> String {
    var index: Int?
    for component in path.components.reversed() {
      switch component {
      case .index(let position): if index == nil { index = position }
      case .key(let key), .subVariable(let key):
        let word = key.filter { $0.isLetter || $0.isNumber }
        return word.prefix(1).uppercased() + word.dropFirst() + (index.map(String.init) ?? "")
      }
    }
    return "Part" + (index.map(String.init) ?? "")
  }

  // MARK: - References

  /// `vpc.ref`, `containerPort.ref`, `AWS.region`, and the kind of what they give.
  private func reference(_ name: String, at path: ExpressionPath) throws -> (String, KindName) {
    if let pseudo = Pseudo(rawValue: name) {
      switch pseudo {
      case .accountID: return ("AWS.accountID", .string)
      case .region: return ("AWS.region", .string)
      case .stackName: return ("AWS.stackName", .string)
      case .stackID: return ("AWS.stackID", .string)
      case .partition: return ("AWS.partition", .string)
      case .urlSuffix: return ("AWS.urlSuffix", .string)
      case .notificationARNs: return ("AWS.notificationARNs", .list(.string))
      case .noValue: return (".noValue", .string)
      }
    }
    if let parameter = names.parameters[name] { return ("\(parameter.identifier).ref", parameter.kind) }
    if let resource = names.resources[name] { return ("\(resource.identifier).ref", .string) }
    if insideLoop || names.loopCouldMake(name) {
      return ("Value<String>(Expression.ref(\(SwiftSource.literal(name))))", .string)
    }
    throw ImportError(
      "!Ref \(name) names no parameter, resource or pseudo parameter of the template; fix the name", at: path)
  }

  /// `alb.dnsName` (a generated attribute) or `bucket.getAtt("Name")`.
  private func attributeReference(_ resource: String, _ attribute: String, at path: ExpressionPath) throws -> (
    String, KindName
  ) {
    guard let names = names.resources[resource] else {
      if insideLoop || self.names.loopCouldMake(resource) {
        return (
          "Value<String>(Expression.getAtt(resource: \(SwiftSource.literal(resource)), attribute: \(SwiftSource.literal(attribute))))",
          .string
        )
      }
      throw ImportError("!GetAtt \(resource).\(attribute) names no resource of the template; fix the name", at: path)
    }
    if let generated = names.type?.attribute(attribute) {
      return ("\(names.identifier).\(SwiftSource.member(generated.swiftName))", generated.kind)
    }
    return ("\(names.identifier).getAtt(\(SwiftSource.literal(attribute)))", .string)
  }

  func conditionName(_ name: String, at path: ExpressionPath) throws -> String {
    guard let identifier = names.conditions[name] else {
      throw ImportError("the condition \(name) is not declared in Conditions; fix the name", at: path)
    }
    return identifier
  }

  private func mappingName(_ name: String, at path: ExpressionPath) throws -> String {
    guard let identifier = names.mappings[name] else {
      throw ImportError("the mapping \(name) is not declared in Mappings; fix the name", at: path)
    }
    return identifier
  }

  // MARK: - !Sub

  /// `"\(AWS.stackName)-vpc"` for `!Sub ${AWS::StackName}-vpc`, when every
  /// `${…}` names a text value and the text has both text and values (a lone
  /// value or text alone would render as something else than a `!Sub`).
  private func interpolation(_ text: String, at path: ExpressionPath) throws -> String? {
    let parsed = SubstitutionText(text)
    guard !parsed.hasUnclosedVariable, parsed.parts.count > 1,
      parsed.parts.contains(where: { if case .variable = $0 { true } else { false } })
    else { return nil }
    var values: [String: String] = [:]
    for case .variable(let name) in parsed.parts {
      guard let value = try interpolatedValue(name, at: path) else { return nil }
      values[name] = value
    }
    let multiLine =
      text.contains("\n") && !text.contains("\r") && !text.contains("\"\"\"")
      && !text.unicodeScalars.contains(where: SwiftSource.isInvisible) && !SwiftSource.hasTrailingWhitespace(text)
    var result = multiLine ? "\"\"\"\n" : "\""
    for part in parsed.parts {
      switch part {
      case .text(let literal): result += SwiftSource.escaped(literal, multiLine: multiLine)
      case .escaped(let literal): result += SwiftSource.escaped("${" + literal + "}", multiLine: multiLine)
      case .variable(let name): result += "\\(" + values[name, default: ""] + ")"
      }
    }
    return result + (multiLine ? "\n\"\"\"" : "\"")
  }

  /// The Swift value `${name}` stands for, when it is text or a number.
  private func interpolatedValue(_ name: String, at path: ExpressionPath) throws -> String? {
    if let dot = name.firstIndex(of: "."), !name.hasPrefix("AWS::") {
      let resource = String(name[..<dot])
      let attribute = String(name[name.index(after: dot)...])
      guard names.resources[resource] != nil else { return nil }
      let (code, kind) = try attributeReference(resource, attribute, at: path)
      return kind == .string || kind == .number ? code : nil
    }
    guard names.parameters[name] != nil || names.resources[name] != nil || Pseudo(rawValue: name) != nil,
      name != Pseudo.noValue.rawValue
    else { return nil }
    let (code, kind) = try reference(name, at: path)
    return kind == .string || kind == .number ? code : nil
  }

  /// `.sub("…")`, or `.sub("…", ["Name": value])` with a variable map.
  private mutating func sub(_ text: String, _ variables: [Expression.ObjectEntry], at path: ExpressionPath) throws
    -> String
  {
    if variables.isEmpty { return ".sub(\(SwiftSource.literal(text)))" }
    let map = try variables.map {
      "\(SwiftSource.literal($0.key)): \(try value($0.value, as: .string, at: path.appending(.subVariable($0.key))))"
    }
    return ".sub(\(SwiftSource.literal(text)), [\(map.joined(separator: ", "))])"
  }

  // MARK: - Free-form JSON

  /// `[key: value, …]` of ``JSONValue``s, keys in the order written.
  mutating func jsonObject(_ entries: [Expression.ObjectEntry], at path: ExpressionPath) throws -> String {
    if entries.isEmpty { return "[:]" }
    return try "["
      + entries.map { "\(SwiftSource.literal($0.key)): \(try json($0.value, at: path.appending(key: $0.key)))" }
      .joined(separator: ", ") + "]"
  }

  /// `expression` as a ``JSONValue``: an element of a free-form document.
  mutating func json(_ expression: Expression, at path: ExpressionPath) throws -> String {
    split(expression, code: try jsonCode(expression, at: path), type: "JSONValue", at: path)
  }

  private mutating func jsonCode(_ expression: Expression, at path: ExpressionPath) throws -> String {
    switch expression {
    case .scalar(let scalar):
      switch scalar.value {
      case .null: return ".null"
      case .string(let text): return SwiftSource.literal(text)
      case .integer(let number): return String(number)
      case .float(let number): return Self.floatLiteral(number) ?? "JSONValue(\(ExpressionSource.scalar(scalar)))"
      case .boolean(let flag): return flag ? "true" : "false"
      }
    case .list(let items):
      return try "["
        + items.enumerated().map { try json($1, at: path.appending(.index($0))) }
        .joined(separator: ", ") + "]"
    case .object(let entries, _):
      return try jsonObject(entries, at: path)
    case .ref(let name):
      if name == Pseudo.noValue.rawValue { return ".noValue" }
      if name == Pseudo.notificationARNs.rawValue { return "JSONValue(AWS.notificationARNs)" }
      let code = try reference(name, at: path).0
      return code.hasPrefix("Value<") ? "JSONValue(\(code))" : code
    case .getAtt(let resource, let attribute):
      let (code, _) = try attributeReference(resource, attribute, at: path)
      return code.hasPrefix("Value<") ? "JSONValue(\(code))" : code
    case .sub(let text, let variables):
      if variables.isEmpty {
        return try interpolation(text, at: path) ?? ".sub(\(SwiftSource.literal(text)))"
      }
      return "JSONValue(Value<String>\(try sub(text, variables, at: path)))"
    case .if(let condition, _, _)
    where names.conditions[condition] == nil && (insideLoop || names.loopCouldMake(condition)):
      return ".init(\(try ExpressionSource.write(expression, at: path)))"
    case .if(let condition, let whenTrue, let whenFalse):
      return ".if(\(try conditionName(condition, at: path)), "
        + "\(try json(whenTrue, at: path.appending(.index(1)))), \(try json(whenFalse, at: path.appending(.index(2)))))"
    default:
      return "JSONValue(\(try typed(expression, as: naturalKind(expression) ?? .json, at: path)))"
    }
  }

  /// The kind `expression` gives by itself, for a context that expects none in
  /// particular (an output's value, a function inside a free-form document);
  /// `nil` when the context decides: a null, or `!If`, `!Select`, `!FindInMap`
  /// and `!ImportValue`, which give whatever kind is expected.
  func naturalKind(_ expression: Expression) -> KindName? {
    switch expression {
    case .scalar(let scalar):
      switch scalar.value {
      case .integer, .float: .number
      case .boolean: .boolean
      case .string: .string
      case .null: nil
      }
    case .list, .object: .json
    case .ref(let name):
      names.parameters[name]?.kind ?? (Pseudo(rawValue: name) == .notificationARNs ? .list(.string) : .string)
    case .getAtt(let resource, let attribute): names.resources[resource]?.type?.attribute(attribute)?.kind ?? .string
    case .sub, .join, .base64, .toJsonString: .string
    case .split, .getAZs, .cidr: .list(.string)
    case .length: .number
    default: nil
    }
  }
}
