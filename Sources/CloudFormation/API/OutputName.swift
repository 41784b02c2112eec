/// The logical ID of an output, as a type of its own: what a stack's interface
/// hands to code that reads a deployed stack's outputs (the deploy commands),
/// so that the name is written once, where the output is declared.
///
/// ```swift
/// public static let listenerARN: OutputName = "ListenerArn"
///
/// Output(listenerARN, value: listener.ref)   // in the template
/// deployedStack.output(listenerARN)          // after deploying it
/// ```
public struct OutputName: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
  public let logicalID: String

  public init(_ logicalID: String) {
    self.logicalID = logicalID
  }

  public init(stringLiteral logicalID: String) {
    self.logicalID = logicalID
  }

  public var description: String { logicalID }
}

extension Output {
  /// An output declared by its typed name.
  public init<Kind>(
    _ name: OutputName, value: Value<Kind>, description: String? = nil, exportName: Value<String>? = nil,
    condition: Condition? = nil, fileID: String = #fileID, line: Int = #line
  ) {
    self.init(
      name.logicalID, value: value, description: description, exportName: exportName, condition: condition,
      fileID: fileID, line: line)
  }

  /// The output's typed name.
  public var name: OutputName { OutputName(logicalID) }
}
