/// A string a schema's regular expression accepts, for the keys of sample maps
/// whose `patternProperties` restrict them (`^cognito:(default|english|…)$` →
/// `cognito:default`, `^[a-z]{2}-[a-z-]+-\d+$` → `aa-a-1`).
///
/// It reads the pattern as a sequence of atoms (a literal, an escape, a class,
/// a group of alternatives) with quantifiers, and writes the first choice of each
/// atom as often as its quantifier least allows, at least once; lookarounds write
/// nothing. The result is checked with Swift's own `Regex` (unanchored, as JSON
/// schema matches), and nil when it does not match.
package enum PatternExample {
  package static func string(matching pattern: String) -> String? {
    var reader = Reader(Array(pattern))
    let text = reader.alternatives()
    guard !text.isEmpty, let regex = try? Regex(pattern), (try? regex.firstMatch(in: text)) != nil else {
      return nil
    }
    return text
  }

  private struct Reader {
    var characters: [Character]
    var index = 0

    init(_ characters: [Character]) { self.characters = characters }

    var current: Character? { index < characters.count ? characters[index] : nil }

    /// Alternatives separated by `|` up to a closing `)` or the end: the first one's text.
    mutating func alternatives() -> String {
      let first = sequence()
      while current == "|" {
        index += 1
        _ = sequence()
      }
      return first
    }

    mutating func sequence() -> String {
      var text = ""
      while let character = current, character != "|", character != ")" {
        let atom = self.atom()
        text += String(repeating: atom, count: quantifier())
      }
      return text
    }

    mutating func atom() -> String {
      guard let character = current else { return "" }
      index += 1
      switch character {
      case "^", "$": return ""
      case ".": return "a"
      case "\\": return escape()
      case "[": return characterClass()
      case "(":
        var isLookaround = false
        if current == "?" {
          index += 1
          isLookaround = current == "=" || current == "!" || current == "<"
          while let marker = current, marker != ":" && marker != ")" && !isLookaround { index += 1 }
          if current == ":" || isLookaround { index += 1 }
          if isLookaround, current == "=" || current == "!" { index += 1 }
        }
        let text = alternatives()
        if current == ")" { index += 1 }
        return isLookaround ? "" : text
      default: return String(character)
      }
    }

    /// After a `\`: a character standing for its class, or the character itself.
    mutating func escape() -> String {
      guard let character = current else { return "" }
      index += 1
      switch character {
      case "w", "S", "D", "W": return "a"
      case "d": return "1"
      case "s": return " "
      case "Z", "A", "b", "B": return ""
      case "p", "P":
        if current == "{" {
          while let end = current, end != "}" { index += 1 }
          index += 1
        }
        return "a"
      case "u", "x":
        let digits = character == "u" ? 4 : 2
        let hex = String(characters[index..<min(index + digits, characters.count)])
        index = min(index + digits, characters.count)
        return UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? "a"
      case "t": return "\t"
      case "n": return "\n"
      default: return String(character)
      }
    }

    /// `[…]`: its first member (the lower end of a range), or `a` for a negated class.
    mutating func characterClass() -> String {
      let negated = current == "^"
      if negated { index += 1 }
      var first: String?
      var isFirst = true
      while let character = current, character != "]" || isFirst {
        isFirst = false
        index += 1
        let member = character == "\\" ? escape() : String(character)
        if first == nil { first = member }
      }
      index += 1
      return negated ? "a" : first ?? "a"
    }

    /// How many times to write the atom just read: the least its quantifier allows, at least once.
    mutating func quantifier() -> Int {
      switch current {
      case "*", "+", "?":
        index += 1
        if current == "?" || current == "+" { index += 1 }
        return 1
      case "{":
        var digits = ""
        var cursor = index + 1
        while cursor < characters.count, characters[cursor].isNumber {
          digits.append(characters[cursor])
          cursor += 1
        }
        guard !digits.isEmpty || (cursor < characters.count && characters[cursor] == ",") else { return 1 }
        while cursor < characters.count, characters[cursor] != "}" { cursor += 1 }
        index = cursor + 1
        return max(Int(digits) ?? 0, 1)
      default:
        return 1
      }
    }
  }
}
