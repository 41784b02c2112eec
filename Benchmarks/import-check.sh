#!/usr/bin/env bash
# gen import benchmark, in one run (debug gen, as `swift run gen import` builds it):
# 1. importing the seed's template (Generated/deploy-canary.yml) to formatted Swift,
#    median of RUNS whole processes, against `gen render canary` (the same binary
#    printing the same template from Swift) as the baseline;
# 2. `gen import --check` in a fresh check package (its first build compiles the
#    model and the stack's five service modules), then again after the template
#    changed (only the stack is compiled again), each against a no-op
#    `swift build` of the same check package in the same run: the floor of any check.
#
# Usage: Benchmarks/import-check.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
swift build --product gen >/dev/null
gen="$(swift build --show-bin-path)/gen"
work="$(mktemp -d)"
check=".build/import-check-benchmark"
trap 'rm -rf "$work" "$check"' EXIT
cp Generated/deploy-canary.yml "$work/deploy-canary.yml"

median_ms() { # command…: median wall time of RUNS runs, in ms
  python3 - "$runs" "$@" <<'PY'
import statistics, subprocess, sys, time
runs, command = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(times):.0f}")
PY
}
once_s() { # command…: wall time of one run, in seconds
  python3 - "$@" <<'PY'
import subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
print(f"{time.perf_counter() - start:.1f}")
PY
}
ratio() { python3 -c "print(f'{$1 / $2:.1f}x')"; }

import_ms=$(median_ms "$gen" import "$work/deploy-canary.yml" --output "$work/out")
render_ms=$(median_ms "$gen" render canary)
echo "gen import deploy-canary.yml (36 resources, swift format included): median $import_ms ms over $runs runs"
echo "  baseline gen render canary: $render_ms ms; ratio $(ratio "$import_ms" "$render_ms")"

rm -rf "$check"
first=$(once_s "$gen" import "$work/deploy-canary.yml" --output "$work/out" --check --check-directory "$check")
noop=$(once_s swift build --package-path "$check" --product ImportedStacks)
sed -i 's/Default: 95/Default: 90/' "$work/deploy-canary.yml"
second=$(once_s "$gen" import "$work/deploy-canary.yml" --output "$work/out" --check --check-directory "$check")
echo "gen import --check, first (fresh check package): $first s; ratio to a no-op build $(ratio "$first" "$noop")"
echo "gen import --check, after the template changed: $second s; ratio to a no-op build $(ratio "$second" "$noop")"
echo "  baseline no-op swift build of the check package: $noop s"
