#!/usr/bin/env bash
# Runs one code-server runner (runIntegration or runUi) after provisioning what it needs:
#   bash scripts/vscode/run.sh runIntegration
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
eval "$(bash scripts/vscode/provision.sh)"
exec node --import tsx "scripts/vscode/$1.ts"
