#!/bin/sh
# The benchmark in one command: a Release build in build-bench/ with the benchmark programs,
# reproducible inputs in build-bench/bench-data/ (generated once), then the table of
# docs/performance.md on standard output. Arguments go to bench.py (--runs N, --cases N).
# Builds with -j2: the machines are shared.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/build-bench"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DREDFLAG_BENCH=ON -DREDFLAG_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target redflag vm_bench baseline serve_load >/dev/null
lscpu | sed -n 's/^Model name: *//p;s/^CPU(s): */CPUs: /p'
exec python3 "$root/tests/bench/bench.py" "$build" "$build/bench-data" "$@"
