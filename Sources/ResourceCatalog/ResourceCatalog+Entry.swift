extension ResourceCatalog {
  /// What the registry schema of one resource type says about updates.
  ///
  /// Property paths are the schema's JSON pointers without the leading
  /// `/properties/`, exactly as the schema lists them and in its order:
  /// `CidrBlock`, `EncryptionConfiguration/KmsKey`, `Tags/*/Key` (`*` stands
  /// for any item of a list or any key of a map).
  ///
  /// ```swift
  /// let service = ResourceCatalog.entry(for: "AWS::ECS::Service")!
  /// service.isCreateOnly("ServiceName")  // true: requires replacement
  /// service.isConditionallyCreateOnly("LaunchType")  // true: may require replacement
  /// service.isReadOnly("ServiceArn")  // true: set by CloudFormation
  /// service.isCreateOnly("DesiredCount")  // false: updated in place
  /// ```
  public struct Entry: Sendable, Hashable {
    /// The resource type, for example `AWS::EC2::VPC`.
    public let typeName: String
    /// Properties that cannot change without replacing the resource
    /// (`createOnlyProperties`).
    public let createOnlyProperties: [String]
    /// Properties whose change may or may not require replacement, depending
    /// on the values involved (`conditionalCreateOnlyProperties`).
    public let conditionalCreateOnlyProperties: [String]
    /// Properties that CloudFormation sets and a template cannot
    /// (`readOnlyProperties`), such as ARNs and generated names.
    public let readOnlyProperties: [String]
    /// Whether the resource holds data that its replacement or removal destroys
    /// (cfn-lint's `StatefulResources.json`).
    public let isStateful: Bool

    public init(
      typeName: String, createOnlyProperties: [String] = [], conditionalCreateOnlyProperties: [String] = [],
      readOnlyProperties: [String] = [], isStateful: Bool = false
    ) {
      self.typeName = typeName
      self.createOnlyProperties = createOnlyProperties
      self.conditionalCreateOnlyProperties = conditionalCreateOnlyProperties
      self.readOnlyProperties = readOnlyProperties
      self.isStateful = isStateful
    }

    /// Whether changing the property at `propertyPath` (for example `CidrBlock`
    /// or `EncryptionConfiguration/KmsKey`) requires replacement.
    ///
    /// A listed path covers everything under it: if `A` is create-only, so is
    /// `A/B`. A `*` in a listed path matches any single segment, so a listed
    /// `Tags/*/Key` covers `Tags/0/Key`. A change to a parent of a listed path
    /// (`Tags` when only `Tags/*/Key` is listed) is not covered: compare the
    /// changed values down to their leaves.
    public func isCreateOnly(_ propertyPath: String) -> Bool {
      createOnlyProperties.contains { Self.path($0, covers: propertyPath) }
    }

    /// Whether changing the property at `propertyPath` may require replacement,
    /// depending on the values; the same covering rule as ``isCreateOnly(_:)``.
    public func isConditionallyCreateOnly(_ propertyPath: String) -> Bool {
      conditionalCreateOnlyProperties.contains { Self.path($0, covers: propertyPath) }
    }

    /// Whether the property at `propertyPath` is read-only (set by CloudFormation,
    /// not by the template); the same covering rule as ``isCreateOnly(_:)``.
    public func isReadOnly(_ propertyPath: String) -> Bool {
      readOnlyProperties.contains { Self.path($0, covers: propertyPath) }
    }

    /// Whether the listed path is `path` or one of its ancestors, segment by
    /// segment, where a listed `*` matches any segment.
    static func path(_ listed: String, covers path: String) -> Bool {
      var listedSegments = listed.utf8.split(separator: slash, omittingEmptySubsequences: false).makeIterator()
      var pathSegments = path.utf8.split(separator: slash, omittingEmptySubsequences: false).makeIterator()
      while let listedSegment = listedSegments.next() {
        guard let pathSegment = pathSegments.next() else { return false }
        let matches = listedSegment.elementsEqual(wildcard) || listedSegment.elementsEqual(pathSegment)
        guard matches else { return false }
      }
      return true
    }
  }
}

private let slash = UInt8(ascii: "/")
private let wildcard = [UInt8(ascii: "*")]
