import Testing
import YAML

/// Comments: what the emitter writes on `#` lines and refuses.
@Suite("Comments")
struct CommentTests {
  @Test("an emoji and a tab are written as they are, in a header and in entry comments, and change no data")
  func emojiAndTab() throws {
    var nested = YAMLMapping()
    nested.append("Port", 80, comment: "tab\there, 🚀 there")
    var root = YAMLMapping()
    root.append("Name", "web", comment: "first 😀\tentry")
    root.append("Settings", .mapping(nested), comment: "🚀")
    let output = try yaml(.mapping(root), header: "Generated\t😀 by a test")
    #expect(
      output == """
        # Generated\t😀 by a test
        # first 😀\tentry
        Name: web
        # 🚀
        Settings:
          # tab\there, 🚀 there
          Port: 80

        """)
    #expect(try readByPyYAML(output) == #"{"Name":"web","Settings":{"Port":80}}"#)
  }

  @Test(
    "every character YAML allows in a comment is written",
    arguments: ["\t", "~", "\u{A0}", "\u{D7FF}", "\u{E000}", "\u{FFFD}", "\u{10000}", "\u{1F600}", "\u{10FFFF}"])
  func allowedCharacters(character: String) throws {
    var mapping = YAMLMapping()
    mapping.append("Key", "value", comment: "a\(character)b")
    let output = try yaml(.mapping(mapping), header: character)
    #expect(output == "# \(character)\n# a\(character)b\nKey: value\n")
    #expect(try readByPyYAML(output) == #"{"Key":"value"}"#)
  }

  @Test(
    "line breaks but LF, control characters, the byte-order mark and non-characters are refused",
    arguments: [
      "\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "\u{1F}",
      "\u{7F}", "\u{80}", "\u{9F}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}",
    ])
  func forbiddenCharacters(character: String) throws {
    let comment = "before\(character)after"
    var mapping = YAMLMapping()
    mapping.append("Key", "value", comment: comment)
    #expect(throws: YAMLError.invalidComment(comment)) { try yaml(.mapping(mapping)) }
    #expect(throws: YAMLError.invalidComment(comment)) { try yaml(["Key": "value"], header: comment) }
  }
}
