#!/usr/bin/env bash
# Regenerates tests/data/ucum/lhc_expected.tsv from the NLM reference implementation of UCUM.
# Installs @lhncbc/ucum-lhc with npm into a temporary directory (never into the repository):
# it is a test oracle only. The table is committed, so CI needs neither npm nor the network.
#   tests/data/ucum/make_lhc_table.sh [VERSION]     (default: the version the table was made with)
set -euo pipefail
version=${1:-7.1.10}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/redflag-ucum-lhc.XXXXXX")
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund "@lhncbc/ucum-lhc@$version" >/dev/null)
node "$here/make_lhc_table.mjs" "$work" "$here/lhc_expected.tsv"
