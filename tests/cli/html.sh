#!/usr/bin/env bash
# The HTML report in a real browser: headless Chromium, driven over its DevTools protocol by html_page.mjs (Node.js), loads
# each page and checks it as a reader would use it (see that file). Pages: compare, rank and show of the bundled
# data, and a chip file written to attack the page (markup in its name and notes, a javascript: source URL).
# Saves the compare page's screenshot as OUT_DIR/report.png (the README's docs/report.png is a copy).
# Usage: html.sh XPUSPEC OUT_DIR
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
mkdir -p "$2"; out=$(cd "$2" && pwd)
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "skipped: no chromium (apt-get install chromium)" >&2; exit 77; }
command -v node > /dev/null || { echo "skipped: no node to drive the browser (apt-get install nodejs)" >&2; exit 77; }
driver="$(cd "$(dirname "$0")" && pwd)/html_page.mjs"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

"$bin" compare h100 b200 mi300x tpu-v5p ascend-910b --baseline h100 --format html -o "$out/compare.html"
"$bin" rank --by tflops_per_watt --kind all --format html -o "$out/rank.html"
"$bin" show h100 --format html -o "$out/show.html"
"$bin" show cloudmatrix-384 --format html -o "$out/show_system.html"

mkdir "$scratch/chips"
sed -e 's|"name": "Acme Alpha 50GB"|"name": "</script><script>alert(1)</script><img src=x onerror=alert(2)>"|' \
    -e 's|"notes": \[|"notes": ["<img src=x onerror=alert(3)> \& <b>bold</b>", |' \
    -e 's|"url": "https://example.com/prices"|"url": "javascript:alert(4)"|' \
    "$(dirname "$0")/../data/chips/acme-alpha.json" > "$scratch/chips/acme-alpha.json"
grep -q 'javascript:alert' "$scratch/chips/acme-alpha.json"
if "$bin" --no-bundled --data "$scratch/chips" show alpha --format html -o "$out/hostile.html" 2> "$scratch/err"; then
  hostile="$out/hostile.html"
  grep -q 'href="javascript' "$hostile" && { echo "FAIL: a javascript: URL became a link" >&2; exit 1; }
else
  # The loader refusing the file is as good an answer: say so, and check the page of the rest of the attack.
  echo "the loader refuses the javascript: URL: $(cat "$scratch/err")"
  sed -i 's|"url": "javascript:alert(4)"|"url": "https://example.com/prices"|' "$scratch/chips/acme-alpha.json"
  "$bin" --no-bundled --data "$scratch/chips" show alpha --format html -o "$out/hostile.html"
  hostile="$out/hostile.html"
fi

status=0
for page in compare rank show show_system; do
  shot=()
  [ "$page" = compare ] && shot=("$out/report.png")
  timeout 120 node "$driver" "$browser" "$out/$page.html" "${shot[@]}" || status=1
done
timeout 120 node "$driver" "$browser" "$hostile" || status=1
[ $status = 0 ] && echo "the HTML pages load cleanly, sort, and link every value to its sources"
exit $status
