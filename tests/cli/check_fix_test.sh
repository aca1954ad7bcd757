#!/usr/bin/env bash
# `redflag check --fix` applies the fixes of the common mistakes (E090-E095) to the files, says
# so on standard output, and reports what remains: a file of fixable slips becomes a clean KB, a
# clean file is left alone, and a slip without a fix stays reported.
# usage: check_fix_test.sh REDFLAG GOLDEN_CHECK_DIR
set -u
redflag=$(realpath "$1") golden=$(realpath "$2")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

cp "$golden/fail_foreign_operator.rf" "$dir/ops.rf"
out=$("$redflag" check --fix "$dir/ops.rf" 2>"$dir/err") || fail "check --fix of fixable slips exited $?: $(cat "$dir/err")"
[ "$out" = "fixed 7 problems in $dir/ops.rf" ] || fail "unexpected output: $out"
[ -s "$dir/err" ] && fail "diagnostics remain: $(cat "$dir/err")"
grep -q 'when a = true$' "$dir/ops.rf" || fail "\`==\` was not replaced"
grep -q 'when a and b$' "$dir/ops.rf" || fail "\`&&\` was not replaced"
grep -q 'when a and not b$' "$dir/ops.rf" || fail "\`!\` was not replaced"
grep -q 'when rr != 22$' "$dir/ops.rf" || fail "\`<>\` was not replaced"

before=$(cksum <"$dir/ops.rf")
out=$("$redflag" check --fix "$dir/ops.rf" 2>&1) || fail "check --fix of a clean file failed: $out"
[ -z "$out" ] || fail "check --fix of a clean file printed: $out"
[ "$(cksum <"$dir/ops.rf")" = "$before" ] || fail "check --fix changed a clean file"

cp "$golden/fail_keyword_name_flag.rf" "$dir/keyword.rf"
before=$(cksum <"$dir/keyword.rf")
"$redflag" check --fix "$dir/keyword.rf" >"$dir/out" 2>"$dir/err" && fail "an unfixable slip passed"
grep -q 'error\[E096\]' "$dir/err" || fail "E096 not reported: $(cat "$dir/err")"
[ -s "$dir/out" ] && fail "nothing to fix, yet: $(cat "$dir/out")"
[ "$(cksum <"$dir/keyword.rf")" = "$before" ] || fail "a file without fixes was changed"

[ "$failures" -eq 0 ] && echo "check --fix: all passed"
exit "$failures"
