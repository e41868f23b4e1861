#!/usr/bin/env bash
# make asan: the regression suites (pg_regress and the isolation specs:
# make installcheck) and the pgTAP suite (test/harness/prove.sh) against a
# module built with AddressSanitizer (gcc -fsanitize=address, -O1, frame
# pointers kept).  The module is built in a copy of this checkout (the
# tree's own build is left alone), installed into a private PostgreSQL
# (test/harness/pgenv.sh), and the server's processes run with the
# sanitizer's runtime preloaded (PostgreSQL itself is not instrumented:
# LD_PRELOAD puts the runtime first, as an instrumented library needs;
# asan_init.c initialises it before libgpg-error's constructor would).
# Every report goes to a file of its own (ASAN_OPTIONS log_path); leak
# reports are off (a backend frees its memory contexts wholesale at exit).
# Passes with 0 sanitizer reports, no server process terminated by a
# signal and both suites passing; prints the figures.  What ASan sees:
# every access of the module's C code to its stack, its globals and
# malloc'd memory (ICU's buffers); palloc'd memory is one malloc'd block per
# context to it, so an overrun inside a context is caught only at the
# block's end (Valgrind with a PostgreSQL built with USE_VALGRIND sees
# more; not part of this target).
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
runtime=$(gcc -print-file-name=libasan.so)
[ -f "$runtime" ] || { echo "asan: gcc's AddressSanitizer runtime (libasan) is not installed"; exit 1; }
runtime=$(readlink -f "$runtime")
work=$(mktemp -d /tmp/frontrunner-asan.XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
mkdir "$work/src" "$work/reports"
chmod 777 "$work/reports"
# the checkout as it is (tracked and new files), without its build
(cd "$here" && git ls-files -co --exclude-standard -z | xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$work/src" || exit 1
cd "$work/src"
echo "== asan: building the module with -fsanitize=address"
make -s clean >/dev/null 2>&1
make -s -j2 COPT='-Werror -fsanitize=address -fno-omit-frame-pointer -O1 -g' >/dev/null || { echo "asan: the build failed"; exit 1; }
ldd frontrunner.so | grep libasan >/dev/null || { echo "asan: the module is not linked with libasan"; exit 1; }
# the runtime initialised before the first bindtextdomain() (asan_init.c)
gcc -shared -fPIC -O1 -Wall -Werror -fsanitize=address -o "$work/asan_init.so" test/reliability/asan_init.c -ldl ||
  { echo "asan: test/reliability/asan_init.c did not build"; exit 1; }
chmod -R a+rX . "$work/asan_init.so"
opts="log_path=$work/reports/asan:detect_leaks=0:print_stacktrace=1:allow_user_segv_handler=1"
start=$(date +%s)
bash test/harness/pgenv.sh -o max_worker_processes=8 -e LD_PRELOAD="$runtime $work/asan_init.so" -e ASAN_OPTIONS="$opts" bash -c '
  # the server runs the sanitizer runtime and the instrumented module
  createdb asan_probe || exit 1
  probe=$(psql -X -qAt -d asan_probe -c "CREATE EXTENSION frontrunner" \
            -c "SELECT frontrunner.version() IS NOT NULL AND pg_read_file(\$\$/proc/self/maps\$\$) ~ \$\$libasan\$\$") || exit 1
  dropdb asan_probe
  [ "$probe" = t ] || { echo "asan: the server does not run the sanitizer runtime"; exit 1; }
  echo "== asan: pg_regress and the isolation specs"
  make -s installcheck > "$0/installcheck.out" 2>&1; echo "installcheck $?" > "$0/rc"
  grep -E "^(test | *)?[a-z_0-9]+ +\.\.\. (ok|FAILED)|^(not )?ok [0-9]+ " "$0/installcheck.out" | sed "s/^/  /" | grep -v " ok " || true
  echo "== asan: pgTAP"
  bash test/harness/prove.sh > "$0/prove.out" 2>&1; echo "prove $?" >> "$0/rc"
  tail -3 "$0/prove.out"
  grep -c "was terminated by signal" "$FR_PGLOG" > "$0/signals" || true
' "$work" 2>&1 | grep -vE '^20[0-9]{2}-|^[[:space:]]' || true
secs=$(( $(date +%s) - start ))
fail=0
regress_ok=$(grep -cE '^(test | *)?[a-z_0-9]+ +\.\.\. ok|^ok [0-9]+ ' "$work/installcheck.out" 2>/dev/null)
regress_bad=$(grep -cE '\.\.\. FAILED|^not ok [0-9]+ ' "$work/installcheck.out" 2>/dev/null)
tap=$(grep -oE '^Files=[0-9]+, Tests=[0-9]+' "$work/prove.out" 2>/dev/null)
grep -q '^installcheck 0$' "$work/rc" 2>/dev/null || { echo "asan: make installcheck failed"; tail -40 "$work/installcheck.out"; fail=1; }
grep -q '^prove 0$' "$work/rc" 2>/dev/null || { echo "asan: the pgTAP suite failed"; grep -E '^not ok|Failed' "$work/prove.out" | head -20; fail=1; }
signals=$(cat "$work/signals" 2>/dev/null || echo unknown)
reports=$(cat "$work"/reports/asan.* 2>/dev/null | grep -c 'ERROR: AddressSanitizer')
if [ "$reports" != 0 ]; then
  for f in "$work"/reports/asan.*; do
    grep -q 'ERROR: AddressSanitizer' "$f" && { echo "== $(basename "$f")"; head -60 "$f"; }
  done | head -200
  fail=1
fi
[ "$signals" = 0 ] || fail=1
echo "asan: ${secs} s; pg_regress and isolation: $regress_ok passed, $regress_bad failed; pgTAP: ${tap:-none}; sanitizer reports $reports; processes terminated by a signal $signals"
[ "$fail" = 0 ] && echo "asan: ok" || echo "asan: FAILED"
exit "$fail"
