// node-postgres (npm pg, the version test/clients/run.sh installs) with its
// default settings: every parameter goes as text with no type (the server
// infers it).  The cases of cases.txt, the reader's views (fields'
// dataTypeID), progress as 'notice' events, the streaming cursor.  Prints
// TAP; run by test/clients/run.sh with NODE_PATH at the installed pg.
'use strict';
const fs = require('fs');
const path = require('path');
const { Client } = require('pg');

const PLAIN = { 25: 'text', 1700: 'numeric', 20: 'bigint', 23: 'integer', 16: 'boolean', 1082: 'date', 1184: 'timestamptz' };
const prefix = 'node-postgres ' + require('pg/package.json').version;
let n = 0, failed = 0;
function ok(cond, what, ...diag) {
  n++;
  console.log(`${cond ? 'ok' : 'not ok'} ${n} - ${prefix}: ${what}`);
  if (!cond) {
    failed++;
    for (const d of diag) for (const line of String(d).split('\n')) console.log('#   ' + line);
  }
  return cond;
}

const clients = {};
const notices = {};
async function conn(role) {
  if (!clients[role]) {
    const c = new Client({ host: '127.0.0.1', port: Number(process.env.PGPORT), database: process.env.FR_DB,
                           user: process.env['FR_LOGIN_' + role.toUpperCase()] });
    notices[role] = [];
    c.on('notice', (m) => notices[role].push(m.message));
    await c.connect();
    clients[role] = c;
  }
  return clients[role];
}

function text(v) {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return String(v);
}

function load(file) {
  const cases = [];
  let cur = null;
  for (const line of fs.readFileSync(file, 'utf8').split('\n').concat([''])) {
    if (line.startsWith('#')) continue;
    if (!line.trim()) { if (cur) cases.push(cur); cur = null; continue; }
    cur = cur || { params: [], expect: [] };
    const i = line.indexOf(': ');
    const key = line.slice(0, i), value = line.slice(i + 2);
    if (key === 'str' || key === 'int') cur.params.push([key, value]);
    else if (key === 'row') cur.expect.push(value);
    else cur[key] = value;
  }
  return cases;
}

async function runCases() {
  const saved = {};
  for (const c of load(path.join(__dirname, 'cases.txt'))) {
    const values = c.params.map(([kind, v]) => {
      v = v.replace(/\$\{(\w+)\}/g, (_, k) => String(saved[k]));
      return kind === 'int' ? Number(v) : v;
    });
    const cn = await conn(c.as);
    let res;
    try {
      res = await cn.query({ text: c.sql, values, rowMode: 'array' });
    } catch (e) {
      const diag = [`got ${e.code}: ${e.message}`, `DETAIL: ${e.detail}`];
      if (!c.error) { ok(false, c.case, ...diag); continue; }
      let good = e.code === c.error;
      if (c.message) good = good && new RegExp(c.message).test(e.message);
      if (c.detail) good = good && new RegExp(c.detail).test(e.detail || '');
      ok(good, `${c.case} (${c.error})`, ...diag);
      continue;
    }
    if (c.error) { ok(false, c.case, `no error; expected ${c.error}`); continue; }
    const got = res.rows.length || res.fields.length
      ? res.rows.map((r) => r.map(text).join(' | ')) : [];
    if (c.save && res.rows.length) saved[c.save] = res.rows[0][0];
    let good = !c.expect.length || JSON.stringify(got) === JSON.stringify(c.expect);
    if (c.rows !== undefined) good = good && got.length === Number(c.rows);
    if (c.affected !== undefined) good = good && res.rowCount === Number(c.affected);
    ok(good, c.case, `got rows: ${JSON.stringify(got)}`, `expected: ${JSON.stringify(c.expect.length ? c.expect : c.rows)}`, `affected: ${res.rowCount}`);
  }
}

async function columnTypes(cn, rel) {
  const res = await cn.query(`SELECT * FROM frontrunner.${rel} LIMIT 50`);
  return res.fields.map((f) => [f.name, PLAIN[f.dataTypeID] || `oid ${f.dataTypeID}`, f.dataTypeID in PLAIN]);
}

async function readerViews() {
  const cn = await conn('reader');
  const res = await cn.query(`SELECT c.relname FROM pg_catalog.pg_class c
    WHERE c.relnamespace = 'frontrunner'::pg_catalog.regnamespace AND c.relkind IN ('v', 'm')
      AND pg_catalog.has_table_privilege(c.oid, 'SELECT') ORDER BY 1`);
  const views = res.rows.map((r) => r.relname);
  ok(views.length >= 13, `the reader may read ${views.length} views (the grants say which)`, views.join(', '));
  for (const v of views) {
    const cols = await columnTypes(cn, v);
    const bad = cols.filter((c) => !c[2]).map((c) => `${c[0]} ${c[1]}`);
    ok(cols.length && !bad.length, `view ${v}: ${cols.length} columns, all of plain types (dataTypeID)`, ...bad);
  }
  const typed = await columnTypes(await conn('regulator'), 'benchmark_pair_typed');
  ok(typed.some((c) => !c[2]), 'the same check finds the domain types of benchmark_pair_typed (not a reader view)');
}

async function progressAndStream() {
  const cn = await conn('agency');
  await cn.query('SET frontrunner.progress = notice');
  const total = Number((await cn.query('SELECT count(*) AS n FROM frontrunner.rank_plan($1)', ['BJ-2026-TEX'])).rows[0].n);
  await cn.query('RESET frontrunner.progress');
  const seen = notices.agency.splice(0);
  ok(seen.some((m) => /^progress: rank_plan\('BJ-2026-TEX'\): \d+ core indicators, /.test(m))
     && seen.some((m) => new RegExp(`^progress: rank_plan\\('BJ-2026-TEX'\\): ${total} eligible disclosures ranked in [0-9.]+ s$`).test(m)),
     "frontrunner.progress = notice: the progress of rank_plan() reaches the client as 'notice' events", ...seen);
  await cn.query('BEGIN');
  await cn.query("SELECT frontrunner.rank_plan_cursor($1, 'ranks')", ['BJ-2026-TEX']);
  const ranks = [];
  let fetches = 0;
  for (;;) {
    const r = await cn.query('FETCH 100 FROM ranks');
    if (!r.rows.length) break;
    fetches++;
    for (const row of r.rows) ranks.push(row.rank);
  }
  await cn.query('COMMIT');
  ok(ranks.length === total && ranks.every((r, i) => r === i + 1) && fetches === Math.ceil(total / 100),
     `rank_plan_cursor(): ${ranks.length} rows in ${fetches} fetches of 100, ranks 1 to ${total} in order`);
}

(async () => {
  try {
    await runCases();
    await readerViews();
    await progressAndStream();
  } catch (e) {
    ok(false, 'the test ran to its end', e.stack);
  }
  for (const c of Object.values(clients)) await c.end();
  process.exit(failed ? 1 : 0);
})();
