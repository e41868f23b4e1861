#!/usr/bin/env bash
# A throwaway PostgreSQL of this checkout's own, like pg_virtualenv but
# private: copies the installed PostgreSQL (the major pg_config names) into
# a temporary tree, installs this checkout's build into that tree
# (make install DESTDIR=…), starts a cluster from it on a free port, runs the
# command with PGHOST/PGPORT/PGUSER/PGDATABASE set, then stops and removes
# everything.  Several runs — other work trees, helpers, CI jobs — never
# share an installed module or a cluster, so no lock is needed.
#
#   bash test/harness/pgenv.sh [-o name=value]... [-e NAME=value]... [--no-install] [--] command [args...]
#
# -o adds a server setting (postgresql.conf); -e an environment variable of
# the server's processes only (make asan: LD_PRELOAD of the sanitizer
# runtime).  The command also gets FR_TREE (the private tree, DESTDIR for
# another make install), FR_PGBIN (its bin directory, first in PATH) and
# FR_PGLOG (the server log).
# As root the server runs as the postgres user; the command runs as the
# caller, connecting as the superuser postgres.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
settings=()
server_env=()
install=1
while [ $# -gt 0 ]; do
  case "$1" in
    -o) settings+=("$2"); shift 2 ;;
    -e) server_env+=("$2"); shift 2 ;;
    --no-install) install=0; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: pgenv.sh [-o name=value]... [-e NAME=value]... [--no-install] [--] command [args...]" >&2; exit 2; }

# the real installation's pg_config (absolute: the tree's own, first in
# PATH below, reports paths inside the tree)
PG_CONFIG=$(command -v "${PG_CONFIG:-pg_config}") || { echo "pgenv.sh: pg_config not found" >&2; exit 1; }
pkglibdir=$("$PG_CONFIG" --pkglibdir)
bindir=$("$PG_CONFIG" --bindir)
sharedir=$("$PG_CONFIG" --sharedir)
# the installation: bindir's parent (Debian: /usr/lib/postgresql/NN) and sharedir
libroot=$(dirname "$bindir")

work=$(mktemp -d /tmp/frontrunner-env.XXXXXX)
chmod 755 "$work"
server_user=$(id -un)
[ "$(id -u)" = 0 ] && server_user=postgres
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
data="$work/data"
sock="$work/sock"
export FR_PGLOG="$work/server.log"
stop() {
  rc=$?
  if [ -f "$data/postmaster.pid" ]; then
    as_server "$FR_PGBIN/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ "$rc" != 0 ] && [ -s "$FR_PGLOG" ] && [ "${FR_PGENV_QUIET:-0}" != 1 ]; then
    echo "== server log (last 40 lines)" >&2
    tail -40 "$FR_PGLOG" >&2
  fi
  rm -rf "$work"
  exit "$rc"
}
trap stop EXIT
trap 'exit 130' INT TERM

# the private tree: same paths below $work/tree as the real installation
export FR_TREE="$work/tree"
mkdir -p "$FR_TREE$(dirname "$libroot")" "$FR_TREE$(dirname "$sharedir")"
cp -a "$libroot" "$FR_TREE$(dirname "$libroot")/"
cp -a "$sharedir" "$FR_TREE$(dirname "$sharedir")/"
if [ "$install" = 1 ]; then
  make -s -C "$here" install DESTDIR="$FR_TREE" PG_CONFIG="$PG_CONFIG" >/dev/null
  # the module the cluster loads is this checkout's build
  cmp -s "$here/frontrunner.so" "$FR_TREE$pkglibdir/frontrunner.so" ||
    { echo "pgenv.sh: the build was not installed into $FR_TREE" >&2; exit 1; }
fi
export FR_PGBIN="$FR_TREE$bindir"
export PATH="$FR_PGBIN:$PATH"
chmod -R a+rX "$FR_TREE"

# a free port: nothing answers on it
port=$(( 20000 + RANDOM % 20000 ))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

mkdir -p "$sock"
[ "$(id -u)" = 0 ] && chown "$server_user" "$work" "$sock"
as_server "$FR_PGBIN/initdb" -D "$data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
{
  echo "port = $port"
  echo "listen_addresses = '127.0.0.1'"
  echo "unix_socket_directories = '$sock'"
  echo "fsync = off"
  for s in "${settings[@]}"; do echo "$s"; done
} >> "$data/postgresql.conf"
as_server env "${server_env[@]}" "$FR_PGBIN/pg_ctl" -D "$data" -l "$FR_PGLOG" -w -t 60 start >/dev/null

export PGHOST="$sock" PGPORT="$port" PGUSER=postgres PGDATABASE=postgres PG_CONFIG
unset PGPASSWORD PGSERVICE
"$@"
