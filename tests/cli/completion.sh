#!/usr/bin/env bash
# Drives the generated bash completion the way bash does on <TAB>: sets COMP_WORDS and COMP_CWORD, calls the
# completer, and checks what it offers. Usage: completion.sh XPUSPEC
set -uo pipefail
bin=$1
bin_dir=$(cd "$(dirname "$bin")" && pwd)
export PATH="$bin_dir:$PATH"  # the script calls `xpuspec completion --list ...` for chip names
failures=0

# shellcheck disable=SC1090
source <("$bin" completion bash) || { echo "the bash script does not load" >&2; exit 1; }

offers() {  # offers "WORD" words... : the completion of the last word includes WORD
  local want=$1
  shift
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _xpuspec
  if ! printf '%s\n' "${COMPREPLY[@]}" | grep -qx -- "$want"; then
    echo "FAIL: '$*<TAB>' does not offer '$want' (offers: ${COMPREPLY[*]:-nothing})" >&2
    failures=$((failures + 1))
  fi
}

offers compare xpuspec comp
offers completion xpuspec comp
offers h100 xpuspec compare h1
offers h100-pcie xpuspec compare h100 h1
offers tflops_per_watt xpuspec rank --by tflops_p
# --by=VALUE: bash splits at "=", so the words are "--by" "=" "tflops_p" (or "=" alone right after the sign).
offers tflops_per_watt xpuspec rank --by = tflops_p
offers tflops_per_watt xpuspec rank --by =
offers fp8 xpuspec compare h100 --precision = fp
offers tflops,tdp_w xpuspec compare h100 -m tflops,tdp
offers interconnect xpuspec match b200 --to h100 --by inter
offers train xpuspec plan t
offers b200 xpuspec plan train --chip b2
offers github xpuspec validate --format g
offers jsonl xpuspec compare h100 --format jsonl
offers --precision xpuspec compare --pre
offers --data xpuspec compare h100 --da
offers bf16 xpuspec compare h100 --precision bf

# A chip from XPUSPEC_PATH completes too: names are asked of the binary, not baked into the script.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
sed 's/"nvidia-h100-sxm"/"zeta-chip"/; s/"h100", "h100-sxm", "h100-sxm5"/"zeta"/' \
  "$(dirname "$0")/../../data/chips/nvidia-h100-sxm.json" > "$scratch/zeta-chip.json"
XPUSPEC_PATH=$scratch offers zeta-chip xpuspec show zet

# The zsh and fish scripts are generated from the same definition and name the same commands.
for shell in zsh fish; do
  "$bin" completion "$shell" | grep -q "validate" || { echo "FAIL: $shell script lacks validate" >&2; failures=$((failures + 1)); }
done
bash -n <("$bin" completion bash) || failures=$((failures + 1))

echo "completion: $failures failures"
[ "$failures" = 0 ]
