#!/usr/bin/env bash
# Debian's package checker on the packages deb.sh built into DEB_DIR: no errors (E:) allowed; warnings are printed,
# and the README says why each that remains is there. Exits 77 (CTest: skipped) without lintian.
# Usage: lintian.sh DEB_DIR STATIC_RUNTIME(1|0)
set -uo pipefail
# The packages that ship are the Release build's (static); a sanitizer build's are instrumented test builds.
[ "${2:-1}" = 1 ] || { echo "skipped: a sanitizer or shared build's packages are not the ones that ship" >&2; exit 77; }
command -v lintian >/dev/null || { echo "skipped: no lintian (apt-get install lintian)" >&2; exit 77; }
debs=("$1"/*.deb)
[ -e "${debs[0]}" ] || { echo "no packages in $1 (the .deb test builds them)" >&2; exit 1; }
# Run as root here (as in CI), lintian would complain about that, not about the packages.
report=$(lintian --allow-root --tag-display-limit 0 "${debs[@]}" 2>&1)
status=$?
echo "$report"
errors=$(grep -c '^E: ' <<< "$report")
echo "lintian: $errors errors, $(grep -c '^W: ' <<< "$report") warnings"
[ "$errors" = 0 ] && [ $status -le 1 ]
