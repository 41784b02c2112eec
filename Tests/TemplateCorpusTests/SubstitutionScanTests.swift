import Testing

@testable import TemplateCorpus

@Suite("The generator's own reading of !Sub text")
struct SubstitutionScanTests {
  @Test("a } followed by a combining accent still closes the name")
  func combiningAfterBrace() {
    #expect(SubstitutionScan.names(in: "${AWS::Region}\u{301}tail") == ["AWS::Region"])
    #expect(SubstitutionScan.names(in: "${A}\u{301}${B}") == ["A", "B"])
  }

  @Test("names in order, literals included; an unclosed ${ is nil")
  func names() {
    #expect(SubstitutionScan.names(in: "") == [])
    #expect(SubstitutionScan.names(in: "$ { x } $") == [])
    #expect(SubstitutionScan.names(in: "a${X}b${!Y}c${}") == ["X", "!Y", ""])
    #expect(SubstitutionScan.names(in: "${X}${") == nil)
    #expect(SubstitutionScan.names(in: "\u{600}${X}") == ["X"])
  }

  @Test("a literal starts with ! even when an accent follows it")
  func literals() {
    #expect(SubstitutionScan.isLiteral("!Literal"))
    #expect(SubstitutionScan.isLiteral("!\u{301}Literal"))
    #expect(!SubstitutionScan.isLiteral("Literal!"))
  }

  @Test("the resource is the part before the first dot, even one an accent follows")
  func resourcePart() {
    #expect(SubstitutionScan.resourcePart(of: "Topic.Arn") == "Topic")
    #expect(SubstitutionScan.resourcePart(of: "Stack.Outputs.Name") == "Stack")
    #expect(SubstitutionScan.resourcePart(of: "Topic.\u{301}Arn") == "Topic")
    #expect(SubstitutionScan.resourcePart(of: "Topic") == nil)
  }
}
