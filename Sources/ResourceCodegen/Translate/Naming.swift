/// Swift names for AWS names: `VpcId` → `vpcID`, `DNSName` → `dnsName`,
/// `Ipv6CidrBlock` → `ipv6CidrBlock`, `internet-facing` → `internetFacing`.
/// The YAML always keeps AWS's exact names; only the Swift side changes.
package enum Naming {
  /// Words that Swift's API guidelines write all upper case (`vpcID`, `targetGroupARN`).
  package static let acronyms: Set<String> = [
    "ACL", "AMI", "API", "ARN", "AZ", "CPU", "DB", "DNS", "EBS", "EIP", "GPU", "HTTP", "HTTPS", "IAM", "ID", "IP",
    "JSON",
    "JWT",
    "KMS", "MFA", "NAT", "OIDC", "SAML", "SNS", "SQL", "SQS", "SSH", "SSL", "SSM", "TCP", "TLS", "TTL", "UDP", "URI",
    "URL",
    "VPC",
  ]

  /// Swift keywords, written in backticks where they name a declaration.
  static let keywords: Set<String> = [
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
    "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
    "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
    "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as",
    "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "_",
  ]

  /// The words of an AWS name: case changes and non-alphanumeric characters
  /// split words; an upper-case run before a lower-case letter keeps its last
  /// letter for the next word (`DNSName` → `DNS`, `Name`); digits stay with the
  /// word before them (`Ipv6`).
  static func words(_ name: String) -> [String] {
    let normalized = name.replacingAll("IPv", with: "Ipv").replacingAll("FSx", with: "Fsx")
    var words: [String] = []
    var current: [Character] = []
    let characters = Array(normalized)
    for (index, character) in characters.enumerated() {
      guard character.isASCII && (character.isLetter || character.isNumber) else {
        if !current.isEmpty { words.append(String(current)) }
        current = []
        continue
      }
      if let previous = current.last {
        let next = index + 1 < characters.count ? characters[index + 1] : nil
        let startsWord =
          (character.isUppercase && previous.isLowercase)
          || (character.isUppercase && previous.isUppercase && (next?.isLowercase ?? false))
          || (character.isLetter && previous.isNumber && character.isUppercase)
        if startsWord {
          words.append(String(current))
          current = []
        }
      }
      current.append(character)
    }
    if !current.isEmpty { words.append(String(current)) }
    return words
  }

  /// `lowerCamelCase`, acronyms after the first word upper case.
  package static func lowerCamel(_ name: String) -> String {
    let parts = words(name)
    guard let first = parts.first else { return "value" }
    var result = first.lowercased()
    for word in parts.dropFirst() { result += capitalized(word) }
    if result.first?.isNumber ?? false { result = "value" + capitalized(result) }
    return result
  }

  /// An enum case for an allowed value, in lower camel case from any spelling:
  /// `SYMMETRIC_DEFAULT` → `symmetricDefault`, `internet-facing` →
  /// `internetFacing`, `ml.m5.large` → `mlM5Large`. A word of the acronym table
  /// stays upper case after the first word (`MINIMUM_TLS_VERSION` →
  /// `minimumTLSVersion`) unless another upper-case letter would join it: after
  /// another acronym (`VPC_ACL_ID` → `vpcACLId`) or before a word such as `V3`
  /// (`OPEN_API_V3` → `openApiV3`); every other word is capitalized normally.
  /// Numbers that a separator kept apart keep an underscore (`X86_64` →
  /// `x86_64`, `c5.2xlarge` → `c5_2xlarge`).
  package static func caseName(_ value: String) -> String {
    // The words, each marked when a separator stood before it.
    var parts: [(word: String, afterSeparator: Bool)] = []
    var characters = Substring(value)
    while !characters.isEmpty {
      let separator = characters.prefix { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
      characters = characters.dropFirst(separator.count)
      let segment = characters.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
      characters = characters.dropFirst(segment.count)
      for (index, word) in words(String(segment)).enumerated() {
        parts.append((word, afterSeparator: index == 0 && !separator.isEmpty))
      }
    }
    guard let first = parts.first else { return "value" }
    var result = first.word.lowercased()
    var previousKeptUpperCase = false
    for index in parts.indices.dropFirst() {
      let (word, afterSeparator) = parts[index]
      if afterSeparator && (parts[index - 1].word.last?.isNumber ?? false) && (word.first?.isNumber ?? false) {
        result += "_"
      }
      // An acronym stays upper case when no other upper-case letter can join
      // it: not after another acronym, not before a word like `V3`.
      let next = index + 1 < parts.count ? Array(parts[index + 1].word) : nil
      let nextStartsCleanly = next.map { $0[0].isNumber || ($0.count > 1 && $0[1].isLetter) } ?? true
      let keepsUpperCase =
        acronyms.contains(word.uppercased()) && !previousKeptUpperCase && nextStartsCleanly
      result += keepsUpperCase ? word.uppercased() : word.prefix(1).uppercased() + word.dropFirst().lowercased()
      previousKeptUpperCase = keepsUpperCase
    }
    return result.first?.isNumber ?? false ? "value" + result : result
  }

  /// `UpperCamelCase`, acronyms upper case.
  package static func upperCamel(_ name: String) -> String {
    let result = words(name).map(capitalized).joined()
    if result.isEmpty { return "Value" }
    return (result.first?.isNumber ?? false) ? "Value" + result : result
  }

  private static func capitalized(_ word: String) -> String {
    if acronyms.contains(word.uppercased()) { return word.uppercased() }
    return word.prefix(1).uppercased() + word.dropFirst()
  }

  /// The name as it may stand in a declaration (`` `protocol` ``).
  package static func escaped(_ name: String) -> String {
    keywords.contains(name) ? "`\(name)`" : name
  }
}

extension String {
  package func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
