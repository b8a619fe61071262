#!/usr/bin/env bash
# `npm test`: installs, builds, type-checks, then runs the unit tests, the integration suite inside a
# real VS Code (code-server's Node extension host) and the UI tests against the packaged VSIX.
# Every stage runs even when an earlier one failed, so one run shows everything that is wrong.
# The last line is exactly `N passed, N failed`; the exit code is non-zero if anything failed.
#
# Env: CW_SKIP_NPM_CI=1 keeps node_modules as is; CW_STAGES="unit integration" runs only those
# test stages (default: unit integration ui); CW_CACHE relocates the provisioning cache (.cache/).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CW_ARTIFACTS="$ROOT/.test-artifacts"
RESULTS="$CW_ARTIFACTS/results"
STAGES="${CW_STAGES:-unit integration ui}"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

START=$(date +%s)
PASSED=0
FAILED=0
SUMMARY=()

banner() { printf '\n=== %s (%ss) ===\n' "$1" "$(($(date +%s) - START))"; }

# A build step that fails counts as one failure; it has no passes to count.
step() {
  local name="$1"
  shift
  banner "$name"
  if "$@"; then
    SUMMARY+=("$name: ok")
  else
    FAILED=$((FAILED + 1))
    SUMMARY+=("$name: FAILED (exit $?)")
  fi
}

# A test stage leaves results/<stage>.json; a stage that crashed before writing it counts as one failure.
tests() {
  local stage="$1"
  shift
  case " $STAGES " in *" $stage "*) ;; *) return ;; esac
  banner "$stage tests"
  "$@"
  local code=$?
  local file="$RESULTS/$stage.json"
  local p=0 f=0
  if [ -f "$file" ]; then
    p=$(node -p "require('$file').passed")
    f=$(node -p "require('$file').failed")
  fi
  if [ "$code" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1
  fi
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
  SUMMARY+=("$stage: $p passed, $f failed (exit $code)")
}

if [ -z "${CW_SKIP_NPM_CI:-}" ]; then
  step "npm ci" npm ci --no-audit --no-fund
fi
step "build" npm run build
step "check-types" npm run check-types

# Provisioning comes first: the unit tests use Graphviz, the later stages code-server and Chromium.
PROVISIONED_OK=""
banner "provision code-server, Node 24, chromium, graphviz"
if PROVISIONED="$(bash scripts/vscode/provision.sh)"; then
  eval "$PROVISIONED"
  PROVISIONED_OK=1
  SUMMARY+=("provision: ok")
else
  FAILED=$((FAILED + 1))
  SUMMARY+=("provision: FAILED")
fi

tests unit npx mocha test/unit --reporter ./scripts/vscode/summaryReporter.ts --reporter-option stage=unit

if [ -n "$PROVISIONED_OK" ]; then
  tests integration node --import tsx scripts/vscode/runIntegration.ts
  tests ui node --import tsx scripts/vscode/runUi.ts
fi

banner "summary"
printf '  %s\n' "${SUMMARY[@]}"
echo "  artifacts: $CW_ARTIFACTS"
echo "  total time: $(($(date +%s) - START)) s"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
