import Testing
import YAML

@Suite("Parser")
struct ParserTests {
  @Test("tags and key order are kept")
  func tagsAndOrder() throws {
    let node = try YAMLParser().parse(
      """
      Zeta: !Ref VPC
      Alpha: !GetAtt ALB.DNSName
      Middle: !Select [0, !GetAZs ""]
      Sub: !Sub
        - ${A}-x
        - A: !Ref B

      """)
    let mapping = try #require(node.mapping)
    #expect(mapping.stringKeys == ["Zeta", "Alpha", "Middle", "Sub"])
    #expect(node["Zeta"] == tagged("!Ref", "VPC"))
    #expect(node["Alpha"] == tagged("!GetAtt", "ALB.DNSName"))
    #expect(node["Middle"] == taggedList("!Select", [0, tagged("!GetAZs", "")]))
    #expect(node["Sub"]?.tag == "!Sub")
    #expect(node["Sub"]?.sequence?.items.last?["A"] == tagged("!Ref", "B"))
  }

  @Test("plain scalars resolve as PyYAML resolves them")
  func resolution() throws {
    let node = try YAMLParser().parse(
      """
      - yes
      - Off
      - y
      - 0123
      - 0x1F
      - 0b101
      - 1_000
      - 10:30
      - -9223372036854775808
      - 1.5
      - 1.0e+16
      - 1e3
      - .5
      - -.inf
      - .nan
      - ~
      -
      - 2010-09-09
      - "yes"
      - !!int "42"
      - !!str 42
      - ! 42
      - <<

      """)
    let items = try #require(node.sequence?.items)
    let expected: [YAMLScalar.Value] = [
      .boolean(true), .boolean(false), .string("y"), .integer(83), .integer(31), .integer(5), .integer(1000),
      .integer(630), .integer(Int.min), .float(1.5), .float(1e16), .string("1e3"), .float(0.5),
      .float(-.infinity), .float(.nan), .null, .null, .string("2010-09-09"), .string("yes"), .integer(42),
      .string("42"), .string("42"), .string("<<"),
    ]
    #expect(items.map { $0.scalar?.value } == expected)
  }

  @Test("a syntax error names its line and column")
  func syntaxError() throws {
    let text = """
      Resources:
        VPC:
          Type: AWS::EC2::VPC
         Properties: [unclosed

      """
    #expect {
      try YAMLParser().parse(text)
    } throws: { error in
      guard case .syntax(let problem, let line, let column, _) = error as? YAMLError else { return false }
      return line == 4 && column == 4 && !problem.isEmpty
        && "\(error)".hasPrefix("YAML syntax error at line 4, column 4:")
    }
  }

  @Test("an alias bomb is refused at once, not expanded")
  func aliasBomb() throws {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      let previous = "*a\(level - 1)"
      text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
    }
    let clock = ContinuousClock()
    let start = clock.now
    #expect {
      try YAMLParser().parse(text)
    } throws: { error in
      guard case .aliasExpansionTooLarge(_, let limit, let line, _) = error as? YAMLError else { return false }
      return limit == 10_000_000 && line >= 7
    }
    #expect(clock.now - start < .seconds(2))
  }

  @Test("a large mapping or sequence is built in place, in time linear in its size")
  func largeCollections() throws {
    var text = ""
    for index in 0..<50_000 { text += "Key\(index): [\(index)]\n" }
    let clock = ContinuousClock()
    let start = clock.now
    let node = try YAMLParser().parse(text)
    // Copying the entries so far for every entry took minutes here.
    #expect(clock.now - start < .seconds(5))
    #expect(node.mapping?.entries.count == 50_000)
    #expect(node["Key49999"] == [49_999])
  }

  @Test("aliases within the limit are expanded into copies")
  func aliasesExpand() throws {
    let node = try YAMLParser().parse("base: &tags {Key: Name}\ncopy: *tags\n")
    #expect(node["copy"] == node["base"])
    #expect(node["copy"]?["Key"] == "Name")
  }

  @Test("a document over the size limit is refused before parsing")
  func oversized() throws {
    let parser = YAMLParser(options: .init(maximumDocumentBytes: 1024))
    let text = "Key: " + String(repeating: "x", count: 2000) + "\n"
    #expect(throws: YAMLError.documentTooLarge(bytes: 2006, limit: 1024)) { try parser.parse(text) }
  }

  @Test("duplicate keys, second documents, undefined aliases and huge integers are errors")
  func otherErrors() throws {
    #expect(throws: YAMLError.duplicateKey(key: "VPC", line: 2, column: 1)) {
      try YAMLParser().parse("VPC: 1\nVPC: 2\n")
    }
    #expect(throws: YAMLError.multipleDocuments(line: 2, column: 1)) { try YAMLParser().parse("a: 1\n---\nb: 2\n") }
    #expect(throws: YAMLError.undefinedAlias(anchor: "nope", line: 1, column: 4)) {
      try YAMLParser().parse("a: *nope\n")
    }
    #expect(throws: YAMLError.integerOutOfRange(text: "99999999999999999999", line: 1, column: 4)) {
      try YAMLParser().parse("a: 99999999999999999999\n")
    }
  }

  @Test("an empty document is null")
  func empty() throws {
    #expect(try YAMLParser().parse("") == .null)
    #expect(try YAMLParser().parse("# only a comment\n") == .null)
  }
}
