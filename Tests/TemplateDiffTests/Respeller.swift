import TemplateSyntax
import YAML
import YAMLCorpus

/// Writes a template another way that means the same to CloudFormation: some
/// short-form functions in long form, mapping keys shuffled, flow and block
/// styles swapped, numbers and booleans given as strings. The diff must find no
/// difference between any two of these.
struct Respeller {
  var random: SeededRandom

  /// `node` (short form, as ``ExpressionWriter`` writes it) respelled.
  mutating func respell(_ node: YAMLNode, typesToo: Bool) -> YAMLNode {
    switch node {
    case .scalar(var scalar):
      if typesToo, scalar.tag == nil, chance(30) {
        switch scalar.value {
        case .integer, .boolean, .float: scalar = .string(scalar.text)
        default: break
        }
      }
      if let tag = scalar.tag, chance(35), let longName = IntrinsicFunction.longName(ofTag: tag) {
        return .mapping(YAMLMapping([.init(key: .string(longName), value: .scalar(YAMLScalar(scalar.value)))]))
      }
      return .scalar(scalar)
    case .sequence(var sequence):
      sequence.items = sequence.items.map { respell($0, typesToo: typesToo) }
      if chance(30) { sequence.style = sequence.style == .flow ? .block : .flow }
      if let tag = sequence.tag, chance(35), let longName = IntrinsicFunction.longName(ofTag: tag) {
        sequence.tag = nil
        return .mapping(YAMLMapping([.init(key: .string(longName), value: .sequence(sequence))]))
      }
      return .sequence(sequence)
    case .mapping(var mapping):
      mapping.entries = mapping.entries.map {
        YAMLMapping.Entry(key: $0.key, value: respell($0.value, typesToo: typesToo), comment: $0.comment)
      }
      if mapping.entries.count > 1, chance(50) { mapping.entries.shuffle(using: &random) }
      if chance(15) { mapping.style = mapping.style == .flow ? .block : .flow }
      if let tag = mapping.tag, chance(35), let longName = IntrinsicFunction.longName(ofTag: tag) {
        mapping.tag = nil
        return .mapping(YAMLMapping([.init(key: .string(longName), value: .mapping(mapping))]))
      }
      return .mapping(mapping)
    }
  }

  mutating func chance(_ percent: Int) -> Bool {
    Int.random(in: 0..<100, using: &random) < percent
  }
}
