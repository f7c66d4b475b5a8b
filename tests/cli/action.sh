#!/usr/bin/env bash
# The GitHub Action (action.yml, whose one step is scripts/action-validate) and the pre-commit hook
# (.pre-commit-hooks.yaml), run from a scratch repository the way they run for a user: the action's script with its
# inputs in the environment, the hook through `pre-commit try-repo` (skipped without pre-commit).
# Usage: action.sh XPUSPEC SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail=0
ok() { echo "ok: $1"; }
no() { echo "FAIL: $1"; fail=1; }

cd "$scratch"
cp "$src/tests/data/chips/acme-alpha.json" acme-alpha.json
cp "$src/tests/bad/zero-tdp.json" bad.json
action() { env XPUSPEC="$bin" "$@" "$src/scripts/action-validate"; }

out=$(action INPUT_PATHS="acme-alpha.json" 2>&1) && ok "a clean file passes" || no "a clean file failed: $out"
out=$(action INPUT_PATHS="acme-alpha.json bad.json" 2>&1); status=$?
[ $status = 1 ] && ok "a bad file fails the step (exit 1)" || no "a bad file gave exit $status"
grep -q '^::error file=bad.json,line=17,col=12,' <<< "$out" && ok "annotation on the offending line" ||
  no "no annotation for bad.json:17:12 in: $out"
action INPUT_PATHS="bad.json" INPUT_SARIF="out.sarif" >/dev/null 2>&1
# grep, not a JSON reader: a minimal Debian has no python3 (the SARIF's shape has its own schema test).
grep -q '"version": "2.1.0"' out.sarif && grep -q '"ruleId": "positive-finite"' out.sarif &&
  ok "SARIF written beside the annotations" || no "no SARIF in out.sarif"
out=$(action INPUT_PATHS="acme-alpha.json" INPUT_STRICT="yes" 2>&1); status=$?
[ $status = 2 ] && grep -q "strict must be true or false" <<< "$out" && ok "a bad strict input is a usage error" ||
  no "strict=yes gave exit $status: $out"
# An input is data, never code: a path holding a command substitution is only a (missing) path.
out=$(action INPUT_PATHS='$(touch pwned) `touch pwned2`' 2>&1)
[ ! -e pwned ] && [ ! -e pwned2 ] && ok "inputs are not evaluated" || no "an input ran as code"
# In action.yml the inputs reach the script through env only, never pasted into the run line.
if grep -n 'run:' "$src/action.yml" | grep -q '\${{'; then no "action.yml pastes an expression into run:"; else ok "run: holds no expression"; fi

if command -v pre-commit >/dev/null && command -v git >/dev/null; then
  mkdir -p bin repo && ln -s "$bin" bin/xpuspec
  cp acme-alpha.json bad.json repo/
  (cd repo && git init -q && git add . && git -c user.name=t -c user.email=t@t commit -qm files)
  export PRE_COMMIT_HOME="$scratch/cache" PATH="$scratch/bin:$PATH"
  out=$(cd repo && pre-commit try-repo "$src" xpuspec-validate --files acme-alpha.json 2>&1) &&
    ok "pre-commit hook passes a clean file" || no "pre-commit on a clean file failed: $out"
  out=$(cd repo && pre-commit try-repo "$src" xpuspec-validate --files bad.json 2>&1); status=$?
  [ $status != 0 ] && grep -q "positive" <<< "$out" && ok "pre-commit hook fails a bad file, naming the problem" ||
    no "pre-commit on bad.json gave exit $status: $out"
else
  echo "pre-commit or git not installed: the hook's check skipped"
fi
exit $fail
