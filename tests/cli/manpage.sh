#!/usr/bin/env bash
# The installed man page: well-formed (groff -ww reports nothing) and complete (every command --help lists, every
# metric id, every option of every command). Usage: manpage.sh XPUSPEC PAGE
set -uo pipefail
bin=$1
page=$2
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

[ -s "$page" ] || { echo "no man page at $page" >&2; exit 1; }
command -v groff >/dev/null || { echo "skipped: no groff (apt-get install groff-base)" >&2; exit 77; }
warnings=$(groff -z -ww -man "$page" 2>&1) || fail "groff exited non-zero"
# The title line carries the page's date (the build day, or SOURCE_DATE_EPOCH's): man prints it in the footer.
grep -Eq '^\.TH XPUSPEC 1 "[0-9]{4}-[0-9]{2}-[0-9]{2}" ' "$page" || fail ".TH has no date: $(grep '^\.TH' "$page")"
[ -z "$warnings" ] || fail "groff warns: $warnings"

text=$(groff -man -Tutf8 "$page" 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g; s/.\x08//g')
commands=$("$bin" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF {print $1}')
[ -n "$commands" ] || fail "no commands in --help"
for c in $commands; do
  grep -q "^   $c" <<< "$text" || fail "command $c has no section"
  for opt in $("$bin" "$c" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    grep -q -- "$opt" <<< "$text" || fail "option $opt of $c is missing"
  done
done
for id in $("$bin" metrics --format csv | tail -n +2 | cut -d, -f1); do
  grep -q "^       $id " <<< "$text" || fail "metric $id is missing"
done
for section in "EXIT STATUS" ENVIRONMENT EXAMPLES "CHIP FILES" METRICS; do
  grep -q "^$section" <<< "$text" || fail "no $section section"
done
echo "man page: $failures failures"
[ "$failures" = 0 ]
