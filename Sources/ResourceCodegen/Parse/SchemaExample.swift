import YAML

/// A value a schema accepts, built from its rules: the data the sample program
/// gives each generated type, so that cfn-lint can check the Swift types
/// against the schema. It follows `$ref`s, `allOf`, the first branch of a
/// `oneOf`/`anyOf`, `enum`s, formats and the keys `patternProperties` allow.
package indirect enum SchemaExample: Hashable, Sendable {
  case string(String)
  case number(Int)
  case boolean(Bool)
  case list([SchemaExample])
  case object([Entry])

  package struct Entry: Hashable, Sendable {
    package var name: String
    package var value: SchemaExample

    package init(name: String, value: SchemaExample) {
      self.name = name
      self.value = value
    }
  }

  /// The value under `name`, when this is an object.
  package subscript(name: String) -> SchemaExample? {
    guard case .object(let entries) = self else { return nil }
    return entries.first { $0.name == name }?.value
  }

  /// An example of `node` (a property's schema, or the resource's whole schema
  /// when `isResource`) in the schema `document`; nil past a depth that only
  /// recursive definitions reach.
  package static func of(_ node: YAMLNode, in document: YAMLNode, isResource: Bool = false) -> SchemaExample? {
    Builder(definitions: document["definitions"]).example(node, depth: 0, isResource: isResource)
  }

  /// Strings for the formats cfn-lint checks (`cfnlint/rules/formats`).
  static func formatted(_ format: String) -> String? {
    switch format {
    case "AWS::ACM::Certificate.Arn": "arn:aws:acm:us-east-1:123456789012:certificate/example"
    case "AWS::EC2::Image.Id": "ami-12345678"
    case "AWS::EC2::SecurityGroup.Id": "sg-12345678"
    case "AWS::EC2::SecurityGroup.Name": "example"
    case "AWS::EC2::Subnet.Id": "subnet-12345678"
    case "AWS::EC2::VPC.Id": "vpc-12345678"
    case "AWS::IAM::Role.Arn": "arn:aws:iam::123456789012:role/example"
    case "AWS::KMS::Alias.AliasName": "alias/example"
    case "AWS::KMS::Key.Arn": "arn:aws:kms:us-east-1:123456789012:key/example"
    case "AWS::KMS::Key.Id": "1234abcd-12ab-34cd-56ef-1234567890ab"
    case "AWS::Lambda::Function.Arn": "arn:aws:lambda:us-east-1:123456789012:function:example"
    case "AWS::Lambda::Function.Name": "example"
    case "AWS::S3::Bucket.Name": "example-bucket"
    case "AWS::SNS::Topic.Arn": "arn:aws:sns:us-east-1:123456789012:example"
    case "ipv4-network": "10.0.0.0/16"
    case "ipv6-network": "2001:db8::/56"
    case "ipv4": "10.0.0.1"
    case "ipv6": "2001:db8::1"
    case "date-time": "2026-01-01T00:00:00Z"
    case "date": "2026-01-01"
    case "time": "00:00:00Z"
    case "uri": "https://example.com"
    case "email": "someone@example.com"
    default: nil
    }
  }

  private struct Builder {
    let definitions: YAMLNode?

    func example(_ node: YAMLNode, depth: Int, isResource: Bool = false) -> SchemaExample? {
      guard depth < 12 else { return nil }
      let rules = flattened(node, depth: 0)
      if let first = rules["enum"]?.sequence?.items.first ?? rules["const"] { return scalar(first) }
      let types = rules["type"]?.sequence?.items.compactMap(\.stringValue) ?? rules["type"]?.stringValue.map { [$0] }
      let type =
        types?.first
        ?? (!rules.properties.isEmpty || rules["patternProperties"] != nil ? "object" : nil)
        ?? (rules["items"] != nil ? "array" : nil)
      switch type {
      case "string":
        return .string(string(rules))
      case "integer", "number":
        let minimum = rules["minimum"]?.scalar.flatMap(Self.integer) ?? 1
        let maximum = rules["maximum"]?.scalar.flatMap(Self.integer) ?? minimum
        return .number(min(max(minimum, 1), maximum))
      case "boolean":
        return .boolean(true)
      case "array":
        // The first item meets `items` and, when there is one, the first of `prefixItems` too.
        let rulesOfFirst = [rules["prefixItems"]?.sequence?.items.first, rules["items"]].compactMap { $0 }
        let item =
          rulesOfFirst.isEmpty
          ? nil : example(.mapping(["allOf": .sequence(YAMLSequence(rulesOfFirst))]), depth: depth + 1)
        return .list([item ?? .string("example")])
      case "object":
        return object(rules, depth: depth, isResource: isResource)
      default:
        return .object([Entry(name: "Key", value: .string("Value"))])
      }
    }

    /// A string of the rule's format, or matching its pattern, within its lengths.
    private func string(_ rules: Rules) -> String {
      var text =
        rules["format"]?.stringValue.flatMap(SchemaExample.formatted)
        ?? rules["pattern"]?.stringValue.flatMap(PatternExample.string(matching:)) ?? "example"
      let minimum = rules["minLength"]?.scalar.flatMap(Self.integer) ?? 0
      let maximum = rules["maxLength"]?.scalar.flatMap(Self.integer) ?? Int.max
      if text.count < minimum { text += String(repeating: "a", count: minimum - text.count) }
      if text.count > maximum { text = String(text.prefix(max(maximum, 1))) }
      return text
    }

    /// An object: its required properties, and more in name order up to
    /// `minProperties` (at least one, below the resource's own properties).
    private func object(_ rules: Rules, depth: Int, isResource: Bool) -> SchemaExample {
      let properties = rules.properties.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      if properties.isEmpty {
        if let pattern = rules["patternProperties"]?.mapping?.entries.first {
          let key = pattern.key.stringValue.flatMap(PatternExample.string(matching:)) ?? "Key"
          return .object([Entry(name: key, value: example(pattern.value, depth: depth + 1) ?? .string("example"))])
        }
        if let additional = rules["additionalProperties"], additional.mapping != nil {
          return .object([Entry(name: "Key", value: example(additional, depth: depth + 1) ?? .string("example"))])
        }
        if rules["additionalProperties"]?.scalar?.value == .boolean(false) { return .object([]) }
        return .object([Entry(name: "Key", value: .string("Value"))])
      }
      let readOnly = Set(SchemaParser.pointers(rules["readOnlyProperties"]))
      let minimum = max(rules["minProperties"]?.scalar.flatMap(Self.integer) ?? 0, isResource ? 0 : 1)
      var chosen = rules.required.filter { rules.properties[$0] != nil }
      for name in properties where chosen.count < minimum && !readOnly.contains(name) && !chosen.contains(name) {
        chosen.append(name)
      }
      return .object(
        chosen.map { name in
          Entry(
            name: name, value: rules.properties[name].flatMap { example($0, depth: depth + 1) } ?? .string("example"))
        })
    }

    /// The rules of `node` with its `$ref`, its `allOf` and the first branch of
    /// its `oneOf`/`anyOf` merged in: properties and required lists joined, the
    /// first of every other rule kept.
    private func flattened(_ node: YAMLNode, depth: Int) -> Rules {
      var rules = Rules()
      guard depth < 12, let mapping = node.mapping else { return rules }
      var parts: [YAMLNode] = []
      for entry in mapping.entries {
        guard let key = entry.key.stringValue else { continue }
        switch key {
        case "$ref":
          if let definition = entry.value.stringValue.flatMap(SchemaParser.definitionName),
            let target = definitions?[definition]
          {
            parts.append(target)
          }
        case "allOf": parts += entry.value.sequence?.items ?? []
        case "oneOf", "anyOf": if let first = entry.value.sequence?.items.first { parts.append(first) }
        default: rules.add(key, entry.value)
        }
      }
      for part in parts { rules.merge(flattened(part, depth: depth + 1)) }
      return rules
    }

    private func scalar(_ node: YAMLNode) -> SchemaExample? {
      switch node.scalar?.value {
      case .string(let text): .string(text)
      case .integer(let number): .number(number)
      case .boolean(let value): .boolean(value)
      default: nil
      }
    }

    static func integer(_ scalar: YAMLScalar) -> Int? {
      switch scalar.value {
      case .integer(let number): number
      case .float(let number) where number.isFinite && abs(number) < 1e15: Int(number.rounded(.up))
      default: nil
      }
    }
  }
}

/// A schema's rules after merging: properties by name, the required names in
/// order, and the first value of every other rule.
private struct Rules {
  var values: [String: YAMLNode] = [:]
  var properties: [String: YAMLNode] = [:]
  var required: [String] = []

  subscript(key: String) -> YAMLNode? { values[key] }

  mutating func add(_ key: String, _ value: YAMLNode) {
    switch key {
    case "properties":
      for entry in value.mapping?.entries ?? [] {
        guard let name = entry.key.stringValue else { continue }
        addProperty(name, entry.value)
      }
    case "required":
      for name in value.sequence?.items.compactMap(\.stringValue) ?? [] where !required.contains(name) {
        required.append(name)
      }
    default:
      if values[key] == nil { values[key] = value }
    }
  }

  mutating func merge(_ other: Rules) {
    for (key, value) in other.values where values[key] == nil { values[key] = value }
    for (name, schema) in other.properties { addProperty(name, schema) }
    for name in other.required where !required.contains(name) { required.append(name) }
  }

  /// A property met by both schemas when it is declared twice (a `oneOf` branch
  /// may require more of a property the object declares).
  private mutating func addProperty(_ name: String, _ schema: YAMLNode) {
    if let existing = properties[name] {
      properties[name] = .mapping(["allOf": .sequence(YAMLSequence([existing, schema]))])
    } else {
      properties[name] = schema
    }
  }
}
