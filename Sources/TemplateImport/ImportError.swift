import TemplateSyntax

/// Why a template cannot be imported faithfully, with where in the template.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Where, from the template's top: `Resources.Web.Properties.UserData`.
  public var path: ExpressionPath
  public var message: String

  public init(_ message: String, at path: ExpressionPath = .root) {
    self.path = path
    self.message = message
  }

  /// `Resources.Web.Properties: …`.
  public var description: String {
    path.isEmpty ? message : "\(path): \(message)"
  }
}
