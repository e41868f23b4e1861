#!/usr/bin/env bash
# Installs the Debian packages the build, the tests and the fuzzers need,
# only those missing.  Needs root (or sudo) when something is missing.
#
# The PostgreSQL major follows the machine: FR_PGVER when set, else the
# major pg_config reports (Debian's pg_config names the newest installed
# server-dev), else the major of the release's default `postgresql`
# package (a fresh chroot: trixie 17, sid 18).  The sanitizer runtime
# follows the installed (or default) clang the same way.
#   FR_NO_FUZZ=1  no clang (the fuzzers are not run)
#   FR_BENCH=1    the benchmark's peer baseline (postgresql-NN-unit)
#   FR_DEB=1      what `make deb` builds with (build-essential, debhelper, postgresql-all:
#                 pg_buildext and the servers its build-time test runs)
set -euo pipefail

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
# the major a default package depends on: `default_major postgresql` -> 17
default_major() {
  apt-cache show "$1" 2>/dev/null | sed -n "s/^Depends:.*\b$1-\([0-9][0-9]*\)\b.*/\1/p" | head -1
}
updated=0
apt_update() { [ "$updated" = 1 ] || { $SUDO apt-get update -q >&2; updated=1; }; }

pgver=${FR_PGVER:-}
if [ -z "$pgver" ] && command -v pg_config >/dev/null 2>&1; then
  pgver=$(pg_config --version 2>/dev/null | sed -n 's/^PostgreSQL \([0-9][0-9]*\).*/\1/p')
fi
if [ -z "$pgver" ]; then
  pgver=$(default_major postgresql)
  [ -n "$pgver" ] || { apt_update; pgver=$(default_major postgresql); }
fi
[ -n "$pgver" ] || { echo "deps.sh: no PostgreSQL major found (pg_config, apt-cache show postgresql)" >&2; exit 1; }

need=()
for p in postgresql-$pgver postgresql-server-dev-$pgver postgresql-$pgver-pgtap \
         libtap-parser-sourcehandler-pgtap-perl libicu-dev pkg-config make gcc \
         sqlsmith libipc-run-perl; do
  have_pkg "$p" || need+=("$p")
done
# libFuzzer and the sanitizer runtimes (make fuzz), for the clang in use
if [ "${FR_NO_FUZZ:-0}" != 1 ]; then
  have_pkg clang || need+=(clang)
  clangver=""
  if command -v clang >/dev/null 2>&1; then
    clangver=$(clang --version | sed -n 's/.*clang version \([0-9][0-9]*\)\..*/\1/p' | head -1)
  fi
  [ -n "$clangver" ] || clangver=$(default_major clang)
  [ -n "$clangver" ] || { apt_update; clangver=$(default_major clang); }
  [ -n "$clangver" ] || { echo "deps.sh: no clang major found" >&2; exit 1; }
  have_pkg "libclang-rt-$clangver-dev" || need+=("libclang-rt-$clangver-dev")
fi
# the client drivers of test/clients/run.sh (node-postgres itself comes from
# npm there); node and npm only when missing (they may come from elsewhere)
if [ "${FR_NO_CLIENTS:-0}" != 1 ]; then
  for p in default-jdk-headless libpostgresql-jdbc-java python3-psycopg2 python3-psycopg \
           unixodbc odbc-postgresql python3-pyodbc; do
    have_pkg "$p" || need+=("$p")
  done
  command -v node >/dev/null || need+=(nodejs)
  command -v npm >/dev/null || need+=(npm)
fi
# the benchmark's peer baseline (postgresql-unit)
if [ "${FR_BENCH:-0}" = 1 ]; then
  have_pkg postgresql-$pgver-unit || need+=("postgresql-$pgver-unit")
fi
# make deb: pg_buildext (postgresql-server-dev-all), dh (debhelper)
if [ "${FR_DEB:-0}" = 1 ]; then
  for p in build-essential debhelper dpkg-dev postgresql-all; do have_pkg "$p" || need+=("$p"); done
fi

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

echo "== installing (PostgreSQL $pgver): ${need[*]}"
if [ "$(id -u)" != 0 ] && [ -z "$SUDO" ]; then
  echo "missing packages (${need[*]}) and not root: install them and rerun" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt_update
$SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
