import ResourceNames
import TemplateSyntax
import YAML

/// Turns a template into a Swift stack: a type whose parameters, mappings,
/// conditions, rules and resources are static values, referring to each other
/// by name (`vpc.ref`, `alb.dnsName`), and whose `template` lists them in the
/// order the template declared them. What `gen import` writes.
///
/// ```swift
/// let document = try TemplateDocument(parsing: text)
/// let stack = try StackImporter().importStack(document, name: "DeployCanary", sourceName: "deploy-canary.yml")
/// print(stack.source)      // Swift, before swift-format
/// print(stack.modules)     // ["AWSEC2", "AWSECS", …, "CloudFormation"]
/// ```
///
/// Resources of generated types use those types; any other type (a SAM
/// resource, a private or third-party type) is an `UntypedResource` with a
/// comment saying why. A template the model cannot say faithfully (an unknown
/// function, a section CloudFormation does not have, a `Fn::ForEach` over
/// whole resources) is refused with an ``ImportError`` naming the place.
public struct StackImporter {
  var table = ResourceNameTable()

  public init() {}

  /// The Swift source of `document` as the type `name`; `sourceName` is the
  /// file it came from, for the header comment.
  public mutating func importStack(_ document: TemplateDocument, name: String, sourceName: String) throws
    -> ImportedStack
  {
    guard Self.isValidTypeName(name) else {
      throw ImportError(
        "\(name) cannot name the stack's Swift type: it must be a Swift identifier that names no type the stack uses (\(Self.modelTypeNames.sorted().joined(separator: ", ")), or a service such as EC2); choose another with --name"
      )
    }
    var builder = StackSourceBuilder(name: name, table: table)
    try builder.read(document)
    table = builder.writer.table
    return ImportedStack(name: name, source: builder.source(sourceName: sourceName), modules: builder.modules)
  }

  /// `DeployCanary` for `deploy-canary.yml`: the words of a file's name, capitalized.
  public static func typeName(forFile path: String) -> String {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    let base = file.split(separator: ".").first.map(String.init) ?? file
    let words = base.split { !($0.isLetter || $0.isNumber) }
    var name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    if name.isEmpty { name = "ImportedStack" }
    if name.first?.isNumber == true { name = "Stack" + name }
    return isValidTypeName(name) ? name : name + "Stack"
  }

  /// Whether `name` can be the stack's type: an identifier that hides no type
  /// the imported Swift names (`EC2` would hide `EC2.VPC` inside it).
  public static func isValidTypeName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first == "_" || first.properties.isXIDStart,
      name.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isXIDContinue }),
      !SwiftSource.keywords.contains(name)
    else { return false }
    return !modelTypeNames.contains(name) && !ResourceNameTable.services.contains(name)
  }

  /// The types of the model an imported stack names.
  static let modelTypeNames: Set<String> = [
    "AWS", "CloudFormation", "Condition", "Expression", "ForEachLoop", "JSON", "JSONValue", "Mapping", "Number",
    "Output", "Parameter", "ParameterGroup", "ParameterType", "Rule", "Template", "UntypedResource", "Value",
  ]
}

/// A template imported as Swift.
public struct ImportedStack: Hashable, Sendable {
  /// The Swift type: `DeployCanary`.
  public var name: String
  /// The Swift source, one file.
  public var source: String
  /// The modules it imports, `CloudFormation` and the services of its resources, in byte order.
  public var modules: [String]
}
