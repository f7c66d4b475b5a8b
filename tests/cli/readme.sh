#!/usr/bin/env bash
# The README's console examples are real output: every `$ xpuspec ...` block that is shown whole (no "..." line)
# must be what the binary prints today, run from the top of the source tree (pipes into jq too, when jq is here).
# Usage: readme.sh XPUSPEC README.md
set -uo pipefail
bin=$1
readme=$2
failures=0
checked=0
command=""
expected=""
in_block=0

check() {
  [ -n "$command" ] || return 0
  grep -qx '\.\.\.' <<< "$expected" && return 0
  local args actual
  if [[ "$command" == *"|"* ]]; then
    # A pipe into jq: run as a shell would, with the binary under test in the place of `xpuspec`.
    command -v jq >/dev/null || { echo "skipped (no jq): \$ $command" >&2; return 0; }
    actual=$(NO_COLOR=1 bash -o pipefail -c "\"\$0\" ${command#xpuspec }" "$bin" 2>&1)
  else
    read -r -a args <<< "${command#xpuspec }"
    actual=$(NO_COLOR=1 "$bin" "${args[@]}" 2>&1)
  fi
  checked=$((checked + 1))
  if [ "$actual" != "$expected" ]; then
    echo "README example out of date: \$ $command" >&2
    diff <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") >&2
    failures=$((failures + 1))
  fi
}

while IFS= read -r line; do
  if [ $in_block = 0 ]; then
    [ "$line" = '```console' ] && in_block=1 && command="" && expected=""
    continue
  fi
  if [ "$line" = '```' ]; then
    check
    in_block=0
    continue
  fi
  if [[ "$line" == '$ xpuspec '* ]]; then
    check
    command=${line#\$ }
    expected=""
  else
    expected+="${expected:+$'\n'}$line"
  fi
done < "$readme"

echo "README: $checked examples checked, $failures out of date"
[ "$checked" -gt 0 ] && [ "$failures" = 0 ]
