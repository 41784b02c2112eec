/// Where in the Swift sources a parameter, condition, mapping, rule, resource
/// or output was declared: the `#fileID` (`MyStacks/Web.swift`) and `#line` of
/// its initializer's call, which every initializer records by default. Problems
/// name it, so that an error points at the Swift, not only at the template.
///
/// An element declared inside a macro's argument (`#expect(Template { … })`)
/// records the macro's line: that is where the compiler says the call is.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  /// `Module/File.swift`.
  public var fileID: String
  public var line: Int

  public init(fileID: String, line: Int) {
    self.fileID = fileID
    self.line = line
  }

  /// `MyStacks/Web.swift:42`.
  public var description: String { "\(fileID):\(line)" }
}
