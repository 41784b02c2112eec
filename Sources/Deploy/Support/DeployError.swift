/// A deploy command that cannot go on: the message names the problem and the
/// fix; `status` is the exit status `gen` ends with.
public struct DeployError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var status: Int32

  public init(_ message: String, status: Int32 = 1) {
    self.message = message
    self.status = status
  }

  public var description: String { message }
}
