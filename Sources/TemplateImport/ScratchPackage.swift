import SystemSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A Swift package that depends on this one and holds imported stacks, built
/// to render them: how `gen import --check` proves an import faithful. It is
/// kept between runs (under `.build/` by default), so that after the first
/// build each run compiles only the stacks that changed.
///
/// ```swift
/// let package = ScratchPackage(directory: ".build/gen-import-check")
/// let rendered = try package.render([stack])   // [name: YAML text, or the error]
/// ```
public struct ScratchPackage {
  /// The package's folder.
  public var directory: String
  /// The folder of the package the stacks build against (this one's).
  public var dependencyRoot: String

  public init(directory: String, dependencyRoot: String = ScratchPackage.thisPackageRoot) {
    self.directory = directory
    self.dependencyRoot = dependencyRoot
  }

  /// The root of the package this file was compiled in: the one gen was built from.
  public static var thisPackageRoot: String {
    var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(3)  // Sources/TemplateImport/ScratchPackage.swift
    return components.joined(separator: "/")
  }

  /// What rendering one stack gave.
  public enum Rendering: Hashable, Sendable {
    case template(String)
    case failure(String)
  }

  /// Writes the stacks into the package (removing stacks of earlier runs),
  /// builds it, and renders each stack's template.
  /// What a check found: each stack's rendering, and the expressions of the
  /// imported Swift that took longer than ``slowExpressionMilliseconds`` to
  /// type-check in this build (only files that changed are compiled again).
  public struct Result: Sendable {
    public var renderings: [(name: String, rendering: Rendering)]
    public var slowExpressions: [String]
  }

  /// The type-checking time over which an expression is reported.
  public static let slowExpressionMilliseconds = 200

  public func render(_ stacks: [ImportedStack]) throws -> Result {
    // Files that did not change keep their times, so the build compiles only the stacks that changed.
    var files = stacks.map { (name: "\($0.name).swift", contents: $0.source) }
    files.append((name: "main.swift", contents: mainSource(stacks)))
    try replaceSwiftFiles(in: directory + "/Sources/ImportedStacks", with: files)
    try writeFileIfChanged(directory + "/Package.swift", manifest(modules: stacks.flatMap(\.modules)))

    let build = try runProcess(["swift", "build", "--package-path", directory, "--product", "ImportedStacks"])
    guard build.status == 0 else {
      throw ImportError(
        "the imported Swift does not build in \(directory) (a bug of gen import; please report it with the template):\n"
          + Self.errors(in: build.outputText + build.errorText))
    }
    let binPath = try runProcess(["swift", "build", "--package-path", directory, "--show-bin-path"])
    let binary = binPath.outputText.split(separator: "\n").last.map(String.init) ?? ""
    let output = directory + "/rendered"
    try makeDirectories(output)
    for stack in stacks {
      unlink("\(output)/\(stack.name).yaml")
      unlink("\(output)/\(stack.name).error")
    }
    let run = try runProcess([binary + "/ImportedStacks", output])
    guard run.status == 0 else { throw ImportError("rendering the imported stacks failed: \(run.errorText)") }
    let renderings = try stacks.map { stack -> (name: String, rendering: Rendering) in
      if let text = try? readFileText("\(output)/\(stack.name).yaml") { return (stack.name, Rendering.template(text)) }
      return (stack.name, .failure(try readFileText("\(output)/\(stack.name).error")))
    }
    // `file:line:column: warning: expression took 254ms to type-check`, once per place.
    var slow: [String] = []
    var places = Set<Substring>()
    for line in (build.outputText + build.errorText).split(separator: "\n")
    where line.hasPrefix("/") && line.contains(": warning: expression took") {
      let place = line.prefix { $0 != " " }
      if places.insert(place).inserted { slow.append(String(line)) }
    }
    return Result(renderings: renderings, slowExpressions: slow)
  }

  /// The compiler's error lines, without the build's progress.
  static func errors(in log: String) -> String {
    let lines = log.split(separator: "\n").filter { $0.contains("error:") }
    return (lines.isEmpty ? log.split(separator: "\n").suffix(20) : lines.prefix(20)).joined(separator: "\n")
  }

  /// The manifest: one executable of every stack and a `main.swift` that renders them.
  func manifest(modules: [String]) -> String {
    let identity = (dependencyRoot.split(separator: "/").last.map(String.init) ?? dependencyRoot).lowercased()
    let products = Set(modules).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map {
      ".product(name: \(SwiftSource.literal($0)), package: \(SwiftSource.literal(identity)))"
    }
    return """
      // swift-tools-version: 6.1
      // Written by gen import --check: imported stacks, built against the package they import from.
      import PackageDescription

      let package = Package(
        name: "GenImportCheck",
        platforms: [.macOS(.v13)],
        dependencies: [.package(path: \(SwiftSource.literal(dependencyRoot)))],
        targets: [
          .executableTarget(
            name: "ImportedStacks",
            dependencies: [
              \(products.joined(separator: ",\n        "))
            ],
            path: "Sources/ImportedStacks",
            swiftSettings: [
              // Each stack sees the members of the modules it imports only, as in a package of its own.
              .enableUpcomingFeature("MemberImportVisibility"),
              .unsafeFlags([
                "-Xfrontend", "-warn-long-expression-type-checking=\(Self.slowExpressionMilliseconds)",
              ])
            ])
        ]
      )

      """
  }

  /// Renders every stack into `<folder>/<Name>.yaml`, or its problems into `<Name>.error`.
  func mainSource(_ stacks: [ImportedStack]) -> String {
    var lines = [
      "// Written by gen import --check: renders each imported stack into the folder given.",
      "import CloudFormation",
      "",
      "#if canImport(Glibc)",
      "  import Glibc",
      "#elseif canImport(Darwin)",
      "  import Darwin",
      "#endif",
      "",
      "let folder = CommandLine.arguments[1]",
      "func save(_ text: String, _ path: String) {",
      "  guard let file = fopen(path, \"w\") else { exit(3) }",
      "  fputs(text, file)",
      "  fclose(file)",
      "}",
      "let stacks: [(name: String, template: () -> Template)] = [",
    ]
    lines += stacks.map { "  (\(SwiftSource.literal($0.name)), { \($0.name).template })," }
    lines += [
      "]",
      "for stack in stacks {",
      "  do {",
      "    save(try stack.template().yaml(), \"\\(folder)/\\(stack.name).yaml\")",
      "  } catch {",
      "    save(\"\\(error)\", \"\\(folder)/\\(stack.name).error\")",
      "  }",
      "}",
    ]
    return lines.joined(separator: "\n") + "\n"
  }
}
