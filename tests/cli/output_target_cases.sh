# Output targets (cli/output_target.hpp), part of atomic_output_test.sh, which sources this file
# with $redflag, $good (a KB source that checks clean), $dir (an empty scratch directory but for
# kb.rfb, kb.html and messy.rf), fail and no_temp_files.
cd "$dir" || exit 1
"$redflag" build "$good" -o kb.rfb >/dev/null || fail "the build before the target cases failed"
expect_error() {  # expect_error MESSAGE COMMAND...: exit 1 and exactly MESSAGE on stderr
  local message=$1; shift
  "$@" >/dev/null 2>err.txt && fail "succeeded: $*"
  [ "$(cat err.txt)" = "$message" ] || fail "$*: stderr is '$(cat err.txt)', expected '$message'"
  rm -f err.txt
}

# `-o -` is standard output for every verb with -o, and no file named `-` appears.
"$redflag" build "$good" -o - >stdout.rfb || fail "build -o - failed"
cmp -s stdout.rfb kb.rfb || fail "build -o - wrote other bytes than build -o FILE"
"$redflag" test "$good" --junit - >junit.xml 2>report.txt || fail "test --junit - failed"
head -c 5 junit.xml | grep -q '<?xml' || fail "test --junit - wrote no XML on stdout: $(head -c 200 junit.xml)"
grep -q 'passed' report.txt || fail "test --junit - did not move the report to stderr: $(head -c 200 report.txt)"
[ ! -e - ] || fail "a file named - was created"
rm -f stdout.rfb junit.xml report.txt

# /dev/stdout is standard output: to a pipe and to a file, and without the status line. The
# test uses a link of its own like /dev/stdout, so that a broken build cannot replace the real one.
ln -s /proc/self/fd/1 stdout
[ "$("$redflag" build "$good" -o stdout | cksum)" = "$(cksum <kb.rfb)" ] || fail "build -o stdout | ... differs"
"$redflag" build "$good" -o stdout >via_stdout.rfb || fail "build -o stdout > FILE failed"
cmp -s via_stdout.rfb kb.rfb || fail "build -o stdout > FILE wrote other bytes"
rm -f via_stdout.rfb stdout

# A device node is written through, never replaced: a null device of our own where mknod is
# allowed (root), else the system's /dev/null, which a non-root build could not replace anyway.
if mknod null c 1 3 2>/dev/null; then device=$dir/null; elif [ "$(id -u)" != 0 ]; then device=/dev/null; else device=; fi
if [ -n "$device" ]; then
  "$redflag" build "$good" -o "$device" >/dev/null || fail "build -o $device failed"
  [ -c "$device" ] || fail "build -o $device replaced the device node"
  [ "$(head -c 1 "$device" | wc -c)" = 0 ] || fail "$device holds data after build -o"
  rm -f null
else
  echo "note: mknod is not allowed here; the device case is not run (as root it could replace /dev/null)"
fi

# A FIFO gets the bytes and stays a FIFO.
mkfifo pipe
timeout 20 cat pipe >from_fifo.rfb &  # a bound, should the FIFO be replaced
"$redflag" build "$good" -o pipe >/dev/null || fail "build -o FIFO failed"
wait $!
[ -p pipe ] || fail "build -o FIFO replaced the FIFO"
cmp -s from_fifo.rfb kb.rfb || fail "build -o FIFO wrote other bytes"
rm -f pipe from_fifo.rfb

# A Unix socket is connected to and written through.
python3 -c 'import socket, sys
s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(1); s.settimeout(20); c, _ = s.accept()
with open(sys.argv[2], "wb") as f:
    for d in iter(lambda: c.recv(65536), b""): f.write(d)' sock from_socket.rfb &
server=$!
for _ in $(seq 100); do [ -S sock ] && break; sleep 0.05; done
"$redflag" build "$good" -o sock >/dev/null || fail "build -o SOCKET failed"
wait $server
[ -S sock ] || fail "build -o SOCKET replaced the socket"
cmp -s from_socket.rfb kb.rfb || fail "build -o SOCKET wrote other bytes"
rm -f sock from_socket.rfb

# A symlink: its target is replaced, the link stays; a dangling link's target is created.
"$redflag" doc "$good" -o - >handbook.md
echo old >target.md && ln -s target.md link.md && ln -s new.md dangling.md
"$redflag" doc "$good" -o link.md >/dev/null || fail "doc -o SYMLINK failed"
[ -L link.md ] && cmp -s target.md handbook.md || fail "doc -o SYMLINK did not write the link's target"
"$redflag" doc "$good" -o dangling.md >/dev/null || fail "doc -o DANGLING-SYMLINK failed"
[ -L dangling.md ] && cmp -s new.md handbook.md || fail "doc -o DANGLING-SYMLINK did not create the target"
rm -f handbook.md target.md link.md dangling.md new.md

# An output that is one of the inputs is refused, by identity, not by name.
cp "$good" same.rf && ln same.rf hard.rf && mkdir kbd && cp "$good" kbd/a.rf
expect_error 'error: cannot write `same.rf`: it is the input `same.rf`; choose another output' \
  "$redflag" build same.rf -o same.rf
expect_error 'error: cannot write `hard.rf`: it is the input `same.rf`; choose another output' \
  "$redflag" doc same.rf -o hard.rf
expect_error 'error: cannot write `./same.rf`: it is the input `same.rf`; choose another output' \
  "$redflag" test same.rf --junit ./same.rf
expect_error 'error: cannot write `kbd/a.rf`: it is the input `kbd/a.rf`; choose another output' \
  "$redflag" build kbd -o kbd/a.rf
cmp -s same.rf "$good" && cmp -s kbd/a.rf "$good" || fail "a refused output changed its input"
rm -rf same.rf hard.rf kbd

# A directory and a read-only file are refused; an existing file keeps its mode (and owner).
expect_error "error: cannot write \`$dir\`: it is a directory" "$redflag" build "$good" -o "$dir"
cp kb.rfb ro.rfb && chmod 444 ro.rfb
expect_error 'error: cannot write `ro.rfb`: it is read-only (mode 0444)' "$redflag" doc "$good" -o ro.rfb
cmp -s ro.rfb kb.rfb || fail "a read-only output changed"
rm -f ro.rfb
chmod 640 kb.rfb
[ "$(id -u)" = 0 ] && chown nobody kb.rfb
"$redflag" build "$good" -o kb.rfb >/dev/null || fail "the rebuild of a 0640 file failed"
[ "$(stat -c %a kb.rfb)" = 640 ] || fail "build -o reset the mode 0640 to $(stat -c %a kb.rfb)"
[ "$(id -u)" != 0 ] || [ "$(stat -c %U kb.rfb)" = nobody ] || fail "build -o changed the owner to $(stat -c %U kb.rfb)"

# The other ways a target can be unusable, each named with the system's reason.
ln -s loop.b loop.a && ln -s loop.a loop.b
expect_error 'error: cannot write `loop.a`: cannot follow the symbolic link: Too many levels of symbolic links' \
  "$redflag" build "$good" -o loop.a
expect_error 'error: cannot write `kb.rfb/x.rfb`: cannot inspect it: Not a directory' \
  "$redflag" build "$good" -o kb.rfb/x.rfb
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' dead.sock  # no listener
expect_error 'error: cannot write `dead.sock`: cannot open it: Connection refused' "$redflag" build "$good" -o dead.sock
[ -S dead.sock ] || fail "a socket without a listener was replaced"
# Another user's file in a directory anyone may write: as root, run as nobody to see the refusal.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && setpriv --reuid=nobody --regid=nogroup --clear-groups "$redflag" --version >/dev/null 2>&1; then
  chmod 755 "$dir" && mkdir shared && chmod 777 shared && cp kb.rfb shared/theirs.rfb && chmod 644 shared/theirs.rfb
  expect_error 'error: cannot write `shared/theirs.rfb`: Permission denied' \
    setpriv --reuid=nobody --regid=nogroup --clear-groups "$redflag" build "$good" -o shared/theirs.rfb
  cmp -s shared/theirs.rfb kb.rfb || fail "another user's file was replaced"
  rm -rf shared && chmod 700 "$dir"
else
  echo "note: not root, or setpriv cannot run redflag as nobody; the case of another user's file is not run"
fi
rm -f loop.a loop.b dead.sock

# A temporary file is `.NAME.redflag-tmp-PID`; the next write of NAME removes those whose process
# is gone and keeps a live process's.
sh -c 'exit 0' & gone=$!
wait $gone
touch ".kb.rfb.redflag-tmp-$gone" ".kb.rfb.redflag-tmp-$$" ".other.rfb.redflag-tmp-$gone"
"$redflag" build "$good" -o kb.rfb >/dev/null || fail "the build with stale temporary files failed"
[ ! -e ".kb.rfb.redflag-tmp-$gone" ] || fail "a stale temporary file of a finished process was kept"
[ -e ".kb.rfb.redflag-tmp-$$" ] || fail "the temporary file of a live process was removed"
[ -e ".other.rfb.redflag-tmp-$gone" ] || fail "another target's temporary file was removed"
rm -f ".kb.rfb.redflag-tmp-$$" ".other.rfb.redflag-tmp-$gone"

# SIGKILL while a large .rfb is written (50,000 flags, 6 MB): at most that temporary file stays,
# and the next build removes it.
awk 'BEGIN { print "kb big\n  title \"big\"\n  version 1.0.0\n  status draft\n\nlevels low < high\n"
             for (i = 0; i < 50000; i++) print "fact f" i " : bool"
             for (i = 0; i < 50000; i++) print "flag g" i " high\n  title \"g" i "\"\n  when f" i "\n" }' >big.rf
caught=0
for _ in 1 2 3 4 5; do
  "$redflag" build big.rf -o kb.rfb >/dev/null 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && [ ! -e ".kb.rfb.redflag-tmp-$pid" ]; do :; done
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  left=$(ls -A | grep 'tmp' | tr '\n' ' ')
  [ -z "$left" ] || [ "$left" = ".kb.rfb.redflag-tmp-$pid " ] || fail "SIGKILL left '$left'"
  [ -n "$left" ] && caught=$((caught + 1))
  "$redflag" build "$good" -o kb.rfb >/dev/null || fail "the build after a SIGKILL failed"
  no_temp_files || fail "the build after a SIGKILL kept the temporary file: $(ls -A | grep tmp)"
  [ "$caught" -gt 0 ] && break  # one kill in the window is the case; up to 5 tries to get it
done
[ "$caught" -gt 0 ] || fail "no SIGKILL landed while the temporary file existed (5 tries)"
rm -f big.rf
cd - >/dev/null || exit 1
