#!/usr/bin/env bash
# End-to-end behaviour of the xpuspec binary that golden files cannot show. Usage: behaviour.sh XPUSPEC [BUILD_DIR]
set -u
bin=$1
build_dir=${2:-}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
passes=0

pass() { passes=$((passes + 1)); }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_eq() { if [ "$1" == "$2" ]; then pass; else fail "$3: expected [$2], got [$1]"; fi; }
expect_contains() { if [[ "$1" == *"$2"* ]]; then pass; else fail "$3: [$2] not in output: $1"; fi; }
expect_lacks() { if [[ "$1" != *"$2"* ]]; then pass; else fail "$3: [$2] should not be in output"; fi; }

unset XPUSPEC_PATH NO_COLOR

# A closed pipe is not an error: enough output that the writer meets EPIPE after head exits.
mkdir -p "$scratch/many"
for i in $(seq 1 3000); do
  printf '{"id":"chip-%04d","name":"Chip %d","vendor":"V","status":"shipping","compute":{"bf16":"%d TFLOPS"},"source":"s","sources":{"s":{"title":"t","url":"https://example.com"}}}\n' "$i" "$i" "$i" \
    > "$scratch/many/chip-$i.json"
done
out=$(set -o pipefail; "$bin" --no-bundled --data "$scratch/many" list 2>"$scratch/err" | head -1; echo "rc=$?")
expect_contains "$out" "rc=0" "list | head -1 exits 0"
expect_eq "$(cat "$scratch/err")" "" "list | head -1 prints nothing on stderr"

# -o is atomic: a failed run leaves the file as it was, a good one replaces it, no temporary file is left.
echo "keep me" > "$scratch/out.json"
"$bin" compare h100 nosuchchip --json -o "$scratch/out.json" 2>/dev/null
expect_eq "$?" "2" "unknown chip exits 2"
expect_eq "$(cat "$scratch/out.json")" "keep me" "failed run leaves -o FILE untouched"
(umask 022 && "$bin" compare h100 a100 --json -o "$scratch/out.json")
expect_eq "$?" "0" "compare -o exits 0"
expect_contains "$(cat "$scratch/out.json")" '"id": "nvidia-a100-sxm"' "-o FILE holds the JSON"
expect_eq "$(stat -c %a "$scratch/out.json")" "644" "-o FILE gets the umask's mode"
expect_eq "$(ls -A "$scratch" | grep -c xpuspec-)" "0" "no temporary file left behind"

# The issue's own checks, from the installed-style binary.
# The first chip's metrics come before the second's, so the first "tflops_per_watt": key is the H100's.
value=$("$bin" compare h100 ascend-910b --json | grep -m1 '"tflops_per_watt": ' | tr -d ' ,' | cut -d: -f2)
# JSON numbers follow the number policy, 12 significant digits: the ratio to that many digits, exactly.
if awk -v v="$value" 'BEGIN { exit !(v == sprintf("%.12g", 989.4 / 700) + 0) }'; then pass; else
  fail "H100 tflops_per_watt should be 989.4 / 700 to 12 digits (tflops / tdp_w, as 'xpuspec metrics' says), got $value"; fi
expect_contains "$("$bin" metrics)" "tflops / tdp_w" "metrics shows the formula"
table=$("$bin" compare a100 tpu-v5p)
expect_contains "$(grep '^tdp_w' <<<"$table")" "unpublished" "TPU TDP shown as unpublished"
expect_contains "$(grep '^tflops_per_watt' <<<"$table")" "—" "TPU TFLOPS per watt shown as —"
expect_lacks "$(grep '^tflops_per_watt' <<<"$table" | sed 's/0\.78//')" " 0 " "no silent 0"
for metric in tflops_per_watt bandwidth_gb_s_per_tflop; do
  rows=$("$bin" rank --by "$metric" --format csv | tail -n +2 | wc -l)
  expect_eq "$rows" "$("$bin" list --format csv | tail -n +2 | wc -l)" "rank --by $metric lists every chip"
done

# A malformed file given with --data: one line naming file:line:col, exit 2.
printf '{\n  "id": "broken",\n  "name": "B"\n  "vendor": "V"\n}\n' > "$scratch/broken.json"
err=$("$bin" --data "$scratch/broken.json" list 2>&1 >/dev/null)
expect_eq "$?" "2" "malformed --data file exits 2"
expect_eq "$err" "xpuspec: error: $scratch/broken.json:4:3: syntax error while parsing object - unexpected string literal; expected '}'" \
  "malformed file gets file:line:col"

# XPUSPEC_PATH adds chips, and a later --data file with the same id wins over it.
mkdir -p "$scratch/env" "$scratch/cli"
printf '{"id":"layered","name":"From env","vendor":"V","status":"shipping","source":"s","sources":{"s":{"title":"t","url":"https://example.com"}}}' > "$scratch/env/l.json"
printf '{"id":"layered","name":"From data","vendor":"V","status":"shipping","source":"s","sources":{"s":{"title":"t","url":"https://example.com"}}}' > "$scratch/cli/l.json"
expect_contains "$(XPUSPEC_PATH="$scratch/env" "$bin" show layered)" "From env" "XPUSPEC_PATH adds chips"
expect_contains "$(XPUSPEC_PATH="$scratch/env" "$bin" --data "$scratch/cli" show layered)" "From data" "--data overrides XPUSPEC_PATH"

# Colour: only on a terminal, never with NO_COLOR or TERM=dumb; bars need a terminal too.
if command -v script >/dev/null 2>&1; then
  tty_out=$(TERM=xterm script -qec "$bin rank --by tflops" /dev/null)
  expect_contains "$tty_out" $'\e[1m' "a terminal gets bold headings"
  expect_contains "$tty_out" "█" "a terminal gets bars"
  no_color=$(NO_COLOR=1 TERM=xterm script -qec "$bin rank --by tflops" /dev/null)
  expect_lacks "$no_color" $'\e[' "NO_COLOR turns colour off"
  expect_contains "$no_color" "█" "NO_COLOR keeps the bars"
  dumb=$(TERM=dumb script -qec "$bin rank --by tflops" /dev/null)
  expect_lacks "$dumb" $'\e[' "TERM=dumb gets no colour"
  expect_lacks "$dumb" "█" "TERM=dumb gets no bars"
else
  echo "note: 'script' not found; terminal checks skipped"
fi
piped=$("$bin" rank --by tflops | cat)
expect_lacks "$piped" $'\e[' "a pipe gets no colour"
expect_lacks "$piped" "█" "a pipe gets no bars"

# The installed binary needs no data files beside it.
if [ -n "$build_dir" ]; then
  cmake --install "$build_dir" --prefix "$scratch/prefix" >/dev/null
  (cd / && "$scratch/prefix/bin/xpuspec" compare h100 ascend-910b >/dev/null)
  expect_eq "$?" "0" "installed binary runs from / with bundled data"
fi

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
