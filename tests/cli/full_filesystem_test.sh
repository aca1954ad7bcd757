#!/usr/bin/env bash
# A small filesystem that fills up: every verb's standard output and `build -o`/`doc -o` report
# `No space left on device` and exit 1, and an atomic output keeps the previous file. It runs
# in a private mount namespace (`unshare -rm`) with a 64 KiB tmpfs, so nothing outside changes;
# where namespaces are not allowed it is skipped (exit 77) and says why.
# usage: full_filesystem_test.sh REDFLAG KB_DIR BATCH.jsonl
set -u
redflag=$(realpath "$1") kb=$(realpath "$2") batch=$(realpath "$3")
if [ "${4:-}" != --inside ]; then
  if ! unshare -rm true 2>/dev/null; then
    echo "SKIP: this system does not allow a private mount namespace (unshare -rm), so no tmpfs can be mounted"
    exit 77
  fi
  exec unshare -rm "$0" "$redflag" "$kb" "$batch" --inside
fi
dir=$(mktemp -d)
trap 'umount "$dir/tiny" 2>/dev/null; rm -rf "$dir"' EXIT
mkdir "$dir/tiny"
cd "$dir" || exit 1  # a binary that takes `-o -` for a file name leaves it here
mount -t tmpfs -o size=64k tmpfs "$dir/tiny" || { echo "SKIP: cannot mount a tmpfs"; exit 77; }
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
for i in 1 2 3 4 5 6 7 8; do cat "$batch"; done >"$dir/batch112.jsonl"

# Output larger than the filesystem: part of it fits, the rest does not.
"$redflag" eval "$kb" "$dir/batch112.jsonl" --format json >"$dir/tiny/out.json" 2>"$dir/err"
status=$?
[ "$status" = 1 ] || fail "eval onto a full filesystem: exit $status"
grep -qx "error: cannot write standard output: No space left on device" "$dir/err" ||
  fail "eval onto a full filesystem: $(cat "$dir/err")"
rm -f "$dir/tiny/out.json"

# The previous .rfb stays whole when the new one does not fit.
"$redflag" build "$kb" -o "$dir/tiny/kb.rfb" >/dev/null || fail "the first build failed"
before=$(cksum <"$dir/tiny/kb.rfb")
head -c 1M /dev/zero >"$dir/tiny/filler" 2>/dev/null  # fills what is left
"$redflag" build "$kb" -o "$dir/tiny/kb.rfb" >/dev/null 2>"$dir/err" && fail "a build onto a full filesystem succeeded"
grep -qx "error: cannot write \`$dir/tiny/kb.rfb\`: write failed: No space left on device" "$dir/err" ||
  fail "build onto a full filesystem: $(cat "$dir/err")"
[ "$(cksum <"$dir/tiny/kb.rfb")" = "$before" ] || fail "a failed build changed the previous output"
[ -z "$(ls -A "$dir/tiny" | grep redflag-tmp)" ] || fail "a failed build left a temporary file"

# Every verb that prints results, with standard output on the full filesystem.
while read -r name args; do
  # shellcheck disable=SC2086  # the arguments are split on purpose
  "$redflag" $args >"$dir/tiny/out" 2>"$dir/err"
  status=$?
  [ "$status" = 1 ] || fail "$name onto a full filesystem: exit $status"
  grep -qx "error: cannot write standard output: No space left on device" "$dir/err" ||
    fail "$name onto a full filesystem: $(cat "$dir/err")"
  rm -f "$dir/tiny/out"
done <<LIST
build build $kb -o -
eval eval $kb $batch --format csv
test test $kb
lint lint $kb --format sarif --today 2026-01-01
doc doc $kb -o -
diff diff $kb $kb
show show $kb weight_loss
explain explain E012
disasm disasm $kb
LIST
[ "$failures" = 0 ] && echo "full filesystem: all checks passed"
exit "$failures"
