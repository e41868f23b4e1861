#!/usr/bin/env python3
"""upgrade_diff.py OLD.sql NEW.sql — a draft of the upgrade script between two
install scripts of the extension (e.g. git show main's built
sql/frontrunner--0.2.0.sql against this branch's, or the shipped
sql/frontrunner--0.1.0.sql against the current one).

It splits both scripts into top-level statements and pairs them by the
object they create (function by name and argument list, trigger by name and
table, view, policy, comment target, …).  It prints, for a developer to read
and edit into sql/frontrunner--<from>--<to>.sql:
  - objects gone from NEW: their DROP (triggers, policies and views first,
    functions last, after what used them is re-created);
  - objects new or changed in NEW, in NEW's order: the statement, as
    CREATE OR REPLACE where PostgreSQL allows it (functions, views; a
    trigger or policy is dropped and created again);
  - tables, indexes, types, operators and anything else that changed: the
    two versions side by side under "-- MANUAL:", since only ALTER TABLE and
    friends written by hand keep the data.
make updatecheck then proves the result: the upgraded database must have
the objects of a fresh install.  This is a developer's tool; nothing runs it
in the suite.
"""
import re
import sys


def statements(text):
    """Top-level statements of an SQL script (comments dropped, quotes kept)."""
    out, cur, i, n = [], [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('--', i):
            j = text.find('\n', i)
            i = n if j < 0 else j + 1
            continue
        if c == "'":
            j = i + 1
            while j < n:
                if text[j] == "'" and text[j + 1:j + 2] == "'":
                    j += 2
                elif text[j] == "'":
                    break
                else:
                    j += 1
            cur.append(text[i:j + 1]); i = j + 1
            continue
        if c == '"':
            j = text.find('"', i + 1)
            cur.append(text[i:j + 1]); i = j + 1
            continue
        m = re.match(r'\$([A-Za-z_]*)\$', text[i:])
        if m:
            tag = m.group(0)
            j = text.find(tag, i + len(tag))
            cur.append(text[i:j + len(tag)]); i = j + len(tag)
            continue
        if c == '\\' and (i == 0 or text[i - 1] == '\n'):   # psql meta-command line
            j = text.find('\n', i)
            i = n if j < 0 else j + 1
            continue
        if c == ';':
            s = ''.join(cur).strip()
            if s:
                out.append(s + ';')
            cur = []; i += 1
            continue
        cur.append(c); i += 1
    s = ''.join(cur).strip()
    if s:
        out.append(s)
    return out


def norm(s):
    return re.sub(r'\s+', ' ', s).strip()


NAME = r'(?:@extschema@\.|frontrunner\.)?("?[\w]+"?)'


def key(stmt):
    s = norm(stmt)
    u = s.upper()
    m = re.match(r'CREATE (?:OR REPLACE )?FUNCTION ' + NAME + r'\s*\((.*?)\)\s*RETURNS', s, re.I)
    if m:
        args = re.sub(r'\s+DEFAULT\s+[^,]+', '', m.group(2))
        return ('function', m.group(1).lower(), norm(args).lower())
    m = re.match(r'CREATE (?:OR REPLACE )?(?:CONSTRAINT )?TRIGGER (\w+) .*? ON ' + NAME, s, re.I)
    if m:
        return ('trigger', m.group(1).lower(), m.group(2).lower())
    m = re.match(r'CREATE POLICY (\w+) ON ' + NAME, s, re.I)
    if m:
        return ('policy', m.group(1).lower(), m.group(2).lower())
    m = re.match(r'CREATE (?:OR REPLACE )?VIEW ' + NAME, s, re.I)
    if m:
        return ('view', m.group(1).lower())
    m = re.match(r'COMMENT ON (.*?) IS ', s, re.I)
    if m:
        return ('comment', norm(m.group(1).replace('@extschema@.', '').replace('frontrunner.', '')).lower())
    m = re.match(r'CREATE (UNIQUE INDEX|INDEX|TABLE|TYPE|AGGREGATE|CAST|OPERATOR CLASS|OPERATOR FAMILY|OPERATOR|SEQUENCE|DOMAIN) (?:IF NOT EXISTS )?(\S+)', s, re.I)
    if m:
        return (m.group(1).lower(), m.group(2).replace('@extschema@.', '').lower())
    m = re.match(r'ALTER FUNCTION (.*?\)) ', s, re.I)
    if m:
        return ('alter function', norm(m.group(1).replace('@extschema@.', '')).lower(), s.lower())
    return ('other', s)


def drop(k, stmt):
    kind = k[0]
    if kind == 'function':
        m = re.match(r'CREATE (?:OR REPLACE )?FUNCTION (\S+?)\s*\((.*?)\)\s*RETURNS', norm(stmt), re.I)
        args = re.sub(r'\s+DEFAULT\s+[^,]+', '', m.group(2))
        return 'DROP FUNCTION %s(%s);' % (m.group(1), args)
    if kind == 'trigger':
        m = re.search(r' ON (\S+)', norm(stmt), re.I)
        return 'DROP TRIGGER %s ON %s;' % (k[1], m.group(1))
    if kind == 'policy':
        m = re.search(r' ON (\S+)', norm(stmt), re.I)
        return 'DROP POLICY %s ON %s;' % (k[1], m.group(1))
    if kind == 'view':
        return 'DROP VIEW @extschema@.%s;' % k[1]
    if kind in ('index', 'unique index'):
        return 'DROP INDEX @extschema@.%s;' % k[1]
    return None


def main(old_path, new_path):
    old = statements(open(old_path, encoding='utf-8').read())
    new = statements(open(new_path, encoding='utf-8').read())
    oldk = {}
    for s in old:
        oldk.setdefault(key(s), []).append(s)
    newk = {}
    for s in new:
        newk.setdefault(key(s), []).append(s)

    first, last, body, manual, alters = [], [], [], [], []
    for k, ss in oldk.items():
        if k in newk or k[0] in ('other', 'comment', 'alter function'):
            continue
        d = drop(k, ss[0])
        if d is None:
            manual.append('-- MANUAL: gone from NEW\n' + ss[0])
        elif k[0] == 'function':
            last.append(d)
        else:
            first.append(d)
    seen = set()
    for s in new:
        k = key(s)
        if k in seen:
            continue
        seen.add(k)
        if k in oldk and [norm(x) for x in oldk[k]] == [norm(x) for x in newk[k]]:
            continue
        if k[0] == 'other' and any(norm(x) == norm(s) for x in old):
            continue
        if k[0] in ('function', 'view'):
            for x in newk[k]:
                body.append(re.sub(r'^CREATE (?:OR REPLACE )?', 'CREATE OR REPLACE ', x, flags=re.I))
            if k[0] == 'function' and k in oldk:
                # CREATE OR REPLACE resets what ALTER FUNCTION set (SECURITY
                # DEFINER, LEAKPROOF, …): NEW's ALTER FUNCTION statements of
                # this function again
                sig = '%s(' % k[1]
                for x in new:
                    kx = key(x)
                    if kx[0] == 'alter function' and kx[1].startswith(sig):
                        alters.append(x)
        elif k[0] in ('trigger', 'policy'):
            if k in oldk:
                body.append(drop(k, oldk[k][0]))
            body.extend(newk[k])
        elif k[0] in ('comment', 'alter function', 'other'):
            body.extend(newk[k])
        else:
            manual.append('-- MANUAL: %s %s changed or new\n-- OLD:\n%s\n-- NEW:\n%s' % (
                k[0], k[1], '\n'.join('-- ' + l for x in oldk.get(k, ['(none)']) for l in x.splitlines()),
                '\n'.join(newk[k])))
    for part, title in ((first, 'gone: triggers, policies, views, indexes'), (body, 'new or changed, in the order of NEW'),
                        (alters, 'attributes of the replaced functions, again'),
                        (last, 'gone: functions'), (manual, 'to write by hand')):
        if part:
            print('-- ' + title + ' ' + '-' * max(0, 70 - len(title)))
            for s in part:
                print(s)
                print()


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
