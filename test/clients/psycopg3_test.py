"""psycopg 3 (Debian python3-psycopg) with its default settings, server-side
parameters three ways: %s (a str goes untyped, text format), %s with str
dumped as text (psycopg.types.string.StrDumper: typed text), and %b (binary
format: a str goes as text).  The cases each way, the reader's views
(cursor.description type codes), notices (add_notice_handler), the
streaming cursor.  Run by test/clients/run.sh."""
import psycopg
from psycopg.types.string import StrDumper

import clientlib as cl


class Driver(cl.DbApiDriver):
    errors = psycopg.Error

    def __init__(self, placeholder='%s', text_typed=False):
        super().__init__()
        self.placeholder, self.text_typed, self.seen = placeholder, text_typed, {}

    def connect(self, login):
        conn = psycopg.connect(host='127.0.0.1', port=cl.env('PGPORT'), dbname=cl.env('FR_DB'), user=login)
        if self.text_typed:
            conn.adapters.register_dumper(str, StrDumper)
        self.seen[id(conn)] = []
        conn.add_notice_handler(lambda diag, conn=conn: self.seen[id(conn)].append(diag.message_primary))
        return conn

    def error(self, e):
        return cl.DriverError(e.sqlstate, e.diag.message_primary, e.diag.message_detail)


def bound_as(d):
    """The type the server gave the parameter of WHERE enterprise = $1."""
    conn = d.connection('enterprise')
    with conn.cursor() as cur:
        cur.execute('SELECT count(*) FROM frontrunner.disclosure WHERE enterprise = ' + d.placeholder,
                    ['91110108558521630L'], prepare=True)
        cur.execute("SELECT parameter_types::text FROM pg_prepared_statements WHERE statement LIKE '%enterprise = $1'")
        got = cur.fetchone()[0]
    conn.commit()
    return got


tap = cl.Tap('psycopg %s' % psycopg.__version__)
for d, label, want in ((Driver(), 'parameters untyped', '{uscc}'),
                       (Driver(text_typed=True), 'parameters typed text', '{text}'),
                       (Driver('%b'), 'binary parameters, typed text', '{text}')):
    cl.run_cases(tap, d, label)
    got = bound_as(d)
    tap.ok(got == want, '%s: the server typed the parameter %s' % (label, got), 'expected %s' % want)
cl.reader_views(tap, d, cl.oid_column_types)


def notices(conn):
    out = list(d.seen[id(conn)])
    d.seen[id(conn)].clear()
    return out


cl.progress_and_stream(tap, d, notices)
cl.finish(tap)
