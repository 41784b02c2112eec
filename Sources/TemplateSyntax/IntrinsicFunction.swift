/// CloudFormation's intrinsic, condition and rule functions: each name in its
/// long form (`Fn::Join`, the key of a one-key object) and its short form (the
/// YAML tag `!Join`). This is the only place that spells them.
public enum IntrinsicFunction: String, CaseIterable, Hashable, Sendable {
  case ref = "Ref"
  case getAtt = "Fn::GetAtt"
  case sub = "Fn::Sub"
  case join = "Fn::Join"
  case select = "Fn::Select"
  case split = "Fn::Split"
  case getAZs = "Fn::GetAZs"
  case `if` = "Fn::If"
  case equals = "Fn::Equals"
  case and = "Fn::And"
  case or = "Fn::Or"
  case not = "Fn::Not"
  case condition = "Condition"
  case findInMap = "Fn::FindInMap"
  case importValue = "Fn::ImportValue"
  case base64 = "Fn::Base64"
  case cidr = "Fn::Cidr"
  case length = "Fn::Length"
  case toJsonString = "Fn::ToJsonString"
  case transform = "Fn::Transform"
  case contains = "Fn::Contains"
  case eachMemberEquals = "Fn::EachMemberEquals"
  case eachMemberIn = "Fn::EachMemberIn"
  case refAll = "Fn::RefAll"
  case valueOf = "Fn::ValueOf"
  case valueOfAll = "Fn::ValueOfAll"

  /// The key of the long form: `Ref`, `Condition`, `Fn::Join`.
  public var longName: String { rawValue }

  /// The YAML tag of the short form: `!Ref`, `!Condition`, `!Join`.
  public var tag: String {
    guard rawValue.utf8.starts(with: Self.functionPrefix.utf8) else { return "!" + rawValue }
    return "!" + String(decoding: rawValue.utf8.dropFirst(Self.functionPrefix.utf8.count), as: UTF8.self)
  }

  /// The function a long-form key names, if any.
  public init?(longName: String) {
    self.init(rawValue: longName)
  }

  /// The long-form key a YAML tag stands for, as awscli and cfn-lint read it:
  /// `!Ref` and `!Condition` keep their name, any other `!Name` is `Fn::Name`,
  /// whether or not CloudFormation knows the function. `nil` for a tag that is
  /// not a local `!` tag.
  public static func longName(ofTag tag: String) -> String? {
    guard tag.utf8.count > 1, tag.utf8.first == UInt8(ascii: "!"), tag.utf8.dropFirst().first != UInt8(ascii: "!")
    else { return nil }
    let name = String(decoding: tag.utf8.dropFirst(), as: UTF8.self)
    return name == ref.rawValue || name == condition.rawValue ? name : functionPrefix + name
  }

  /// The prefix of every function name but `Ref` and `Condition`.
  public static let functionPrefix = "Fn::"

  /// The prefix of an `AWS::LanguageExtensions` loop's key: `Fn::ForEach::Topics`.
  public static let forEachPrefix = "Fn::ForEach::"

  /// Whether `key` names a `Fn::ForEach` loop.
  public static func isForEachKey(_ key: String) -> Bool {
    key.utf8.count > forEachPrefix.utf8.count && key.utf8.starts(with: forEachPrefix.utf8)
  }

  /// Whether a `Fn::ForEach` loop's output key (`Topic${Name}`) could make the
  /// entry `name`: each `${…}` and `&{…}` of the key standing for any text.
  public static func loopOutputKey(_ key: String, couldMake name: String) -> Bool {
    var pieces: [Substring] = []
    var rest = Substring(key)
    while let start = rest.firstIndex(where: { $0 == "$" || $0 == "&" }),
      rest[rest.index(after: start)...].first == "{", let close = rest[start...].firstIndex(of: "}")
    {
      pieces.append(rest[..<start])
      rest = rest[rest.index(after: close)...]
    }
    pieces.append(rest)
    guard pieces.count > 1 else { return key == name }
    var remaining = Substring(name)
    guard remaining.hasPrefix(pieces[0]) else { return false }
    remaining = remaining.dropFirst(pieces[0].count)
    for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
      guard let range = remaining.firstRange(of: piece) else { return false }
      remaining = remaining[range.upperBound...]
    }
    return remaining.hasSuffix(pieces[pieces.count - 1])
  }

  /// Whether `key` looks like a function name (`Ref`, `Condition` or `Fn::…`)
  /// although it is not one this layer knows, nor a loop.
  public static func isUnknownFunctionName(_ key: String) -> Bool {
    key.utf8.starts(with: functionPrefix.utf8) && IntrinsicFunction(longName: key) == nil && !isForEachKey(key)
  }

  /// Functions whose arguments are conditions (`!Condition` and condition functions).
  public var takesConditions: Bool {
    switch self {
    case .and, .or, .not: true
    default: false
    }
  }
}
