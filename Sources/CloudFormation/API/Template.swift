import YAML

/// A CloudFormation template, declared with a result builder:
///
/// ```swift
/// let template = Template(description: "A VPC") {
///   let cidr = Parameter<String>.string("VpcCidr", default: "10.0.0.0/16")
///   cidr
///   let vpc = UntypedResource("VPC", type: "AWS::EC2::VPC", properties: .map(["CidrBlock": .init(cidr.ref)]))
///   vpc
///   Output("VpcId", value: vpc.ref)
/// }
/// template.print()   // the YAML on stdout, or every problem on stderr and exit 1
/// ```
///
/// Each element goes to its section (`Parameters`, `Resources`, …); sections come
/// out in CloudFormation's order and entries in the order declared. `if`, `if let`,
/// `switch` and `for … in` work inside the builder.
public struct Template: Sendable {
  public var formatVersion: String
  public var description: String?
  /// `Transform`: macros such as `AWS::Serverless-2016-10-31`.
  public var transform: [String]
  /// Free-form `Metadata` entries, after the generated `AWS::CloudFormation::Interface`.
  public var metadata: [(key: String, value: Value<JSON>)]
  /// The declared elements, in order.
  public var elements: [TemplateElement]

  public init(
    description: String? = nil, formatVersion: String = "2010-09-09", transform: [String] = [],
    metadata: KeyValuePairs<String, Value<JSON>> = [:], @TemplateBuilder _ content: () -> [TemplateElement]
  ) {
    self.formatVersion = formatVersion
    self.description = description
    self.transform = transform
    self.metadata = metadata.map { (key: $0.key, value: $0.value) }
    elements = content()
  }

  // MARK: - Output

  /// The template as a document of expressions, after validation: what `yaml()`
  /// and `json()` write, and what reading their output gives back.
  public func document(options: RenderOptions = RenderOptions()) throws -> TemplateDocument {
    try TemplateRenderer(template: self, options: options).render()
  }

  /// The template as a YAML tree (intrinsics in short form), after validation.
  public func render(options: RenderOptions = RenderOptions()) throws -> YAMLNode {
    try document(options: options).node(form: .short)
  }

  /// The template as YAML text, after validation. `header` becomes comment lines
  /// before `AWSTemplateFormatVersion`. Throws ``TemplateValidationError`` listing
  /// every error, including a body over CloudFormation's 1 MB quota.
  public func yaml(header: String? = nil, options: RenderOptions = RenderOptions()) throws -> String {
    let node = try render(options: options)
    let text = try YAMLEmitter(options: .init(headerComment: header)).string(from: node)
    try Self.checkSize(bytes: text.utf8.count, options: options)
    return text
  }

  /// The template as JSON text (intrinsics in long form), after validation.
  public func json(options: RenderOptions = RenderOptions()) throws -> String {
    let text = try JSONWriter().string(from: document(options: options).node(form: .long))
    try Self.checkSize(bytes: text.utf8.count, options: options)
    return text
  }

  /// Every problem of the template, errors and warnings (a YAML body over the
  /// 51,200 bytes CloudFormation accepts inline is a warning), without throwing.
  public func problems(options: RenderOptions = RenderOptions()) -> [TemplateProblem] {
    let (document, problems) = TemplateRenderer(template: self, options: options).validatedDocument()
    guard !problems.contains(where: { $0.severity == .error }),
      let bytes = try? YAMLEmitter().bytes(from: document.node(form: .short))
    else { return problems }
    return problems + TemplateValidator.sizeProblems(bytes: bytes.count, options: options)
  }

  private static func checkSize(bytes: Int, options: RenderOptions) throws {
    let problems = TemplateValidator.sizeProblems(bytes: bytes, options: options)
    if problems.contains(where: { $0.severity == .error }) {
      throw TemplateValidationError(problems: problems)
    }
  }
}

/// Options for rendering and validating a template.
public struct RenderOptions: Sendable {
  /// Lifts CloudFormation's quotas (500 resources, 200 parameters, outputs and
  /// mappings, 1 MB of template body). For benchmarks only: CloudFormation itself
  /// refuses such a template.
  public var ignoresQuotasForBenchmarks: Bool

  public init(ignoresQuotasForBenchmarks: Bool = false) {
    self.ignoresQuotasForBenchmarks = ignoresQuotasForBenchmarks
  }
}

/// One declared element of a template.
public enum TemplateElement: Sendable {
  case parameter(AnyParameter)
  case parameterGroup(ParameterGroup)
  case rule(Rule)
  case mapping(Mapping)
  case condition(Condition)
  case resource(any Resource)
  case output(Output)
  /// A `Fn::ForEach` loop of `Resources`, `Outputs` or `Conditions`, kept as written.
  case loop(ForEachLoop)
}

/// Builds the elements of a template, with `if`, `if let`, `if … else`, `switch`
/// and `for … in`. A reusable piece is a function marked `@TemplateBuilder`
/// returning `[TemplateElement]`, used like any element.
@resultBuilder
public enum TemplateBuilder {
  public static func buildExpression<Kind>(_ parameter: Parameter<Kind>) -> [TemplateElement] {
    [.parameter(AnyParameter(parameter))]
  }
  public static func buildExpression(_ resource: some Resource) -> [TemplateElement] { [.resource(resource)] }
  public static func buildExpression(_ resource: any Resource) -> [TemplateElement] { [.resource(resource)] }
  public static func buildExpression(_ output: Output) -> [TemplateElement] { [.output(output)] }
  public static func buildExpression(_ condition: Condition) -> [TemplateElement] { [.condition(condition)] }
  public static func buildExpression(_ mapping: Mapping) -> [TemplateElement] { [.mapping(mapping)] }
  public static func buildExpression(_ rule: Rule) -> [TemplateElement] { [.rule(rule)] }
  public static func buildExpression(_ group: ParameterGroup) -> [TemplateElement] { [.parameterGroup(group)] }
  public static func buildExpression(_ loop: ForEachLoop) -> [TemplateElement] { [.loop(loop)] }
  public static func buildExpression(_ elements: [TemplateElement]) -> [TemplateElement] { elements }
  public static func buildExpression(_ resources: [any Resource]) -> [TemplateElement] {
    resources.map { .resource($0) }
  }
  public static func buildBlock(_ parts: [TemplateElement]...) -> [TemplateElement] { parts.flatMap { $0 } }
  public static func buildOptional(_ part: [TemplateElement]?) -> [TemplateElement] { part ?? [] }
  public static func buildEither(first part: [TemplateElement]) -> [TemplateElement] { part }
  public static func buildEither(second part: [TemplateElement]) -> [TemplateElement] { part }
  public static func buildArray(_ parts: [[TemplateElement]]) -> [TemplateElement] { parts.flatMap { $0 } }
  public static func buildLimitedAvailability(_ part: [TemplateElement]) -> [TemplateElement] { part }
}

/// A parameter with its type erased, as the template stores it.
public struct AnyParameter: Sendable {
  public let logicalID: String
  public let type: ParameterType
  public let description: String?
  public let defaultValue: Expression?
  public let allowedValues: [Expression]
  public let allowedPattern: String?
  public let minLength: Int?
  public let maxLength: Int?
  public let minValue: Double?
  public let maxValue: Double?
  public let constraintDescription: String?
  public let noEcho: Bool
  public let label: String?
  public let declaration: SourceLocation

  public init<Kind>(_ parameter: Parameter<Kind>) {
    logicalID = parameter.logicalID
    type = parameter.type
    description = parameter.description
    defaultValue = parameter.defaultValue?.expression
    allowedValues = parameter.allowedValues.map { $0.expression }
    allowedPattern = parameter.allowedPattern
    minLength = parameter.minLength
    maxLength = parameter.maxLength
    minValue = parameter.minValue
    maxValue = parameter.maxValue
    constraintDescription = parameter.constraintDescription
    noEcho = parameter.noEcho
    label = parameter.label
    declaration = parameter.declaration
  }
}

/// Anything with a logical ID that can be listed in a ``ParameterGroup``.
public protocol ParameterProtocol: Sendable {
  var logicalID: String { get }
}

extension Parameter: ParameterProtocol {}
extension AnyParameter: ParameterProtocol {}
