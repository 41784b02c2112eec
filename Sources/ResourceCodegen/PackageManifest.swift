import ResourceSchemas

/// The list of generated services in `Package.swift`, which `resource-codegen`
/// writes from the folders of `Sources/Resources`.
///
/// The list is written out rather than read from the disk by the manifest:
/// SwiftPM caches a manifest's evaluation by its text, so a manifest that
/// listed the folders itself would go on seeing the old set after a service
/// was added or removed.
package enum PackageManifest {
  /// The line that opens the list; the list's entries follow it, one per line.
  static let listStart = "let generatedServices: [String] = ["
  /// The line that closes the list.
  static let listEnd = "]"

  /// The services `manifest` lists, in its order.
  package static func services(in manifest: String) throws -> [String] {
    let lines = manifest.split(separator: "\n", omittingEmptySubsequences: false)
    let range = try listRange(lines)
    return lines[range].map { String($0).trimmingCharacters(in: " \",") }
  }

  /// `manifest` with its list of services replaced by `services`.
  package static func replacingServices(in manifest: String, with services: [String]) throws -> String {
    var lines = manifest.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let range = try listRange(lines.map { Substring($0) })
    lines.replaceSubrange(range, with: services.map { "  \"\($0)\"," })
    return lines.joined(separator: "\n")
  }

  private static func listRange(_ lines: [Substring]) throws -> Range<Int> {
    guard let start = lines.firstIndex(where: { $0 == listStart }),
      let end = lines[start...].firstIndex(where: { $0 == listEnd })
    else {
      throw CodegenError.usage(
        "Package.swift has no list of generated services: a line `\(listStart)`, one service per line, and `\(listEnd)`"
      )
    }
    return (start + 1)..<end
  }
}
