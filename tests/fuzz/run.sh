#!/usr/bin/env bash
# Builds one libFuzzer target into build-fuzz/ and runs it for SECONDS on a copy of its seed
# corpus (the repository's corpus is never modified), then prints libFuzzer's final figures.
#   tests/fuzz/run.sh fuzz_source|fuzz_bytecode|fuzz_case|fuzz_ucum|fuzz_lsp|fuzz_fhir SECONDS [libFuzzer flags...]
# Crashes are written to the work directory, whose path is printed; reproduce one with
#   build-fuzz/tests/fuzz/TARGET CRASH_FILE
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 fuzz_source|fuzz_bytecode|fuzz_case|fuzz_ucum|fuzz_lsp|fuzz_fhir SECONDS [libFuzzer flags...]" >&2
  exit 64
fi
target=$1 seconds=$2
shift 2
case $target in
  fuzz_source|fuzz_bytecode|fuzz_case|fuzz_ucum|fuzz_lsp|fuzz_fhir) ;;
  *) echo "run.sh: unknown target \`$target\`" >&2; exit 64 ;;
esac
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${REDFLAG_FUZZ_BUILD_DIR:-$root/build-fuzz}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
  -DREDFLAG_FUZZ=ON -DREDFLAG_TESTS=OFF -DREDFLAG_WERROR="${REDFLAG_WERROR:-ON}" >/dev/null
cmake --build "$build" --target "$target" -j 2 >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/redflag-$target.XXXXXX")
mkdir "$work/corpus"
cp "$root/tests/fuzz/corpus/$target"/* "$work/corpus/"
flags=(-max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$work/")
[ "$target" = fuzz_source ] && flags+=(-dict="$root/tests/fuzz/source.dict")
echo "run.sh: $target for ${seconds}s, work directory $work"
status=0
(cd "$work" && "$build/tests/fuzz/$target" "${flags[@]}" "$@" corpus) >"$work/log" 2>&1 || status=$?
# The last status line holds the coverage (cov: edges, ft: features) and the corpus size.
grep -E '^#[0-9]+' "$work/log" | tail -1
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$work/log"
echo "corpus: $(find "$work/corpus" -type f | wc -l) inputs"
if [ $status -ne 0 ]; then
  grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$work/log" || tail -20 "$work/log"
  echo "run.sh: $target failed (exit $status); full log in $work/log" >&2
fi
exit $status
