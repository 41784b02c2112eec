/// Something read structurally, not as CloudFormation syntax: an unknown
/// function, a function whose argument does not have its shape, a foreign tag.
/// The value is kept as written and compared as such.
public struct SyntaxNote: Hashable, Sendable, CustomStringConvertible {
  /// Where, from the template's top: `Resources.Web.Properties.UserData`.
  public var path: ExpressionPath
  public var message: String

  public init(path: ExpressionPath, message: String) {
    self.path = path
    self.message = message
  }

  /// `Resources.Web.Properties.UserData: Fn::Foo is not a function CloudFormation knows; …`.
  public var description: String {
    path.isEmpty ? message : "\(path): \(message)"
  }
}
