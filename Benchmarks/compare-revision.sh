#!/usr/bin/env bash
# Render speed of this checkout against another git revision, in one run: the
# gen-benchmark of both (release builds; the other revision's in a worktree
# under .build/compare-revision), N copies of the canary app rendered to YAML,
# run alternately so that both see the same machine, median of RUNS each.
#
# Usage: Benchmarks/compare-revision.sh REVISION [RUNS]
# Prints, per N, both medians and this checkout's time as a ratio of the other's.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "usage: Benchmarks/compare-revision.sh REVISION [RUNS]" >&2
  exit 2
fi
revision=$1
runs="${2:-7}"
worktree=".build/compare-revision"
if [ -d "$worktree" ]; then
  git -C "$worktree" checkout --quiet --detach "$revision"
else
  git worktree add --quiet --detach "$worktree" "$revision"
fi
swift build -c release --product gen-benchmark >/dev/null 2>&1 || { echo "cannot build this checkout" >&2; exit 1; }
(cd "$worktree" && swift build -c release --product gen-benchmark >/dev/null 2>&1) || { echo "cannot build $revision" >&2; exit 1; }
this="$(swift build -c release --show-bin-path)/gen-benchmark"
other="$(cd "$worktree" && swift build -c release --show-bin-path)/gen-benchmark"
echo "render N copies of the canary app to YAML: this checkout vs $revision, median of $runs runs each"
printf "%-6s %14s %14s %8s\n" N "this ms" "$revision ms" ratio
for copies in 10 100 1000; do
  mine=()
  theirs=()
  for _ in $(seq 1 "$runs"); do
    read -r _ time _ < <("$this" time "$copies" 1)
    mine+=("$time")
    read -r _ time _ < <("$other" time "$copies" 1)
    theirs+=("$time")
  done
  python3 - "$copies" "${#mine[@]}" "${mine[@]}" "${theirs[@]}" <<'PY'
import statistics, sys
copies, count = sys.argv[1], int(sys.argv[2])
values = [float(value) for value in sys.argv[3:]]
mine, theirs = statistics.median(values[:count]), statistics.median(values[count:])
print(f"{copies:<6} {mine:14.2f} {theirs:14.2f} {mine / theirs:7.2f}x")
PY
done
