import CloudFormation

// Resource comments, the `#` lines above a resource in the YAML.
extension RandomTemplateGenerator {
  /// A usual comment or hostile text, tabs, emoji and line feeds included. A
  /// character no `#` line can hold is left out; deliberately, now and then,
  /// one is put in.
  mutating func comment() -> String {
    let text = chance(50) ? pick(["Network", "Security groups", "two\nlines", "a # in a comment: fine", ""]) : text()
    var scalars = Array(text.unicodeScalars.filter { !Self.cannotStandInComment($0) })
    if faulty(.commentCharacter, percent: 100) {
      let forbidden = pick(Self.commentBreakers)
      let code = String(forbidden, radix: 16, uppercase: true)
      fault(
        "a resource comment holds U+\(String(repeating: "0", count: 4 - code.count) + code), which no YAML comment can")
      scalars.insert(Unicode.Scalar(forbidden)!, at: roll(scalars.count + 1))
    }
    return String(String.UnicodeScalarView(scalars))
  }

  /// Whether `scalar` would end a YAML comment or make the document invalid:
  /// a line break other than line feed (CR, NEL, LS, PS), a C0 control other
  /// than tab, DEL, a C1 control, the byte-order mark (which libyaml refuses
  /// inside a document) or the non-characters U+FFFE and U+FFFF.
  static func cannotStandInComment(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: false
    case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
    default: false
    }
  }

  /// One of each kind of character ``cannotStandInComment(_:)`` refuses (all
  /// in the Basic Multilingual Plane).
  static let commentBreakers: [UInt32] = [
    0x0D, 0x85, 0x2028, 0x2029, 0x00, 0x1B, 0x0B, 0x7F, 0x9F, 0xFEFF, 0xFFFE, 0xFFFF,
  ]
}
