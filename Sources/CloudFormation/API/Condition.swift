/// A named condition of the template's `Conditions` section, usable in `.if`,
/// in a resource's or output's `Condition`, and inside other conditions.
///
/// ```swift
/// let isBlue = Condition("BlueIsActive", .equals(activeColor.ref, "blue"))
/// let isGreen = Condition("GreenIsActive", .not(.condition(isBlue)))
/// ```
public struct Condition: Hashable, Sendable {
  public let logicalID: String
  public var expression: ConditionExpression
  /// Where the condition is declared in Swift (the call's `#fileID` and `#line` by default).
  public var declaration: SourceLocation

  public init(_ logicalID: String, _ expression: ConditionExpression, fileID: String = #fileID, line: Int = #line) {
    self.logicalID = logicalID
    self.expression = expression
    declaration = SourceLocation(fileID: fileID, line: line)
  }
}

/// A condition function: `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`, `Condition`.
public struct ConditionExpression: Hashable, Sendable {
  public var expression: Expression

  public init(_ expression: Expression) {
    self.expression = expression
  }

  /// `!Equals [a, b]`.
  public static func equals<Kind>(_ left: Value<Kind>, _ right: Value<Kind>) -> ConditionExpression {
    ConditionExpression(.equals(left.expression, right.expression))
  }

  /// `!And [conditions]` (2 to 10 conditions).
  public static func and(_ conditions: [ConditionExpression]) -> ConditionExpression {
    ConditionExpression(.and(conditions.map { $0.expression }))
  }

  /// `!Or [conditions]` (2 to 10 conditions).
  public static func or(_ conditions: [ConditionExpression]) -> ConditionExpression {
    ConditionExpression(.or(conditions.map { $0.expression }))
  }

  /// `!Not [condition]`.
  public static func not(_ condition: ConditionExpression) -> ConditionExpression {
    ConditionExpression(.not(condition.expression))
  }

  /// `!Condition Name`: another named condition.
  public static func condition(_ condition: Condition) -> ConditionExpression {
    ConditionExpression(.condition(condition.logicalID))
  }
}
