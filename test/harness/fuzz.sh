#!/usr/bin/env bash
# Runs each libFuzzer target for N seconds (with FUZZ_RUNS set: to that many
# executions, make fuzz-long), from its seed corpus
# (test/fuzz/corpus/<target>/).  Prints "fuzz <target> ok|FAILED".
set -uo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-10}
status=0
for bin in test/fuzz/bin/fuzz_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin")
  seeds=test/fuzz/corpus/${name#fuzz_}
  work=test/fuzz/corpus-run/${name#fuzz_}
  mkdir -p "$work" test/fuzz/artifacts
  [ -d "$seeds" ] && cp -n "$seeds"/* "$work"/ 2>/dev/null
  limit=-max_total_time="$secs"
  [ -n "${FUZZ_RUNS:-}" ] && limit=-runs="$FUZZ_RUNS"
  begin=$(date +%s)
  if "$bin" "$limit" -timeout=10 -rss_limit_mb=2048 -max_len=512 \
       -artifact_prefix=test/fuzz/artifacts/"$name"- "$work" > "test/fuzz/artifacts/$name.log" 2>&1; then
    runs=$(grep -oE 'Done [0-9]+ runs' "test/fuzz/artifacts/$name.log" | tail -1)
    echo "fuzz $name ok ($runs in $(( $(date +%s) - begin ))s)"
  else
    echo "fuzz $name FAILED"
    tail -40 "test/fuzz/artifacts/$name.log"
    status=1
  fi
done
exit $status
