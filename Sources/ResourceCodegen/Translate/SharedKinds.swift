/// Enums that several resource types of one service repeat exactly (EC2's
/// instance types: about 1,200 values in each of four resource types) are
/// declared once at the service level (`EC2.InstanceTypeValue`), which keeps
/// the generated modules smaller and faster to compile.
package enum SharedKinds {
  /// Moves every enum that two or more declarations hold with the same name and
  /// the same values into the service namespace; returns the shared types.
  package static func share(_ declarations: inout [ResourceDeclaration], namespace: String) -> [NestedType] {
    struct Key: Hashable {
      var name: String
      var cases: [EnumerationCase]
    }
    var owners: [Key: [Int]] = [:]
    var sources: [Key: [String]] = [:]
    var order: [Key] = []
    for (index, declaration) in declarations.enumerated() {
      for case .enumeration(let name, let source, let cases) in declaration.nestedTypes {
        let key = Key(name: name, cases: cases)
        if owners[key] == nil { order.append(key) }
        owners[key, default: []].append(index)
        sources[key, default: []].append(source)
      }
    }
    let resourceNames = Set(declarations.map(\.name))
    let candidates = order.filter { (owners[$0]?.count ?? 0) >= 2 && !resourceNames.contains($0.name) }
    // A name two different shared enums would take stays per resource.
    var nameCounts: [String: Int] = [:]
    for key in candidates { nameCounts[key.name, default: 0] += 1 }
    let shared = candidates.filter { nameCounts[$0.name] == 1 }
    guard !shared.isEmpty else { return [] }

    for key in shared {
      let global = SwiftType.shared(namespace: namespace, name: key.name)
      for index in owners[key] ?? [] {
        let declaration = declarations[index]
        let local = SwiftType.nested(namespace: declaration.namespace, resource: declaration.name, name: key.name)
        declarations[index].nestedTypes.removeAll { $0.name == key.name }
        declarations[index].properties = declaration.properties.map { rekinded($0, from: local, to: global) }
        declarations[index].nestedTypes = declarations[index].nestedTypes.map { nested in
          guard case .object(let name, let source, let properties) = nested else { return nested }
          return .object(
            name: name, source: source, properties: properties.map { rekinded($0, from: local, to: global) })
        }
      }
    }
    return shared.map { key in
      .enumeration(name: key.name, source: (sources[key] ?? []).joined(separator: "`, `"), cases: key.cases)
    }
  }

  private static func rekinded(_ property: PropertyDeclaration, from local: SwiftType, to global: SwiftType)
    -> PropertyDeclaration
  {
    var property = property
    property.kind = property.kind.replacing(local, with: global)
    return property
  }
}
