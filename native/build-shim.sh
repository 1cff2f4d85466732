#!/usr/bin/env bash
# Builds kljn's small C library (native/shim/kljn_stream.c) that answers ngspice's per-point callbacks
# (EXTERNAL sources, the step grid, accepted points) without a JVM upcall each, into
# target/classes/native/<os>-<arch>/libkljnstream.so, so that the jar carries it.
#
# Usage: build-shim.sh <target/classes folder>
# Without a C compiler it says so and exits 0: the build goes on and kljn falls back to JNA callbacks
# (slower, same results); `kljn attack --json` reports which path ran ("callbacks").
set -euo pipefail

out_root=${1:?usage: build-shim.sh <classes folder>}
here=$(cd "$(dirname "$0")" && pwd)
src="$here/shim/kljn_stream.c"
arch=$(uname -m)
case "$arch" in
  x86_64|amd64) arch=x86-64 ;;
  aarch64|arm64) arch=aarch64 ;;
esac
os=$(uname -s | tr '[:upper:]' '[:lower:]')
out="$out_root/native/$os-$arch"
cc=${CC:-gcc}
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "kljn-shim: WARNING: no C compiler ($cc) on this machine: libkljnstream.so is not built; kljn will" \
       "use the slower JNA callbacks for transient runs (install gcc, e.g. apt-get install gcc, and rebuild)" >&2
  exit 0
fi
mkdir -p "$out"
if [ "$out/libkljnstream.so" -nt "$src" ] && [ "$out/libkljnstream.so" -nt "$0" ]; then
  exit 0
fi
# -ffp-contract=off: no fused multiply-add, so the C waveform arithmetic equals Java's bit for bit
"$cc" -O2 -std=gnu11 -fPIC -shared -fvisibility=hidden -ffp-contract=off -Wall -Wextra -Werror \
  -o "$out/libkljnstream.so.tmp" "$src" -lm
mv "$out/libkljnstream.so.tmp" "$out/libkljnstream.so"
echo "kljn-shim: built $out/libkljnstream.so"
