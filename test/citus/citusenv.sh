#!/usr/bin/env bash
# A private 3-node Citus 13.2.2 cluster (a coordinator and two workers) on
# loopback, without touching the system PostgreSQL: like pgenv.sh it copies
# the installed PostgreSQL 15 into a temporary tree, extracts the shared
# Citus tarball (../shared/citus, or CITUS_TARBALL) into that tree, installs
# this checkout's build there, and starts three clusters with initdb/pg_ctl
# on free ports, each with shared_preload_libraries = 'citus', the workers
# registered with the coordinator.
#
#   bash test/citus/citusenv.sh [--] command [args...]   start, run, stop, remove
#   bash test/citus/citusenv.sh start DIR                start and keep (DIR/env)
#   bash test/citus/citusenv.sh stop DIR                 stop and remove DIR
#
# The command gets PGHOST=127.0.0.1, PGPORT (the coordinator), PGUSER=postgres,
# CITUS_PORTS ("coordinator worker1 worker2"), FR_PGBIN (first in PATH).
# As root the servers run as the postgres user.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
# default: the work tree's sibling shared/ (CI: the copy of shared/ beside the clone)
tarball=${CITUS_TARBALL:-$here/../shared/citus/citus-13.2.2-pg15-amd64.tar.xz}
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start() {   # start DIR
  local work=$1
  PG_CONFIG=$(command -v "${PG_CONFIG:-pg_config}") || { echo "citusenv.sh: pg_config not found" >&2; exit 1; }
  case "$("$PG_CONFIG" --version)" in "PostgreSQL 15."*) ;; *) echo "citusenv.sh: Citus 13.2 here is built for PostgreSQL 15" >&2; exit 1 ;; esac
  [ -r "$tarball" ] || { echo "citusenv.sh: Citus tarball not found (set CITUS_TARBALL)" >&2; exit 1; }
  local bindir sharedir libroot tree
  bindir=$("$PG_CONFIG" --bindir); sharedir=$("$PG_CONFIG" --sharedir); libroot=$(dirname "$bindir")
  mkdir -p "$work"; chmod 755 "$work"
  tree="$work/tree"
  mkdir -p "$tree$(dirname "$libroot")" "$tree$(dirname "$sharedir")"
  cp -a "$libroot" "$tree$(dirname "$libroot")/"
  cp -a "$sharedir" "$tree$(dirname "$sharedir")/"
  # the tarball's paths are the Debian ones below /
  tar -xJf "$tarball" -C "$tree" --no-same-owner
  make -s -C "$here" install DESTDIR="$tree" PG_CONFIG="$PG_CONFIG" >/dev/null
  chmod -R a+rX "$tree"
  local pgbin="$tree$bindir" ports=() p n=0
  echo "$pgbin" >"$work/pgbin"     # for stop(), also after a failed start
  p=$(( 20000 + RANDOM % 20000 ))
  while [ ${#ports[@]} -lt 3 ]; do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || ports+=("$p")
    p=$((p + 1))
  done
  [ "$(id -u)" = 0 ] && chown postgres "$work"
  for p in "${ports[@]}"; do
    n=$((n + 1))
    as_server "$pgbin/initdb" -D "$work/n$n" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    printf '%s\n' "port = $p" "listen_addresses = '127.0.0.1'" "unix_socket_directories = ''" \
      "shared_preload_libraries = 'citus'" "fsync = off" "max_connections = 100" \
      "citus.shard_count = ${CITUS_SHARD_COUNT:-8}" \
      "citus.skip_advisory_lock_permission_checks = on" ${CITUS_SETTINGS:-} >>"$work/n$n/postgresql.conf"
    as_server "$pgbin/pg_ctl" -D "$work/n$n" -l "$work/n$n.log" -w -t 60 start >/dev/null
    as_server "$pgbin/psql" -X -q -h 127.0.0.1 -p "$p" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "CREATE EXTENSION citus"
  done
  sql() { as_server "$pgbin/psql" -X -q -h 127.0.0.1 -p "${ports[0]}" -U postgres -d postgres -v ON_ERROR_STOP=1 -Atc "$1"; }
  sql "SELECT citus_set_coordinator_host('127.0.0.1', ${ports[0]})" >/dev/null
  sql "SELECT citus_add_node('127.0.0.1', ${ports[1]})" >/dev/null
  sql "SELECT citus_add_node('127.0.0.1', ${ports[2]})" >/dev/null
  cat >"$work/env" <<ENV
export PGHOST=127.0.0.1 PGPORT=${ports[0]} PGUSER=postgres PGDATABASE=postgres
export CITUS_PORTS="${ports[*]}" FR_PGBIN="$pgbin" PATH="$pgbin:\$PATH" CITUS_WORK="$work"
ENV
}

stop() {    # stop DIR
  local work=$1 d
  for d in "$work"/n1 "$work"/n2 "$work"/n3; do
    [ -f "$d/postmaster.pid" ] && as_server "$(cat "$work/pgbin")/pg_ctl" -D "$d" -m immediate -w stop >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}

case "${1:-}" in
  start) [ $# -eq 2 ] || { echo "usage: citusenv.sh start DIR" >&2; exit 2; }
         trap 'rc=$?; [ $rc = 0 ] || stop "$2"' EXIT; start "$2"; trap - EXIT
         . "$2/env"; echo "citus cluster up: ports $CITUS_PORTS (env: . $2/env)" ;;
  stop)  [ $# -eq 2 ] || { echo "usage: citusenv.sh stop DIR" >&2; exit 2; }; stop "$2" ;;
  *)     [ "${1:-}" = -- ] && shift
         [ $# -gt 0 ] || { echo "usage: citusenv.sh [--] command [args...] | start DIR | stop DIR" >&2; exit 2; }
         work=$(mktemp -d /tmp/frontrunner-citus.XXXXXX)
         trap 'rc=$?; stop "$work"; exit $rc' EXIT; trap 'exit 130' INT TERM
         start "$work"; . "$work/env"; "$@" ;;
esac
