#!/usr/bin/env bash
# Runs one case of the red-team corpus (cases.tsv) against the xpuspec binary and checks what the corpus promises
# for every case: the exit status it names, a message naming the problem, no raw control character from hostile data
# on the terminal (ESC, CR, NUL...), no "internal error", and (CTest's TIMEOUT) no hang.
#   run.sh XPUSPEC CASE_NAME
# A case's command is a bash snippet run in a scratch folder holding the generated hostile files (see `generate`);
# $X is the binary, so `$X --no-bundled --data huge-tflops.json list` is a typical command.
set -u
X=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
name=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
line=$(awk -F'\t' -v n="$name" '$1 == n' "$here/cases.tsv")
[ -n "$line" ] || { echo "no case named $name in cases.tsv" >&2; exit 1; }
# Fields by position: `read` would merge the empty fragment's two tabs.
expected_status=$(cut -f2 <<< "$line")
fragment=$(cut -f3 <<< "$line")
command=$(cut -f4- <<< "$line")

scratch=$(mktemp -d)
trap 'chmod -R u+rwx "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1
unset XPUSPEC_PATH NO_COLOR

source_block='"source": "s", "sources": {"s": {"title": "t", "url": "https://example.com", "accessed": "2026-01-01"}}'
chip() {  # chip ID EXTRA_JSON_MEMBERS: a minimal valid chip file with extra members
  printf '{"id": "%s", "name": "N", "vendor": "V", "status": "shipping", %s, %s}\n' "$1" "$2" "$source_block"
}

# The hostile files, made here rather than committed: some are megabytes, some have names git will not keep.
generate() {
  chip huge-tflops '"compute": {"bf16": "1.6e308 TFLOPS"}' > huge-tflops.json
  chip subnormal '"memory": {"bandwidth": "1e-320 TB/s"}' > subnormal.json
  chip tiny-capacity '"memory": {"capacity": "1e-300 GB"}' > tiny-capacity.json
  # A 2,000,000-character source id that names no source: "did you mean" must not compare it quadratically.
  { printf '{"id": "long-source", "name": "N", "vendor": "V", "status": "shipping", '
    printf '"compute": {"bf16": {"value": "1 TFLOPS", "source": "'; head -c 2000000 /dev/zero | tr '\0' 'a'
    printf '"}}, %s}\n' "$source_block"; } > long-source.json
  { printf '{"id": "nul-byte", "name": "N\0V", '; printf '"vendor": "V", "status": "shipping", %s}\n' "$source_block"; } > nul-byte.json
  # C1 control CSI (U+009B) and bidirectional overrides and isolates (U+202E, U+2066): invisible, yet they act
  # on a terminal or reorder the line around them.
  chip bidi '"memory": {"capacity": {"value": "unknown", "note": "F\u009b31mRED"}}, "notes": ["exe.\u202egpj", "\u2066isolated\u2069"]' > bidi.json
  # What a JSON record carries as written (the records are written as events, not by the library): a quote, a
  # backslash and a control character in a name, an alias in capitals, and an escape sequence in a value's note,
  # which the reason the value is missing repeats.
  printf '{"id": "quoted", "name": "a \\"quoted\\" \\\\ name\\u0001", "vendor": "V", "status": "shipping", "aliases": ["QUOTED-Alias"], "power": {"tdp": {"value": "unpublished", "note": "tab\\there \\u001b[2J"}}, %s}\n' "$source_block" > quoted.json
  chip escapes '"family": "F\u001b[31mRED\u001b[0m\nfake.json:1:1: error: forged", "notes": ["\u001b]0;title\u0007bell"]' > escapes.json
  # A 3 MB note of commas: the position index must size itself by the values, not by every comma in a string.
  { printf '{"id": "commas", "name": "N", "vendor": "V", "status": "shipping", "notes": ["'
    head -c 3000000 /dev/zero | tr '\0' ','; printf '"], %s}\n' "$source_block"; } > commas.json
  # Markup and a script URL aimed at the HTML page.
  chip markup '"family": "</script><script>alert(1)</script>", "notes": ["<img src=x onerror=alert(2)>"]' |
    sed 's|"url": "[^"]*"|"url": "javascript:alert(3)"|' > markup.json
  chip id-with-cr '"aliases": ["ok"]' | sed 's/"name": "N"/"name": "line one\\rline two"/' > id-with-cr.json
  { printf '{"id": "deep", "x": '; head -c 200000 /dev/zero | tr '\0' '['; } > deep.json
  { printf '{"id": "deep-closed", "name": "N", "vendor": "V", "status": "shipping", "notes": '
    head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; printf ', %s}\n' "$source_block"; } > deep-closed.json
  # Strings under a schema pattern long enough to overflow a recursive regex engine's stack.
  chip long-quantity "\"memory\": {\"capacity\": \"$(head -c 30000 /dev/zero | tr '\0' 1) GB\"}" > long-quantity.json
  chip "$(head -c 100000 /dev/zero | tr '\0' a)" '"aliases": []' > long-id.json
  # A reported value whose text carries an OSC sequence and a line that forges another finding.
  chip forge '"memory": {"capacity": "1 GB\u001b]0;pwned\u0007\nforge3.json:9:9: error: forged [x]"}' > forge.json
  { printf '{"id": "big", "name": "'; head -c 5000000 /dev/zero | tr '\0' 'b'; printf '"}\n'; } > big.json
  { printf '{"id": "aliases", "name": "N", "vendor": "V", "status": "shipping", "aliases": ['
    seq -f '"alias-%g",' 1 50000 | tr -d '\n'; printf '"last"], %s}\n' "$source_block"; } > aliases.json
  chip $'h1\xd0\xbe0' '"aliases": []' > confusable.json
  printf '\xef\xbb\xbf' > bom-crlf.json; chip bom-crlf '"aliases": []' | sed 's/$/\r/' >> bom-crlf.json
  printf '{"id": "dup", "id": "dup2", "name": "N", "vendor": "V", "status": "shipping", %s}\n' "$source_block" > dup.json
  chip typo-and-unit '"compute": {"bf16": "5 TB/s"}, "memroy": {}' > typo-and-unit.json
  mkdir -p loop && ln -sf self.json loop/self.json && ln -sf loop.json loop.json
  mkdir -p badname && chip badname '"aliases": []' > $'badname/\xff\xfe.json'
  mkdir -p special && mkfifo special/fifo.json
  chip a '"aliases": []' > a.json
  # A user's chip that takes a bundled system's alias and a system's chip with no compute and an absurd memory.
  chip takes-system-alias '"aliases": ["cloudmatrix-384", "gb200-nvl72"]' > takes-system-alias.json
  chip huawei-ascend-910c '"memory": {"capacity": "1e6 GB"}, "compute": {"bf16": "unknown"}' > hollow-910c.json
}
generate 2>/dev/null

# Runs a command as a user without root's power to read anything (a case about permissions): nobody when we are
# root, else ourselves.
unprivileged() {
  if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi
}
export -f unprivileged

stdout="$scratch/.stdout"
stderr="$scratch/.stderr"
timeout 60 bash -c "X='$X'; $command" > "$stdout" 2> "$stderr"
status=$?
failed=0
fail() { echo "FAIL: $name: $*"; failed=1; }

[ "$status" = "$expected_status" ] || fail "exit status $status, expected $expected_status"
if [ -n "$fragment" ] && [ "$fragment" != "-" ]; then
  # validate prints its findings on stdout and everything else errs on stderr: either may name the problem.
  cat "$stdout" "$stderr" | grep -qF -- "$fragment" || fail "the output lacks [$fragment]"
fi
if grep -q "internal error" "$stderr"; then fail "an internal error"; fi
# Nothing from a hostile file reaches a terminal raw: no ESC, BEL, CR, NUL or other C0 control except tab and
# line feed (CSV's CRLF is the one exception: a CSV case deletes its CRs), no C1 control, no bidirectional override.
raw_controls='[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]'
for stream in "$stdout" "$stderr"; do
  if LC_ALL=C grep -qP "$raw_controls" "$stream"; then
    fail "a raw control character in $(basename "$stream"): $(LC_ALL=C grep -naP "$raw_controls" "$stream" | head -2 | cat -v)"
  fi
done
if [ $failed = 1 ]; then
  echo "--- command: $command"
  echo "--- stderr (first lines):"; head -c 600 "$stderr" | cat -v; echo
  echo "--- stdout (first lines):"; head -c 600 "$stdout" | cat -v; echo
  exit 1
fi
echo "ok: $name (exit $status)"
