#!/usr/bin/env bash
# make bench-national [SCALE=n]: test/bench/national.sh in a throwaway
# cluster of its own (test/harness/pgenv.sh); prints the RESULT, IMPORT,
# MEMORY and GROWTH lines and writes them to bench/national.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
scale=${1:-3000000}
[ -n "$scale" ] || scale=3000000
mkdir -p bench
out=bench/national.txt
raw=$(mktemp)
chmod a+rw "$raw"
started=$(date -u +%Y-%m-%dT%H:%MZ)
bash test/harness/pgenv.sh bash test/bench/national.sh "$scale" > "$raw"
{
  echo "# make bench-national SCALE=$scale  $started  $(nproc) cores  $(pg_config --version)"
  grep -E '^(RESULT|IMPORT|MEMORY|GROWTH) ' "$raw"
} > "$out"
rm -f "$raw"
cat "$out"
echo "(written to $out)"
