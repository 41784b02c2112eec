import Testing

@testable import YAML

/// JSON read as JSON: what a YAML parser would refuse or read otherwise.
@Suite("JSON parser")
struct JSONParserTests {
  @Test("objects keep key order; numbers are integers or floats by their form")
  func values() throws {
    let node = try JSONParser().parse(#"{"b": 1, "a": [1.5, 1e3, -0, 12345678901234567890, true, null, "x"]}"#)
    #expect(node.mapping?.stringKeys == ["b", "a"])
    #expect(
      node["a"]
        == [.float(1.5), .float(1000), .integer(0), .float(Double("12345678901234567890")!), true, .null, "x"])
  }

  @Test("escapes, surrogate pairs and a key longer than YAML's 1,024-character limit")
  func strings() throws {
    let key = String(repeating: "k", count: 2000)
    let node = try JSONParser().parse(#"{"\#(key)": "a\/b\n\t\u00e9\ud83d\ude00"}"#)
    #expect(node[key]?.stringValue == "a/b\n\té😀")
  }

  @Test("keys that differ only in Unicode normalization are two keys; a repeated key is refused")
  func keys() throws {
    let node = try JSONParser().parse(#"{"\u00e9": 1, "e\u0301": 2}"#)
    #expect(node.mapping?.entries.count == 2)
    #expect(throws: YAMLError.duplicateKey(key: "a", line: 1, column: 10)) {
      try JSONParser().parse(#"{"a": 1, "a": 2}"#)
    }
  }

  @Test("malformed JSON is refused with its position")
  func errors() {
    for text in [#"{"a": 1} x"#, #"["\ud800"]"#, "[\"a\u{1}\"]", "[1,]", "{\"a\" 1}", "01", "[", ""] {
      #expect(throws: YAMLError.self, "\(text)") { try JSONParser().parse(text) }
    }
  }

  @Test("nesting deeper than the limit is refused, by the JSON and the YAML parser alike")
  func depth() {
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    #expect(throws: YAMLError.nestingTooDeep(limit: 512, line: 1, column: 513)) { try JSONParser().parse(deep) }
    #expect(throws: YAMLError.nestingTooDeep(limit: 512, line: 1, column: 513)) { try YAMLParser().parse(deep) }
    #expect(throws: Never.self) {
      try YAMLParser().parse(String(repeating: "[", count: 100) + String(repeating: "]", count: 100))
    }
  }
}
