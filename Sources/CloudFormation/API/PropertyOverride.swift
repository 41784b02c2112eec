import TemplateSyntax

/// A change to a resource's properties past its Swift API: a value set at a
/// property path, or a property removed. The escape hatch for a typed resource
/// whose schema lags AWS, next to ``UntypedResource`` for a type not generated at
/// all (like CDK's `addPropertyOverride`):
///
/// ```swift
/// let service = ECS.Service("Service", …)
///   .overriding("DeploymentConfiguration.BakeTimeInMinutes", with: 5)
///   .removingProperty("HealthCheckGracePeriodSeconds")
/// ```
///
/// A path is the properties' AWS names joined by dots; a number picks a list's
/// item (`Tags.0.Value`). Objects the path needs are created; keys come out in
/// byte order like every schema-typed key. An override that cannot apply (a path
/// through a value that is no object or list, a removal of what is not set) is an
/// error of the template, with the resource's Swift line.
public struct PropertyOverride: Hashable, Sendable {
  public var path: [String]
  /// The value to set; `nil` removes the property.
  public var value: Expression?

  public init(path: [String], value: Expression?) {
    self.path = path
    self.value = value
  }

  /// The path as written: `DeploymentConfiguration.BakeTimeInMinutes`.
  public var pathText: String { path.joined(separator: ".") }

  /// `properties` with the override applied; throws the reason it cannot apply.
  func apply(to properties: Expression) throws(OverrideFailure) -> Expression {
    guard !path.isEmpty, !path.contains(where: \.isEmpty) else {
      throw OverrideFailure("has an empty key in its path \"\(pathText)\"; write the keys joined by single dots")
    }
    return try apply(to: properties, remaining: path[...])
  }

  private func apply(to node: Expression, remaining: ArraySlice<String>) throws(OverrideFailure) -> Expression {
    let key = remaining.first!
    let rest = remaining.dropFirst()
    let walked = remaining.startIndex == 0 ? "the properties" : path[..<remaining.startIndex].joined(separator: ".")
    switch node {
    case .object(var entries, let ordering):
      let index = entries.firstIndex { $0.key == key }
      if rest.isEmpty {
        switch (value, index) {
        case (let value?, let index?): entries[index].value = value
        case (let value?, nil): entries.append(.init(key, value))
        case (nil, let index?): entries.remove(at: index)
        case (nil, nil): throw OverrideFailure("removes \(pathText), which the resource does not set; fix the path")
        }
        return .object(entries, ordering: ordering)
      }
      guard let index else {
        guard value != nil else {
          throw OverrideFailure("removes \(pathText), which the resource does not set; fix the path")
        }
        entries.append(.init(key, try apply(to: .object([], ordering: .sortedKeys), remaining: rest)))
        return .object(entries, ordering: ordering)
      }
      entries[index].value = try apply(to: entries[index].value, remaining: rest)
      return .object(entries, ordering: ordering)
    case .list(var items):
      guard let position = Int(key), items.indices.contains(position) else {
        throw OverrideFailure(
          "sets \(pathText), but \(walked) is a list of \(items.count) with no item \"\(key)\"; fix the path")
      }
      if rest.isEmpty {
        if let value { items[position] = value } else { items.remove(at: position) }
      } else {
        items[position] = try apply(to: items[position], remaining: rest)
      }
      return .list(items)
    default:
      throw OverrideFailure("sets \(pathText), but \(walked) is no object or list; fix the path")
    }
  }
}

/// Why an override cannot apply.
struct OverrideFailure: Error {
  var reason: String

  init(_ reason: String) {
    self.reason = reason
  }
}

extension Resource {
  /// Sets the property at `path` (AWS names joined by dots) to `value`, past what
  /// the typed properties say. See ``PropertyOverride``.
  public func overriding(_ path: String, with value: JSONValue) -> Self {
    var copy = self
    copy.attributes.overrides.append(
      PropertyOverride(
        path: path.split(separator: ".", omittingEmptySubsequences: false).map(String.init), value: value.expression))
    return copy
  }

  /// Removes the property at `path` (AWS names joined by dots). See ``PropertyOverride``.
  public func removingProperty(_ path: String) -> Self {
    var copy = self
    copy.attributes.overrides.append(
      PropertyOverride(path: path.split(separator: ".", omittingEmptySubsequences: false).map(String.init), value: nil))
    return copy
  }
}
