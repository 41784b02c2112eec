#!/usr/bin/env python3
"""Writes every ```swift block of the README into a scratch package, so that CI
compiles them as a user would: README.md → DIRECTORY.

- A block starting with `// swift-tools-version` is a manifest: written to
  DIRECTORY/manifests/N/Package.swift, checked with `swift package dump-package`.
- A block whose first line is `// does not compile` is meant to fail: written to
  DIRECTORY/failing/N.swift, type-checked against the built modules, and must fail.
- Any other block is the main.swift of an executable target SnippetN of the
  package DIRECTORY, which depends on this package and on Examples/YourOwnPackage
  (for the `MyStacks` a snippet of your own package imports).

Usage: readme_snippets.py README.md DIRECTORY
"""
import os
import pathlib
import re
import sys

readme, directory = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
root = readme.resolve().parent
blocks = re.findall(r"```swift\n(.*?)```", readme.read_text(), re.S)

for sub in ["Sources", "manifests", "failing"]:
    (directory / sub).mkdir(parents=True, exist_ok=True)
for link, target in [("swift-cloudformation", root), ("your-own-package", root / "Examples/YourOwnPackage")]:
    path = directory / link
    if not path.is_symlink():
        os.symlink(target, path)

targets = []
for index, block in enumerate(blocks):
    if block.startswith("// swift-tools-version"):
        manifest = directory / "manifests" / str(index)
        (manifest / "Sources" / "MyStacks").mkdir(parents=True, exist_ok=True)
        (manifest / "Sources" / "MyStacks" / "Empty.swift").write_text("")
        (manifest / "Package.swift").write_text(block)
    elif block.startswith("// does not compile"):
        (directory / "failing" / f"{index}.swift").write_text(block)
    else:
        name = f"Snippet{index}"
        (directory / "Sources" / name).mkdir(exist_ok=True)
        (directory / "Sources" / name / "main.swift").write_text(block)
        targets.append(name)

products = [
    "CloudFormation", "TemplateSyntax", "YAML", "Patterns", "GenCommand", "AWSEC2", "AWSECS",
    "AWSElasticLoadBalancingV2", "AWSIAM", "AWSLogs", "AWSKMS", "AWSS3", "AWSSSM", "AWSLambda", "AWSDynamoDB", "AWSSQS",
]
dependencies = ", ".join(
    [f'.product(name: "{product}", package: "swift-cloudformation")' for product in products]
    + ['.product(name: "MyStacks", package: "your-own-package")']
)
manifest = f"""// swift-tools-version: 6.1
// Written by Scripts/readme_snippets.py: one executable per ```swift block of the README.
import PackageDescription

let package = Package(
  name: "ReadmeSnippets",
  platforms: [.macOS(.v13)],
  dependencies: [.package(path: "swift-cloudformation"), .package(path: "your-own-package")],
  targets: [
{chr(10).join(f'    .executableTarget(name: "{name}", dependencies: [{dependencies}]),' for name in targets)}
  ]
)
"""
(directory / "Package.swift").write_text(manifest)
print(f"{len(blocks)} swift blocks: {len(targets)} to build, "
      f"{len(list((directory / 'manifests').iterdir()))} manifests, "
      f"{len(list((directory / 'failing').iterdir()))} meant to fail")
