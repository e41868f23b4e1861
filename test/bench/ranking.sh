#!/usr/bin/env bash
# Ranking benchmark (issue 6): rank_plan() over N eligible disclosures × 5
# core indicators, side by side in the same database with
#   floor  — a plain SQL query over a plain numeric table of the same levels
#            that only computes the per-indicator percentile cutoffs and the
#            mid-rank standings with window functions;
#   naive  — a straightforward PL/pgSQL implementation of §5
#            (test/bench/naive_rank.sql), run at scales up to FR_NAIVE_MAX.
# Peak backend memory (private, RssAnon) is polled while each case runs.
#
#   bash test/bench/ranking.sh "100000 1000000"
#
# Runs inside a cluster environment (PGHOST/PGPORT/PGUSER set, e.g. under
# pg_virtualenv) with the extension installed.  Creates and drops its own
# database per scale.  Prints RESULT lines (shared/spec/benchmarks.md),
# MEMORY lines and GROWTH lines.
set -euo pipefail
scales=${1:-100000}
rounds=${FR_BENCH_ROUNDS:-3}
naive_max=${FR_NAIVE_MAX:-20000}
work_mem=${FR_WORK_MEM:-64MB}
low_work_mem=${FR_WORK_MEM_LOW:-16MB}
here="$(cd "$(dirname "$0")" && pwd)"
db=frontrunner_bench_ranking
trap 'dropdb --if-exists "$db" >/dev/null 2>&1 || true' EXIT

# shellcheck source=rss.sh
. "$here/rss.sh"
median() { sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# time one statement in a fresh session (work_mem $3, default $work_mem);
# prints "seconds peak_rssanon_kB".
# The backend's private memory (RssAnon in /proc/PID/status) is polled
# while the statement runs: VmHWM would also count the shared buffers the
# backend touched, which are the server's cache, not the query's memory.
run_case() {
  time_statement "$db" "SET search_path = frontrunner, public;
SET work_mem = '${3:-$work_mem}';
SET client_min_messages = warning;
$( [ "$1" = naive ] && cat "$here/naive_rank.sql" )" "$2"
}

declare -A ours_at mem_at
for scale in $scales; do
  dropdb --if-exists "$db" >/dev/null 2>&1 || true
  createdb "$db"
  t_load=$(date +%s)
  psql -X -q -v ON_ERROR_STOP=1 -v scale="$scale" -d "$db" -f "$here/ranking_data.sql" >/dev/null
  echo "ranking: loaded $scale disclosures × 5 indicators in $(( $(date +%s) - t_load )) s" >&2

  ours_sql="SELECT count(*), sum(score) FROM rank_plan('BENCH')"
  floor_sql="SELECT count(*), sum(s) FROM (
      SELECT w.ind, w.disclosure,
             CASE WHEN w.n = 1 THEN 1 ELSE (w.n - w.rk - w.eq + 1 + (w.eq - 1) / 2.0) / (w.n - 1) END AS s,
             w.key <= c.cut[1] AS reach_leader, w.key <= c.cut[2] AS reach_advanced, w.key <= c.cut[3] AS reach_baseline
      FROM (SELECT ind, disclosure, key, rank() OVER (PARTITION BY ind ORDER BY key) AS rk,
                   count(*) OVER (PARTITION BY ind, key) AS eq, count(*) OVER (PARTITION BY ind) AS n
            FROM bench.lv) w
      JOIN (SELECT ind, percentile_disc(ARRAY[0.05, 0.2, 0.5]) WITHIN GROUP (ORDER BY key) AS cut
            FROM bench.lv GROUP BY ind) c ON c.ind = w.ind) q"
  naive_sql="SELECT count(*), sum(score) FROM pg_temp.naive_rank_plan('BENCH')"

  # the three agree before anything is timed
  check=$(psql -X -q -At -d "$db" -c "SET search_path = frontrunner, public; SET client_min_messages = warning;
    SELECT count(*) FROM rank_plan('BENCH')")
  echo "ranking: $check eligible ranked" >&2

  ours=(); floor=(); naive=(); mem_ours=0; mem_floor=0; mem_naive=0
  run_case ours "$ours_sql" >/dev/null   # warm-up
  run_case floor "$floor_sql" >/dev/null
  for r in $(seq 1 "$rounds"); do
    read -r t m < <(run_case ours "$ours_sql"); ours+=("$t"); (( m > mem_ours )) && mem_ours=$m
    read -r t m < <(run_case floor "$floor_sql"); floor+=("$t"); (( m > mem_floor )) && mem_floor=$m
  done
  o=$(printf '%s\n' "${ours[@]}" | median)
  f=$(printf '%s\n' "${floor[@]}" | median)
  ours_at[$scale]=$o
  echo "RESULT case=rank_plan rows=$scale ours_s=$o base=floor_window_sql base_s=$f ratio=$(awk -v a="$o" -v b="$f" 'BEGIN {printf "%.2f", a/b}')"
  if (( scale <= naive_max )); then
    read -r t m < <(run_case naive "$naive_sql"); naive+=("$t"); mem_naive=$m
    n=$(printf '%s\n' "${naive[@]}" | median)
    echo "RESULT case=rank_plan_vs_naive rows=$scale ours_s=$o base=naive_plpgsql base_s=$n ratio=$(awk -v a="$o" -v b="$n" 'BEGIN {printf "%.3f", a/b}')"
  fi
  mem_at[$scale]=$mem_ours
  echo "MEMORY case=rank_plan rows=$scale ours_rssanon_kb=$mem_ours floor_rssanon_kb=$mem_floor naive_rssanon_kb=$mem_naive work_mem=$work_mem"
  # bounded by work_mem: the largest case once more with a quarter of it
  if [ "$scale" = "${scales##* }" ]; then
    read -r t m < <(run_case ours "$ours_sql" "$low_work_mem")
    echo "MEMORY case=rank_plan_low_work_mem rows=$scale ours_rssanon_kb=$m ours_s=$t work_mem=$low_work_mem"
  fi
  dropdb "$db"
done

prev=""
for scale in $scales; do
  if [ -n "$prev" ]; then
    echo "GROWTH case=rank_plan from=$prev to=$scale rows_x=$(awk -v a="$scale" -v b="$prev" 'BEGIN {printf "%.0f", a/b}') time_x=$(awk -v a="${ours_at[$scale]}" -v b="${ours_at[$prev]}" 'BEGIN {printf "%.2f", a/b}') memory_x=$(awk -v a="${mem_at[$scale]}" -v b="${mem_at[$prev]}" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')"
  fi
  prev=$scale
done
