#!/usr/bin/env bash
# Runs inside pg_virtualenv (PGHOST/PGPORT/PGUSER point at the throwaway
# cluster): pg_regress, pgTAP, fuzzers; prints the totals.
set -uo pipefail
cd "$(dirname "$0")/../.."

passed=0; failed=0

echo "== install script checks"
perl test/harness/lint.pl > /tmp/fr_lint.$$ 2>&1
rc=$?
grep -E '^not ok|^#' /tmp/fr_lint.$$
p=$(grep -cE '^ok [0-9]+' /tmp/fr_lint.$$ || true)
f=$(grep -cE '^not ok [0-9]+' /tmp/fr_lint.$$ || true)
if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
echo "$p checks passed, $f failed"
rm -f /tmp/fr_lint.$$
passed=$((passed + p)); failed=$((failed + f))

# make installcheck: pg_regress, then the isolation specs (pg_isolation_regress,
# specs/*.spec); both print "test <name> ... ok" lines, counted alike
echo "== pg_regress and isolation specs"
make -s installcheck > /tmp/fr_regress.$$ 2>&1
rc=$?
cat /tmp/fr_regress.$$
p=$(grep -cE '^(test | *)?[a-z_0-9]+ +\.\.\. ok|^ok [0-9]+ ' /tmp/fr_regress.$$ || true)
f=$(grep -cE '\.\.\. FAILED|^not ok [0-9]+ ' /tmp/fr_regress.$$ || true)
if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
rm -f /tmp/fr_regress.$$
[ -f regression.diffs ] && [ "$f" != 0 ] && head -200 regression.diffs
[ -f output_iso/regression.diffs ] && [ "$f" != 0 ] && head -200 output_iso/regression.diffs
passed=$((passed + p)); failed=$((failed + f))

# A section that prints TAP: its "ok N" lines are counted, everything else
# (failures, diagnostics) is shown; a failing exit status with no "not ok"
# line counts as one failure.
tap_section() {
  local title=$1; shift
  echo "== $title"
  local out; out=$(mktemp)
  "$@" > "$out" 2>&1
  local rc=$?
  grep -vE '^[[:space:]]*ok [0-9]+' "$out"
  local p f
  p=$(grep -cE '^[[:space:]]*ok [0-9]+' "$out" || true)
  f=$(grep -cE '^[[:space:]]*not ok [0-9]+' "$out" || true)
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  rm -f "$out"
  passed=$((passed + p)); failed=$((failed + f))
}

tap_section "packaging metadata (META.json against the PGXN spec, debian/)" perl test/harness/packaging.pl
tap_section "pgTAP" bash test/harness/prove.sh
tap_section "upgrade in place from every earlier release" bash test/harness/updatecheck.sh
tap_section "pgTAP on a database upgraded from 0.1.0" env FR_TAP_FROM=0.1.0 bash test/harness/prove.sh
tap_section "dump and restore" bash test/harness/dump_restore.sh
tap_section "planted-object attack" bash test/harness/attack.sh
tap_section "README (its sql blocks against the demo database)" bash test/harness/readme.sh
# scale-out: make citus-check, on a 3-node cluster of its own (3-5 min);
# FR_NO_CITUS=1 leaves it out.  The Citus build is not a Debian package: it
# comes from ../shared/citus beside the checkout (or CITUS_TARBALL); where
# there is none the check is left out, saying so (FR_REQUIRE_CITUS=1 makes
# that a failure, for a release run)
if [ "${FR_NO_CITUS:-0}" != 1 ]; then
  if [ -r "${CITUS_TARBALL:-../shared/citus/citus-13.2.2-pg15-amd64.tar.xz}" ]; then
    tap_section "Citus: the registry distributed on 3 nodes, against one node" env -u PGHOST -u PGPORT bash test/citus/check.sh
  elif [ "${FR_REQUIRE_CITUS:-0}" = 1 ]; then
    echo "== Citus: no Citus build (../shared/citus or CITUS_TARBALL)"; failed=$((failed + 1))
  else
    echo "== Citus: LEFT OUT — no Citus build at ../shared/citus (set CITUS_TARBALL); make citus-check runs it"
  fi
fi
# real drivers with their default settings (test/clients/run.sh)
if [ "${FR_NO_CLIENTS:-0}" != 1 ]; then
  tap_section "client drivers (pgJDBC, psycopg2, psycopg 3, node-postgres, psqlODBC)" bash test/clients/run.sh
fi

# the reliability suite's short modes (README "Reliability"; make sqlsmith,
# load, crash and recvfuzz run each alone, FR_LONG=1 their long modes)
if [ "${FR_NO_RELIABILITY:-0}" != 1 ]; then
  tap_section "reliability: sqlsmith (random SQL as a reader and as the owner)" bash test/reliability/sqlsmith.sh
  tap_section "reliability: load (pgbench through the rules, then the invariants)" bash test/reliability/load.sh
  tap_section "reliability: crash (kill -9 of backends and of the postmaster, TAP)" bash test/reliability/crash.sh
  tap_section "reliability: binary input fuzzing (every *_recv through COPY binary)" bash test/reliability/recvfuzz.sh
fi

# The other PostgreSQL majors (test/harness/matrix.sh, debootstrap chroots):
#   FR_MATRIX=deb (CI) the Debian package of 15 (bookworm), 17 (trixie) and
#     18 (sid): built warning-free, installed in a clean chroot, its
#     autopkgtest (CREATE EXTENSION, pg_buildext installcheck)
#   FR_MATRIX=1 (a release) that and this whole suite in trixie and sid
# Its own checks count, and so do the totals of each chroot's suite.
if [ "${FR_MATRIX:-0}" != 0 ]; then
  margs=()
  if [ "$FR_MATRIX" = deb ]; then
    margs=(--deb-only)
    echo "== the package on PostgreSQL 15, 17 and 18 (test/harness/matrix.sh --deb-only)"
  else
    echo "== PostgreSQL 17 and 18, the package on 15, 17 and 18 (test/harness/matrix.sh)"
  fi
  out=$(mktemp)
  bash test/harness/matrix.sh "${margs[@]}" > "$out" 2>&1
  rc=$?
  grep -vE '^ok [0-9]+' "$out"
  p=$(grep -cE '^ok [0-9]+' "$out" || true)
  f=$(grep -cE '^not ok [0-9]+' "$out" || true)
  while read -r ip if_; do p=$((p + ip)); f=$((f + if_)); done < <(
    sed -nE 's/^== matrix [a-z]+ \(PostgreSQL [0-9]+\): ([0-9]+) passed, ([0-9]+) failed in .*/\1 \2/p' "$out")
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  rm -f "$out"
  passed=$((passed + p)); failed=$((failed + f))
fi

# make bench-national at a small scale: it runs and reports every case and
# its growth (no timing is judged here; the figures are the README's)
if [ "${FR_NO_NATIONAL:-0}" != 1 ]; then
  n=${FR_NATIONAL_SCALE:-200}
  echo "== national-scale benchmark, smoke run (SCALE=$n)"
  out=$(FR_BENCH_ROUNDS=1 FR_NATIONAL_WARMUP=0 bash test/bench/national.sh "$n" 2>&1)
  rc=$?
  p=0; f=0
  for c in import benchmark_summary rank_all_plans district_report category_report; do
    k=$(echo "$out" | grep -cE "^RESULT case=$c .* ratio=[0-9.]+$" || true)
    if [ "$k" = 2 ]; then p=$((p + 1)); else f=$((f + 1)); echo "not ok: $c reported $k RESULT lines of 2"; fi
    if echo "$out" | grep -qE "^GROWTH case=$c .* time_x=[0-9.]+ memory_x=[0-9.]+$"; then p=$((p + 1)); else f=$((f + 1)); echo "not ok: no GROWTH line for $c"; fi
  done
  if [ "$rc" != 0 ]; then f=$((f + 1)); echo "$out" | tail -20; fi
  echo "$out" | grep -E '^(RESULT|GROWTH) '
  passed=$((passed + p)); failed=$((failed + f))
fi

if [ "${FR_NO_FUZZ:-0}" != 1 ]; then
  secs=${FUZZ_SECONDS:-10}
  [ "${CI:-}" = true ] && secs=${FUZZ_SECONDS:-60}
  echo "== fuzzing (${secs}s per target)"
  out=$(make -s fuzz-run FUZZ_SECONDS="$secs" 2>&1)
  echo "$out" | grep -E '^(fuzz|FUZZ)' || true
  p=$(echo "$out" | grep -c '^fuzz .* ok' || true)
  f=$(echo "$out" | grep -c '^fuzz .* FAILED' || true)
  if ! echo "$out" | grep -q '^fuzz '; then echo "$out" | tail -30; f=$((f + 1)); fi
  passed=$((passed + p)); failed=$((failed + f))
fi

echo "$passed passed, $failed failed"
[ -n "${FR_TOTALS:-}" ] && echo "$passed passed, $failed failed" > "$FR_TOTALS"
[ "$failed" = 0 ]
