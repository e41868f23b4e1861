"""ODBC: psqlODBC (Debian odbc-postgresql, driver "PostgreSQL Unicode") under
unixODBC, through pyodbc (python3-pyodbc), with the driver's default
settings — as Excel and Tableau connect.  The cases, the reader's views
(the SQL types the driver describes), notices, the streaming cursor.  Run by
test/clients/run.sh."""
import datetime
import decimal
import re

import pyodbc

import clientlib as cl

# what psqlODBC reports for the plain column types, as pyodbc's Python types
PLAIN_TYPES = (str, decimal.Decimal, int, bool, datetime.date, datetime.datetime)


def error_parts(e):
    """pyodbc's error: (SQLSTATE, '[SQLSTATE] ERROR: message\\nDETAIL:
    detail;\\nError while executing the query …'): psqlODBC passes the
    server's SQLSTATE, message and DETAIL."""
    state = e.args[0] if e.args else None
    text = e.args[1] if len(e.args) > 1 else str(e)
    m = re.search(r'ERROR: (.*?)(?:;\n|$)', text, re.S)
    body = m.group(1) if m else text
    msg, _, detail = body.partition('\nDETAIL: ')
    return state, msg.strip(), detail.split('\nHINT: ')[0].strip() or None


class Driver(cl.DbApiDriver):
    errors = pyodbc.Error
    placeholder = '?'
    escape_percent = False
    last_messages = []

    def connect(self, login):
        return pyodbc.connect('DRIVER={PostgreSQL Unicode};SERVER=127.0.0.1;PORT=%s;DATABASE=%s;UID=%s;PWD='
                              % (cl.env('PGPORT'), cl.env('FR_DB'), login))

    def error(self, e):
        return cl.DriverError(*error_parts(e))

    def executed(self, cur):
        self.last_messages = [m[1] for m in getattr(cur, 'messages', [])]


def column_types(conn, view):
    cur = conn.cursor()
    cur.execute('SELECT * FROM frontrunner.%s LIMIT 50' % view)
    cur.fetchall()
    out = [(d[0], d[1].__name__, d[1] in PLAIN_TYPES) for d in cur.description]
    cur.close()
    return out


d = Driver()
tap = cl.Tap('psqlODBC %s' % d.connection('reader').getinfo(pyodbc.SQL_DRIVER_VER))
cl.run_cases(tap, d)
cl.reader_views(tap, d, column_types)


def notices(conn):
    # psqlODBC joins a statement's notices into one message: "NOTICE: a;NOTICE: b"
    out = []
    for m in d.last_messages:
        out += re.sub(r'^(\[\w+\]\s*)?NOTICE: ', '', m).split(';NOTICE: ')
    return out


cl.progress_and_stream(tap, d, notices)
cl.finish(tap)
