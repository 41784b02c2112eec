import TemplateSyntax

/// A `Fn::ForEach::<Name>` entry of `Resources`, `Outputs` or `Conditions`
/// (with the `AWS::LanguageExtensions` transform): its outputs written once per
/// item of the collection by CloudFormation, `${Identifier}` and `&{Identifier}`
/// replaced in their keys and values. The model keeps the loop as written: the
/// entries it makes have logical IDs only CloudFormation's expansion knows. It
/// is how an imported template keeps such a loop; in Swift, a `for` over the
/// items declaring typed resources says the same with the compiler's help.
///
/// ```swift
/// ForEachLoop("Topics", in: .resources, identifier: "Name", collection: ["Orders", "Payments"], outputs: [
///   "Topic${Name}": .map(["Type": "AWS::SNS::Topic", "Properties": ["TopicName": "${Name}"]])
/// ])
/// ```
///
/// References to the entries a loop makes (`!Ref TopicOrders`) are accepted by
/// the validator when a loop's output key could make the name.
public struct ForEachLoop: Sendable {
  /// The sections a loop may stand in.
  public enum Section: Sendable {
    case resources, outputs, conditions

    var templateSection: TemplateSection {
      switch self {
      case .resources: .resources
      case .outputs: .outputs
      case .conditions: .conditions
      }
    }
  }

  /// The `<Name>` of `Fn::ForEach::<Name>`.
  public let name: String
  public let section: Section
  /// The name `${…}` and `&{…}` stand for in the outputs.
  public var identifier: String
  /// The items: a list, or a value giving one (a `CommaDelimitedList` parameter's `ref`).
  public var collection: Value<[String]>
  /// Output keys (`Topic${Name}`) and their values, in order.
  public var outputs: [(key: String, value: Value<JSON>)]
  /// Where the loop is declared in Swift (the call's `#fileID` and `#line` by default).
  public var declaration: SourceLocation

  public init(
    _ name: String, in section: Section, identifier: String, collection: Value<[String]>,
    outputs: KeyValuePairs<String, Value<JSON>>, fileID: String = #fileID, line: Int = #line
  ) {
    self.name = name
    self.section = section
    self.identifier = identifier
    self.collection = collection
    self.outputs = outputs.map { (key: $0.key, value: $0.value) }
    declaration = SourceLocation(fileID: fileID, line: line)
  }

  /// `Fn::ForEach::<Name>`: the loop's key in its section.
  public var key: String { IntrinsicFunction.forEachPrefix + name }

  /// The loop as the section's entry value.
  var expression: Expression {
    .forEach(
      identifier: identifier, collection: collection.expression,
      outputs: outputs.map { Expression.ObjectEntry($0.key, $0.value.expression) })
  }

  /// Whether an entry the loop makes could be called `logicalID`.
  func couldMake(_ logicalID: String) -> Bool {
    outputs.contains { IntrinsicFunction.loopOutputKey($0.key, couldMake: logicalID) }
  }
}
