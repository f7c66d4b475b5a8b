#!/usr/bin/env bash
# The charts as a browser shows them: headless Chromium loads each SVG, rasterises it onto a canvas and counts the
# pixels that are not background, and measures every expected label as laid out text (a label drawn in no font
# has no width), and checks that no two labels' laid-out boxes overlap. Also saves the PNG screenshots beside the build for a person to look at.
# Usage: chart.sh XPUSPEC OUT_DIR
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
mkdir -p "$2"; out=$(cd "$2" && pwd)
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "skipped: no chromium (apt-get install chromium)" >&2; exit 77; }
mkdir -p "$out"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$(dirname "$0")/.."  # tests/: the fixture chips are data/chips here

"$bin" --no-bundled --data data/chips chart roofline alpha beta gamma --intensity 10 -o "$out/roofline.svg"
"$bin" --no-bundled --data data/chips chart bar --by tflops_per_watt -o "$out/bars.svg"

check() {  # check SVG EXPECTED_LABEL...
  local svg=$1
  shift
  local labels
  labels=$(printf '"%s",' "$@")
  {
    echo '<!doctype html><html><body style="margin:0">'
    sed '1{/^<?xml/d}' "$svg"
    echo "<img id=\"raster\" src=\"data:image/svg+xml;base64,$(base64 -w0 "$svg")\">"
    cat <<JS
<script>
const expected = [${labels%,}];
const img = document.getElementById('raster');
function run() {
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
  const g = canvas.getContext('2d');
  g.drawImage(img, 0, 0);
  const px = g.getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200) ink++;
  const texts = [...document.querySelectorAll('svg text')];
  const missing = expected.filter(e => !texts.some(t => t.textContent.includes(e) && t.getComputedTextLength() > 0));
  // Labels as laid out: no two text boxes may share a pixel (a half-pixel of antialiasing is allowed).
  const boxes = texts.map(t => [t.textContent, t.getBoundingClientRect()]);
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, p] = boxes[i], [b, q] = boxes[j];
    const w = Math.min(p.right, q.right) - Math.max(p.left, q.left), h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
    if (w > 0.5 && h > 0.5) overlaps.push(a + ' / ' + b);
  }
  document.body.setAttribute('data-result', 'RESULT ink=' + ink + ' of ' + (px.length / 4) + ' missing=' + JSON.stringify(missing) + ' overlaps=' + JSON.stringify(overlaps));
}
if (img.complete) run(); else img.onload = run;
</script></body></html>
JS
  } > "$scratch/page.html"
  local dom
  dom=$(timeout 120 "$browser" --headless --no-sandbox --disable-gpu --virtual-time-budget=5000 --dump-dom \
          "file://$scratch/page.html" 2>/dev/null)
  local result
  result=$(grep -o 'data-result="[^"]*"' <<< "$dom" | sed 's/^data-result="//; s/"$//; s/&quot;/"/g') ||
    { echo "FAIL: $svg: the page did not run" >&2; return 1; }
  echo "$(basename "$svg"): $result"
  local ink total
  ink=$(sed 's/.*ink=\([0-9]*\) of.*/\1/' <<< "$result")
  total=$(sed 's/.* of \([0-9]*\) .*/\1/' <<< "$result")
  # A chart is mostly background, but a blank or unrendered one has (almost) no ink at all.
  [ "$ink" -gt $((total / 100)) ] || { echo "FAIL: $svg renders nearly blank ($ink of $total pixels)" >&2; return 1; }
  [[ "$result" == *'missing=[]'* ]] || { echo "FAIL: $svg: labels not laid out: $result" >&2; return 1; }
  [[ "$result" == *'overlaps=[]'* ]] || { echo "FAIL: $svg: labels overlap: $result" >&2; return 1; }
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,560 \
    --screenshot="${svg%.svg}.png" "file://$(cd "$(dirname "$svg")" && pwd)/$(basename "$svg")" > /dev/null 2>&1 || true
}

# The README's charts too: every bundled chip's label, and the longest footnotes.
cp ../docs/roofline.svg "$out/docs-roofline.svg"
cp ../docs/bars.svg "$out/docs-bars.svg"
check "$out/docs-roofline.svg" "Roofline" "Sources:"
check "$out/docs-bars.svg" "tflops_per_watt" "Sources:"
check "$out/roofline.svg" "Roofline" "Arithmetic intensity" "Attainable TFLOPS" "acme-alpha" "bolt-beta" "@10"
check "$out/bars.svg" "tflops_per_watt" "acme-alpha" "missing" "0.2"
echo "charts render and their labels are laid out"
