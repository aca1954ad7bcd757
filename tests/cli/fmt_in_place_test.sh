#!/bin/sh
# `redflag fmt FILE` rewrites a file in place: it reports the file, afterwards `fmt --check`
# passes, a second run changes nothing, and no temporary file is left beside it; a symlink, the
# mode and the owner are kept, a read-only file is refused, and an edit made meanwhile is kept.
# usage: fmt_in_place_test.sh REDFLAG MESSY.rf
set -eu
redflag=$1
source=$(realpath "$2")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp "$source" "$dir/messy.rf"
cd "$dir"
if "$redflag" fmt --check messy.rf > /dev/null; then echo "messy.rf is already formatted"; exit 1; fi
[ "$("$redflag" fmt messy.rf)" = "formatted messy.rf" ]
"$redflag" fmt --check messy.rf
[ -z "$("$redflag" fmt messy.rf)" ]
[ "$(ls -A)" = "messy.rf" ]

# In place means the file itself: a symlink's target is rewritten and the link stays; the mode
# and (as root, who can give a file away) the owner are kept; a read-only file is refused.
mkdir real && cp "$source" real/messy.rf && ln -s real/messy.rf link.rf
chmod 640 real/messy.rf
if [ "$(id -u)" = 0 ]; then chown nobody real/messy.rf; fi
[ "$("$redflag" fmt link.rf)" = "formatted link.rf" ]
[ -L link.rf ] || { echo "fmt replaced the symlink with a file"; exit 1; }
"$redflag" fmt --check real/messy.rf
[ "$(stat -c %a real/messy.rf)" = 640 ] || { echo "fmt reset the mode to $(stat -c %a real/messy.rf)"; exit 1; }
if [ "$(id -u)" = 0 ] && [ "$(stat -c %U real/messy.rf)" != nobody ]; then
  echo "fmt changed the owner to $(stat -c %U real/messy.rf)"; exit 1
fi
cp "$source" readonly.rf && chmod 444 readonly.rf
if "$redflag" fmt readonly.rf 2>err.txt; then echo "fmt rewrote a read-only file"; exit 1; fi
[ "$(cat err.txt)" = 'error: cannot write `readonly.rf`: it is read-only (mode 0444)' ] || { cat err.txt; exit 1; }
cmp -s readonly.rf "$source"
rm -rf real link.rf readonly.rf err.txt

# A source named `-` is a file: fmt rewrites it, it does not print it (`-o -` is for outputs).
cp "$source" ./-
[ "$("$redflag" fmt -)" = "formatted -" ] || { echo "fmt - did not rewrite the file named -"; exit 1; }
"$redflag" fmt --check - && rm ./-

# A file changed while fmt runs is left alone with an error, so the change is never lost. The
# file is large (50,000 flags, about 0.8 s to format) and a comment is appended during the run.
awk 'BEGIN { print "kb big\n  title \"big\"\n  version 1.0.0\n  status draft\n\nlevels low < high\n"
             for (i = 0; i < 50000; i++) print "fact f" i " : bool"
             for (i = 0; i < 50000; i++) print "flag g" i " high\n  title \"g" i "\"\n  when f" i "\n" }' |
  sed 's/$/  /' >big.messy
refused=0
for delay in 0.1 0.2 0.3 0.4 0.5; do
  cp big.messy big.rf
  "$redflag" fmt big.rf >/dev/null 2>err.txt &
  sleep "$delay"
  echo "# appended after ${delay}s" >>big.rf
  if wait $!; then status=0; else status=$?; fi
  grep -q "^# appended after ${delay}s" big.rf || { echo "fmt lost an edit made after ${delay}s"; exit 1; }
  if [ "$status" != 0 ]; then
    [ "$(cat err.txt)" = 'error: cannot write `big.rf`: it changed while redflag was working on it; it was left as it is, run the command again' ] ||
      { echo "fmt with an edit after ${delay}s: exit $status, $(cat err.txt)"; exit 1; }
    refused=$((refused + 1))
    break  # the refusal is what was to be seen; the edits before it were kept too
  fi
done
[ "$refused" -gt 0 ] || { echo "no edit landed while fmt ran (5 tries): the check was not exercised"; exit 1; }
rm -f big.messy big.rf err.txt
[ "$(ls -A)" = "messy.rf" ]
