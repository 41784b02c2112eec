// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "SwiftCloudFormation",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "YAML", targets: ["YAML"]),
    .library(name: "CloudFormation", targets: ["CloudFormation"]),
  ],
  targets: [
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    .target(name: "YAML", dependencies: ["CYAML"]),
    .target(name: "CloudFormation", dependencies: ["YAML"]),
    // Seeded random trees for the round-trip tests and the PyYAML cross-check corpus.
    .target(name: "YAMLCorpus", dependencies: ["YAML"]),
    .executableTarget(name: "yaml-corpus", dependencies: ["YAML", "YAMLCorpus"]),
    // Benchmarks/yaml-emit: the full emit path against libyaml alone (run Benchmarks/yaml-emit.sh).
    .executableTarget(
      name: "yaml-emit-benchmark", dependencies: ["YAML", "CYAML"], path: "Benchmarks/YAMLEmit"),
    .testTarget(name: "YAMLTests", dependencies: ["YAML", "YAMLCorpus"], exclude: ["Fixtures"]),
    // A stack of hand-declared resources only; CI lints it with cfn-lint.
    .executableTarget(name: "escape-hatch-example", dependencies: ["CloudFormation"], path: "Examples/EscapeHatch"),
    .testTarget(name: "CloudFormationTests", dependencies: ["CloudFormation", "YAML", "escape-hatch-example"]),
  ]
)
