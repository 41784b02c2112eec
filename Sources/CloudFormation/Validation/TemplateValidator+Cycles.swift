import TemplateSyntax

extension TemplateValidator {
  /// One resource another needs first: by its `DependsOn`, or by a reference
  /// (`!Ref`, `!GetAtt`, `${…}`).
  struct Dependency {
    var target: String
    var isDependsOn: Bool
  }

  /// Dependency cycles through `DependsOn` and references. A cycle is reported
  /// once, from its first logical ID in byte order, under `DependsOn` when one of
  /// its steps is a `DependsOn` and as references otherwise.
  mutating func checkCycles(_ dependencies: [String: [Dependency]]) {
    enum Mark { case visiting, done }
    var marks: [String: Mark] = [:]
    var stack: [(id: String, throughDependsOn: Bool)] = []
    var reported = Set<[String]>()
    func visit(_ id: String, _ cycles: inout [(ids: [String], throughDependsOn: Bool)]) {
      marks[id] = .visiting
      for dependency in dependencies[id] ?? [] {
        stack.append((id, dependency.isDependsOn))
        defer { stack.removeLast() }
        switch marks[dependency.target] {
        case .visiting:
          let steps = Array(stack[stack.lastIndex(where: { $0.id == dependency.target })!...])
          let cycle = steps.map(\.id)
          let start = cycle.indices.min { cycle[$0].utf8.lexicographicallyPrecedes(cycle[$1].utf8) }!
          let canonical = Array(cycle[start...] + cycle[..<start])
          if reported.insert(canonical).inserted {
            cycles.append((canonical, steps.contains { $0.throughDependsOn }))
          }
        case .done:
          break
        case nil:
          visit(dependency.target, &cycles)
        }
      }
      marks[id] = .done
    }
    var cycles: [(ids: [String], throughDependsOn: Bool)] = []
    for id in logicalIDs[.resources] ?? [] where marks[id] == nil {
      visit(id, &cycles)
    }
    for cycle in cycles {
      let path = (cycle.ids + [cycle.ids[0]]).joined(separator: " → ")
      let location = Location(section: .resources, logicalID: cycle.ids[0])
      if cycle.throughDependsOn {
        report(
          location, .key(ResourceKey.dependsOn.rawValue),
          "circular dependency \(path); remove a DependsOn or a reference so that one can be created first")
      } else {
        report(
          location, .root,
          "circular dependency through references \(path): each refers to the next (!Ref, !GetAtt or ${…}); remove one reference so that one can be created first"
        )
      }
    }
  }
}
