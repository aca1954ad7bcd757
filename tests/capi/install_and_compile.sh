#!/usr/bin/env bash
# Installs the build into a fresh prefix with `cmake --install`, compiles misuse.c and threads.c
# against the installed files with `pkg-config --cflags --libs redflag` alone, and builds the KB
# they read.
# usage: install_and_compile.sh CMAKE BUILD_DIR PREFIX LIBDIR REDFLAG SOURCE_DIR OUT_DIR
set -euo pipefail
cmake=$1 build=$2 prefix=$3 libdir=$4 redflag=$5 source=$6 out=$7

command -v pkg-config >/dev/null || { echo "pkg-config is not installed (.ci/setup installs it)"; exit 1; }
rm -rf "$prefix" "$out/misuse" "$out/threads" "$out/misuse_kb.rfb"
"$cmake" --install "$build" --prefix "$prefix" >/dev/null

flags=$(PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig" pkg-config --cflags --libs redflag)
echo "pkg-config --cflags --libs redflag: $flags"
for program in misuse threads; do
  # shellcheck disable=SC2086  # the flags are words
  "${CC:-cc}" -std=c11 -Wall -Wextra -Wpedantic -Werror -o "$out/$program" "$source/$program.c" $flags
done
"$redflag" build "$source/misuse_kb.rf" -o "$out/misuse_kb.rfb" >/dev/null
