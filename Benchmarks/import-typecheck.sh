#!/usr/bin/env bash
# Type-checking time of imported Swift, in one run: every importable template of
# the tests (Generated/, Tests/ImportTests/Templates) imported into one check
# package and compiled with the frontend's per-expression timing; as the baseline,
# this repository's hand-written canary (Examples/Canary and Patterns) compiled
# with the same timing. Prints, for each, the expressions over 50, 100 and 200 ms
# and the slowest one. One package of all stacks is the harder case: every
# module a stack imports is loaded into each compile job.
#
# Usage: Benchmarks/import-typecheck.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product gen >/dev/null
gen="$(swift build --show-bin-path)/gen"
work="$(mktemp -d)"
check=".build/import-typecheck-benchmark"
baseline=".build/import-typecheck-baseline"
trap 'rm -rf "$work"' EXIT
timing=(-Xswiftc -Xfrontend -Xswiftc -warn-long-expression-type-checking=50)

templates=(Generated/*.yml)
for file in Tests/ImportTests/Templates/*.yaml Tests/ImportTests/Templates/*.json; do
  case "$file" in *23-serverless*) continue ;; esac
  templates+=("$file")
done
"$gen" import "${templates[@]}" --output "$work" --check --check-directory "$check" 2>/dev/null >/dev/null
find "$check/Sources" -name '*.swift' -exec touch {} +
swift build --package-path "$check" --product ImportedStacks "${timing[@]}" >"$work/imported.log" 2>&1
swift build --scratch-path "$baseline" --target CanaryStack "${timing[@]}" >"$work/baseline.log" 2>&1 || true

summary() { # log, label: counts and the slowest expression, each place once (its slower measurement)
  python3 - "$1" "$2" <<'PY'
import re, sys
times = {}
for line in open(sys.argv[1]):
    match = re.match(r"(/\S+?:\d+:\d+): warning: expression took (\d+)ms", line)
    if match and ("/Sources/ImportedStacks/" in match[1] or "/Examples/Canary/" in match[1] or "/Sources/Patterns/" in match[1]):
        times[match[1]] = max(times.get(match[1], 0), int(match[2]))
values = sorted(times.values())
slowest = max(times.items(), key=lambda item: item[1]) if times else ("none", 0)
over = lambda limit: sum(1 for value in values if value > limit)
print(f"{sys.argv[2]}: {over(50)} expressions over 50 ms, {over(100)} over 100 ms, {over(200)} over 200 ms; "
      f"slowest {slowest[1]} ms ({slowest[0].split('/')[-1]})")
PY
}
echo "${#templates[@]} imported stacks in one package, and this repository's hand-written canary:"
summary "$work/imported.log" "imported"
summary "$work/baseline.log" "hand-written canary (baseline)"
