import CloudFormation

// The template's Metadata section.
extension RandomTemplateGenerator {
  /// Free-form metadata entries. When `elements` hold parameter groups or
  /// labels, the renderer writes ``interfaceKey`` into the section itself, so
  /// the entries hold that key only deliberately, now and then.
  mutating func metadata(beside elements: [TemplateElement]) -> [(key: String, value: Value<JSON>)] {
    let rendersInterface = elements.contains { element in
      switch element {
      case .parameterGroup: true
      case .parameter(let parameter): parameter.label != nil
      default: false
      }
    }
    guard rendersInterface else { return entries(depth: 1) { $0.jsonValue(depth: $1) } }
    var metadata = entries(depth: 1, besides: [Self.interfaceKey]) { $0.jsonValue(depth: $1) }
    if metadata.count < maximumKeyValuePairs && faulty(.interfaceKey, percent: 100) {
      fault("the metadata key \(Self.interfaceKey) is the one the renderer writes for parameter groups and labels")
      metadata.insert((key: Self.interfaceKey, value: jsonValue(depth: 1)), at: roll(metadata.count + 1))
    }
    return metadata
  }

  /// The metadata key of the console's parameter groups and labels.
  static let interfaceKey = "AWS::CloudFormation::Interface"
}
