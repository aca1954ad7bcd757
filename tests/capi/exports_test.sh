#!/usr/bin/env bash
# The installed libredflag.so exports exactly the functions redflag.h declares (RF_API ...), has
# the SONAME it should, needs no text relocations (it is position-independent), and its
# development link points at it.
# usage: exports_test.sh LIBDIR HEADER SONAME
set -u
libdir=$1 header=$2 soname=$3
lib=$libdir/libredflag.so
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

declared=$(sed -n 's/^RF_API .*\b\(rf_[a-z_]*\)(.*/\1/p' "$header" | sort)
exported=$(nm -D --defined-only "$lib" | awk '{print $3}' | sort)
[ "$(echo "$declared" | wc -l)" -ge 30 ] || fail "only $(echo "$declared" | wc -l) functions found in $header"
diff <(echo "$declared") <(echo "$exported") >/dev/null ||
  fail "exports differ from the header (< header only, > library only):"$'\n'"$(diff <(echo "$declared") <(echo "$exported"))"

dynamic=$(readelf -d "$lib")
echo "$dynamic" | grep -q "(SONAME).*\[$soname\]" || fail "SONAME is not $soname: $(echo "$dynamic" | grep SONAME)"
echo "$dynamic" | grep -q TEXTREL && fail "the library has text relocations: not built as position-independent code"
[ "$(readlink "$lib")" = "$soname" ] || fail "$lib links to $(readlink "$lib"), not $soname"
[ -f "$libdir/pkgconfig/redflag.pc" ] || fail "no redflag.pc in $libdir/pkgconfig"

[ "$failures" = 0 ] && echo "$(echo "$exported" | wc -l) functions exported, all declared in redflag.h; SONAME $soname"
exit $((failures > 0))
