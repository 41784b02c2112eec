/// Where a value sits inside a template entry: `Properties.Tags[0].Value`.
///
/// Paths follow the data (object keys and list positions); a value inside an
/// intrinsic function's arguments has the path of the function, except a `!Sub`
/// variable, which adds `(Sub ${Name})`.
///
/// ```swift
/// let path = ExpressionPath.key("Properties").appending(.key("Tags")).appending(.index(0))
/// path.description   // "Properties.Tags[0]"
/// ```
public struct ExpressionPath: Hashable, Sendable, CustomStringConvertible {
  /// One step of a path.
  public enum Component: Hashable, Sendable {
    /// An object's key.
    case key(String)
    /// A list's position, from 0.
    case index(Int)
    /// A variable of a `!Sub` variable map.
    case subVariable(String)
  }

  public var components: [Component]

  /// The step from a value to one inside it (see ``Expression/forEachChild(_:)``).
  public enum Step: Hashable, Sendable {
    /// A function's argument: the path stays the function's.
    case argument
    /// A list item, an object's value, a `!Sub` variable, a loop's collection.
    case component(Component)
    /// A loop's output under `key`: `[2].key`.
    case loopOutput(String)
  }

  public init(_ components: [Component] = []) {
    self.components = components
  }

  /// The empty path: the entry itself.
  public static var root: ExpressionPath { ExpressionPath() }

  /// A path of one key.
  public static func key(_ key: String) -> ExpressionPath { ExpressionPath([.key(key)]) }

  /// This path followed by `component`.
  public func appending(_ component: Component) -> ExpressionPath {
    ExpressionPath(components + [component])
  }

  /// This path followed by `key`.
  public func appending(key: String) -> ExpressionPath { appending(Component.key(key)) }

  /// This path followed by `other`.
  public func appending(_ other: ExpressionPath) -> ExpressionPath { ExpressionPath(components + other.components) }

  public var isEmpty: Bool { components.isEmpty }

  /// Takes `step` in place; returns how many components it added, for ``leave(_:)``.
  @discardableResult
  public mutating func enter(_ step: Step) -> Int {
    switch step {
    case .argument: return 0
    case .component(let component):
      components.append(component)
      return 1
    case .loopOutput(let key):
      components.append(.index(2))
      components.append(.key(key))
      return 2
    }
  }

  /// Goes back `count` components, the ones ``enter(_:)`` added.
  public mutating func leave(_ count: Int) {
    components.removeLast(count)
  }

  /// `Properties.Tags[0].Value`, `Value(Sub ${Zone})`; empty for the root.
  public var description: String {
    var text = ""
    for component in components {
      switch component {
      case .key(let key): text += text.isEmpty ? key : "." + key
      case .index(let index): text += "[\(index)]"
      case .subVariable(let name): text += "(Sub ${\(name)})"
      }
    }
    return text
  }
}
