"""psycopg2 (Debian python3-psycopg2) with its default settings: parameters
interpolated by the client as literals (untyped), the cases, the reader's
views (cursor.description type codes), notices (connection.notices), the
streaming cursor.  Run by test/clients/run.sh."""
import psycopg2

import clientlib as cl


class Driver(cl.DbApiDriver):
    errors = psycopg2.Error

    def connect(self, login):
        return psycopg2.connect(host='127.0.0.1', port=cl.env('PGPORT'), dbname=cl.env('FR_DB'), user=login)

    def error(self, e):
        return cl.DriverError(e.pgcode, e.diag.message_primary, e.diag.message_detail)


def notices(conn):
    out = [n.strip().split(':  ', 1)[-1] for n in conn.notices]
    conn.notices.clear()
    return out


tap = cl.Tap('psycopg2 %s' % psycopg2.__version__.split()[0])
d = Driver()
cl.run_cases(tap, d)
cl.reader_views(tap, d, cl.oid_column_types)
# the check sees a domain type where there is one
conn = d.connection('regulator')
tap.ok([t for _, t, _ in cl.oid_column_types(conn, 'benchmark_pair_typed') if t.startswith('oid')] != [],
       'the same check finds the domain types of benchmark_pair_typed (not a reader view)')
conn.commit()
cl.progress_and_stream(tap, d, notices)
cl.import_and_publish_progress(tap, d, notices)
cl.finish(tap)
