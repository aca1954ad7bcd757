#!/usr/bin/env bash
# A failed or interrupted `redflag build`, `doc` or `fmt` never leaves a half-written output or
# a stray temporary file, and never destroys the previous output; `-o` treats its target with
# respect (devices, FIFOs, sockets and symlinks written through, inputs refused, `-o -` is
# standard output), and what a SIGKILL leaves is named as redflag's and removed by the next run.
# usage: atomic_output_test.sh REDFLAG KB_SOURCE FAILING_SOURCE
set -u
redflag=$(realpath "$1") good=$(realpath "$2") bad=$(realpath "$3")
dir=$(mktemp -d)
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
no_temp_files() { ! ls -A "$dir" | grep -q 'redflag-tmp-'; }

"$redflag" build "$good" -o "$dir/kb.rfb" >/dev/null || fail "the first build failed"
before=$(cksum <"$dir/kb.rfb")

# A build with errors writes nothing.
"$redflag" build "$bad" -o "$dir/kb.rfb" 2>/dev/null && fail "a KB with errors built"
[ "$(cksum <"$dir/kb.rfb")" = "$before" ] || fail "a failed build changed the previous output"
no_temp_files || fail "a failed build left a temporary file"

# A size-limited target (a full disk): the write fails, the previous output stays.
(ulimit -f 1; "$redflag" build "$good" -o "$dir/kb.rfb" 2>"$dir/../err.$$") && fail "a build past the size limit succeeded"
grep -q "cannot write .*kb.rfb.*: write failed: File too large" "$dir/../err.$$" || fail "no clear error past the size limit: $(cat "$dir/../err.$$")"
rm -f "$dir/../err.$$"
[ "$(cksum <"$dir/kb.rfb")" = "$before" ] || fail "a failed write changed the previous output"
no_temp_files || fail "a failed write left a temporary file"

# A read-only target directory.
mkdir "$dir/ro" && cp "$dir/kb.rfb" "$dir/ro/kb.rfb" && chmod a-w "$dir/ro"
if [ "$(id -u)" != 0 ]; then  # root writes anywhere; the check means nothing then
  "$redflag" build "$good" -o "$dir/ro/kb.rfb" 2>/dev/null && fail "a build into a read-only directory succeeded"
  [ "$(cksum <"$dir/ro/kb.rfb")" = "$before" ] || fail "a read-only target changed"
fi
chmod u+w "$dir/ro"

# SIGTERM and SIGINT at any moment: the output is the old file or a complete new one.
for signal in TERM INT; do
  for delay in 0 0.001 0.005 0.02; do
    "$redflag" build "$good" -o "$dir/kb.rfb" >/dev/null 2>&1 &
    sleep "$delay"
    kill -s "$signal" $! 2>/dev/null
    wait $! 2>/dev/null
    "$redflag" disasm "$dir/kb.rfb" >/dev/null || fail "SIG$signal after ${delay}s left a bad output"
    no_temp_files || fail "SIG$signal after ${delay}s left a temporary file"
  done
done

# `doc -o FILE` and `fmt FILE` (in place) write through the same atomic file: a full disk or a
# signal leaves the previous file and no temporary one. [messy.rf] is [good] with trailing
# blanks, so that fmt rewrites it; any of its versions checks clean.
"$redflag" doc "$good" -o "$dir/kb.html" >/dev/null || fail "the first doc failed"
sed 's/$/  /' "$good" >"$dir/messy.rf"
for verb in doc fmt; do
  if [ "$verb" = doc ]; then out=$dir/kb.html; else out=$dir/messy.rf; fi
  write_output() { if [ "$verb" = doc ]; then "$redflag" doc "$good" -o "$out"; else "$redflag" fmt "$out"; fi; }
  before=$(cksum <"$out")
  (ulimit -f 1; write_output >/dev/null 2>&1) && fail "$verb past the size limit succeeded"
  [ "$(cksum <"$out")" = "$before" ] || fail "a failed $verb write changed the previous output"
  no_temp_files || fail "a failed $verb write left a temporary file"
  for signal in TERM INT; do
    for delay in 0 0.001 0.005 0.02; do
      cp "$out" "$dir/previous"
      # Start redflag itself in the background (not a function's subshell), so that $! is
      # redflag and `wait` returns only once it has ended.
      if [ "$verb" = doc ]; then
        "$redflag" doc "$good" -o "$out" >/dev/null 2>&1 &
      else
        "$redflag" fmt "$out" >/dev/null 2>&1 &
      fi
      sleep "$delay"
      kill -s "$signal" $! 2>/dev/null
      wait $! 2>/dev/null
      if [ "$verb" = fmt ]; then
        "$redflag" check "$out" >/dev/null || fail "SIG$signal after ${delay}s left a bad $out"
        cp "$dir/previous" "$out"  # unformatted again for the next round
      else
        cmp -s "$out" "$dir/previous" || fail "SIG$signal after ${delay}s changed $out"
      fi
      no_temp_files || fail "SIG$signal after ${delay}s of $verb left a temporary file"
    done
  done
done

. "$(dirname "$0")/output_target_cases.sh"

# No EXIT trap: a background build killed before its exec would run it too.
chmod -R u+w "$dir" && rm -rf "$dir"
[ "$failures" = 0 ] && echo "atomic output: all checks passed"
exit "$failures"
