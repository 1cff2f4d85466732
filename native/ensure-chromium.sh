#!/usr/bin/env bash
# Makes a headless Chromium available for the report tests (HtmlReportBrowserTest opens every generated
# report in it and checks that each image loads and each link resolves). Debian's `chromium` package.
#
# Exit 0 when it is present (installing it first with apt-get when run as root); otherwise print the
# command to run and exit 1.
set -euo pipefail

find_chromium() {
  command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null || true
}

found=$(find_chromium)
if [ -n "$found" ]; then
  [ "${1:-}" = "--quiet" ] || echo "chromium: found $found"
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium: missing; installing it with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
  found=$(find_chromium)
  if [ -z "$found" ]; then
    echo "chromium: apt-get finished but no chromium program is on the PATH" >&2
    exit 1
  fi
  echo "chromium: installed $(dpkg-query -W -f='${Package} ${Version}' chromium)"
  exit 0
fi

cat >&2 <<MSG
chromium is missing: the report tests open every generated report in headless Chromium.
Install it with:
    sudo apt-get update && sudo apt-get install -y chromium
MSG
exit 1
