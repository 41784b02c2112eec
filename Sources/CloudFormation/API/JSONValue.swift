import TemplateSyntax

/// One value of a free-form JSON document written as a Swift literal: text
/// (interpolation meaning `!Sub`), numbers, booleans, lists, objects in the
/// order written, and any template value (`bucket.arn`, `topic.ref`,
/// `AWS.region`). It is what the entries of ``Value/map(_:)-(KeyValuePairs<String,JSONValue>)`` hold:
///
/// ```swift
/// let policy: Value<JSON> = .map([
///   "Version": "2012-10-17",
///   "Statement": [[
///     "Effect": "Allow",
///     "Principal": ["AWS": "arn:\(AWS.partition):iam::\(AWS.accountID):root"],
///     "Action": ["s3:GetObject", "s3:PutObject"],
///     "Resource": "\(bucket.getAtt("Arn"))/*",
///     "Condition": ["Bool": ["aws:SecureTransport": true]],
///   ]],
/// ])
/// ```
///
/// A nested object literal keeps its keys in the order written (it is never a
/// Swift `Dictionary`). A resource's `ref` and attributes, a parameter's `ref` and
/// the pseudo parameters give a `JSONValue` where one is expected.
public struct JSONValue: Sendable {
  /// The expression the value writes.
  public var expression: Expression

  public init(_ expression: Expression) {
    self.expression = expression
  }

  /// Any typed template value.
  public init<Kind>(_ value: CloudFormation.Value<Kind>) {
    expression = value.expression
  }

  /// JSON null.
  public static var null: JSONValue { JSONValue(.scalar(.null)) }

  /// `!Sub text`, for text that names its values itself (`${AWS::Region}`).
  public static func sub(_ text: String) -> JSONValue { JSONValue(CloudFormation.Value<String>.sub(text)) }

  /// `!If [condition, whenTrue, whenFalse]`.
  public static func `if`(_ condition: Condition, _ whenTrue: JSONValue, _ whenFalse: JSONValue) -> JSONValue {
    JSONValue(.if(condition: condition.logicalID, whenTrue.expression, whenFalse.expression))
  }

  /// `!Ref AWS::NoValue`: removes the entry, typically in one branch of `.if`.
  public static var noValue: JSONValue { JSONValue(.ref(Pseudo.noValue.rawValue)) }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
  public init(stringLiteral value: String) { expression = .string(value) }

  public init(stringInterpolation: TemplateTextInterpolation) {
    expression = Expression.substitution(stringInterpolation.pieces)
  }
}

extension JSONValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral {
  public init(integerLiteral value: Int) { expression = .scalar(.integer(value)) }
  public init(floatLiteral value: Double) { expression = .scalar(.float(value)) }
  public init(booleanLiteral value: Bool) { expression = .scalar(.boolean(value)) }
}

extension JSONValue: ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
  public init(arrayLiteral elements: JSONValue...) {
    expression = .list(elements.map { $0.expression })
  }

  /// An object, keys in the order written.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    expression = .object(elements.map { Expression.ObjectEntry($0.0, $0.1.expression) }, ordering: .asWritten)
  }
}

extension Value where Kind == JSON {
  /// A free-form object whose values are written directly: text, numbers,
  /// booleans, lists, nested objects (in the order written) and template values.
  ///
  /// ```swift
  /// let tags: Value<JSON> = .map(["Tags": [["Key": "team", "Value": topic.ref]], "Count": 3])
  /// ```
  public static func map(_ entries: KeyValuePairs<String, JSONValue>) -> Value {
    Value(.object(entries.map { Expression.ObjectEntry($0.key, $0.value.expression) }, ordering: .asWritten))
  }

  /// A free-form value written as a ``JSONValue``.
  public init(_ value: JSONValue) {
    self.init(value.expression)
  }
}

/// Anything a template names by logical ID and that values refer to: resources
/// and parameters. Their `ref` (and a resource's attributes) is a typed ``Value``
/// where one is expected, and a ``JSONValue`` inside a free-form document.
public protocol Referable: Sendable {
  var logicalID: String { get }
}

extension Referable {
  /// `!Ref LogicalID` inside a free-form document (elsewhere, the typed `ref`).
  @_disfavoredOverload
  public var ref: JSONValue { JSONValue(.ref(logicalID)) }
}

extension Resource {
  /// `!GetAtt LogicalID.attribute` inside a free-form document.
  @_disfavoredOverload
  public func getAtt(_ attribute: String) -> JSONValue {
    JSONValue(.getAtt(resource: logicalID, attribute: attribute))
  }
}

extension Parameter: Referable {}

/// The namespace of the pseudo parameters, ``AWS``, whose members are typed
/// values where one is expected and ``JSONValue``s inside a free-form document.
public protocol PseudoParameterNamespace {}

extension AWS: PseudoParameterNamespace {}

extension PseudoParameterNamespace where Self == AWS {
  /// `!Ref AWS::AccountId` inside a free-form document.
  @_disfavoredOverload public static var accountID: JSONValue { JSONValue(.ref(Pseudo.accountID.rawValue)) }
  /// `!Ref AWS::Region` inside a free-form document.
  @_disfavoredOverload public static var region: JSONValue { JSONValue(.ref(Pseudo.region.rawValue)) }
  /// `!Ref AWS::StackName` inside a free-form document.
  @_disfavoredOverload public static var stackName: JSONValue { JSONValue(.ref(Pseudo.stackName.rawValue)) }
  /// `!Ref AWS::StackId` inside a free-form document.
  @_disfavoredOverload public static var stackID: JSONValue { JSONValue(.ref(Pseudo.stackID.rawValue)) }
  /// `!Ref AWS::Partition` inside a free-form document.
  @_disfavoredOverload public static var partition: JSONValue { JSONValue(.ref(Pseudo.partition.rawValue)) }
  /// `!Ref AWS::URLSuffix` inside a free-form document.
  @_disfavoredOverload public static var urlSuffix: JSONValue { JSONValue(.ref(Pseudo.urlSuffix.rawValue)) }
}
