import TemplateSyntax

/// One test of a ``PolicyStatement``'s `Condition`: an operator, a condition
/// key and the values it is tested against (any of them matches).
///
/// ```swift
/// .stringEquals("aws:SourceAccount", AWS.accountID)   // Condition: {StringEquals: {aws:SourceAccount: !Ref AWS::AccountId}}
/// .bool("aws:SecureTransport", false)
/// PolicyCondition("ArnLike", "aws:SourceArn", ["\(topic.ref)*"])
/// ```
public struct PolicyCondition: Sendable {
  /// `StringEquals`, `ArnLike`, `Bool`, `IpAddress`, … (with `IfExists` or a
  /// `ForAnyValue:` prefix where wanted).
  public var operation: String
  /// `aws:SourceAccount`, `s3:prefix`, …
  public var key: String
  public var values: [JSONValue]

  public init(_ operation: String, _ key: String, _ values: [JSONValue]) {
    self.operation = operation
    self.key = key
    self.values = values
  }

  /// `StringEquals`.
  public static func stringEquals(_ key: String, _ value: JSONValue, _ more: JSONValue...) -> PolicyCondition {
    PolicyCondition("StringEquals", key, [value] + more)
  }

  /// `StringNotEquals`.
  public static func stringNotEquals(_ key: String, _ value: JSONValue, _ more: JSONValue...) -> PolicyCondition {
    PolicyCondition("StringNotEquals", key, [value] + more)
  }

  /// `StringLike`.
  public static func stringLike(_ key: String, _ value: JSONValue, _ more: JSONValue...) -> PolicyCondition {
    PolicyCondition("StringLike", key, [value] + more)
  }

  /// `ArnLike`.
  public static func arnLike(_ key: String, _ value: JSONValue, _ more: JSONValue...) -> PolicyCondition {
    PolicyCondition("ArnLike", key, [value] + more)
  }

  /// `Bool`.
  public static func bool(_ key: String, _ value: Bool) -> PolicyCondition {
    PolicyCondition("Bool", key, [JSONValue(.scalar(.boolean(value)))])
  }

  /// `{Operator: {key: value or [values]}}`, operators and their keys in the order
  /// first given; values given twice for one operator and key are one list.
  static func block(_ conditions: [PolicyCondition]) -> Expression {
    var operations: [(name: String, keys: [(key: String, values: [Expression])])] = []
    for condition in conditions {
      let values = condition.values.map(\.expression)
      guard let index = operations.firstIndex(where: { $0.name == condition.operation }) else {
        operations.append((condition.operation, [(condition.key, values)]))
        continue
      }
      if let keyIndex = operations[index].keys.firstIndex(where: { $0.key == condition.key }) {
        operations[index].keys[keyIndex].values += values
      } else {
        operations[index].keys.append((condition.key, values))
      }
    }
    return .object(
      operations.map { operation in
        Expression.ObjectEntry(
          operation.name,
          .object(
            operation.keys.map { Expression.ObjectEntry($0.key, PolicyStatement.oneOrList($0.values)) },
            ordering: .asWritten))
      }, ordering: .asWritten)
  }
}
