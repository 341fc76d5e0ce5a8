#!/usr/bin/env bash
# Installs the Debian packages the build needs, only those missing. Idempotent, no prompts.
set -euo pipefail
pkgs=(build-essential cmake pkg-config librocksdb-dev libboost-graph-dev libprotobuf-dev
      protobuf-compiler catch2 libcli11-dev nlohmann-json3-dev graphviz python3 git ca-certificates)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
echo "installing: ${missing[*]}" >&2
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
