#!/usr/bin/env bash
# Real client drivers against the extension, as applications and BI tools
# use them: pgJDBC, psycopg2, psycopg 3, node-postgres and psqlODBC, each
# with its DEFAULT settings, over TCP (127.0.0.1, PGPORT), in a bureau's
# database — its own enterprise, standard, category, disclosure, tier and
# compare(text, text) in public, then CREATE EXTENSION frontrunner, the demo
# (test/demo/), setup_roles() with a login per group role (the enterprise's
# and the agency's mapped in account), and the supported search path
# (setup_search_path(): "$user", public, frontrunner).  Each driver gets a
# copy of that database and runs test/clients/cases.txt with bound
# parameters, reads every view the reader may read and checks the column
# types its driver reports, gets the progress of rank_plan() as notices and
# streams rank_plan_cursor().  Prints TAP lines (make test: a section of
# test/harness/suite.sh).  The Debian packages come from test/harness/deps.sh;
# node-postgres (npm pg, PG_NODE below) is installed here into a cache
# directory the first time.
#
# Runs inside a cluster environment of test/harness/pgenv.sh.
set -uo pipefail
cd "$(dirname "$0")/../.."
here=test/clients
PG_NODE=8.23.1
cache=${FR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/frontrunner}
tpl=frontrunner_clients
drivers="jdbc psycopg2 psycopg3 node odbc"
export FR_LOGIN_REGULATOR=fr_client_regulator FR_LOGIN_AGENCY=fr_client_agency \
       FR_LOGIN_ENTERPRISE=fr_client_enterprise FR_LOGIN_READER=fr_client_reader
work=$(mktemp -d)
chmod 755 "$work"
failed=0
q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
roles_before=$(psql -X -qAt -d postgres -c "SELECT string_agg(quote_literal(rolname), ',') FROM pg_roles") || exit 1
cleanup() {
  for d in $tpl $(for x in $drivers; do echo "${tpl}_$x"; done); do dropdb --if-exists "$d" >/dev/null 2>&1; done
  for r in $(psql -X -qAt -d postgres -c "SELECT quote_ident(rolname) FROM pg_roles WHERE rolname NOT IN ($roles_before)" 2>/dev/null); do
    psql -X -q -d postgres -c "DROP ROLE $r" >/dev/null 2>&1
  done
  rm -rf "$work"
}
trap cleanup EXIT
say() { echo "$1"; case "$1" in "not ok"*) failed=$((failed + 1)) ;; esac; }
show() { sed 's/^/#   /' "$1" | tail -"${2:-20}"; }

# the bureau's database --------------------------------------------------------------
t0=$(date +%s)
{
  createdb "$tpl" &&
  q -d "$tpl" <<'SQL' &&
-- the bureau's own objects, there before the extension
CREATE TABLE public.enterprise (id int PRIMARY KEY, name text);
CREATE TABLE public.standard (code text PRIMARY KEY, title text);
CREATE TABLE public.category (code text PRIMARY KEY);
CREATE TABLE public.disclosure (id int, note text);
CREATE TABLE public.tier (name text);
CREATE FUNCTION public.compare(a text, b text) RETURNS text LANGUAGE sql AS $$ SELECT 'bureau: ' || a || ' vs ' || b $$;
INSERT INTO public.enterprise VALUES (1, '区市场监管局');
GRANT SELECT ON public.enterprise, public.standard, public.category, public.disclosure, public.tier TO PUBLIC;
CREATE EXTENSION frontrunner;
SQL
  for f in test/demo/[0-9]*.sql; do q -d "$tpl" -f "$f" > /dev/null || exit 1; done &&
  q -d "$tpl" <<SQL
SELECT count(*) FROM frontrunner.setup_roles();
CREATE ROLE $FR_LOGIN_REGULATOR LOGIN IN ROLE frontrunner_regulator;
CREATE ROLE $FR_LOGIN_AGENCY LOGIN IN ROLE frontrunner_agency;
CREATE ROLE $FR_LOGIN_ENTERPRISE LOGIN IN ROLE frontrunner_enterprise;
CREATE ROLE $FR_LOGIN_READER LOGIN IN ROLE frontrunner_reader;
INSERT INTO frontrunner.account (role, enterprise, note) VALUES ('$FR_LOGIN_ENTERPRISE', '91110108558521630L', 'client tests');
INSERT INTO frontrunner.account (role, agency, note) VALUES ('$FR_LOGIN_AGENCY', '北京市纺织品评估中心 (示例)', 'client tests');
SQL
} > "$work/setup.log" 2>&1
rc=$?
if [ $rc = 0 ]; then say "ok 1 - the bureau's database: its own objects in public, then the extension, the demo, roles and logins ($(( $(date +%s) - t0 )) s)"
else say "not ok 1 - the bureau's database: its own objects in public, then the extension, the demo, roles and logins"; show "$work/setup.log"; exit 1; fi

# what each driver needs --------------------------------------------------------------
prepare() {
  case "$1" in
    jdbc)
      [ -r /usr/share/java/postgresql.jar ] && command -v javac >/dev/null || { echo "pgJDBC or javac missing (test/harness/deps.sh installs them)"; return 1; }
      mkdir -p "$work/jdbc" && javac -d "$work/jdbc" -cp /usr/share/java/postgresql.jar "$here/ClientTest.java" ;;
    psycopg2) /usr/bin/python3 -c 'import psycopg2' ;;
    psycopg3) /usr/bin/python3 -c 'import psycopg' ;;
    odbc) /usr/bin/python3 -c 'import pyodbc' && odbcinst -q -d -n 'PostgreSQL Unicode' >/dev/null ;;
    node)
      command -v node >/dev/null && command -v npm >/dev/null || { echo "node or npm missing (test/harness/deps.sh installs them)"; return 1; }
      if [ ! -f "$cache/node-pg-$PG_NODE/node_modules/pg/package.json" ]; then
        mkdir -p "$cache/node-pg-$PG_NODE" &&
        npm install --prefix "$cache/node-pg-$PG_NODE" --no-audit --no-fund --no-save --loglevel=error "pg@$PG_NODE"
      fi ;;
  esac
}
run() {
  case "$1" in
    jdbc) java -cp "/usr/share/java/postgresql.jar:$work/jdbc" ClientTest "$here/cases.txt" ;;
    psycopg2) /usr/bin/python3 "$here/psycopg2_test.py" ;;
    psycopg3) /usr/bin/python3 "$here/psycopg3_test.py" ;;
    odbc) /usr/bin/python3 "$here/odbc_test.py" ;;
    node) NODE_PATH="$cache/node-pg-$PG_NODE/node_modules" node "$here/node_test.js" ;;
  esac
}

n=1
for x in $drivers; do
  n=$((n + 1))
  db="${tpl}_$x"
  t0=$(date +%s)
  # a copy of the database; its search path is the database's own setting,
  # which a copy does not inherit: set it as a DBA does
  if ! { prepare "$x" && createdb -T "$tpl" "$db" && q -d "$db" -c "SELECT frontrunner.setup_search_path()"; } > "$work/$x.log" 2>&1; then
    say "not ok $n - $x: the driver and its database are ready"; show "$work/$x.log"; continue
  fi
  say "ok $n - $x: the driver and its database are ready (setup_search_path(): $(psql -X -qAt -d "$db" -c 'SHOW search_path'))"
  FR_DB="$db" run "$x" > "$work/$x.out" 2>&1
  rc=$?
  # the driver's own TAP lines, as they are (suite.sh counts them)
  grep -E '^(not )?ok |^#' "$work/$x.out"
  f=$(grep -c '^not ok ' "$work/$x.out")
  failed=$((failed + f))
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
    say "not ok $n - $x: the test program ran to its end (exit $rc)"; grep -vE '^(not )?ok |^#' "$work/$x.out" | sed 's/^/#   /' | tail -20
  fi
  echo "# $x: $(( $(date +%s) - t0 )) s"
done
[ "$failed" = 0 ]
