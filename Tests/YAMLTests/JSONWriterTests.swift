import Testing
import YAML

@Suite("JSON writer")
struct JSONWriterTests {
  @Test("key order is kept, output is indented and deterministic")
  func pretty() throws {
    let node: YAMLNode = [
      "Zeta": 1, "Alpha": [true, .null, 5.0, 1e16], "Empty": [], "EmptyMap": .mapping(YAMLMapping()),
    ]
    #expect(
      try JSONWriter().string(from: node) == """
        {
          "Zeta": 1,
          "Alpha": [
            true,
            null,
            5.0,
            1.0e+16
          ],
          "Empty": [],
          "EmptyMap": {}
        }

        """)
    #expect(
      try JSONWriter(indentation: nil).string(from: node)
        == #"{"Zeta":1,"Alpha":[true,null,5.0,1.0e+16],"Empty":[],"EmptyMap":{}}"#)
  }

  @Test("strings are escaped per RFC 8259")
  func escaping() throws {
    let text = "quote\" backslash\\ nl\n cr\r tab\t nul\u{0} esc\u{1B} del\u{7F} ls\u{2028} é 😀"
    #expect(
      try JSONWriter(indentation: nil).string(from: .string(text))
        == #""quote\" backslash\\ nl\n cr\r tab\t nul\u0000 esc\u001b del\u007f ls\u2028 é 😀""#)
  }

  @Test("tags are wrapped, dropped or converted")
  func tags() throws {
    let node: YAMLNode = ["VpcId": tagged("!Ref", "VPC")]
    #expect(try JSONWriter(indentation: nil).string(from: node) == #"{"VpcId":{"!Ref":"VPC"}}"#)
    #expect(try JSONWriter(indentation: nil, tagHandling: .drop).string(from: node) == #"{"VpcId":"VPC"}"#)
    let longForm = JSONWriter(
      indentation: nil,
      tagHandling: .convert { node in
        ["Ref": .string(node.stringValue ?? "")]
      })
    #expect(try longForm.string(from: node) == #"{"VpcId":{"Ref":"VPC"}}"#)
  }

  @Test("values JSON cannot hold are refused with the reason")
  func unrepresentable() throws {
    #expect(throws: YAMLError.self) { try JSONWriter().string(from: .float(.nan)) }
    let complexKey = YAMLNode.mapping(YAMLMapping([.init(key: [1, 2], value: "x")]))
    #expect(throws: YAMLError.self) { try JSONWriter().string(from: complexKey) }
  }
}
