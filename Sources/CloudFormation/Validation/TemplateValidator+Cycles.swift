import TemplateSyntax

extension TemplateValidator {
  /// Dependency cycles through `DependsOn` and references (`!Ref`, `!GetAtt`, `${…}`).
  mutating func checkCycles(_ dependencies: [String: [String]]) {
    enum Mark { case visiting, done }
    var marks: [String: Mark] = [:]
    var stack: [String] = []
    var reported = Set<[String]>()
    func visit(_ id: String, _ problems: inout [TemplateProblem]) {
      marks[id] = .visiting
      stack.append(id)
      for next in dependencies[id] ?? [] {
        switch marks[next] {
        case .visiting:
          let cycle = Array(stack[stack.lastIndex(of: next)!...])
          let start = cycle.indices.min { cycle[$0].utf8.lexicographicallyPrecedes(cycle[$1].utf8) }!
          let canonical = Array(cycle[start...] + cycle[..<start])
          if reported.insert(canonical).inserted {
            problems.append(
              TemplateProblem(
                section: TemplateSection.resources.key, logicalID: canonical[0],
                property: ResourceKey.dependsOn.rawValue,
                message:
                  "circular dependency \((canonical + [canonical[0]]).joined(separator: " → ")); remove a DependsOn or a reference so that one can be created first"
              ))
          }
        case .done:
          break
        case nil:
          visit(next, &problems)
        }
      }
      stack.removeLast()
      marks[id] = .done
    }
    for id in logicalIDs[.resources] ?? [] where marks[id] == nil {
      visit(id, &problems)
    }
  }
}
