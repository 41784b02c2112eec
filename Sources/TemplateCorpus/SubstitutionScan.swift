/// The `${…}` names of a `Fn::Sub` string as CloudFormation reads them: code
/// point by code point, so a `}` followed by a combining accent still closes a
/// name, and a `.` followed by one still separates a resource from its attribute.
/// The generator's own judgement of a `!Sub`, independent of the validator's.
enum SubstitutionScan {
  /// The names between each `${` and the next `}`, in order (`!Literal` names
  /// included), or `nil` when a `${` is never closed.
  static func names(in text: String) -> [String]? {
    let scalars = Array(text.unicodeScalars)
    var names: [String] = []
    var index = 0
    while index + 1 < scalars.count {
      guard scalars[index] == "$", scalars[index + 1] == "{" else {
        index += 1
        continue
      }
      guard let end = scalars[(index + 2)...].firstIndex(of: "}") else { return nil }
      var name = String.UnicodeScalarView()
      name.append(contentsOf: scalars[(index + 2)..<end])
      names.append(String(name))
      index = end + 1
    }
    return names
  }

  /// Whether `name` is a literal (`${!Literal}` writes `${Literal}`).
  static func isLiteral(_ name: String) -> Bool {
    name.unicodeScalars.first == "!"
  }

  /// The part of `name` before its first `.` (the resource of `${Resource.Attribute}`),
  /// or `nil` when it has no dot.
  static func resourcePart(of name: String) -> String? {
    guard let dot = name.unicodeScalars.firstIndex(of: ".") else { return nil }
    return String(name.unicodeScalars[..<dot])
  }
}
