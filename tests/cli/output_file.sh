#!/usr/bin/env bash
# -o FILE keeps what the user had: symlinks, special files, modes, owners and hard links; a failed or refused write
# leaves FILE as it was; and an output that cannot be written is a failure. Usage: output_file.sh XPUSPEC
set -u
bin=$(realpath "$1")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_eq() { [ "$1" == "$2" ] || fail "$3: expected [$2], got [$1]"; }
expect_contains() { [[ "$1" == *"$2"* ]] || fail "$3: [$2] not in: $1"; }
unset XPUSPEC_PATH NO_COLOR

# A symlink stays a symlink; its target gets the output and keeps its mode.
echo old > real.csv && chmod 600 real.csv && ln -s real.csv link.csv
"$bin" list --format csv -o link.csv
expect_eq "$?" "0" "-o through a symlink exits 0"
[ -L link.csv ] || fail "-o replaced the symlink with a file"
expect_eq "$(head -c 3 real.csv)" "id," "the symlink's target holds the output"
expect_eq "$(stat -c %a real.csv)" "600" "the target keeps its mode (600)"

# A link to a link, relative, in another folder; and a dangling link creates its target.
mkdir sub && ln -s ../link.csv sub/again.csv
"$bin" list --format csv -o sub/again.csv
[ -L sub/again.csv ] && [ -L link.csv ] || fail "a chain of symlinks was not kept"
ln -s made.csv dangling.csv
"$bin" list --format csv -o dangling.csv
[ -L dangling.csv ] && [ -f made.csv ] || fail "a dangling symlink should be written through, creating its target"

# A regular file keeps its mode; a failed run (unknown chip) leaves it as it was.
echo keep > mode.csv && chmod 640 mode.csv
"$bin" list --format csv -o mode.csv
expect_eq "$(stat -c %a mode.csv)" "640" "-o keeps a file's mode"
echo keep > kept.json
"$bin" compare nosuchchip --json -o kept.json 2>/dev/null
expect_eq "$(cat kept.json)" "keep" "a failed run leaves -o FILE untouched"

# Hard links: replacing the file would cut it off from its other names, so the write is refused, nothing changes.
echo linked > one.csv && ln one.csv two.csv
err=$("$bin" list --format csv -o one.csv 2>&1)
expect_eq "$?" "2" "-o onto a hard-linked file is refused (exit 2)"
expect_contains "$err" "hard links" "the refusal says why"
expect_eq "$(cat one.csv):$(cat two.csv):$(stat -c %h one.csv)" "linked:linked:2" "the hard-linked file is untouched"

# Special files are written into, never replaced.
mkfifo pipe
timeout 20 cat pipe > from-pipe.txt &
reader=$!
"$bin" list --format csv -o pipe
wait "$reader"
[ -p pipe ] || fail "-o replaced a FIFO with a file"
expect_eq "$(head -c 3 from-pipe.txt)" "id," "the FIFO's reader got the output"
"$bin" list -o /dev/null
expect_eq "$?" "0" "-o /dev/null exits 0"
[ -c /dev/null ] || fail "/dev/null is no longer a character device"
"$bin" list --format csv -o /dev/stdout > via-stdout.csv
expect_eq "$(head -c 3 via-stdout.csv)" "id," "-o /dev/stdout writes to the shell's redirection"

# A regular file under /dev (tmpfs at /dev/shm) is an ordinary file: replaced, not appended to.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  shm=$(mktemp /dev/shm/xpuspec-test.XXXXXX)
  "$bin" list --format csv -o "$shm" && "$bin" list --format csv -o "$shm"
  expect_eq "$(wc -l < "$shm")" "$("$bin" list --format csv | wc -l)" "-o under /dev/shm replaces the file"
  rm -f "$shm"
fi
"$bin" list -o "" 2>/dev/null
expect_eq "$?" "2" "-o with an empty name is an error"

# Names that cannot be written: a clear error, exit 2.
mkdir folder.csv
err=$("$bin" list -o folder.csv 2>&1)
expect_eq "$?" "2" "-o onto a directory exits 2"
expect_contains "$err" "is a directory" "and says so"
ln -s loop-b loop-a && ln -s loop-a loop-b
err=$("$bin" list -o loop-a 2>&1)
expect_eq "$?" "2" "-o onto a symlink loop exits 2"
expect_contains "$err" "symbolic links" "and says so"
expect_eq "$(ls -A | grep -c xpuspec-)" "0" "no temporary file left behind"

# Output that cannot be written fails; a reader that stops reading does not hide validate's status.
"$bin" --help > /dev/full 2>/dev/null
expect_eq "$?" "2" "--help to a full device exits 2"
"$bin" list > /dev/full 2>/dev/null
expect_eq "$?" "2" "list to a full device exits 2"
mkdir bad && for i in $(seq 1 200); do printf '{"id": "b%d", "name": "B", "vendor": "V", "status": "shipping", "power": {"tdp": "0 W"}}\n' "$i" > "bad/b$i.json"; done
(set -o pipefail; "$bin" validate bad 2>/dev/null | head -1 > /dev/null)
expect_eq "$?" "1" "validate | head -1 still exits 1 for findings"

if [ "$failures" -gt 0 ]; then echo "$failures failed"; exit 1; fi
echo "output_file: all passed"
