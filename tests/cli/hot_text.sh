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

# The sections the link placed first, against the ones the script names (a libc member or a name in two
# objects can place more than one): far fewer means the list no longer names the code.
named=$(grep -c '^    \*' "$script")
placed=$(awk '/^[^ ]/ { inside = ($1 == ".text.hot_first") ; next }
              inside && /^ \.text/ { n++ } END { print n + 0 }' "$map")
echo "hot_text: $named sections named, $placed linked first ($size bytes)"
[ $((placed * 4)) -ge $((named * 3)) ] ||
  fail "fewer than 3 in 4 of the sections cmake/hot-text.ld names exist now: run bench/hot_text.py again"
