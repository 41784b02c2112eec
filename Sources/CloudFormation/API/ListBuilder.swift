/// Builds a list of values with `if`, `if let`, `if … else`, `switch` and `for … in`.
///
/// ```swift
/// let ingress: Value<[String]> = .list {
///   "10.0.0.0/16"
///   if allowOffice { "203.0.113.0/24" }
///   for block in extraBlocks { Value(block) }
/// }
/// ```
@resultBuilder
public enum ListBuilder<Element> {
  public static func buildExpression(_ value: Value<Element>) -> [Value<Element>] { [value] }
  public static func buildExpression(_ values: [Value<Element>]) -> [Value<Element>] { values }
  public static func buildBlock(_ parts: [Value<Element>]...) -> [Value<Element>] { parts.flatMap { $0 } }
  public static func buildOptional(_ part: [Value<Element>]?) -> [Value<Element>] { part ?? [] }
  public static func buildEither(first part: [Value<Element>]) -> [Value<Element>] { part }
  public static func buildEither(second part: [Value<Element>]) -> [Value<Element>] { part }
  public static func buildArray(_ parts: [[Value<Element>]]) -> [Value<Element>] { parts.flatMap { $0 } }
  public static func buildLimitedAvailability(_ part: [Value<Element>]) -> [Value<Element>] { part }
}
