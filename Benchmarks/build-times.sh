#!/usr/bin/env bash
# Clean build times of the package and of each generated service module, on a
# fresh clone in a temporary folder (so nothing is reused from .build), and the
# first build of Examples/YourOwnPackage, a package of its own that uses this one.
#
#   Benchmarks/build-times.sh            # debug: each AWS<Service> target alone, gen alone, then the whole package
#   Benchmarks/build-times.sh release    # the same in release
set -euo pipefail
configuration="${1:-debug}"
source_dir="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$source_dir" "$work/package"
cd "$work/package"
seconds() { local start=$SECONDS; "$@" >/dev/null 2>&1; echo $((SECONDS - start)); }
echo "configuration: $configuration, $(nproc) cores"
echo "model only (CloudFormation and below): $(seconds swift build -c "$configuration" --target CloudFormation) s"
# The services are the folders of Sources/Resources holding a <Service>.swift (Package.swift reads the same).
services=$(cd Sources/Resources && for folder in *; do [ -f "$folder/$folder.swift" ] && echo "$folder"; done | LC_ALL=C sort)
total=0
for service in $services; do
  files=$(ls "Sources/Resources/$service" | grep -v -e "+SharedKinds.swift" | wc -l)
  lines=$(cat "Sources/Resources/$service"/*.swift | wc -l)
  time=$(seconds swift build -c "$configuration" --target "AWS$service")
  total=$((total + time))
  echo "AWS$service: $time s ($((files - 1)) resource types, $lines lines)"
done
echo "all services one after another: $total s"
rm -rf .build
echo "first swift run gen on a fresh clone (gen and the stacks it renders only): $(seconds swift build -c "$configuration" --product gen) s"
rm -rf .build
echo "whole package, clean: $(seconds swift build -c "$configuration") s"
rm -rf Examples/YourOwnPackage/.build
echo "Examples/YourOwnPackage (a package of its own using this one), first build: $(seconds swift build -c "$configuration" --package-path Examples/YourOwnPackage) s"
