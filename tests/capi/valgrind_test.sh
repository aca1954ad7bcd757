#!/usr/bin/env bash
# Runs PROGRAM under valgrind's memcheck: any memory error or leak, of any kind, fails.
# usage: valgrind_test.sh SANITIZE PROGRAM [ARGS...]   (SANITIZE: the build's REDFLAG_SANITIZE)
set -u
sanitize=$1
shift
if [ "$sanitize" = ON ]; then
  echo "SKIP: valgrind cannot run an AddressSanitizer build (REDFLAG_SANITIZE=ON); capi_misuse runs it under ASan and LeakSanitizer instead"
  exit 77
fi
command -v valgrind >/dev/null || { echo "SKIP: valgrind is not installed (.ci/setup installs it)"; exit 77; }
exec valgrind --error-exitcode=1 --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all "$@"
