import TestSupport
import Testing

/// CloudFormation's syntax is spelled in one layer: no other source file holds a
/// string literal naming an intrinsic function (generated resources aside, which
/// never do either).
@Suite("The syntax is known once")
struct SyntaxOwnershipTests {
  static let packageRoot: String = {
    let file = #filePath
    return String(file.prefix(upTo: file.firstRange(of: "/Tests/TemplateSyntaxTests")!.lowerBound))
  }()

  @Test("no \"Fn::… string literal in Sources/ outside TemplateSyntax")
  func noFunctionNamesElsewhere() throws {
    let result = try runProcess([
      "grep", "-rn", "--include=*.swift", "\"Fn::", Self.packageRoot + "/Sources",
      "--exclude-dir=TemplateSyntax", "--exclude-dir=Resources",
    ])
    // grep exits 1 when nothing matches.
    #expect(result.status == 1, "\(result.outputText)")
    #expect(result.outputText.isEmpty)
  }
}
