#!/usr/bin/env bash
# Browser tests need Chromium and fonts with Arabic-script and Ethiopic glyphs. Debian's
# packages provide both; Playwright cannot download its own browser here.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/share/fonts/truetype/noto ] || need+=(fonts-noto-core)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "The browser tests need: ${need[*]}. Install them (as root: apt-get install ${need[*]})." >&2
  exit 1
fi
echo "Installing ${need[*]} from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
