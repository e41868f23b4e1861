#!/usr/bin/env bash
# make recvfuzz: binary input fuzzing of every *_recv of the extension
# (uscc, stdcode, indicator, levelset) through COPY … (FORMAT binary), as a
# client or a restore feeds them; the indicators include issue 16's forms
# (a power of ten, a basis, a sampling plan: storage version 2).  Valid rows of each type are written by
# COPY … TO (FORMAT binary); each is mutated (bits flipped, bytes set,
# truncated, extended, the version byte and the length words changed) into
# FR_RECV_ROWS rows per type (short mode 2,000; FR_LONG=1: 50,000), one
# COPY file each (FR_RECV_SEED: the seed), and the server COPYs every file
# in its own subtransaction.
# Passes when the server never crashes, every refusal is one of 22P03
# (invalid binary representation), 22021, 22P02, 22003 or 54000 — or core's
# own 08P01 of its message buffer (pq_getmsg*: "insufficient data left in
# message", "no data left in message": a field shorter than the receive
# function reads, refused before any byte past it is read, as core's own
# types are) — and every accepted value reads back through its text form
# unchanged.  Prints TAP and the figures; runs inside a cluster environment
# of pgenv.sh (make recvfuzz sets one up; make test runs it in the suite's).
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/reliability/tap.sh
db=frontrunner_recv
rows=${FR_RECV_ROWS:-2000}
[ "${FR_LONG:-0}" = 1 ] && rows=${FR_RECV_ROWS:-50000}
work=$(mktemp -d /tmp/frontrunner-recv.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db" || exit 1
q() { psql -X -qAt -v ON_ERROR_STOP=1 -d "$db" "$@"; }
q -c "CREATE EXTENSION frontrunner" || exit 1
logstart=$(wc -l < "$FR_PGLOG")
declare -A sample=(
  [uscc]="VALUES ('91110108558521630L'::frontrunner.uscc), ('91440400192548256N'), ('91330100799655058B')"
  [stdcode]="VALUES ('GB 18401-2010'::frontrunner.stdcode), ('Q/KT 11-2024'), ('GB/T 2912.1-2009'), ('T/CNTAC 8-2018')"
  [indicator]="VALUES ('≤ 20 mg/kg'::frontrunner.indicator), ('4.0～8.5'), ('不得检出'), ('≥ 3-4 级'), ('(0.5, 1.5] %'), ('≤ 500 mW'),
               ('≤1×10⁴ CFU/g'), ('≤0.2 mg/kg(以Pb计)'), ('n=5,c=2,m=100 CFU/g,M=1000 CFU/g')"
  [levelset]="SELECT frontrunner.level_stats(x, 'lower_better') FROM (VALUES (1.5), (2), (2), (3.25), (100)) v(x)
              UNION ALL SELECT frontrunner.level_stats(x, 'higher_better') FROM (VALUES (0.001), (7)) v(x)"
)
start=$(date +%s)
for t in uscc stdcode indicator levelset; do
  q -c "CREATE TABLE public.recv_$t (v frontrunner.$t)" || exit 1
  q -c "\\copy (${sample[$t]}) TO '$work/$t.valid' (FORMAT binary)" || exit 1
done
cat > "$work/mutate.py" <<'PY'
# writes rows lo .. hi-1 of each type as one COPY file each (seeded by seed + lo)
import os, random, struct, sys
work, lo, hi, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
SIG = b'PGCOPY\n\xff\r\n\0'
def fields(path):
    b = open(path, 'rb').read()
    assert b.startswith(SIG)
    pos = len(SIG) + 4
    ext, = struct.unpack('>I', b[pos:pos + 4]); pos += 4 + ext
    out = []
    while True:
        n, = struct.unpack('>h', b[pos:pos + 2]); pos += 2
        if n == -1:
            return out
        for _ in range(n):
            l, = struct.unpack('>i', b[pos:pos + 4]); pos += 4
            out.append(b[pos:pos + l]); pos += l
def mutate(rng, v):
    v = bytearray(v)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(8)
        if op == 0 and v:                      # flip a bit
            i = rng.randrange(len(v)); v[i] ^= 1 << rng.randrange(8)
        elif op == 1 and v:                    # set a byte
            v[rng.randrange(len(v))] = rng.choice([0, 1, 0x7f, 0x80, 0xff, rng.randrange(256)])
        elif op == 2 and v:                    # truncate
            del v[rng.randrange(len(v)):]
        elif op == 3:                          # extend
            v += bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif op == 4 and v:                    # the version byte
            v[0] = rng.choice([0, 2, 3, 0xff, rng.randrange(256)])
        elif op == 5 and len(v) >= 4:          # a length or count word
            i = rng.randrange(len(v) - 3)
            v[i:i + 4] = struct.pack('>i', rng.choice([-1, 0, 1, 0x7fffffff, -0x80000000, rng.randrange(1 << 16)]))
        elif op == 6 and len(v) >= 2:          # a 16-bit word (numeric digits, weights)
            i = rng.randrange(len(v) - 1)
            v[i:i + 2] = struct.pack('>H', rng.choice([0, 0x4000, 0xc000, 0xd000, 0xffff, 9999, 10000]))
        elif op == 7 and len(v) >= 2:          # swap two bytes
            i, j = rng.randrange(len(v)), rng.randrange(len(v)); v[i], v[j] = v[j], v[i]
    return bytes(v)
rng = random.Random(seed + lo)
for t in ('uscc', 'stdcode', 'indicator', 'levelset'):
    valid = fields(os.path.join(work, t + '.valid'))
    os.makedirs(os.path.join(work, t), exist_ok=True)
    for k in range(lo, hi):
        v = mutate(rng, rng.choice(valid))
        body = SIG + struct.pack('>II', 0, 0) + struct.pack('>hi', 1, len(v)) + v + struct.pack('>h', -1)
        with open(os.path.join(work, t, '%06d' % k), 'wb') as f:
            f.write(body)
PY
q -c "CREATE TABLE public.recv_outcome (type text, file text, sqlstate text, message text)" || exit 1
# in batches of FR_RECV_BATCH rows per type (5,000): few files at a time
# on disk
batch=${FR_RECV_BATCH:-5000}
seed=${FR_RECV_SEED:-$(( (RANDOM << 15) | RANDOM ))}
for ((lo = 0; lo < rows; lo += batch)); do
  hi=$(( lo + batch < rows ? lo + batch : rows ))
  python3 "$work/mutate.py" "$work" "$lo" "$hi" "$seed" || exit 1
  chmod -R a+rX "$work"
  q <<SQL || exit 1
DO \$\$
DECLARE
  t text;
  f text;
  st text;
  msg text;
BEGIN
  FOREACH t IN ARRAY ARRAY['uscc', 'stdcode', 'indicator', 'levelset'] LOOP
    FOR f IN SELECT x FROM pg_ls_dir('$work/' || t) x ORDER BY x LOOP
      BEGIN
        EXECUTE format('COPY public.recv_%s FROM %L (FORMAT binary)', t, '$work/' || t || '/' || f);
        st := 'accepted'; msg := NULL;
      EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
      END;
      INSERT INTO public.recv_outcome VALUES (t, f, st, msg);
    END LOOP;
  END LOOP;
END
\$\$;
SQL
  rm -rf "$work"/uscc "$work"/stdcode "$work"/indicator "$work"/levelset
done
secs=$(( $(date +%s) - start ))
echo "# recvfuzz: $rows mutated rows per type (seed $seed), ${secs} s; outcomes (type, SQLSTATE or accepted, rows):"
q -F ' ' -c "SELECT type, sqlstate, count(*) FROM public.recv_outcome GROUP BY 1, 2 ORDER BY 1, 2" | sed 's/^/#   /'
total=$(q -c "SELECT count(*) FROM public.recv_outcome")
check $(( total != 4 * rows )) "every mutated row was tried ($total of $((4 * rows)))"
allowed="sqlstate IN ('accepted', '22P03', '22021', '22P02', '22003', '54000')
         OR (sqlstate = '08P01' AND message IN ('insufficient data left in message', 'no data left in message'))"
bad=$(q -c "SELECT count(*) FROM public.recv_outcome WHERE NOT ($allowed)")
check "$bad" "every refusal is a documented SQLSTATE (22P03, 22021, 22P02, 22003, 54000, core's 08P01 of a short field): $bad others"
[ "$bad" = 0 ] || q -c "SELECT type, sqlstate, message, count(*) FROM public.recv_outcome WHERE NOT ($allowed) GROUP BY 1, 2, 3 ORDER BY 4 DESC LIMIT 20"
# every accepted value reads back through its text form unchanged
roundtrip=$(q -c "SELECT (SELECT count(*) FROM public.recv_uscc WHERE v::text::frontrunner.uscc::text <> v::text)
                      + (SELECT count(*) FROM public.recv_stdcode WHERE v::text::frontrunner.stdcode::text <> v::text)
                      + (SELECT count(*) FROM public.recv_indicator WHERE v::text::frontrunner.indicator::text <> v::text)
                      + (SELECT count(*) FROM public.recv_levelset WHERE v::text::frontrunner.levelset::text <> v::text)") || roundtrip=error
accepted=$(q -c "SELECT count(*) FROM public.recv_outcome WHERE sqlstate = 'accepted'")
check "$([ "$roundtrip" = 0 ]; echo $?)" "every accepted value ($accepted) reads back through its text form unchanged (differing: $roundtrip)"
crashes=$(tail -n +"$((logstart + 1))" "$FR_PGLOG" | grep -c 'was terminated by signal')
check "$crashes" "no server process terminated by a signal ($crashes)"
pg_isready -q -h "$PGHOST" -p "$PGPORT"
check $? "the server answers"
echo "# recvfuzz: $total rows, $accepted accepted, $((total - accepted)) refused, other SQLSTATEs $bad, crashes $crashes"
tap_done
