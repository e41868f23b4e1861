"""The Python side of the client tests (test/clients/run.sh): the cases of
cases.txt, the reader's views with their column types, progress notices and
the streaming cursor, for one driver given as an adapter.  Prints TAP lines;
the adapters are psycopg2_test.py, psycopg3_test.py and odbc_test.py."""
import os
import re
import sys

# the column types a view the reader may read has (api.md §8): text,
# numeric, bigint, integer, boolean, date, timestamptz
PLAIN_OIDS = {25: 'text', 1700: 'numeric', 20: 'bigint', 23: 'integer', 16: 'boolean',
              1082: 'date', 1184: 'timestamptz'}


class Tap:
    def __init__(self, prefix):
        self.prefix, self.n, self.failed = prefix, 0, 0

    def ok(self, cond, what, *diag):
        self.n += 1
        print('%s %d - %s: %s' % ('ok' if cond else 'not ok', self.n, self.prefix, what), flush=True)
        if not cond:
            self.failed += 1
            for d in diag:
                for line in str(d).splitlines():
                    print('#   ' + line, flush=True)
        return cond

    def skip(self, what, why):
        self.n += 1
        print('ok %d - %s: %s # SKIP %s' % (self.n, self.prefix, what, why), flush=True)


def load_cases(path=os.path.join(os.path.dirname(__file__), 'cases.txt')):
    cases, cur = [], None
    for line in open(path, encoding='utf-8').read().splitlines() + ['']:
        if line.startswith('#'):
            continue
        if not line.strip():
            if cur:
                cases.append(cur)
            cur = None
            continue
        key, _, value = line.partition(': ')
        cur = cur or {'params': [], 'expect': []}
        if key in ('str', 'int'):
            cur['params'].append((key, value))
        elif key == 'row':
            cur['expect'].append(value)
        else:
            cur[key] = value
    return cases


def text(v):
    """A value as the cases write it."""
    if v is None:
        return '\\N'
    if isinstance(v, bool):
        return 't' if v else 'f'
    return str(v)


def positional(sql, placeholder):
    """$1 … in sql → the driver's placeholders, and the order of the
    parameters they take."""
    order = []

    def repl(m):
        order.append(int(m.group(1)) - 1)
        return placeholder
    return re.sub(r'\$(\d+)', repl, sql), order


class DriverError(Exception):
    def __init__(self, sqlstate, message, detail):
        super().__init__('%s %s' % (sqlstate, message))
        self.sqlstate, self.message, self.detail = sqlstate, message, detail


class DbApiDriver:
    """A DB-API 2 driver: connect(login) opens a connection, placeholder is
    its parameter marker, error(e) turns its exception into a DriverError,
    errors the exception class to catch."""
    has_detail = True
    placeholder = '%s'
    escape_percent = True

    def __init__(self):
        self.conns = {}

    def connection(self, role):
        if role not in self.conns:
            self.conns[role] = self.connect(logins()[role])
        return self.conns[role]

    def execute(self, conn, sql, values):
        if self.escape_percent:
            sql = sql.replace('%', '%%')
        sql, order = positional(sql, self.placeholder)
        cur = conn.cursor()
        try:
            cur.execute(sql, [values[i] for i in order])
            rows = [tuple(r) for r in cur.fetchall()] if cur.description else []
            self.executed(cur)
            return cur.description, rows, cur.rowcount
        except self.errors as e:
            raise self.error(e)
        finally:
            cur.close()

    def executed(self, cur):
        pass

    def commit(self, conn):
        conn.commit()

    def rollback(self, conn):
        conn.rollback()


def oid_column_types(conn, view):
    """The column types of a view as the server's type OIDs (psycopg)."""
    cur = conn.cursor()
    cur.execute('SELECT * FROM frontrunner.%s LIMIT 50' % view)
    cur.fetchall()
    out = [(d.name, PLAIN_OIDS.get(d.type_code, 'oid %s' % d.type_code), d.type_code in PLAIN_OIDS)
           for d in cur.description]
    cur.close()
    return out


def run_cases(tap, driver, label=''):
    """driver: connection(role), execute(conn, case_sql, values) ->
    (columns, rows, affected) raising DriverError, rollback(conn),
    commit(conn)."""
    saved = {}
    for c in load_cases():
        what = c['case'] + (' [%s]' % label if label else '')
        values = []
        for kind, v in c['params']:
            v = re.sub(r'\$\{(\w+)\}', lambda m: str(saved.get(m.group(1))), v)
            values.append(int(v) if kind == 'int' else v)
        conn = driver.connection(c['as'])
        try:
            cols, rows, affected = driver.execute(conn, c['sql'], values)
            driver.commit(conn)
        except DriverError as e:
            driver.rollback(conn)
            if 'error' not in c:
                tap.ok(False, what, 'unexpected error %s: %s' % (e.sqlstate, e.message), 'DETAIL: %s' % e.detail)
                continue
            diag = ['got %s: %s' % (e.sqlstate, e.message), 'DETAIL: %s' % e.detail]
            good = e.sqlstate == c['error']
            if 'message' in c:
                good = good and re.search(c['message'], e.message or '') is not None
            if 'detail' in c and driver.has_detail:
                good = good and re.search(c['detail'], e.detail or '') is not None
            tap.ok(good, what + ' (%s)' % c['error'], *diag)
            continue
        if 'error' in c:
            tap.ok(False, what, 'no error; expected %s' % c['error'])
            continue
        got = [' | '.join(text(v) for v in r) for r in rows]
        good = True
        if c['expect']:
            good = got == c['expect']
        if 'rows' in c:
            good = good and len(got) == int(c['rows'])
        if 'affected' in c:
            good = good and affected == int(c['affected'])
        if 'save' in c and rows:
            saved[c['save']] = rows[0][0]
        tap.ok(good, what, 'got rows: %r' % got, 'expected: %r' % (c['expect'] or c.get('rows')),
               'affected: %r' % affected)


def reader_views(tap, driver, column_types):
    """Every view the reader may read (from the grants), read as the reader;
    column_types(conn, view) -> [(column, type name, plain?)]."""
    conn = driver.connection('reader')
    _, rows, _ = driver.execute(conn, """
        SELECT c.relname FROM pg_catalog.pg_class c
        WHERE c.relnamespace = 'frontrunner'::pg_catalog.regnamespace AND c.relkind IN ('v', 'm')
          AND pg_catalog.has_table_privilege(c.oid, 'SELECT') ORDER BY 1""", [])
    driver.commit(conn)
    views = [r[0] for r in rows]
    tap.ok(len(views) >= 13, 'the reader may read %d views (the grants say which)' % len(views), views)
    for v in views:
        cols = column_types(conn, v)
        driver.commit(conn)
        bad = ['%s %s' % (c, t) for c, t, plain in cols if not plain]
        tap.ok(cols and not bad, 'view %s: %d columns, all of plain types' % (v, len(cols)), *bad)


def progress_and_stream(tap, driver, notices):
    """frontrunner.progress = notice: the driver receives the phases of
    rank_plan(); rank_plan_cursor() streams the same rows in batches."""
    conn = driver.connection('agency')
    driver.execute(conn, "SET frontrunner.progress = notice", [])
    _, rows, _ = driver.execute(conn, "SELECT count(*) FROM frontrunner.rank_plan($1)", ['BJ-2026-TEX'])
    driver.commit(conn)
    n = rows[0][0]
    seen = notices(conn)
    tap.ok(any(re.search(r"^progress: rank_plan\('BJ-2026-TEX'\): \d+ core indicators, \d+ published disclosures", m) for m in seen)
           and any(re.search(r"^progress: rank_plan\('BJ-2026-TEX'\): %s eligible disclosures ranked in [0-9.]+ s$" % n, m) for m in seen),
           'frontrunner.progress = notice: the progress of rank_plan() reaches the client as NOTICEs', *seen)
    driver.execute(conn, "RESET frontrunner.progress", [])
    driver.commit(conn)
    _, rows, _ = driver.execute(conn, "SELECT frontrunner.rank_plan_cursor($1, 'ranks')", ['BJ-2026-TEX'])
    batches, fetched, first = 0, [], None
    while True:
        _, rows, _ = driver.execute(conn, "FETCH 100 FROM ranks", [])
        if not rows:
            break
        batches += 1
        fetched += [r[0] for r in rows]
    driver.commit(conn)
    tap.ok(len(fetched) == n and fetched == list(range(1, n + 1)) and batches == (n + 99) // 100,
           'rank_plan_cursor(): %d rows in %d fetches of 100, ranks 1 to %d in order' % (len(fetched), batches, n),
           'rank_plan(): %s rows' % n)


def import_and_publish_progress(tap, driver, notices):
    """The progress of import_disclosures() (as the regulator: one good and
    one bad staged disclosure) and of publish_ranking() (as the agency)."""
    conn = driver.connection('regulator')
    driver.execute(conn, "SET frontrunner.progress = notice", [])
    for ref, req in (('CLIENT-1', '≤ 20 mg/kg'), ('CLIENT-2', '≤ 20 mg/kgg')):
        driver.execute(conn, """INSERT INTO frontrunner.disclosure_import
            (source_ref, uscc, category, product, standard, indicator, requirement)
            VALUES ($1, '91110108558521630L', 'textile-b', 'client import', 'GB 18401-2010', 'formaldehyde', $2)""",
            [ref, req])
    _, rows, _ = driver.execute(conn, "SELECT outcome FROM frontrunner.import_disclosures(false) ORDER BY line", [])
    driver.commit(conn)
    seen = notices(conn)
    tap.ok([r[0] for r in rows] == ['draft', 'rejected']
           and any(re.search(r"^progress: import_disclosures\(\): 2 disclosures in 2 staged rows, batches of \d+$", m) for m in seen)
           and any(re.search(r"^progress: import_disclosures\(\): 2 disclosures done in [0-9.]+ s, 1 imported, 1 rejected$", m) for m in seen),
           'frontrunner.progress = notice: import_disclosures() reports the staged disclosures and the outcome', rows, *seen)
    driver.execute(conn, "RESET frontrunner.progress", [])
    conn = driver.connection('agency')
    driver.execute(conn, "SET frontrunner.progress = notice", [])
    _, rows, _ = driver.execute(conn, "SELECT frontrunner.publish_ranking($1)", ['BJ-2026-TEX'])
    driver.commit(conn)
    seen = notices(conn)
    tap.ok(any(re.search(r"^progress: publish_ranking\('BJ-2026-TEX'\): plan \d+ locked, \d+ published disclosures", m) for m in seen)
           and any(re.search(r"^progress: publish_ranking\('BJ-2026-TEX'\): ranking %s stored, \d+ entries, in [0-9.]+ s$" % rows[0][0], m) for m in seen),
           'frontrunner.progress = notice: publish_ranking() reports its phases (and rank_plan()\'s within)', *seen)
    driver.execute(conn, "RESET frontrunner.progress", [])
    driver.commit(conn)


def env(name):
    return os.environ[name]


def logins():
    return {r: env('FR_LOGIN_' + r.upper()) for r in ('regulator', 'agency', 'enterprise', 'reader')}


def finish(tap):
    sys.exit(1 if tap.failed else 0)
