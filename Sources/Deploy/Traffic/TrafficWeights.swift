/// Listener weights, one per track: whole numbers from 0 to 100 that add up to 100.
public enum TrafficWeights {
  /// Parses and checks `texts` for `roles` (same count). Throws a ``DeployError``
  /// naming the bad value and the rule.
  /// `example` shows good input, such as "for example `gen set-weights 75 25`".
  public static func parse(_ texts: [String], roles: [String], command: String, example: String) throws -> [Int] {
    guard texts.count == roles.count else {
      throw DeployError(
        "\(command) takes exactly \(roles.count) weights, \(roles.joined(separator: " and ")) (\(example)); got \(texts.count)"
      )
    }
    var weights: [Int] = []
    for (text, role) in zip(texts, roles) {
      guard let weight = Int(text), (0...100).contains(weight) else {
        throw DeployError("the \(role) weight \"\(text)\" is not a whole number from 0 to 100 (\(example))")
      }
      weights.append(weight)
    }
    let sum = weights.reduce(0, +)
    guard sum == 100 else {
      throw DeployError(
        "the weights must add up to 100; \(weights.map(String.init).joined(separator: " + ")) = \(sum) (\(example))")
    }
    return weights
  }
}
