#!/usr/bin/env bash
# The product's main job, from a fresh clone, with no Google Cloud account: installs what is
# missing, builds, then runs the parent/child example on the embedded local emulator (real clock:
# four children sleep 10 s each, in parallel, so it takes about 10 s). Extra arguments go to
# `cloud-workflows run` (e.g. --clock virtual, --format json).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then npm ci --no-audit --no-fund; fi
npm run --silent build
exec node dist/cli.js run examples/parent-child/workflow-parent.yaml --dir examples/parent-child "$@"
