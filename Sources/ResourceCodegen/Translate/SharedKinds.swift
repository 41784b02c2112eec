/// Kinds that several resource types of one service repeat exactly are declared
/// once at the service level: EC2's instance types (about 1,200 values in each
/// of four resource types) become `EC2.InstanceTypeValue`, and the hundreds of
/// definitions QuickSight's Analysis, Dashboard and Template schemas repeat
/// become `QuickSight.CategoryFilter` and so on. That keeps the generated
/// modules smaller and faster to compile. Each resource type keeps its own name
/// for the kind as a type alias (`QuickSight.Analysis.CategoryFilter`), so
/// code written against one resource type reads the same either way.
package enum SharedKinds {
  /// Moves every kind that two or more declarations hold with the same name and
  /// the same shape into the service namespace; returns the shared kinds.
  ///
  /// Kinds have the same shape when their properties match and the kinds they
  /// name have the same shape in turn, found by refining classes of equal kinds
  /// until no class splits (as a state machine is minimized). A name several
  /// classes would take goes to the class with the most members; the others stay
  /// per resource, and so does every kind naming one of them.
  package static func share(_ declarations: inout [ResourceDeclaration], namespace: String) -> [NestedType] {
    struct Member: Hashable {
      var declaration: Int
      var name: String
    }
    var members: [Member] = []
    var shapes: [Member: NestedType] = [:]
    var sources: [Member: String] = [:]
    for (index, declaration) in declarations.enumerated() {
      for nested in declaration.nestedTypes {
        let member = Member(declaration: index, name: nested.name)
        members.append(member)
        shapes[member] = shape(of: nested, in: declaration)
        sources[member] = nested.source
      }
    }
    // Classes by shape alone, then split by the classes of the kinds each member names.
    // Classes are numbered in order of first appearance, so 0..<classCount is declaration order.
    var classes = classIndices(members.map { shapes[$0] })
    var classOf: [Member: Int]
    while true {
      classOf = Dictionary(uniqueKeysWithValues: zip(members, classes))
      let refined = classIndices(
        members.indices.map { index in
          let member = members[index]
          let named = referencedNames(shapes[member]).map {
            classOf[Member(declaration: member.declaration, name: $0)] ?? -1
          }
          return [classes[index]] + named
        })
      if Set(refined).count == Set(classes).count { break }
      classes = refined
    }
    let classCount = Set(classes).count
    var membersOfClass = Array(repeating: [Member](), count: classCount)
    for (member, shapeClass) in zip(members, classes) { membersOfClass[shapeClass].append(member) }
    let resourceNames = Set(declarations.map(\.name))
    // The class each shared name goes to: the largest, the first in declaration order on a tie.
    var chosen: [String: Int] = [:]
    for shapeClass in 0..<classCount {
      let holders = membersOfClass[shapeClass]
      let name = holders[0].name
      guard holders.count >= 2, !resourceNames.contains(name) else { continue }
      if let current = chosen[name], membersOfClass[current].count >= holders.count { continue }
      chosen[name] = shapeClass
    }
    // Drop classes that name a kind left per resource, until none is left to drop.
    while true {
      let sharedClasses = Set(chosen.values)
      let kept = chosen.filter { _, shapeClass in
        membersOfClass[shapeClass].allSatisfy { member in
          referencedNames(shapes[member]).allSatisfy { name in
            classOf[Member(declaration: member.declaration, name: name)].map(sharedClasses.contains) ?? false
          }
        }
      }
      if kept.count == chosen.count { break }
      chosen = kept
    }
    guard !chosen.isEmpty else { return [] }

    let sharedMembers = Set(chosen.values.flatMap { membersOfClass[$0] })
    for index in declarations.indices {
      let declaration = declarations[index]
      let aliased = declaration.nestedTypes.map(\.name).filter {
        sharedMembers.contains(Member(declaration: index, name: $0))
      }
      guard !aliased.isEmpty else { continue }
      let rekind = { (kind: SwiftType) in
        kind.mapNested { owner, name in
          owner == declaration.name && aliased.contains(name) ? .shared(namespace: namespace, name: name) : nil
        }
      }
      declarations[index].aliases = aliased.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      declarations[index].nestedTypes = declaration.nestedTypes.filter { !aliased.contains($0.name) }
        .map { $0.rekinded(rekind) }
      declarations[index].properties = declaration.properties.map { $0.rekinded(rekind) }
    }
    // In the order of their first declaration, as the kinds they came from.
    return chosen.values.sorted().map { shapeClass in
      let holders = membersOfClass[shapeClass]
      return shapes[holders[0]]!
        .rekinded { kind in
          kind.mapNested { owner, name in owner.isEmpty ? .shared(namespace: namespace, name: name) : nil }
        }
        .withSource(holders.compactMap { sources[$0] }.joined(separator: "`, `"))
    }
  }

  /// For each value, the index of its class of equal values (numbered in order of first appearance).
  private static func classIndices<Signature: Hashable>(_ values: [Signature]) -> [Int] {
    var numbers: [Signature: Int] = [:]
    return values.map { value in
      if let number = numbers[value] { return number }
      numbers[value] = numbers.count
      return numbers.count - 1
    }
  }

  /// `nested` with its resource's own kinds read as "the owner's kind of that
  /// name" (an empty resource name) and no source, for comparing across resources.
  private static func shape(of nested: NestedType, in declaration: ResourceDeclaration) -> NestedType {
    nested.rekinded { kind in
      kind.mapNested { owner, name in
        owner == declaration.name ? .nested(namespace: declaration.namespace, resource: "", name: name) : nil
      }
    }
    .withSource("")
  }

  /// The names of the owner's kinds a shape's properties use.
  private static func referencedNames(_ shape: NestedType?) -> [String] {
    guard case .object(_, _, let properties) = shape else { return [] }
    return properties.compactMap { property in
      guard case .nested(_, let owner, let name) = property.kind.innermost, owner.isEmpty else { return nil }
      return name
    }
  }
}

extension NestedType {
  /// This kind with every property's kind passed through `transform`.
  func rekinded(_ transform: (SwiftType) -> SwiftType) -> NestedType {
    guard case .object(let name, let source, let properties) = self else { return self }
    return .object(name: name, source: source, properties: properties.map { $0.rekinded(transform) })
  }

  /// This kind with `source` as its schema source.
  func withSource(_ source: String) -> NestedType {
    switch self {
    case .object(let name, _, let properties): .object(name: name, source: source, properties: properties)
    case .enumeration(let name, _, let cases): .enumeration(name: name, source: source, cases: cases)
    }
  }
}

extension PropertyDeclaration {
  /// This property with its kind passed through `transform`.
  func rekinded(_ transform: (SwiftType) -> SwiftType) -> PropertyDeclaration {
    var property = self
    property.kind = transform(kind)
    return property
  }
}
