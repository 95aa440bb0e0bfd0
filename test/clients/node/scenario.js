// tedious scenario for the client-matrix test: node scenario.js host port user password encrypt
// Prints `key=value` lines the Go test compares.
const { Connection, Request, TYPES } = require('tedious');

const [host, port, user, password, encrypt] = process.argv.slice(2);
const conn = new Connection({
  server: host,
  authentication: { type: 'default', options: { userName: user, password } },
  options: { port: Number(port), encrypt: encrypt === 'true', trustServerCertificate: true, database: 'master', rowCollectionOnDone: true },
});

function exec(sql, params) {
  return new Promise((resolve, reject) => {
    const rows = [];
    const req = new Request(sql, (err) => (err ? reject(err) : resolve(rows)));
    for (const [name, type, value] of params || []) req.addParameter(name, type, value);
    req.on('row', (cols) => rows.push(cols.map((c) => c.value)));
    (params ? conn.execSql.bind(conn) : conn.execSqlBatch.bind(conn))(req);
  });
}

function tx(fn) {
  return new Promise((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));
}

conn.on('connect', async (err) => {
  if (err) { console.log('connect=' + err.message); process.exit(1); }
  try {
    let rows = await exec("SELECT 1 AS one, N'h\u00e9llo' AS s, CAST(12.34 AS decimal(10,2)) AS d");
    console.log(`select=${rows[0][0]}|${rows[0][1]}|${rows[0][2]}`);
    rows = await exec('SELECT @a + 1, @b', [['a', TYPES.Int, 41], ['b', TYPES.NVarChar, "x'y"]]);
    console.log(`params=${rows[0][0]}|${rows[0][1]}`);
    rows = await exec('SELECT @v', [['v', TYPES.VarChar, 'plain']]);
    console.log(`varchar=${rows[0][0]}`);
    await exec('CREATE TABLE #t (id int PRIMARY KEY, v nvarchar(20))');
    await tx((cb) => conn.beginTransaction(cb));
    await exec("INSERT INTO #t VALUES (1, N'a'), (2, N'b')");
    await tx((cb) => conn.commitTransaction(cb));
    await tx((cb) => conn.beginTransaction(cb));
    await exec("INSERT INTO #t VALUES (3, N'c')");
    await tx((cb) => conn.rollbackTransaction(cb));
    rows = await exec('SELECT COUNT(*) FROM #t');
    console.log(`count=${rows[0][0]}`);
    try {
      await exec("THROW 50001, 'boom', 3");
      console.log('error=none');
    } catch (e) {
      console.log(`error=${e.number} ${e.message}`);
    }
    console.log('done=ok');
    conn.close();
  } catch (e) {
    console.log('failure=' + e.message);
    process.exit(1);
  }
});
conn.connect();
