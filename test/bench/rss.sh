# Sourced by the benchmarks: peak_rssanon CLIENT_PID DB polls the private
# memory (RssAnon in /proc/PID/status) of the backend serving DB — the only
# client backend of that database — while CLIENT_PID runs, and prints the
# peak in kB (0: the statement ended before the first poll).  VmHWM would
# also count the shared buffers the backend touched, which are the server's
# cache, not the query's memory.
peak_rssanon() {
  local client=$1 db=$2 pid="" peak=0 k v _
  while kill -0 "$client" 2>/dev/null; do
    [ -n "$pid" ] || pid=$(pgrep -f "^postgres: .* $db " | head -1 || true)
    if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
      while read -r k v _; do
        if [ "$k" = RssAnon: ]; then (( v > peak )) && peak=$v; break; fi
      done < "/proc/$pid/status" 2>/dev/null || true
    fi
    sleep 0.05
  done
  echo "$peak"
}

# time_statement DB PRELUDE STATEMENT: runs PRELUDE (settings, functions)
# then STATEMENT in a fresh session on DB, its output discarded; prints
# "seconds peak_rssanon_kB" (the time measured inside the server around the
# statement alone)
time_statement() {
  local db=$1 out peak client
  out=$(mktemp)
  psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" > "$out" <<SQL &
$2
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
\o /dev/null
$3;
\o
SELECT round((extract(epoch FROM clock_timestamp()) - :t0)::numeric, 3);
SQL
  client=$!
  peak=$(peak_rssanon "$client" "$db")
  wait "$client"
  echo "$(tail -1 "$out") $peak"
  rm -f "$out"
}
