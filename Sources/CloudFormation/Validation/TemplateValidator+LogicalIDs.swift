import TemplateSyntax

extension TemplateValidator {
  /// Duplicate and malformed logical IDs, and a parameter and a resource sharing one.
  mutating func checkLogicalIDs() {
    for section in TemplateSection.sectionsOfEntries {
      var seen = Set<String>()
      for id in logicalIDs[section] ?? [] {
        let location = Location(section: section, logicalID: id)
        if !seen.insert(id).inserted {
          let places = declarations[section]?[id] ?? []
          let placesText = places.count > 1 ? " (at " + places.map(\.description).joined(separator: " and ") + ")" : ""
          report(
            location, .root,
            "the logical ID is declared more than once\(placesText); give each \(section.entryName!) its own ID")
        }
        if id.isEmpty || id.utf8.count > 255 || !id.utf8.allSatisfy(Self.isAlphanumeric) {
          report(location, .root, "a logical ID must be 1 to 255 ASCII letters and digits (A-Z, a-z, 0-9); rename it")
        }
      }
    }
    for id in (declared[.parameters] ?? []).intersection(declared[.resources] ?? []).sorted() {
      let parameterPlace = declarations[.parameters]?[id]?.first.map { " (the parameter at \($0))" } ?? ""
      report(
        Location(section: .resources, logicalID: id), .root,
        "a parameter\(parameterPlace) has the same logical ID, so !Ref \(id) would be ambiguous; rename one of them")
    }
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  // MARK: - Quotas

  mutating func checkQuotas() {
    guard !options.ignoresQuotasForBenchmarks else { return }
    let quotas: [(TemplateSection, Int)] = [(.resources, 500), (.parameters, 200), (.outputs, 200), (.mappings, 200)]
    for (section, limit) in quotas {
      let count = logicalIDs[section]?.count ?? 0
      guard count > limit else { continue }
      problems.append(
        TemplateProblem(
          section: section.key,
          message:
            "\(count) \(section.key.lowercased()) exceed CloudFormation's quota of \(limit) per template; split the stack into nested or separate stacks"
        ))
    }
  }

  /// Size quotas, checked on the written body.
  static func sizeProblems(bytes: Int, options: RenderOptions) -> [TemplateProblem] {
    guard !options.ignoresQuotasForBenchmarks else { return [] }
    if bytes > 1_048_576 {
      return [
        TemplateProblem(
          message:
            "the template body is \(bytes) bytes, over CloudFormation's quota of 1,048,576 bytes (1 MB); split the stack into nested stacks"
        )
      ]
    }
    if bytes > 51_200 {
      return [
        TemplateProblem(
          .warning,
          message:
            "the template body is \(bytes) bytes, over the 51,200 bytes CloudFormation accepts inline; upload it to S3 (aws cloudformation deploy --s3-bucket …)"
        )
      ]
    }
    return []
  }
}
