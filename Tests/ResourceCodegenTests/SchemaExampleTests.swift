import ResourceCodegen
import Testing
import YAML

/// The values the sample program gives each generated type come from the
/// schema's own rules, so cfn-lint can check free-form properties too.
@Suite("Schema examples")
struct SchemaExampleTests {
  func example(_ json: String, definitions: String = "{}") throws -> SchemaExample? {
    let document = try YAMLParser().parse(#"{"definitions": \#(definitions)}"#)
    return SchemaExample.of(try YAMLParser().parse(json), in: document)
  }

  @Test("a string takes its format, else a string its pattern accepts, within its lengths")
  func strings() throws {
    #expect(try example(#"{"type": "string", "format": "date-time"}"#) == .string("2026-01-01T00:00:00Z"))
    #expect(
      try example(#"{"type": "string", "format": "AWS::IAM::Role.Arn"}"#)
        == .string("arn:aws:iam::123456789012:role/example"))
    #expect(try example(#"{"type": "string", "pattern": "^[0-9]{12}$"}"#) == .string("000000000000"))
    #expect(try example(#"{"type": "string", "maxLength": 3}"#) == .string("exa"))
    #expect(try example(#"{"type": "string", "enum": ["HASH", "RANGE"]}"#) == .string("HASH"))
  }

  @Test("an object gives its required properties, the first branch of a oneOf merged in")
  func objects() throws {
    let value = try example(
      ##"""
      {"type": "object", "properties": {"Mode": {"$ref": "#/definitions/Mode"}, "Name": {"type": "string"}},
       "required": ["Name"], "oneOf": [{"required": ["Mode"]}, {"required": ["Other"]}]}
      """##,
      definitions: #"{"Mode": {"type": "string", "enum": ["FAST", "SLOW"]}}"#)
    #expect(
      value == .object([.init(name: "Name", value: .string("example")), .init(name: "Mode", value: .string("FAST"))]))
  }

  @Test("a branch that requires more of a declared property is met too")
  func branchNarrowsProperty() throws {
    let value = try example(
      #"""
      {"type": "object", "required": ["Grouping"],
       "properties": {"Grouping": {"type": "object", "properties": {"Auto": {"type": "boolean"}, "Ids": {"type": "array", "items": {"type": "string"}}}}},
       "anyOf": [{"properties": {"Grouping": {"required": ["Ids"]}}}]}
      """#)
    #expect(value?["Grouping"] == .object([.init(name: "Ids", value: .list([.string("example")]))]))
  }

  @Test("the first list item meets the first of prefixItems; a map key matches patternProperties")
  func prefixItemsAndPatternKeys() throws {
    let keys = try example(
      #"""
      {"type": "array", "items": {"type": "object", "properties": {"KeyType": {"type": "string"}}, "required": ["KeyType"]},
       "prefixItems": [{"properties": {"KeyType": {"const": "HASH"}}}]}
      """#)
    #expect(keys == .list([.object([.init(name: "KeyType", value: .string("HASH"))])]))
    let map = try example(
      #"{"type": "object", "patternProperties": {"^cognito:(default|english)$": {"type": "string"}}}"#)
    #expect(map == .object([.init(name: "cognito:default", value: .string("example"))]))
  }

  @Test("a recursive definition ends instead of looping")
  func recursion() throws {
    let value = try example(
      ##"{"$ref": "#/definitions/Node"}"##,
      definitions:
        ##"{"Node": {"type": "object", "properties": {"Child": {"$ref": "#/definitions/Node"}}, "required": ["Child"]}}"##
    )
    #expect(value != nil)
  }
}

@Suite("Pattern examples")
struct PatternExampleTests {
  @Test(
    "the first choice of every atom, checked against the pattern",
    arguments: [
      ("^cognito:(default|english|french)$", "cognito:default"),
      ("^[a-z]{2}-[a-z-]+-\\d+$", "aa-a-1"),
      ("^(?!aws:)[a-zA-Z+-=._:/]+$", "a"),
      ("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$", "a"),
      ("arn:[a-z0-9][a-z0-9-.]{0,62}:organizations::[0-9]{12}:transfer", "arn:aa:organizations::000000000000:transfer"),
    ])
  func matching(pattern: String, expected: String) {
    #expect(PatternExample.string(matching: pattern) == expected)
  }

  @Test("nil when the first choices do not match")
  func unmatched() {
    // A lookahead the first choice does not satisfy.
    #expect(PatternExample.string(matching: "^(?=.*[0-9])[a-z0-9]+$") == nil)
  }
}
