#!/usr/bin/env bash
# Installs the Debian packages the build, the tests and the fuzzers need,
# only those missing.  Needs root (or sudo) when something is missing.
set -euo pipefail

need=()
pgver=15
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

for p in postgresql-$pgver postgresql-server-dev-$pgver postgresql-$pgver-pgtap \
         libtap-parser-sourcehandler-pgtap-perl libicu-dev pkg-config make gcc; do
  have_pkg "$p" || need+=("$p")
done
# libFuzzer and the sanitizer runtimes (make fuzz)
if [ "${FR_NO_FUZZ:-0}" != 1 ]; then
  for p in clang libclang-rt-14-dev; do have_pkg "$p" || need+=("$p"); done
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

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

echo "== installing: ${need[*]}"
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "missing packages (${need[*]}) and not root: install them and rerun" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
