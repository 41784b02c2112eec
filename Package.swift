// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// The AWS services whose resource types are generated into Sources/Resources/<Service>
/// (by `swift run resource-codegen`), each its own target `AWS<Service>`, so a
/// stack pays compile time only for the services it imports. The folders are
/// the list: `swift run resource-codegen --service Lambda` adds `AWSLambda`.
let generatedServices: [String] = {
  let resources = Context.packageDirectory + "/Sources/Resources"
  let folders = (try? FileManager.default.contentsOfDirectory(atPath: resources)) ?? []
  return folders.filter { FileManager.default.fileExists(atPath: "\(resources)/\($0)/\($0).swift") }
    .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
}()

let package = Package(
  name: "SwiftCloudFormation",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "YAML", targets: ["YAML"]),
    .library(name: "TemplateSyntax", targets: ["TemplateSyntax"]),
    .library(name: "CloudFormation", targets: ["CloudFormation"]),
    .library(name: "ResourceCatalog", targets: ["ResourceCatalog"]),
    .library(name: "Patterns", targets: ["Patterns"]),
    .library(name: "GenCommand", targets: ["GenCommand"]),
    .library(name: "TemplateDiff", targets: ["TemplateDiff"]),
    .library(name: "Deploy", targets: ["Deploy"]),
    .executable(name: "gen", targets: ["gen"]),
  ] + generatedServices.map { .library(name: "AWS\($0)", targets: ["AWS\($0)"]) },
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    // `swift package generate-documentation`: the DocC catalogs of CloudFormation and Patterns.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", exact: "1.5.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    .target(name: "YAML", dependencies: ["CYAML"]),
    // CloudFormation's syntax, known once: intrinsic functions in both forms, sections, `${…}`,
    // references; reads YAML/JSON trees into expressions and writes them back.
    .target(name: "TemplateSyntax", dependencies: ["YAML"]),
    .target(name: "CloudFormation", dependencies: ["TemplateSyntax", "YAML"]),
    // Reusable building blocks on the typed resources (a public VPC, a Fargate service, a weighted listener,
    // alarms on what a load balancer sees).
    .target(
      name: "Patterns",
      dependencies: [
        "CloudFormation", "AWSCloudWatch", "AWSEC2", "AWSECS", "AWSElasticLoadBalancingV2", "AWSIAM", "AWSLogs",
      ]),
    // The example stacks: the canary deployment (swift run gen) and blue/green.
    .target(
      name: "CanaryStack",
      dependencies: [
        "CloudFormation", "Patterns", "AWSEC2", "AWSECS", "AWSElasticLoadBalancingV2", "AWSIAM", "AWSLogs",
      ],
      path: "Examples/Canary"),
    // The canary with CloudWatch alarms on each version and a dashboard (canary-watched).
    .target(
      name: "CanaryWatchedStack",
      dependencies: ["CanaryStack", "CloudFormation", "Patterns", "AWSCloudWatch", "AWSElasticLoadBalancingV2"],
      path: "Examples/CanaryWatched"),
    // ECS's own canary strategy on one service, for comparison (native-canary).
    .target(
      name: "NativeCanaryStack",
      dependencies: [
        "CloudFormation", "Patterns", "AWSCloudWatch", "AWSECS", "AWSElasticLoadBalancingV2", "AWSIAM",
      ],
      path: "Examples/NativeCanary"),
    // How gen's deploy commands see the example stacks: their settings and traffic models.
    .target(
      name: "ExampleDeployments",
      dependencies: ["CanaryStack", "CanaryWatchedStack", "BlueGreenStack", "CloudFormation", "Deploy"],
      path: "Examples/Deployments"),
    .target(
      name: "BlueGreenStack",
      dependencies: [
        "CloudFormation", "Patterns", "AWSEC2", "AWSECS", "AWSElasticLoadBalancingV2", "AWSIAM", "AWSLogs",
      ],
      path: "Examples/BlueGreen"),
    // Template diffs as CloudFormation sees them, with impact from the catalog (gen diff).
    .target(name: "TemplateDiff", dependencies: ["TemplateSyntax", "YAML", "ResourceCatalog"]),
    // Running other programs (aws, git) and reading files, for gen, the code generators and the tests.
    .target(name: "SystemSupport"),
    // The deploy commands: change sets, stack events, weights and probes through the aws CLI.
    .target(name: "Deploy", dependencies: ["CloudFormation", "TemplateSyntax", "YAML", "SystemSupport"]),
    // The command line: `gen` and its reusable command over any set of stacks.
    .target(
      name: "GenCommand",
      dependencies: [
        "CloudFormation", "TemplateDiff", "Deploy", "SystemSupport", "YAML",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "gen",
      dependencies: [
        "GenCommand", "CanaryStack", "CanaryWatchedStack", "NativeCanaryStack", "ExampleDeployments", "BlueGreenStack",
      ]),
    // Reading cfn-lint's copy of the CloudFormation registry schemas (code generation only).
    .target(name: "ResourceSchemas", dependencies: ["YAML", "SystemSupport"]),
    // resource-codegen's stages: parse → translate → render.
    .target(name: "ResourceCodegen", dependencies: ["ResourceSchemas", "YAML", "SystemSupport"]),
    .executableTarget(
      name: "resource-codegen",
      dependencies: [
        "ResourceCodegen", "ResourceSchemas", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Create-only, read-only and stateful facts for every registry type (generated by catalog-codegen).
    .target(name: "ResourceCatalog"),
    .executableTarget(
      name: "catalog-codegen",
      dependencies: [
        "ResourceSchemas", "SystemSupport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Helpers the test targets share (running built products, first differences).
    .target(name: "TestSupport", dependencies: ["SystemSupport"], path: "Sources/TestSupport"),
    // Seeded random trees for the round-trip tests and the PyYAML and ruamel.yaml cross-check corpus.
    .target(name: "YAMLCorpus", dependencies: ["YAML"]),
    .executableTarget(name: "yaml-corpus", dependencies: ["YAML", "YAMLCorpus"]),
    // Seeded random expressions and template documents for the syntax and diff property tests.
    .target(name: "SyntaxCorpus", dependencies: ["TemplateSyntax", "YAMLCorpus"]),
    // Seeded random templates through CloudFormation's public API, for the template cross-check corpus.
    .target(name: "TemplateCorpus", dependencies: ["CloudFormation", "TemplateSyntax", "YAMLCorpus"]),
    .executableTarget(name: "template-corpus", dependencies: ["CloudFormation", "TemplateCorpus", "SystemSupport"]),
    // Benchmarks/yaml-emit: the full emit path against libyaml alone (run Benchmarks/yaml-emit.sh).
    .executableTarget(
      name: "yaml-emit-benchmark", dependencies: ["YAML", "CYAML"], path: "Benchmarks/YAMLEmit"),
    // Benchmarks/gen-scaling.sh: N copies of the canary app rendered, against troposphere.
    .executableTarget(
      name: "gen-benchmark",
      dependencies: [
        "CloudFormation", "Patterns", "AWSEC2", "AWSECS", "AWSElasticLoadBalancingV2", "AWSIAM", "AWSLogs",
      ],
      path: "Benchmarks/GenScaling", exclude: ["troposphere_copies.py"]),
    .testTarget(name: "YAMLTests", dependencies: ["YAML", "YAMLCorpus", "SystemSupport"], exclude: ["Fixtures"]),
    .testTarget(
      name: "TemplateCorpusTests", dependencies: ["TemplateCorpus", "CloudFormation", "TemplateSyntax", "YAML"]),
    // A stack of hand-declared resources only; CI lints it with cfn-lint.
    .executableTarget(name: "escape-hatch-example", dependencies: ["CloudFormation"], path: "Examples/EscapeHatch"),
    .testTarget(
      name: "ResourceCatalogTests",
      dependencies: ["ResourceCatalog", "ResourceSchemas", "catalog-codegen", "TestSupport"]),
    .testTarget(
      name: "ResourceCodegenTests",
      dependencies: ["ResourceCodegen", "ResourceSchemas", "YAML", "resource-codegen", "TestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "StackTests",
      dependencies: [
        "CanaryStack", "CanaryWatchedStack", "NativeCanaryStack", "ExampleDeployments", "BlueGreenStack", "Patterns",
        "GenCommand", "Deploy", "CloudFormation", "YAML",
        "AWSEC2", "AWSElasticLoadBalancingV2", "AWSECS", "AWSKMS", "AWSLogs",
        "gen", "settings-gen", "TestSupport",
      ],
      exclude: ["Fixtures"]),
    // A gen of one stack with deploy settings and no traffic model, run by StackTests.
    .executableTarget(name: "settings-gen", dependencies: ["CloudFormation", "GenCommand"], path: "Tests/SettingsGen"),
    .testTarget(name: "TemplateSyntaxTests", dependencies: ["TemplateSyntax", "SyntaxCorpus", "YAML", "TestSupport"]),
    .testTarget(
      name: "TemplateDiffTests",
      dependencies: ["TemplateDiff", "TemplateSyntax", "SyntaxCorpus", "CloudFormation", "YAML", "SystemSupport"]),
    // A stack with a mistake, printed with template.print(): the test expects stderr and exit 1.
    .executableTarget(name: "template-print-failure", dependencies: ["CloudFormation"], path: "Tests/PrintFailure"),
    .testTarget(
      name: "CloudFormationTests",
      dependencies: ["CloudFormation", "YAML", "escape-hatch-example", "template-print-failure", "TestSupport"]),
    // One resource of every generated type (generated by resource-codegen); CI lints its output with cfn-lint.
    .executableTarget(
      name: "resource-samples",
      dependencies: ["CloudFormation"] + generatedServices.map { .target(name: "AWS\($0)") },
      path: "Tests/ResourceSamples"),
  ]
    + generatedServices.map { service in
      .target(name: "AWS\(service)", dependencies: ["CloudFormation"], path: "Sources/Resources/\(service)")
    }
)
