#!/usr/bin/env bash
# Builds the BenchmarkDotNet suite and runs every benchmark once with BenchmarkDotNet's dry job, so the suite
# cannot rot: a benchmark whose setup throws, a build error or a validation error fails this script.
# It measures nothing worth reading (one cold invocation per benchmark); results go to a temporary folder.
# Takes about 2 minutes on 2 cores; bounded by BENCHMARK_DRY_TIMEOUT seconds (default 600).
# Extra `dotnet run` arguments (such as `--artifacts-path /tmp/x`) can be given in BENCHMARK_BUILD_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

timeout_seconds="${BENCHMARK_DRY_TIMEOUT:-600}"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

status=0
# shellcheck disable=SC2086 # BENCHMARK_BUILD_ARGS is a list of arguments.
timeout --kill-after=30 "$timeout_seconds" \
  dotnet run -c Release --project benchmarks/Interception.Benchmarks ${BENCHMARK_BUILD_ARGS:-} -- \
  --filter '*' --job dry --artifacts "$results" || status=$?

if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "benchmarks-dry: the dry run did not finish within ${timeout_seconds} s" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "benchmarks-dry: the dry run failed (exit code $status); see the failed benchmarks above" >&2
  exit "$status"
fi

reports=$(find "$results/results" -name '*-report-github.md' 2>/dev/null | wc -l)
if [ "$reports" -eq 0 ]; then
  echo "benchmarks-dry: no benchmark ran (no report was written)" >&2
  exit 1
fi
echo "benchmarks-dry: $reports benchmark classes ran with the dry job"
