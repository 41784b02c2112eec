#!/usr/bin/env bash
# Generator benchmark, in one run:
# 1. a stack of N copies of the canary app (N = 1, 10, 100, 1000; quotas lifted)
#    rendered to YAML by this package (release build): median time per N, then
#    peak resident memory per N, each N in its own process;
# 2. the same stack built and rendered to YAML by troposphere (PyPI troposphere==4.11.1,
#    installed into a virtual environment here), median time per N, and the ratio;
# 3. a release `gen` printing the canary template as a whole process: median wall
#    time over 30 runs (the goal is under 20 ms).
#
# Usage: Benchmarks/gen-scaling.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
swift build -c release --product gen-benchmark >/dev/null
swift build -c release --product gen >/dev/null
bin="$(swift build -c release --show-bin-path)"
venv=".build/troposphere-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "troposphere==4.11.1"
fi
echo "N copies: this package (release) vs troposphere 4.11.1, render to YAML, median of $runs runs"
printf "%-6s %12s %14s %10s %14s\n" N "swift ms" "troposphere ms" ratio "YAML bytes"
for copies in 1 10 100 1000; do
  read -r _ swift bytes < <("$bin/gen-benchmark" time "$copies" "$runs")
  read -r _ tropo _ < <("$venv/bin/python" Benchmarks/GenScaling/troposphere_copies.py "$copies" "$runs")
  ratio=$(python3 -c "print(f'{$tropo / $swift:.1f}x')")
  printf "%-6s %12.2f %14.2f %10s %14s\n" "$copies" "$swift" "$tropo" "$ratio" "$bytes"
done
echo
echo "peak resident memory of a process rendering N copies once"
for copies in 1 10 100 1000; do
  read -r _ kilobytes _ < <("$bin/gen-benchmark" memory "$copies")
  printf "%-6s %8d KiB\n" "$copies" "$kilobytes"
done
echo
python3 - "$bin/gen" <<'PY'
import statistics, subprocess, sys, time
times = []
for _ in range(31):
    start = time.perf_counter()
    subprocess.run([sys.argv[1]], stdout=subprocess.DEVNULL, check=True)
    times.append((time.perf_counter() - start) * 1000)
print(f"release gen printing the canary template, whole process: median {statistics.median(times[1:]):.1f} ms wall over 30 runs")
PY
