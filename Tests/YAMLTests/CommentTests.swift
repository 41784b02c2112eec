import Testing
import YAML
import YAMLCorpus

/// Comments: what the emitter writes on `#` lines and refuses, and what the
/// parser reads back.
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

  @Test("comments above keys are read into their entries, at every depth, and written again as they were")
  func parsedComments() throws {
    let text = """
      # Header
      #
      #   indented text
      Top: 1
      Nested:
        # first nested key
        A: 1
        # second nested key
        B:
          # deep
          C: x
          D: z
      Last: !Ref Nested
      """ + "\n"
    let node = try YAMLParser().parse(text)
    let top = try #require(node.mapping)
    #expect(top.entries.map(\.comment) == ["Header\n\n  indented text", nil, nil])
    let nested = try #require(node["Nested"]?.mapping)
    #expect(nested.entries.map(\.comment) == ["first nested key", "second nested key"])
    #expect(node["Nested"]?["B"]?.mapping?.entries.map(\.comment) == ["deep", nil])
    #expect(try yaml(node) == text)
  }

  @Test("a `#` inside a quoted or block scalar is not a comment; a comment after a block scalar is")
  func hashInsideScalars() throws {
    let node = try YAMLParser().parse(
      """
      Quoted: "a
        # not a comment
        b"
      Single: 'x # y'
      Script: |
        #!/bin/sh
          # more indented: content
        # not a comment either
      # about Next
      Next: 1
      Folded: >-
        text
      # about Last
      Last: 2

      """)
    let mapping = try #require(node.mapping)
    #expect(mapping.entries.map(\.comment) == [nil, nil, nil, "about Next", nil, "about Last"])
    #expect(node["Quoted"] == "a # not a comment b")
    #expect(node["Single"] == "x # y")
    #expect(node["Script"] == "#!/bin/sh\n  # more indented: content\n# not a comment either\n")
  }

  @Test("comments after content on its line, inside flow collections and before sequence items are dropped")
  func droppedComments() throws {
    let node = try YAMLParser().parse(
      """
      Key: value # trailing
      List:
        # before an item
        - Name: a
          # before a key that begins its line
          Value: b
      Flow: {a: 1, # inside
        # inside too
        b: 2}
      # after a `---`-like line of content
      After: 1

      """)
    #expect(node.mapping?.entries.map(\.comment) == [nil, nil, nil, "after a `---`-like line of content"])
    let item = try #require(node["List"]?.sequence?.items.first?.mapping)
    #expect(item.entries.map(\.comment) == [nil, "before a key that begins its line"])
    #expect(node["Flow"]?.mapping?.entries.map(\.comment) == [nil, nil])
  }

  @Test("a header comment and the first entry's comment are read back as that entry's comment")
  func headerAndFirstEntry() throws {
    var mapping = YAMLMapping()
    mapping.append("First", 1, comment: "about First")
    mapping.append("Second", 2)
    let output = try yaml(.mapping(mapping), header: "Generated")
    #expect(output == "# Generated\n# about First\nFirst: 1\nSecond: 2\n")
    let parsed = try YAMLParser().parse(output)
    #expect(parsed.mapping?.entries.map(\.comment) == ["Generated\nabout First", nil])
    #expect(try yaml(parsed) == output)
  }

  @Test("comments are found after non-ASCII text, with CRLF line breaks and after a byte-order mark")
  func byteOffsets() throws {
    let wide = String(repeating: "naïve café 😀 日本語 ", count: 20)
    let text = "\u{FEFF}# header\r\nName: \(wide)\r\n\r\n# after wide text\r\nNext: 1\r\n#\r\nLast: [é, 😀]\r\n"
    let node = try YAMLParser().parse(text)
    #expect(node.mapping?.entries.map(\.comment) == ["header", "after wide text", ""])
    #expect(node["Name"]?.stringValue == String(wide.dropLast()))
  }

  @Test("comment lines are read across blank lines, a `---` line and a tag on its own line")
  func linesBetween() throws {
    let text = "# before the marker\n--- # on the marker\n# - not an item\n\n# after a blank line\n!Tag\nKey: 1\n"
    let node = try YAMLParser().parse(text)
    #expect(node.mapping?.entries.first?.comment == "before the marker\n- not an item\nafter a blank line")
  }

  @Test("in random trees, every comment the emitter writes above a key is read back")
  func randomTrees() throws {
    var generator = RandomTreeGenerator(seed: 0xC0_33E7)
    var comments = 0
    for index in 0..<2_000 {
      let tree = generator.tree()
      let output = try YAMLEmitter().string(from: tree)
      var expected: [String?] = []
      var actual: [String?] = []
      Self.collectComments(tree, inFlow: false, afterIndicator: false, expected: true, into: &expected)
      let parsed = try YAMLParser().parse(output)
      Self.collectComments(parsed, inFlow: false, afterIndicator: false, expected: false, into: &actual)
      #expect(actual == expected, "case \(index):\n\(output)")
      comments += expected.count { $0 != nil }
    }
    #expect(comments > 1_000)
  }

  /// The comments of every mapping entry, in document order. With `expected`,
  /// those the parser should find: not in flow collections, and not on a first
  /// key that shares its line with a sequence item's `- ` or a complex key's
  /// value indicator `: ` (the comment is written above that line).
  static func collectComments(
    _ node: YAMLNode, inFlow: Bool, afterIndicator: Bool, expected: Bool, into comments: inout [String?]
  ) {
    switch node {
    case .scalar: break
    case .sequence(let sequence):
      let flow = inFlow || sequence.style == .flow
      for item in sequence.items {
        collectComments(item, inFlow: flow, afterIndicator: !flow, expected: expected, into: &comments)
      }
    case .mapping(let mapping):
      let flow = inFlow || mapping.style == .flow
      for (index, entry) in mapping.entries.enumerated() {
        let written = !flow && !(afterIndicator && index == 0)
        comments.append(expected && !written ? nil : entry.comment)
        collectComments(
          entry.value, inFlow: flow, afterIndicator: !flow && !isSimpleKey(entry.key), expected: expected,
          into: &comments)
      }
    }
  }

  /// Whether the emitter writes `key` on its value's line (`Key: value`), not as
  /// `? key` with the value on a `: ` line: a string of at most 128 bytes
  /// without line breaks (the generator's keys are untagged strings).
  static func isSimpleKey(_ key: YAMLNode) -> Bool {
    guard let text = key.stringValue else { return false }
    return text.utf8.count <= 128
      && !text.unicodeScalars.contains { "\n\r\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) }
  }
}
