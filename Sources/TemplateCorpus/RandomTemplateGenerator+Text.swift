import CloudFormation
import YAMLCorpus

// Strings: hostile text, keys, logical IDs, attribute names and `!Sub` text.
extension RandomTemplateGenerator {
  /// A hostile string: mostly `RandomTreeGenerator`'s, else one of
  /// ``HostileStrings``, a composite of both, or a very long one.
  mutating func text() -> String {
    switch roll(1000) {
    case 0..<870: return strings.string()
    case 870..<930: return pick(pick(HostileStrings.pools))
    case 930..<998:
      var text = ""
      for _ in 0..<Int.random(in: 2...3, using: &strings.random) {
        text += chance(50) ? strings.string() : pick(pick(HostileStrings.pools))
      }
      return text
    default:
      let piece = pick(["x", "é", "😀", " ", "- ", ": ", "\u{301}", "ab "])
      return String(repeating: piece, count: Int.random(in: 2000...12000, using: &strings.random))
    }
  }

  /// Letters and digits.
  mutating func word() -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    let length = Int.random(in: 1...12, using: &strings.random)
    var word = ""
    for _ in 0..<length { word.append(pick(letters)) }
    return word
  }

  /// Alphanumeric logical IDs that a YAML reader would take for something else when bare.
  static let lookAlikeIDs = [
    "yes", "Yes", "YES", "no", "No", "on", "On", "ON", "off", "Off", "y", "Y", "n", "N", "true", "True", "False",
    "null", "Null", "NULL", "0123", "1e3", "1E3", "0", "8000", "0x1F", "0o17", "0b101", "081", "0777", "12e3", "NaN",
    "nan", "Inf", "inf", "e3", "1e10",
  ]

  /// Logical IDs CloudFormation refuses.
  static let malformedIDs = [
    "", "My-Bucket", "a b", "Ünïcode", String(repeating: "A", count: 256), "yes ", "Tab\tID", "😀", "- x",
  ]

  /// A new logical ID: mostly numbered (`Resource3`), sometimes an alphanumeric
  /// look-alike; in a faulty template now and then malformed, repeated within
  /// `section`, or the same as one of `clashesWith` (a parameter for a resource).
  mutating func logicalID(_ prefix: String, section: [String], clashesWith: [String] = []) -> String {
    if faulty(.logicalID) {
      switch roll(3) {
      case 0 where !section.isEmpty:
        let id = pick(section)
        fault("the logical ID \(id) is declared twice in its section")
        return id
      case 1 where !clashesWith.isEmpty:
        let id = pick(clashesWith)
        fault("the logical ID \(id) is both a parameter and a resource")
        return id
      default:
        let id = pick(Self.malformedIDs)
        fault("the logical ID \(String(reflecting: id)) is not 1 to 255 letters and digits")
        return id
      }
    }
    if chance(15) {
      let id = pick(Self.lookAlikeIDs)
      if context.usedIDs.insert(id).inserted { return id }
    }
    context.counter += 1
    let id = "\(prefix)\(context.counter)"
    context.usedIDs.insert(id)
    return id
  }

  /// An ID no element has: what a reference to nothing names.
  mutating func ghostID() -> String {
    context.counter += 1
    return "Ghost\(context.counter)"
  }

  /// The attribute of a `!GetAtt` or `${Resource.Attribute}`: a usual name, one
  /// with dots, or a hostile one (a combining accent right after the dot).
  mutating func attributeName() -> String {
    if chance(75) { return pick(["Arn", "DNSName", "Outputs.Value", "Endpoint.Address"]) }
    return pick(["\u{301}Arn", "Outputs.\u{301}X", "", ".", "a b", "yes", "Arn #", "0123", "x: y", "Arn\u{301}"])
  }

  // MARK: - !Sub

  /// `!Sub` text: hostile literal pieces, `${…}` names of what the template
  /// declares (`variables` first), `${!Literal}`s, and now and then a combining
  /// accent right after a closing `}`.
  mutating func subText(variables: [String]) -> String {
    var text = ""
    for _ in 0..<Int.random(in: 1...4, using: &strings.random) {
      switch roll(1000) {
      case 0..<400: text += self.text()
      case 400..<880: text += "${" + placeholderName(variables: variables) + "}"
      case 880..<975: text += pick(["${!Literal}", "${!}", "${!yes}", "${!a b}"])
      case 975..<985: text += "${!\u{301}Literal}"
      default: text += "${" + placeholderName(variables: variables) + "}" + pick(["\u{301}", "\u{301}tail"])
      }
    }
    checkSub(text, variables: variables)
    return text
  }

  /// The name inside one `${…}`.
  mutating func placeholderName(variables: [String]) -> String {
    if faulty(.unknownSubstitution) { return ghostID() }
    var choices = [pick(Pseudo.allCases).rawValue]
    if !variables.isEmpty { choices += [pick(variables), pick(variables)] }
    if !context.stringParameters.isEmpty { choices.append(pick(context.stringParameters).logicalID) }
    if !context.numberParameters.isEmpty { choices.append(pick(context.numberParameters).logicalID) }
    if !context.visibleResources.isEmpty {
      let resource = pick(context.visibleResources).logicalID
      choices += [resource, resource + "." + attributeName()]
    }
    return pick(choices)
  }

  /// Records as a fault every `${…}` CloudFormation could not resolve, the
  /// names read by the syntax layer's ``SubstitutionText`` (by bytes, not by `Character`).
  mutating func checkSub(_ text: String, variables: [String]) {
    let substitution = SubstitutionText(text)
    guard !substitution.hasUnclosedVariable else {
      fault("!Sub \(String(reflecting: text)) has a ${ without a closing }")
      return
    }
    for name in substitution.variableNames {
      if variables.contains(name) || context.parameterIDs.contains(name) || context.resourceIDs.contains(name)
        || Pseudo.allCases.contains(where: { $0.rawValue == name })
      {
        continue
      }
      if let (resource, _) = Expression.splitAtFirstDot(name), context.resourceIDs.contains(resource) { continue }
      fault("!Sub \(String(reflecting: text)) names ${\(name)}, which nothing declares")
    }
  }
}
