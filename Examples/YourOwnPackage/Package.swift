// swift-tools-version: 6.1
// A package of your own that writes its stacks in Swift with this package, as
// the README's "Your own package" section describes. In your package, depend on
// it by URL, `.package(url: "https://github.com/<owner>/swift-cloudformation", from: "<version>")`;
// here it is the repository itself, through the link `swift-cloudformation` → `../..`,
// so that the package's identity (the last path component, lower-cased) is
// `swift-cloudformation`, as it is by URL.
import PackageDescription

let package = Package(
  name: "YourOwnPackage",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "MyStacks", targets: ["MyStacks"]),
    .executable(name: "my-stacks", targets: ["my-stacks"]),
  ],
  dependencies: [
    .package(path: "swift-cloudformation")
  ],
  targets: [
    // Your stacks: a library, so that tests and other tools can import them.
    .target(
      name: "MyStacks",
      dependencies: [
        .product(name: "CloudFormation", package: "swift-cloudformation"),
        .product(name: "AWSKMS", package: "swift-cloudformation"),
        .product(name: "AWSS3", package: "swift-cloudformation"),
        .product(name: "AWSSSM", package: "swift-cloudformation"),
      ]),
    // `swift run my-stacks`: this package's gen, over its own stacks.
    .executableTarget(
      name: "my-stacks",
      dependencies: ["MyStacks", .product(name: "GenCommand", package: "swift-cloudformation")]),
  ]
)
