#!/usr/bin/env bash
# make bench [SCALE=n]: the indicator type against numrange, numeric and
# postgresql-unit, side by side in one run on the same generated data, in
# a throwaway cluster.  Prints RESULT lines (benchmarks.md) and a table,
# and writes them to bench/results.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
scale=${1:-1000000}
[ -n "$scale" ] || scale=1000000
rounds=${FR_BENCH_ROUNDS:-5}

FR_BENCH=1 FR_NO_FUZZ=1 bash test/harness/deps.sh

make -s -j2 >/dev/null
chmod -R a+rX . 2>/dev/null || true

mkdir -p bench
out=bench/results.txt
raw=$(mktemp)
chmod a+rw "$raw"
echo "== indicator benchmark: $scale rows, $rounds timed rounds per case ($(date -u +%Y-%m-%dT%H:%MZ))"
# the registry case publishes at most 100k disclosures (a few minutes)
reg_scale=$(( scale < 100000 ? scale : 100000 ))
# the benchmark comparison case loads at most 1M disclosed indicators
bm_scale=$(( scale < 1000000 ? scale : 1000000 ))
# the ranking case: the naive PL/pgSQL baseline at 20k (it needs minutes
# there), rank_plan and the floor at scale/10 and scale (growth over 10×)
rk_scales="20000 $(( scale / 10 )) $scale"
# streaming the ranking (rank_plan_cursor against rank_plan) at 20k and up
# to 100k
st_scales="20000 $(( scale < 100000 ? scale : 100000 ))"
# a PostgreSQL of its own (test/harness/pgenv.sh): nothing else swaps the
# module or shares the cluster while the benchmark runs
bash test/harness/pgenv.sh bash -c "psql -X -q -v scale=$scale -v rounds=$rounds -f test/bench/bench.sql > $raw &&
  bash test/bench/registry.sh $reg_scale >> $raw &&
  bash test/bench/registry_pgbench.sh >> $raw &&
  bash test/bench/benchmark.sh $bm_scale >> $raw &&
  bash test/bench/ranking.sh '$rk_scales' >> $raw &&
  bash test/bench/streaming.sh '$st_scales' >> $raw"
{
  echo "# make bench SCALE=$scale  $(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  $(pg_config --version)"
  grep -E '^(RESULT|SIZE|MEMORY|GROWTH|STREAM|INSTRUCTIONS|registry_publish:) ' "$raw"
} > "$out"
rm -f "$raw"
grep -E '^(RESULT|SIZE|MEMORY|GROWTH|STREAM|INSTRUCTIONS|registry_publish:) ' "$out"
echo
printf '%-22s %10s %10s  %-18s %8s\n' case ours_s base_s baseline ratio
grep '^RESULT ' "$out" | sed -E 's/RESULT case=([^ ]+) rows=([^ ]+) ours_s=([^ ]+) base=([^ ]+) base_s=([^ ]+) ratio=([^ ]+)/\1 \3 \5 \4 \6/' |
  while read -r c o b n r; do printf '%-22s %10s %10s  %-18s %8s\n' "$c" "$o" "$b" "$n" "$r"; done
echo "(written to $out)"
