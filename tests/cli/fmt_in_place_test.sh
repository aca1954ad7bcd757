#!/bin/sh
# `redflag fmt FILE` rewrites a file in place: it reports the file, afterwards `fmt --check`
# passes, a second run changes nothing, and no temporary file is left beside it.
# usage: fmt_in_place_test.sh REDFLAG MESSY.rf
set -eu
redflag=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp "$2" "$dir/messy.rf"
cd "$dir"
if "$redflag" fmt --check messy.rf > /dev/null; then echo "messy.rf is already formatted"; exit 1; fi
[ "$("$redflag" fmt messy.rf)" = "formatted messy.rf" ]
"$redflag" fmt --check messy.rf
[ -z "$("$redflag" fmt messy.rf)" ]
[ "$(ls -A)" = "messy.rf" ]
