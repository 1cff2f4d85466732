#!/usr/bin/env bash
# Makes ngspice 39.x available for kljn: the shared library (Debian's libngspice0)
# and the `ngspice` package, which carries spinit, the XSPICE code models and the
# command-line program the tests compare against.
#
# Exit 0 when everything is present (installing it first with apt-get when run as
# root); otherwise print the exact command to run and exit 1.
set -euo pipefail

multiarch=$(gcc -print-multiarch 2>/dev/null || dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
lib="/usr/lib/${multiarch}/libngspice.so.0"
spinit=/usr/share/ngspice/scripts/spinit
codemodels="/usr/lib/${multiarch}/ngspice/analog.cm"

missing() {
  [ -e "$lib" ] || return 0
  [ -e "$spinit" ] || return 0
  [ -e "$codemodels" ] || return 0
  command -v ngspice >/dev/null 2>&1 || return 0
  return 1
}

if ! missing; then
  [ "${1:-}" = "--quiet" ] || echo "ngspice: found $lib, $spinit, $(command -v ngspice)"
  exit 0
fi

packages="libngspice0 ngspice"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ngspice: missing; installing $packages with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  # A stale package list can hide the packages: refresh it once, then install.
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends $packages >&2
  if missing; then
    echo "ngspice: apt-get finished but $lib, $spinit or the ngspice program is still missing" >&2
    exit 1
  fi
  echo "ngspice: installed $(dpkg-query -W -f='${Package} ${Version}' libngspice0)"
  exit 0
fi

cat >&2 <<MSG
ngspice is missing: kljn needs $lib (package libngspice0)
and $spinit with the code models (package ngspice).
Install them with:
    sudo apt-get update && sudo apt-get install -y libngspice0 ngspice
or point kljn at another build with NGSPICE_LIBRARY_PATH=/path/to/libngspice.so.0
MSG
exit 1
