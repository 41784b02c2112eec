import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Swift seeds its hashing randomly in every process unless
/// `SWIFT_DETERMINISTIC_HASHING` is set, so running the built example several
/// times with that variable unset catches any `Dictionary` or `Set` order that
/// leaks into a template.
@Suite("Determinism across processes")
struct ProcessDeterminismTests {
  @Test("the escape-hatch example prints identical bytes in separate processes", arguments: ["yaml", "json"])
  func sameBytes(format: String) throws {
    let binary = try #require(builtProduct("escape-hatch-example"), "the example binary was not built")
    let runs = try (0..<5).map { _ in
      try runProcess([binary, "--format", format], removing: ["SWIFT_DETERMINISTIC_HASHING"])
    }
    #expect(runs.allSatisfy { $0.status == 0 })
    #expect(!runs[0].output.isEmpty)
    #expect(Set(runs.map(\.output)).count == 1, "the output differs between processes")
  }
}

@Suite("Printing a template from your own code")
struct TemplatePrintTests {
  @Test("template.print() with an error lists it on stderr, prints nothing and exits 1")
  func failure() throws {
    let binary = try #require(builtProduct("template-print-failure"))
    let result = try runProcess([binary])
    #expect(result.status == 1)
    #expect(result.outputText.isEmpty)
    #expect(
      result.errorText == """
        the template has 1 error:
          - template_print_failure/main.swift:7: Resources.Topic Properties.DisplayName: !Ref Ghost refers to nothing in the template (no parameter, resource or pseudo parameter of that name); add it or fix the name

        """)
  }
}
