#!/usr/bin/env bash
# make updatecheck: an upgrade in place from every earlier release, as a
# bureau's DBA does it.  For each release R whose install script is kept in
# sql/ (frontrunner--R.sql):
#   1. CREATE EXTENSION frontrunner VERSION 'R': R's SQL objects served by
#      this build's module, as after a package upgrade and before ALTER
#      EXTENSION;
#   2. the demo parts R already had load through the rules; then the
#      database's picture: every row of every table, and the answers of
#      test/upgrade/checks.sql (stored values read back, comparisons,
#      rankings, eligibility, benchmark comparison, reports);
#   3. ALTER EXTENSION frontrunner UPDATE;
#   4. every row is intact (on R's columns) and the checks answer the same;
#   5. the upgraded database has the objects of a fresh install of this
#      release: pg_dump --schema-only --binary-upgrade (which writes out every
#      member object of the extension, triggers and policies included) and
#      the comments and pg_dump registrations, normalised (OIDs, dropped
#      columns' slots, sequence positions);
# and once: a module that reports another release is refused by the install
# script with a clear error.
# Prints TAP lines.  Runs inside a cluster environment of pgenv.sh (FR_TREE:
# the private installation) with this build installed.
set -uo pipefail
cd "$(dirname "$0")/../.."

# The commit of each earlier release whose own module is built below, and
# the files of its tree the build needs.  Without the git history (a
# chroot of test/harness/matrix.sh gets a copy of the tracked files) the
# trees come from FR_RELEASE_TREES/<release>.tar, which
#   bash test/harness/updatecheck.sh --export-releases DIR
# writes from the history (matrix.sh does so on the host).
release_commit() {
  case "$1" in
    0.1.0) echo c5e9aa4b295a1c5266fbbc030e25c612d36e7bcd ;;
  esac
}
release_paths=(Makefile frontrunner.control src sql)
release_tree() {  # release_tree <release> <commit> <dir>: its files into dir
  if [ -n "${FR_RELEASE_TREES:-}" ] && [ -r "$FR_RELEASE_TREES/$1.tar" ]; then
    tar -x -C "$3" -f "$FR_RELEASE_TREES/$1.tar"
  elif git cat-file -e "$2^{commit}" 2>/dev/null; then
    git archive "$2" "${release_paths[@]}" | tar -x -C "$3"
  else
    echo "updatecheck.sh: release $1: commit ${2:0:7} is not in this tree's git history and there is no" \
         "${FR_RELEASE_TREES:-\$FR_RELEASE_TREES}/$1.tar (updatecheck.sh --export-releases DIR writes it where the history is)"
    return 1
  fi
}
if [ "${1:-}" = --export-releases ]; then
  [ -n "${2:-}" ] && mkdir -p "$2" || { echo "usage: updatecheck.sh --export-releases DIR" >&2; exit 2; }
  for f in sql/frontrunner--*.sql; do
    r=$(echo "$f" | sed -nE 's#^sql/frontrunner--([0-9.]+)\.sql$#\1#p')
    c=$(release_commit "$r")
    [ -n "$c" ] || continue
    git archive -o "$2/$r.tar" "$c" "${release_paths[@]}" ||
      { echo "updatecheck.sh: cannot export release $r (commit ${c:0:7}): no git history here" >&2; exit 1; }
  done
  exit 0
fi

n=0; failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }
q() { psql -X -qAt -v ON_ERROR_STOP=1 -d "$@"; }
work=$(mktemp -d)
chmod 755 "$work"
current=$(sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\(.*\)'/\1/p" frontrunner.control)
up=frontrunner_up
fresh=frontrunner_fresh
drop_dbs() { dropdb --if-exists "$up" >/dev/null 2>&1; dropdb --if-exists "$fresh" >/dev/null 2>&1; }
trap 'drop_dbs; rm -rf "$work"' EXIT
drop_dbs

# the demo parts an earlier release can load (later parts use later features)
demo_parts() {
  case "$1" in
    0.1.0) ls test/demo/[1-7]0_*.sql test/demo/55_*.sql | sort ;;
    *) echo "updatecheck.sh: no demo parts listed for release $1" >&2; return 1 ;;
  esac
}

tables_sql="SELECT c.relname FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid AND d.deptype = 'e'
  JOIN pg_catalog.pg_extension x ON x.oid = d.refobjid AND x.extname = 'frontrunner'
  WHERE c.relkind = 'r' ORDER BY 1"
columns_sql() {
  echo "SELECT string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_catalog.pg_attribute a
        WHERE a.attrelid = 'frontrunner.$1'::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''"
}
# every row of every table, on the columns the table had before the update
picture() {
  local db=$1 out=$2 t cols
  : > "$out"
  while read -r t; do
    if [ -f "$work/cols.$t" ]; then cols=$(cat "$work/cols.$t"); else cols=$(q "$db" -c "$(columns_sql "$t")"); echo "$cols" > "$work/cols.$t"; fi
    q "$db" -c "SELECT '$t ' || count(*) || ' ' || coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') FROM (SELECT $cols FROM frontrunner.$t) r" >> "$out"
  done < "$work/tables"
}
schema() {
  pg_dump --schema-only --binary-upgrade --no-comments -d "$1" 2>/dev/null |
    sed -E "s/'[0-9]+'::pg_catalog\.oid/'OID'/g; s/oid = '[0-9]+'/oid = 'OID'/g; s/'\{[0-9,]+\}'/'{OIDS}'/g" |
    grep -vE '^-- Dumped (from|by) |^\\(un)?restrict |pg\.dropped\.|binary_upgrade_set_next_|^SET |^SELECT pg_catalog\.set_config|^SELECT pg_catalog\.setval' > "$2"
  q "$1" > "$2.catalog" <<'SQL'
SELECT 'comment ' || pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid) || ' = ' || coalesce(pg_catalog.obj_description(d.objid), '')
FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_extension x ON x.oid = d.refobjid AND x.extname = 'frontrunner'
WHERE d.deptype = 'e'
UNION ALL
SELECT 'config ' || c.oid::pg_catalog.regclass::text || ' ' || coalesce(x.extcondition[i], '')
FROM pg_catalog.pg_extension x CROSS JOIN LATERAL pg_catalog.generate_subscripts(x.extconfig, 1) i
JOIN pg_catalog.pg_class c ON c.oid = x.extconfig[i]
WHERE x.extname = 'frontrunner'
UNION ALL
SELECT 'column comment ' || c.oid::pg_catalog.regclass::text || '.' || a.attname || ' = ' || coalesce(pg_catalog.col_description(c.oid, a.attnum), '')
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = 'frontrunner'::pg_catalog.regnamespace
ORDER BY 1
SQL
}
show() { sed 's/^/#   /' "$1" | cut -c1-240 | head -"${2:-40}"; }

releases=$(ls sql/frontrunner--*.sql | sed -nE 's#^sql/frontrunner--([0-9.]+)\.sql$#\1#p' | grep -vx "$current" | sort -V)
echo "# upgrading to $current from: $(echo $releases)"

createdb "$fresh" && q "$fresh" -c "CREATE EXTENSION frontrunner" >/dev/null
ok $? "fresh install of $current"
schema "$fresh" "$work/fresh.schema"

for r in $releases; do
  dropdb --if-exists "$up" >/dev/null 2>&1
  rm -f "$work"/cols.*
  createdb "$up" && q "$up" -c "CREATE EXTENSION frontrunner VERSION '$r'" >/dev/null
  ok $? "$r: CREATE EXTENSION frontrunner VERSION '$r', served by this release's module"

  rc=0
  for f in $(demo_parts "$r"); do
    psql -X -q -v ON_ERROR_STOP=1 -d "$up" -f "$f" > "$work/demo.log" 2>&1 ||
      { rc=1; echo "# $f failed:"; show "$work/demo.log" 10; break; }
  done
  ok $rc "$r: the demo parts of $r load through the rules ($(demo_parts "$r" | wc -l) parts)"

  q "$up" -c "$tables_sql" > "$work/tables"
  picture "$up" "$work/before"
  psql -X -qAt -d "$up" -f test/upgrade/checks.sql > "$work/checks.before" 2>&1
  ok $? "$r: test/upgrade/checks.sql runs on $r's objects ($(wc -l < "$work/checks.before") lines)"

  q "$up" -c "ALTER EXTENSION frontrunner UPDATE" > "$work/update.log" 2>&1
  rc=$?; [ $rc = 0 ] || show "$work/update.log" 20
  v=$(q "$up" -c "SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'frontrunner'")
  [ $rc = 0 ] && [ "$v" = "$current" ]
  ok $? "$r: ALTER EXTENSION frontrunner UPDATE reaches $current (extversion $v)"

  picture "$up" "$work/after"
  diff "$work/before" "$work/after" > "$work/rows.diff"
  rc=$?; [ $rc = 0 ] || show "$work/rows.diff" 20
  ok $rc "$r: every row of every table is intact after the update ($(wc -l < "$work/tables") tables)"

  psql -X -qAt -d "$up" -f test/upgrade/checks.sql > "$work/checks.after" 2>&1
  diff "$work/checks.before" "$work/checks.after" > "$work/checks.diff"
  rc=$?; [ $rc = 0 ] || show "$work/checks.diff" 20
  ok $rc "$r: the checks answer the same after the update"

  schema "$up" "$work/up.schema"
  diff "$work/fresh.schema" "$work/up.schema" > "$work/schema.diff"
  rc=$?; [ $rc = 0 ] || show "$work/schema.diff" 60
  ok $rc "$r: the upgraded database has the objects of a fresh $current install (pg_dump --binary-upgrade)"
  diff "$work/fresh.schema.catalog" "$work/up.schema.catalog" > "$work/catalog.diff"
  rc=$?; [ $rc = 0 ] || show "$work/catalog.diff" 40
  ok $rc "$r: and the same comments and pg_dump registrations"
done

# A database written by an earlier release's own module (0.2.0, issue 16):
# the values it stored (storage version 1) and the indexes it built on them,
# in the extension's tables and a bureau's own (test/upgrade/user_indexes.sql).
# The release's module is built from its commit, serves the demo and the
# bureau's table, then this build's module replaces it (as a package upgrade
# does) and ALTER EXTENSION UPDATE runs.  Checked: every stored value reads
# with the same text under the new module, before and after the update; the
# checks answer the same (test/upgrade/checks.sql); every index on indicator
# values was rebuilt (a new relfilenode), and index scans answer what
# sequential scans answer under 0.2.0's corrected fractions.
# every value of the database: the extension's tables and the bureau's
old_picture() {
  picture "$1" "$2"
  q "$1" -c "SELECT 'bureau ' || md5(string_agg(r::text, '|' ORDER BY id)) FROM bureau.lab_result r" >> "$2"
}
# the pictures $1 and $2 are the same (TAP line $3)
same_picture() {
  diff "$work/$1" "$work/$2" > "$work/old.diff"
  local rc=$?; [ $rc = 0 ] || show "$work/old.diff" 20
  ok $rc "$3"
}
if [ -n "${FR_TREE:-}" ]; then
  lib="$(pg_config --pkglibdir)/frontrunner.so"
  old=frontrunner_old
  # the build needs the installation's headers: its pg_config, not the
  # private tree's (first in PATH)
  system_pg_config=$(PATH=$(echo "$PATH" | tr ':' '\n' | grep -v "^$FR_TREE" | paste -sd:) command -v pg_config)
  for r in $releases; do
    c=$(release_commit "$r")
    [ -n "$c" ] || continue
    src="$work/release-$r"
    mkdir -p "$src"
    rc=0
    # a release older than the major's support (0.1.0 built on 15 only) gets
    # what src/compat.h gives this one, forced in (no effect on 15): a
    # database written on 15 by it reaches a newer major by pg_upgrade, its
    # bytes the same.  No bitcode: only its frontrunner.so is used.
    cat > "$work/compat-old.h" <<'SHIM'
#include "postgres.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#include "catalog/pg_class.h"
#include "utils/acl.h"
#define pg_class_ownercheck(relid, role) object_ownercheck(RelationRelationId, (relid), (role))
#endif
#if PG_VERSION_NUM >= 180000
#define pg_attribute_noreturn() __attribute__((noreturn))
#endif
SHIM
    { release_tree "$r" "$c" "$src" &&
      make -s -C "$src" PG_CONFIG="$system_pg_config" COPT="-include $work/compat-old.h" with_llvm=no \
        >"$work/build-$r.log" 2>&1; } || rc=1
    [ $rc = 0 ] || show "$work/build-$r.log" 20
    ok $rc "$r: its own module builds from its commit ${c:0:7}"
    [ $rc = 0 ] || continue
    cp "$lib" "$work/frontrunner.so.this"
    cp "$src/frontrunner.so" "$lib.new" && mv -f "$lib.new" "$lib"
    dropdb --if-exists "$old" >/dev/null 2>&1
    rc=0
    createdb "$old" && q "$old" -c "CREATE EXTENSION frontrunner VERSION '$r'" >/dev/null || rc=1
    for f in $(demo_parts "$r") test/upgrade/user_indexes.sql; do
      [ $rc = 0 ] || break
      psql -X -q -v ON_ERROR_STOP=1 -d "$old" -f "$f" > "$work/old.log" 2>&1 || { rc=1; show "$work/old.log" 10; }
    done
    rm -f "$work"/cols.*
    q "$old" -c "$tables_sql" > "$work/tables"
    old_picture "$old" "$work/old.before"
    psql -X -qAt -d "$old" -f test/upgrade/checks.sql > "$work/old.checks.before" 2>&1 || rc=1
    # the relfilenodes of the bureau's indexes on indicator values
    idx_sql="SELECT c.relname || ' ' || c.relfilenode FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
             WHERE i.indrelid = 'bureau.lab_result'::regclass AND c.relname <> 'lab_result_pkey' ORDER BY 1"
    q "$old" -c "$idx_sql" > "$work/old.idx.before" || rc=1
    # this build's module replaces the release's, as a package upgrade does
    cp "$work/frontrunner.so.this" "$lib.new" && mv -f "$lib.new" "$lib"
    ok $rc "$r: its own module stores the demo and a bureau's table with btree, hash, GiST and expression indexes on indicator values"

    old_picture "$old" "$work/old.read"
    same_picture old.before old.read "$r: every value its module stored reads with the same text under this release's module"

    q "$old" -c "ALTER EXTENSION frontrunner UPDATE" > "$work/old.update.log" 2>&1
    rc=$?; [ $rc = 0 ] || show "$work/old.update.log" 20
    ok $rc "$r: ALTER EXTENSION frontrunner UPDATE on the database its own module wrote"

    old_picture "$old" "$work/old.after"
    same_picture old.before old.after "$r: and after the update every row and value reads the same"

    psql -X -qAt -d "$old" -f test/upgrade/checks.sql > "$work/old.checks.after" 2>&1
    diff "$work/old.checks.before" "$work/old.checks.after" > "$work/old.checks.diff"
    rc=$?; [ $rc = 0 ] || show "$work/old.checks.diff" 20
    ok $rc "$r: the checks answer as its own module did"

    q "$old" -c "$idx_sql" > "$work/old.idx.after"
    n_idx=$(wc -l < "$work/old.idx.before")
    same=$(join "$work/old.idx.before" "$work/old.idx.after" | awk '$2 == $3' | wc -l)
    [ "$n_idx" = 4 ] && [ "$same" = 0 ]
    rc=$?; [ $rc = 0 ] || { show "$work/old.idx.before"; show "$work/old.idx.after"; }
    ok $rc "$r: the update rebuilt every index on the bureau's indicator values ($n_idx: btree, hash, GiST, expression)"

    # index scans against sequential scans, under 0.2.0's meaning
    psql -X -qAt -v ON_ERROR_STOP=1 -d "$old" -f test/upgrade/scans.sql > "$work/old.scans" 2>&1
    rc=$?
    { grep -q '^0 of 6 queries differ; = ≥ 520 mL/L: 1,6$' "$work/old.scans" &&
      grep -q '^vol vs mass: incomparable$' "$work/old.scans"; } || rc=1
    [ $rc = 0 ] || show "$work/old.scans" 20
    ok $rc "$r: index scans answer what sequential scans do under the corrected fractions (52 %vol = 520 mL/L, not 52 g/100g)"
    dropdb --if-exists "$old" >/dev/null 2>&1
  done
fi

# a module of another release: the install script refuses it.  The module in
# the private installation is replaced by rename (backends that mapped it
# keep theirs), a copy whose release string reads 9.9.9, then put back.
if [ -n "${FR_TREE:-}" ]; then
  # (pg_config: the private installation's, first in PATH)
  lib="$(pg_config --pkglibdir)/frontrunner.so"
  cp "$lib" "$work/frontrunner.so.orig"
  perl -0777 -pe 's/\x00\Q'"$current"'\E\x00/\x009.9.9\x00/ or die "release string not found once\n"' \
    "$lib" > "$work/frontrunner.so.other" 2>"$work/patch.log" && chmod 755 "$work/frontrunner.so.other"
  if [ -s "$work/frontrunner.so.other" ]; then
    cp "$work/frontrunner.so.other" "$lib.new" && mv -f "$lib.new" "$lib"
    dropdb --if-exists "$up" >/dev/null 2>&1; createdb "$up"
    out=$(q "$up" -c "CREATE EXTENSION frontrunner" 2>&1)
    cp "$work/frontrunner.so.orig" "$lib.new" && mv -f "$lib.new" "$lib"
    case "$out" in *"the frontrunner module is release 9.9.9, the script installs release $current"*) rc=0 ;; *) rc=1; echo "# $out" ;; esac
    ok $rc "a module of another release (9.9.9) is refused by CREATE EXTENSION with a clear error"
  else
    show "$work/patch.log" 5
    ok 1 "a module of another release (9.9.9) is refused (the test could not make one)"
  fi
fi

echo "1..$n"
[ "$failed" = 0 ]
