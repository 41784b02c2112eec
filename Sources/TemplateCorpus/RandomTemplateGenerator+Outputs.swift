import CloudFormation

// The Outputs section.
extension RandomTemplateGenerator {
  /// Outputs of every value type, with descriptions, exports and conditions;
  /// they may refer to any resource.
  mutating func outputs() -> [TemplateElement] {
    var elements: [TemplateElement] = []
    var ids: [String] = []
    for _ in 0..<Int.random(in: 0...4, using: &strings.random) {
      let id = logicalID("Output", section: ids)
      ids.append(id)
      let description = maybe(50) { $0.text() }
      let exportName = maybe(30) { $0.stringValue(depth: 1) }
      let condition = chance(20) ? condition() : nil
      let output =
        switch roll(4) {
        case 0:
          Output(
            id, value: stringValue(depth: 0), description: description, exportName: exportName, condition: condition)
        case 1:
          Output(
            id, value: numberValue(depth: 0), description: description, exportName: exportName, condition: condition)
        case 2:
          Output(
            id, value: listValue(depth: 0), description: description, exportName: exportName, condition: condition)
        default:
          Output(
            id, value: jsonValue(depth: 0), description: description, exportName: exportName, condition: condition)
        }
      elements += Self.elements(output)
    }
    return elements
  }

  @TemplateBuilder static func elements(_ output: Output) -> [TemplateElement] {
    output
  }
}
