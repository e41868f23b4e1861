#!/usr/bin/env bash
# The regression suite with the server under Valgrind (memcheck), on a
# throwaway cluster (pgenv.sh): every backend and parallel worker runs in
# Valgrind, and every error whose stack passes through frontrunner.so is
# reported.  Slow (a Valgrind'd server is 20-50 times slower): not part of
# make test; `make valgrind`, or `make valgrind REGRESS="levelset …"`.
#
#   bash test/harness/valgrind.sh [pg_regress test...]
#
# PostgreSQL's own allocator hands out chunks of malloc'd blocks, which
# memcheck cannot see into without a server built with USE_VALGRIND (Debian's
# is not): what it catches here is reads of uninitialised memory, reads and
# writes outside malloc'd blocks, and use of memory freed back to malloc —
# a deleted memory context's blocks, a large (> 8 kB) chunk pfree'd.
# Prints the errors in our code, then "N passed, N failed" (the pg_regress
# tests, and one failure for any error in our code).
set -uo pipefail
cd "$(dirname "$0")/../.."
command -v valgrind >/dev/null || { echo "valgrind.sh: valgrind is not installed" >&2; exit 1; }
export FR_VG_TESTS="$*"

exec bash test/harness/pgenv.sh -o max_worker_processes=8 bash -c '
  set -uo pipefail
  data=$(dirname "$FR_PGLOG")/data
  vglog=$(dirname "$FR_PGLOG")/valgrind
  mkdir -p "$vglog"; chmod 777 "$vglog"
  supp=$(dirname "$FR_PGLOG")/pg.supp
  # PostgreSQL writes padding bytes of its own structures to files and
  # sockets (WAL records, stats, shared memory queues): not ours
  cat > "$supp" <<SUPP
{
   pg_syscall_write_padding
   Memcheck:Param
   write(buf)
   fun:*
   ...
}
{
   pg_syscall_pwrite_padding
   Memcheck:Param
   pwrite64(buf)
   fun:*
   ...
}
{
   pg_syscall_send_padding
   Memcheck:Param
   sendto(msg)
   fun:*
   ...
}
{
   pg_syscall_pwritev_padding
   Memcheck:Param
   pwritev(vector[...])
   fun:*
   ...
}
SUPP
  chmod 644 "$supp"
  runas() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  runas "$FR_PGBIN/pg_ctl" -D "$data" -w stop >/dev/null
  mv "$FR_PGBIN/postgres" "$FR_PGBIN/postgres.real"
  cat > "$FR_PGBIN/postgres" <<WRAP
#!/bin/sh
# pg_ctl asks the binary its version (postgres -V): not under Valgrind
case "\$1" in -V|--version|-C|--describe-config) exec "$FR_PGBIN/postgres.real" "\$@" ;; esac
exec valgrind --quiet --trace-children=no --track-origins=no --num-callers=30 \
  --suppressions=$supp --log-file=$vglog/%p.log "$FR_PGBIN/postgres.real" "\$@"
WRAP
  chmod 755 "$FR_PGBIN/postgres"
  runas "$FR_PGBIN/pg_ctl" -D "$data" -l "$FR_PGLOG" -w -t 600 start >/dev/null || { cat "$vglog"/*.log "$FR_PGBIN/postgres"; exit 1; }
  out=$(mktemp)
  if [ -n "$FR_VG_TESTS" ]; then
    make -s installcheck REGRESS="$FR_VG_TESTS" > "$out" 2>&1
  else
    make -s installcheck > "$out" 2>&1
  fi
  rc=$?
  runas "$FR_PGBIN/pg_ctl" -D "$data" -m fast -w -t 600 stop >/dev/null
  grep -E "\.\.\. |^(not )?ok [0-9]+" "$out"
  p=$(grep -cE "^(test | *)?[a-z_0-9]+ +\.\.\. ok|^ok [0-9]+ " "$out" || true)
  f=$(grep -cE "\.\.\. FAILED|^not ok [0-9]+ " "$out" || true)
  [ "$rc" != 0 ] && [ "$f" = 0 ] && f=1
  [ -f regression.diffs ] && [ "$f" != 0 ] && head -100 regression.diffs
  # one file per process; the "==PID==" prefix off, an error report is a
  # paragraph with a stack ("at 0x…")
  total=0 ours=0
  for l in "$vglog"/*.log; do
    [ -s "$l" ] || continue
    sed -E "s/^==[0-9]+== ?//" "$l" | awk -v RS="" -v ORS="\n\n" "/ at 0x/" > "$l.errors"
    total=$((total + $(awk -v RS="" "END { print NR }" "$l.errors")))
    # the reports whose stack passes through our module
    awk -v RS="" -v ORS="\n\n" "/frontrunner\\.so/" "$l.errors" > "$l.ours"
    if [ -s "$l.ours" ]; then ours=$((ours + 1)); echo "== valgrind: $(basename "$l")"; head -60 "$l.ours"; fi
  done
  echo "valgrind: $(ls "$vglog"/*.log 2>/dev/null | wc -l) processes, $total error reports in all, $ours processes with errors in frontrunner.so"
  [ "$ours" = 0 ] || f=$((f + 1))
  echo "$p passed, $f failed"
  rm -f "$out"
  [ "$f" = 0 ]
'
