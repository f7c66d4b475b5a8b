#!/usr/bin/env bash
# The static binary places the code everyday questions run at the start of its text (cmake/hot-text.ld, written by
# bench/hot_text.py). A renamed script, a lost link option or a list gone stale would only make every run slower,
# which no other test sees. Usage: hot_text.sh XPUSPEC LINK_MAP SCRIPT
set -euo pipefail
bin=$1 map=$2 script=$3
fail() { echo "hot_text: $*" >&2; exit 1; }

# readelf: "[Nr] Name Type Address Off Size ...", the size in hex.
size=$(readelf -SW "$bin" | awk '{ for (i = 1; i < NF; i++) if ($i == ".text.hot_first") print $(i + 4) }')
[ -n "$size" ] || fail "$bin has no .text.hot_first section: was it linked with $script?"
size=$((16#$size))
[ "$size" -ge 262144 ] || fail ".text.hot_first holds only $size bytes"
echo "hot_text: .text.hot_first holds $size bytes"

# Whether the list still names the code: only for the toolchain that wrote it (another compiler or libc names
# other sections; the list is then slower for it, not wrong), and only from a GNU ld map, whose layout this reads.
made_by=$(sed -n 's/^ *toolchain: \(.*\) \*\/$/\1/p' "$script")
if [ -z "$made_by" ] || ! readelf -p .comment "$bin" | grep -qF "$made_by"; then
  echo "hot_text: $script was made by ${made_by:-an unnamed toolchain}, not this one: staleness not checked"
  exit 0
fi
[ -r "$map" ] || fail "no link map at $map"
if ! grep -q '^Linker script and memory map' "$map"; then
  echo "hot_text: $map is not a GNU ld map: staleness not checked"
  exit 0
fi
# GNU ld's map echoes each of the script's patterns (" *(...)"), then the input sections it matched (" .text...").
read -r rules unmatched < <(awk '
  /^[^ ]/ { inside = ($1 == ".text.hot_first"); next }
  !inside { next }
  /^ \*fill\*/ { next }
  /^ \*/ { rules++; if (waiting) unmatched++; waiting = 1; next }
  /^ \./ { waiting = 0 }
  END { if (waiting) unmatched++; print rules + 0, unmatched + 0 }' "$map")
echo "hot_text: $rules sections named, $unmatched of them found nowhere"
[ "$rules" -gt 0 ] || fail "$map shows none of the script's patterns under .text.hot_first"
[ $((unmatched * 4)) -le "$rules" ] ||
  fail "more than 1 in 4 of the sections $script names no longer exist: run bench/hot_text.py again"
