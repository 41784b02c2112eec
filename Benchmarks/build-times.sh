#!/usr/bin/env bash
# Clean build times of the package, on a fresh clone in a temporary folder (so
# nothing is reused from .build): the model alone, the first `swift run gen`,
# the whole package, and what each generated service module costs within the
# whole build; then the first build of Examples/YourOwnPackage, a package of its
# own that uses this one.
#
#   Benchmarks/build-times.sh            # debug
#   Benchmarks/build-times.sh release    # release
#
# A service's cost is the sum of the wall times of the compiler jobs that built
# its module during the whole build (`-stats-output-dir`): with two cores
# building in parallel, the costs add up to about twice the whole build's wall
# time, and they rank the services by what they add to it.
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
rm -rf .build
echo "first swift run gen on a fresh clone (gen and the stacks it renders only): $(seconds swift build -c "$configuration" --product gen) s"
rm -rf .build
stats="$work/stats"
mkdir -p "$stats"
echo "whole package, clean: $(seconds swift build -c "$configuration" -Xswiftc -stats-output-dir -Xswiftc "$stats") s"
python3 - "$stats" Sources/Resources <<'EOF'
import json, os, re, sys
stats, resources = sys.argv[1], sys.argv[2]
seconds = {}
for name in os.listdir(stats):
    with open(os.path.join(stats, name)) as file:
        counters = json.load(file)
    for key, value in counters.items():
        match = re.fullmatch(r"time\.swift-frontend\.(AWS[A-Za-z0-9]+)-.*\.wall", key)
        if match:
            seconds[match.group(1)] = seconds.get(match.group(1), 0) + value
services = sorted(folder for folder in os.listdir(resources) if os.path.isfile(f"{resources}/{folder}/{folder}.swift"))
costs = sorted(((seconds.get("AWS" + s, 0.0), s) for s in services), reverse=True)
print(f"the {len(services)} service modules: {sum(c for c, _ in costs):.0f} s of compiler time in all, each:")
for cost, service in costs:
    folder = f"{resources}/{service}"
    types = len([f for f in os.listdir(folder) if f.startswith(service + "+") and f != service + "+SharedKinds.swift"])
    lines = sum(1 for f in os.listdir(folder) for _ in open(f"{folder}/{f}"))
    print(f"  AWS{service}: {cost:.1f} s ({types} resource type{'' if types == 1 else 's'}, {lines} lines)")
EOF
rm -rf Examples/YourOwnPackage/.build
echo "Examples/YourOwnPackage (a package of its own using this one), first build: $(seconds swift build -c "$configuration" --package-path Examples/YourOwnPackage) s"
