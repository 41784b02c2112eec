import ResourceNames
import TemplateSyntax

/// What the imported stack names, by logical ID: the Swift identifier each
/// entry of the template gets, and what its values are.
struct ImportNames {
  struct ParameterName {
    var identifier: String
    /// `String`, `Number`, `[String]` or `[Number]`.
    var kind: KindName
  }

  struct ResourceName {
    var identifier: String
    /// The generated type's names; `nil` for a resource imported untyped.
    var type: ResourceTypeNames?
    /// Why a resource of a generated type is imported untyped all the same.
    var untypedReason: String?
  }

  var parameters: [String: ParameterName] = [:]
  var resources: [String: ResourceName] = [:]
  var conditions: [String: String] = [:]
  var mappings: [String: String] = [:]
  var rules: [String: String] = [:]
  /// Each `Fn::ForEach` loop of a section: its key's Swift name and its output keys.
  var loops: [String: (identifier: String, outputKeys: [String])] = [:]
  private var taken: Set<String> = []

  /// Whether a loop could make the entry `name` (its output keys' `${…}` matching anything).
  func loopCouldMake(_ name: String) -> Bool {
    loops.values.contains { loop in
      loop.outputKeys.contains { IntrinsicFunction.loopOutputKey($0, couldMake: name) }
    }
  }

  /// A fresh identifier for `logicalID`; `suffix` tells apart an entry of
  /// another section whose logical ID gives the same identifier.
  mutating func identifier(for logicalID: String, suffix: String) -> String {
    let natural = SwiftSource.identifier(from: logicalID)
    var candidate = taken.contains(natural) ? natural + suffix : natural
    var number = 2
    while taken.contains(candidate) {
      candidate = natural + suffix + String(number)
      number += 1
    }
    taken.insert(candidate)
    return candidate
  }
}
