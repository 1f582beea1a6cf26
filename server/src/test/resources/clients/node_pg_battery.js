// node-postgres battery against OmenDB: every type in a parameterised insert/select over the extended protocol with
// zero parameter OIDs (Buffers go as binary parameters, the rest as text; node-postgres reads results in text only,
// its `binary` option being unimplemented on the client), transactions, errors with SQLSTATE. Usage: node node_pg_battery.js PORT (with `pg` resolvable
// through NODE_PATH). Prints one line per check and exits non-zero on the first failure.
const { Client } = require('pg');
const assert = require('assert');

function check(name, actual, expected) {
  try {
    assert.deepStrictEqual(actual, expected);
  } catch (e) {
    console.log(`FAIL ${name}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
    process.exit(1);
  }
  console.log(`ok ${name}`);
}

async function main(port) {
  const client = new Client({ host: '127.0.0.1', port, user: 'tester', database: 'omendb' });
  await client.connect();
  await client.query('CREATE TABLE typed (id INT PRIMARY KEY, b BOOLEAN, s SMALLINT, l BIGINT, r REAL,'
    + ' d DOUBLE, n DECIMAL(12, 3), v VARCHAR(30), y BYTEA, dt DATE, ts TIMESTAMP)');
  const values = [1, true, -2, '1099511627776', 1.5, 0.1, '-12345.678', 'grüße it\'s', Buffer.from([0, 1, 255]),
    '2024-02-29', '2024-02-29 10:11:12.25'];
  const inserted = await client.query(
    'INSERT INTO typed VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)', values);
  check('insert rowCount', inserted.rowCount, 1);
  await client.query('INSERT INTO typed (id) VALUES ($1)', [2]);

  const select = 'SELECT id, b, s, l, r, d, n, v, y FROM typed WHERE id = $1 AND id = $1';
  for (const mode of ['unnamed', 'named']) {
    const query = mode === 'named' ? { name: 'by_id', text: select, values: [1] } : { text: select, values: [1] };
    const result = await client.query(query);
    const row = result.rows[0];
    check(`${mode} int`, row.id, 1);
    check(`${mode} bool`, row.b, true);
    check(`${mode} smallint`, row.s, -2);
    check(`${mode} bigint`, String(row.l), '1099511627776');
    check(`${mode} real`, row.r, 1.5);
    check(`${mode} double`, row.d, 0.1);
    check(`${mode} varchar`, row.v, 'grüße it\'s');
    check(`${mode} bytea`, [...row.y], [0, 1, 255]);
    check(`${mode} numeric`, row.n, '-12345.678');
  }
  const temporal = await client.query('SELECT dt, ts FROM typed WHERE id = $1', [1]);
  check('date', temporal.rows[0].dt.getFullYear() * 10000 + (temporal.rows[0].dt.getMonth() + 1) * 100
    + temporal.rows[0].dt.getDate(), 20240229);
  check('timestamp millis', temporal.rows[0].ts.getMilliseconds(), 250);
  const nulls = await client.query('SELECT b, s, l, r, d, n, v, y, dt, ts FROM typed WHERE id = $1', [2]);
  check('nulls', Object.values(nulls.rows[0]), Array(10).fill(null));

  await client.query('CREATE TABLE ids (id UUID PRIMARY KEY, other UUID)');
  await client.query('INSERT INTO ids VALUES ($1, $2), ($3, NULL)', ['F0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11',
    '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002']);
  const ids = await client.query('SELECT id, other FROM ids WHERE id = $1', ['f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11']);
  check('uuid', [ids.rows[0].id, ids.rows[0].other],
    ['f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '00000000-0000-0000-0000-000000000001']);
  const uuidType = await client.query('SELECT id FROM ids WHERE other IS NULL');
  check('uuid oid and null', [uuidType.fields[0].dataTypeID, uuidType.rows[0].id],
    [2950, '00000000-0000-0000-0000-000000000002']);

  await client.query('BEGIN');
  await client.query('INSERT INTO typed (id) VALUES ($1)', [10]);
  await client.query('COMMIT');
  await client.query('BEGIN');
  await client.query('INSERT INTO typed (id) VALUES ($1)', [11]);
  await client.query('ROLLBACK');
  const kept = await client.query('SELECT id FROM typed WHERE id >= $1 ORDER BY id', [10]);
  check('commit and rollback', kept.rows.map((r) => r.id), [10]);

  const code = async (sql, params) => client.query(sql, params).then(() => 'none', (e) => e.code);
  check('duplicate key', await code('INSERT INTO typed (id) VALUES ($1)', [1]), '23505');
  check('undefined table', await code('SELECT * FROM missing WHERE a = $1', [1]), '42P01');
  check('syntax error', await code('SELEC $1', [1]), '42601');
  await client.query('BEGIN');
  check('error in block', await code('SELECT * FROM missing', []), '42P01');
  check('failed block', await code('SELECT id FROM typed WHERE id = $1', [1]), '25P02');
  await client.query('ROLLBACK');
  const count = await client.query('SELECT count(*) AS c FROM typed');
  check('usable after errors', String(count.rows[0].c), '3');
  await client.end();
  console.log('ALL OK');
}

main(Number(process.argv[2])).catch((e) => {
  console.log(`FAIL ${e.stack}`);
  process.exit(1);
});
