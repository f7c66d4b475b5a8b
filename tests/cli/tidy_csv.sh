#!/usr/bin/env bash
# The long ("tidy") CSV of `compare --all` read the way users read it: imported into SQLite with its CSV mode,
# and read by Python's csv module (pandas when installed). A missing value must never become a 0: its field is
# empty, its `missing` says why, and NULLIF(value, '') gives the same averages as the JSON document's nulls.
# Usage: tidy_csv.sh XPUSPEC   (exit 77: skipped, no sqlite3)
set -euo pipefail
bin=$1
command -v sqlite3 >/dev/null || { echo "sqlite3 not found: skipped"; exit 77; }
command -v python3 >/dev/null || { echo "python3 not found (it reads the JSON side): skipped"; exit 77; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
"$bin" compare --all --kind all --format csv --long > tidy.csv
"$bin" compare --all --kind all --json > wide.json
rows=$(($(wc -l < tidy.csv) - 1))
query() { sqlite3 -batch -noheader db "$1"; }
sqlite3 -batch db '.import --csv tidy.csv t'
fail=0
check() {  # check WHAT ACTUAL EXPECTED
  if [ "$2" != "$3" ]; then echo "FAIL: $1: got $2, expected $3"; fail=1; else echo "ok: $1 ($2)"; fi
}
check "every CSV record is a row" "$(query 'SELECT count(*) FROM t')" "$rows"
check "no empty value without a reason" "$(query "SELECT count(*) FROM t WHERE value = '' AND missing = ''")" 0
check "no value beside a reason" "$(query "SELECT count(*) FROM t WHERE value <> '' AND missing <> ''")" 0
check "no zero printed for a value" "$(query "SELECT count(*) FROM t WHERE value <> '' AND CAST(value AS REAL) = 0")" 0
check "every value is a plain number" "$(query "SELECT count(*) FROM t WHERE value <> '' AND NOT value GLOB '[0-9]*' AND NOT value GLOB '-[0-9]*'")" 0
check "some values are missing (the test sees them)" "$(query "SELECT count(*) > 100 FROM t WHERE missing <> ''")" 1
# The same averages as the JSON document, where a missing value is null.
for metric in tflops tdp_w tflops_per_watt; do
  sql=$(query "SELECT printf('%.6g', AVG(CAST(NULLIF(value, '') AS REAL))) FROM t WHERE metric = '$metric'")
  json=$(python3 -c "
import json, sys
d = json.load(open('wide.json'))
xs = [c['metrics']['$metric'] for c in d['chips'] if c['metrics']['$metric'] is not None]
print('%.6g' % (sum(xs) / len(xs)))")
  check "AVG($metric) over known values matches the JSON" "$sql" "$json"
done
# Python's csv module: an empty field is '' (not 0), and each has its reason beside it.
python3 - <<'PY' || fail=1
import csv
rows = list(csv.DictReader(open("tidy.csv", newline="")))
bad = [r for r in rows if (r["value"] == "") != (r["missing"] != "")]
assert not bad, bad[:3]
print("ok: csv module:", len(rows), "rows, every empty value has its reason")
try:
    import pandas
except ImportError:
    print("pandas not installed: its check skipped")
else:
    frame = pandas.read_csv("tidy.csv")
    assert frame["value"].isna().sum() == sum(1 for r in rows if r["value"] == "")
    assert (frame["value"].dropna() != 0).all()
    print("ok: pandas reads the missing values as NaN")
PY
exit $fail
