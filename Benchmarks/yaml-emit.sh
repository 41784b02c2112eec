#!/usr/bin/env bash
# Emit benchmark for the YAML layer (see Benchmarks/YAMLEmit/main.swift).
#
# 1. Time: a synthetic template of 7,000 CloudFormation-like resources (about
#    3.5 MB, 300,000 events), full path (node tree -> bytes; with the walk on a
#    second thread, and on one thread) against libyaml alone emitting the same
#    event sequence prepared up front, measured in one process, alternating,
#    median of RUNS runs. Wall-clock and processor time (all threads), each as
#    ratios to libyaml alone.
# 2. Memory: peak resident memory added while emitting to a file descriptor
#    (/dev/null) and into memory, for 7,000 and 28,000 resources, each in a fresh
#    process. Emitting to a descriptor should stay flat as the document grows.
#
# Usage: Benchmarks/yaml-emit.sh [RESOURCES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
resources="${1:-7000}"
runs="${2:-20}"
swift build -c release --product yaml-emit-benchmark >/dev/null
binary="$(swift build -c release --show-bin-path)/yaml-emit-benchmark"
"$binary" time "$resources" "$runs"
for size in "$resources" $((resources * 4)); do
  "$binary" memory fd "$size"
  "$binary" memory memory "$size"
done
