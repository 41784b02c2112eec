import Testing
import YAMLCorpus

@testable import YAML

/// The one quoting rule: a string is quoted, in double quotes, exactly when a
/// YAML 1.1 or 1.2 reader would read its plain form as something else, or when it
/// cannot be plain where it stands.
@Suite("Quoting")
struct QuotingTests {
  static let readAsAnotherType = RandomTreeGenerator.ambiguousWords

  @Test("words a YAML 1.1 or 1.2 reader takes for another type are double-quoted", arguments: readAsAnotherType)
  func ambiguousWordsAreQuoted(word: String) throws {
    let output = try yaml(["Value": .string(word), .init(stringLiteral: word): "key"])
    let quotedWord = "\"\(word)\""
    #expect(output == "Value: \(quotedWord)\n\(quotedWord): key\n")
  }

  @Test(
    "numbers only a YAML 1.2 reader sees (signs, `0o`, `_`, exponents without a `.`) are double-quoted",
    arguments: [
      // ruamel.yaml's YAML 1.2 tables.
      "+0o17", "-0o17", "0o1_7", "1_0e3", "+1_0e-3", "081_", "1_", "09", "-09_9", "0o_", "-0b1_0", "+0x_F",
      "-_", "+__", "1_0.5e3", "1e+3", "-1E3", "1.e3", "55__E5", "._", "._5", "-._5", "+.5_", "-.5e-3",
      // The core schema's exponent without a sign after a leading `.`.
      ".5e3", "-.5E3",
    ])
  func yaml12NumbersAreQuoted(word: String) throws {
    #expect(try yaml(["Value": .string(word)]) == "Value: \"\(word)\"\n")
  }

  @Test(
    "near misses no reader takes for a number stay plain",
    arguments: [
      "0o18", "0b2", "0x", "0o", "0b", "0xG", "1e", "1e+", "1e3_", "1_0e3x", "._5e3", "._e3", ".e3", "_1", "__",
      "1.2.3", "0o1.5", "+", "1-2", "2001-1-1", "+.", "1e3.5",
    ])
  func numberNearMissesStayPlain(word: String) throws {
    #expect(try yaml(["Value": .string(word)]) == "Value: \(word)\n")
  }

  @Test(
    "strings that cannot be plain where they stand are double-quoted",
    arguments: [
      "[a", "]", "{x}", ",", "#comment", "&anchor", "*alias", "!tag", "|", ">", "'q", "%x", "@x", "`x",
      "- x", "? x", ": x", "-", "?", ":", "---", "...", "--- x", "a: b", "a #b", "a:", " leading", "trailing ",
    ])
  func indicatorsAreQuoted(text: String) throws {
    #expect(try yaml(["Value": .string(text)]) == "Value: \"\(text)\"\n")
  }

  @Test(
    "everything else stays plain",
    arguments: [
      "-Xmx512m", "10.0.0.0/16", "sts:AssumeRole", "arn:aws:iam::aws:policy/x", "${AWS::StackName}-vpc",
      "a b c", "AWS::EC2::VPC", "a#b", "-a", "?a", "200-399", "0.0.0.0/0", "yesterday", "nullable", "1.2.3.4",
      "idle_timeout.timeout_seconds", "key:value", "application/json",
    ])
  func plainStrings(text: String) throws {
    #expect(try yaml(["Value": .string(text)]) == "Value: \(text)\n")
  }

  @Test("control characters, quotes and backslashes are escaped inside double quotes")
  func escapes() throws {
    let node: YAMLNode = [
      "Tab": "a\tb", "CarriageReturn": "a\rb", "WindowsLines": "a\r\nb", "Nul": "a\u{0}b", "Bell": "\u{7}",
      "NextLine": "x\u{85}y", "LineSeparator": "x\u{2028}y", "Mixed": "say \"hi\"\t\\",
    ]
    #expect(
      try yaml(node) == #"""
        Tab: "a\tb"
        CarriageReturn: "a\rb"
        WindowsLines: "a\r\nb"
        Nul: "a\0b"
        Bell: "\a"
        NextLine: "x\Ny"
        LineSeparator: "x\Ly"
        Mixed: "say \"hi\"\t\\"

        """#)
  }

  @Test("quotes and backslashes alone do not need quoting")
  func quotesInside() throws {
    #expect(
      try yaml(["A": "it's", "B": #"back\slash"#, "C": #"say "hi""#]) == "A: it's\nB: back\\slash\nC: say \"hi\"\n")
  }

  @Test("multi-line strings are literal blocks, except where libyaml must escape")
  func multiLine() throws {
    let node: YAMLNode = [
      "Clip": "a\nb\n", "Strip": "a\nb", "Keep": "a\n\n", "Indented": " first\nsecond",
      "TrailingSpace": "a \nb", "Tab": "a\n\tb",
    ]
    #expect(
      try yaml(node) == #"""
        Clip: |
          a
          b
        Strip: |-
          a
          b
        Keep: |+
          a

        Indented: |2-
           first
          second
        TrailingSpace: "a \nb"
        Tab: "a\n\tb"

        """#)
  }

  @Test("a tagged string follows the same rule")
  func taggedStrings() throws {
    #expect(
      try yaml([tagged("!Ref", "yes"), tagged("!Sub", "a: b"), tagged("!Ref", "AWS::NoValue")]) == """
        - !Ref "yes"
        - !Sub "a: b"
        - !Ref AWS::NoValue

        """)
  }
}

@Suite("Scalar analysis")
struct ScalarAnalysisTests {
  @Test("the plain-safe bit masks are exactly printable ASCII but # : , ? [ ] { }")
  func plainSafeMasks() {
    for byte in 0...255 {
      let expected = byte > 0x20 && byte < 0x7F && !"#:,?[]{}".utf8.contains(UInt8(byte))
      #expect(ScalarText.isPlainSafe(UInt8(byte)) == expected, "byte \(byte)")
    }
  }

  @Test("the shortcut for words decides every string as the full rule does")
  func wordShortcut() {
    var generator = RandomTreeGenerator(seed: 0xC0FF_EE)
    var texts =
      RandomTreeGenerator.ambiguousWords + RandomTreeGenerator.indicatorStrings
      + RandomTreeGenerator.plainStrings + RandomTreeGenerator.whitespaceAndControl
      + ["-", "--", "---", "---x", "-x", "..", "...", "...x", ".5", "x", "", "a-b", "1-2", "!x", "@x"]
    for _ in 0..<20_000 {
      if case .string(let text) = generator.scalar().value { texts.append(text) }
    }
    var words = 0
    for text in texts {
      var utf8 = text
      utf8.withUTF8 { bytes in
        if ScalarText.isPlainWord(bytes) { words += 1 }
        for (inFlow, isKey) in [(false, false), (false, true), (true, false), (true, true)] {
          let style = EmitRules.style(for: bytes, inFlow: inFlow, isKey: isKey)
          let full = EmitRules.styleOfAnyText(for: bytes, inFlow: inFlow, isKey: isKey)
          #expect(style == full, "\(text.debugDescription) inFlow \(inFlow) isKey \(isKey)")
        }
      }
    }
    #expect(words > 1_000)  // the shortcut is taken, not only skipped
  }
}

/// ``YAML12`` against ruamel.yaml 0.18's YAML 1.2 number patterns and the core
/// schema's, as regular expressions copied from `ruamel/yaml/resolver.py` and
/// the YAML 1.2.2 specification (10.3.2).
@Suite("YAML 1.2 numbers")
struct YAML12NumberTests {
  /// The patterns, compiled once per test (a `Regex` is not `Sendable`).
  struct Patterns {
    let ruamelInteger = try! Regex(#"[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+"#)
    let ruamelFloat = try! Regex(
      #"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"#
        + #"|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"#)
    let core = try! Regex(
      #"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"#
        + #"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"#)

    /// Whether a pattern matches; ruamel looks its number patterns up only for
    /// texts beginning with a sign, a digit or `.`.
    func match(_ text: String) -> Bool {
      let ruamelLooksUp = text.first.map { "-+0123456789.".contains($0) } ?? false
      return (ruamelLooksUp && (text.wholeMatch(of: ruamelInteger) != nil || text.wholeMatch(of: ruamelFloat) != nil))
        || text.wholeMatch(of: core) != nil
    }
  }

  static func isNumber(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { YAML12.isNumber($0) }
  }

  @Test("every text of up to four characters from the numbers' alphabet is decided as the patterns decide")
  func exhaustiveShortTexts() {
    let patterns = Patterns()
    let alphabet = Array("0178_.eE+-oxbF")
    var texts = [""]
    var level = [""]
    for _ in 1...4 {
      level = level.flatMap { prefix in alphabet.map { prefix + String($0) } }
      texts += level
    }
    var numbers = 0
    for text in texts {
      let expected = patterns.match(text)
      if expected { numbers += 1 }
      #expect(Self.isNumber(text) == expected, "\(text.debugDescription)")
    }
    #expect(numbers > 1_000)  // the alphabet reaches every pattern
  }

  @Test("the corpus generator's number-like words and the special values are decided as the patterns decide")
  func generatedWords() {
    let patterns = Patterns()
    var generator = RandomTreeGenerator(seed: 12)
    var texts = [".inf", "-.Inf", "+.INF", ".nan", ".NaN", "-.nan", ".Nan"]
    for _ in 0..<5_000 { texts.append(generator.numberLike()) }
    for text in texts {
      #expect(Self.isNumber(text) == patterns.match(text), "\(text.debugDescription)")
    }
  }
}
