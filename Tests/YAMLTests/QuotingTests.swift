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
