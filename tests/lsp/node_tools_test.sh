#!/bin/sh
# The language server and editor tests that need Node.js and the npm packages pinned in
# tests/data/lsp (and, for packaging, editors/vscode's own dependency), installed by .ci/setup
# with `npm ci`. Without them the test is skipped (exit 77) and says why.
#   node_tools_test.sh client REDFLAG   a real LSP client drives `redflag lsp` (client_test.js)
#   node_tools_test.sh grammar          vscode-tmgrammar-test on editors/vscode/syntaxes/*.test.rf
#   node_tools_test.sh package          `vsce package` of a copy of editors/vscode
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
modules=$root/tests/data/lsp/node_modules
skip() { echo "skipped: $1" >&2; exit 77; }
command -v node >/dev/null || skip "node is not installed (Debian nodejs, or Node.js itself)"
case $1 in
  client)
    [ -d "$modules/vscode-languageserver-protocol" ] || skip "run .ci/setup (npm ci in tests/data/lsp) for vscode-languageserver-protocol"
    exec node "$root/tests/lsp/client_test.js" "$2" "$modules" ;;
  grammar)
    [ -x "$modules/.bin/vscode-tmgrammar-test" ] || skip "run .ci/setup (npm ci in tests/data/lsp) for vscode-tmgrammar-test"
    exec "$modules/.bin/vscode-tmgrammar-test" -g "$root/editors/vscode/syntaxes/redflag.tmLanguage.json" \
      "$root/editors/vscode/syntaxes/*.test.rf" ;;
  package)
    [ -x "$modules/.bin/vsce" ] || skip "run .ci/setup (npm ci in tests/data/lsp) for @vscode/vsce"
    [ -d "$root/editors/vscode/node_modules/vscode-languageclient" ] || skip "run .ci/setup (npm ci in editors/vscode) for vscode-languageclient"
    work=$(mktemp -d "${TMPDIR:-/tmp}/redflag-vsce.XXXXXX")
    trap 'rm -rf "$work"' EXIT
    cp -R "$root/editors/vscode" "$work/redflag"
    (cd "$work/redflag" && "$modules/.bin/vsce" package --out "$work/redflag.vsix" >/dev/null)
    # The package holds the manifest, the client, the grammar, the snippets, the language
    # configuration and the client library, and leaves the grammar's test file out.
    python3 - "$work/redflag.vsix" <<'PY'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
want = {"extension/package.json", "extension/extension.js", "extension/language-configuration.json",
        "extension/syntaxes/redflag.tmLanguage.json", "extension/snippets/redflag.json",
        "extension/node_modules/vscode-languageclient/package.json"}
missing = sorted(want - names)
tests = sorted(n for n in names if n.endswith(".test.rf"))
if missing or tests:
    sys.exit(f"redflag.vsix: missing {missing}, test files {tests}")
print(f"redflag.vsix: {len(names)} files, all expected ones")
PY
    ;;
  *) echo "usage: $0 client REDFLAG | grammar | package" >&2; exit 64 ;;
esac
