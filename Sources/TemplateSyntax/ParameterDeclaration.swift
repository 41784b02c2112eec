import YAML

/// A parameter as a template declares it in its `Parameters` section, read from
/// any template (one the Swift code rendered, or a file written by anyone), with
/// its values as CloudFormation receives them: text.
///
/// ```swift
/// let document = try TemplateDocument(parsing: text)
/// for parameter in document.parameterDeclarations {
///   print(parameter.logicalID, parameter.type, parameter.defaultValue ?? "(required)")
/// }
/// ```
public struct ParameterDeclaration: Hashable, Sendable {
  public var logicalID: String
  /// The type as written: `String`, `Number`, `List<Number>`, `CommaDelimitedList`,
  /// `AWS::EC2::VPC::Id`, `AWS::SSM::Parameter::Value<String>`…
  public var type: String
  public var description: String?
  /// The default as CloudFormation receives it (a number's or boolean's text);
  /// nil when there is none, or when it is not a plain value.
  public var defaultValue: String?
  public var allowedValues: [String]
  public var allowedPattern: String?
  public var minLength: Int?
  public var maxLength: Int?
  public var minValue: Double?
  public var maxValue: Double?
  public var constraintDescription: String?
  /// Whether CloudFormation masks the value (`****`) when it shows the stack.
  public var noEcho: Bool

  public init(
    logicalID: String, type: String, description: String? = nil, defaultValue: String? = nil,
    allowedValues: [String] = [], allowedPattern: String? = nil, minLength: Int? = nil, maxLength: Int? = nil,
    minValue: Double? = nil, maxValue: Double? = nil, constraintDescription: String? = nil, noEcho: Bool = false
  ) {
    self.logicalID = logicalID
    self.type = type
    self.description = description
    self.defaultValue = defaultValue
    self.allowedValues = allowedValues
    self.allowedPattern = allowedPattern
    self.minLength = minLength
    self.maxLength = maxLength
    self.minValue = minValue
    self.maxValue = maxValue
    self.constraintDescription = constraintDescription
    self.noEcho = noEcho
  }

  /// Reads one entry of the `Parameters` section; a key that is not a plain
  /// value of the right kind is left out, as if absent.
  init(_ entry: Expression.ObjectEntry) {
    func text(_ key: ParameterKey) -> String? {
      guard case .scalar(let scalar)? = entry.value[key.rawValue], scalar.value != .null else { return nil }
      return scalar.text
    }
    func number(_ key: ParameterKey) -> Double? { text(key).flatMap { Double($0) } }
    func integer(_ key: ParameterKey) -> Int? { number(key).flatMap { Int(exactly: $0) } }
    self.init(
      logicalID: entry.key, type: text(.type) ?? "", description: text(.description), defaultValue: text(.default),
      allowedValues: (entry.value[ParameterKey.allowedValues.rawValue]?.listItems ?? []).compactMap { item in
        guard case .scalar(let scalar) = item else { return nil }
        return scalar.text
      },
      allowedPattern: text(.allowedPattern), minLength: integer(.minLength), maxLength: integer(.maxLength),
      minValue: number(.minValue), maxValue: number(.maxValue), constraintDescription: text(.constraintDescription),
      noEcho: text(.noEcho)?.lowercased() == "true")
  }

  /// Whether the value is a number (`Number`).
  public var isNumber: Bool { type == "Number" }

  /// Whether the value is a comma-separated list of numbers (`List<Number>`).
  public var isNumberList: Bool { type == "List<Number>" }
}

extension TemplateDocument {
  /// The parameters the template declares, in the order it declares them.
  public var parameterDeclarations: [ParameterDeclaration] {
    entries(in: .parameters).map(ParameterDeclaration.init)
  }
}
