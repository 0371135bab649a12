#!/usr/bin/env bash
# What qualreg needs from Debian. To run (`make run`, `--run`): Pango for WeasyPrint, which
# makes the PDFs, and fonts-noto-core, whose Noto Sans, Arabic and Ethiopic fonts the PDFs
# embed. For the tests (`make test`, no option) also Chromium for the browser tests
# (Playwright cannot download its own browser here) and GNU gettext for the test that every
# string in the code is in the catalogues.
set -euo pipefail
need=()
libraries=$( (command -v ldconfig >/dev/null 2>&1 && ldconfig -p) || /sbin/ldconfig -p)
has_library() { grep -q "$1" <<<"$libraries"; }
has_library 'libpangoft2-1\.0\.so\.0' || need+=(libpango-1.0-0 libpangoft2-1.0-0)
has_library 'libharfbuzz-subset\.so\.0' || need+=(libharfbuzz-subset0)
[ -f /usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf ] || need+=(fonts-noto-core)
if [ "${1:-}" != "--run" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v xgettext >/dev/null 2>&1 || need+=(gettext)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "qualreg needs: ${need[*]}. Install them (as root: apt-get install ${need[*]})." >&2
  exit 1
fi
echo "Installing ${need[*]} from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
