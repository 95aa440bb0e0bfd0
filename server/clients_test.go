package server

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Real non-Go clients, when installed (the CI integration script installs
// them; elsewhere these tests skip and say why): tedious (Node, lock-step
// TLS, TM requests, VARCHAR parameters needing ENVCHANGE 7) and jTDS
// (LOGIN7 without PRELOGIN, the TDS 7.1 dialect).

const tediousScript = `
const { Connection, Request, TYPES } = require('tedious');
const [port, password, encrypt] = process.argv.slice(2);
const conn = new Connection({ server: '127.0.0.1', options: { port: +port, encrypt: encrypt === 'true',
  trustServerCertificate: true, rowCollectionOnDone: true },
  authentication: { type: 'default', options: { userName: 'sa', password } } });
const out = [];
function run(sql, params, next) {
  const r = new Request(sql, (err) => { if (err) { out.push('ERR ' + err.message); } next(); });
  for (const [n, t, v] of params) r.addParameter(n, t, v);
  r.on('row', (cols) => out.push(cols.map(c => String(c.value)).join('|')));
  if (params.length) conn.execSql(r); else conn.execSqlBatch(r);
}
conn.on('connect', (err) => {
  if (err) { console.log('CONNECT ' + err.message); process.exit(1); }
  run('select * from fixed', [], () =>
    run('select @a, @b', [['a', TYPES.VarChar, 'héllo'], ['b', TYPES.Int, 5]], () =>
      conn.beginTransaction((e) => { out.push(e ? 'BEGIN ' + e.message : 'BEGIN ok');
        run('select @@trancount', [], () => conn.commitTransaction((e2) => { out.push(e2 ? 'COMMIT ' + e2.message : 'COMMIT ok');
          console.log(out.join('\n')); conn.close(); }) ); })));
});
conn.connect();
`

func TestTedious(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	if err := exec.Command(node, "-e", "require.resolve('tedious')").Run(); err != nil {
		t.Skip("tedious not installed (set NODE_PATH to a node_modules holding tedious)")
	}
	ts := startServer(t, nil)
	script := filepath.Join(t.TempDir(), "t.js")
	os.WriteFile(script, []byte(tediousScript), 0o644)
	for _, enc := range []string{"false", "true"} {
		t.Run("encrypt="+enc, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			out, err := exec.CommandContext(ctx, node, script, fmt.Sprint(ts.Port()), testPassword, enc).CombinedOutput()
			if err != nil {
				t.Fatalf("tedious: %v\n%s", err, out)
			}
			s := string(out)
			for _, want := range []string{"café|日本語 ✓", "héllo|5", "BEGIN ok", "\n1\n", "COMMIT ok"} {
				if !strings.Contains(s, want) {
					t.Errorf("tedious output lacks %q:\n%s", want, s)
				}
			}
		})
	}
}

const jtdsSource = `
import java.sql.*;
public class J {
  public static void main(String[] a) throws Exception {
    Class.forName("net.sourceforge.jtds.jdbc.Driver");
    try (Connection c = DriverManager.getConnection("jdbc:jtds:sqlserver://127.0.0.1:" + a[0] + "/master", "sa", a[1])) {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select * from fixed")) {
        ResultSetMetaData m = r.getMetaData();
        while (r.next()) { StringBuilder b = new StringBuilder();
          for (int i = 1; i <= m.getColumnCount(); i++) b.append(m.getColumnName(i)).append('=').append(r.getString(i)).append('|');
          System.out.println(b); }
      }
      try (PreparedStatement p = c.prepareStatement("select ?")) {
        p.setInt(1, 7);
        try (ResultSet r = p.executeQuery()) { while (r.next()) System.out.println("param=" + r.getString(1)); }
      } catch (SQLException e) { System.out.println("param error " + e.getMessage()); }
      try (Statement s = c.createStatement()) { s.execute("throw 1"); } catch (SQLException e) {
        System.out.println("error " + e.getErrorCode() + " " + e.getMessage()); }
    }
  }
}
`

func TestJTDS(t *testing.T) {
	java, err := exec.LookPath("java")
	if err != nil {
		t.Skip("java not installed")
	}
	jar := "/usr/share/java/jtds.jar"
	if _, err := os.Stat(jar); err != nil {
		t.Skip("jTDS not installed (libjtds-java)")
	}
	ts := startServer(t, nil)
	dir := t.TempDir()
	src := filepath.Join(dir, "J.java")
	os.WriteFile(src, []byte(jtdsSource), 0o644)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, java, "-cp", jar, src, fmt.Sprint(ts.Port()), testPassword).CombinedOutput()
	if err != nil {
		t.Fatalf("jTDS: %v\n%s", err, out)
	}
	s := string(out)
	for _, want := range []string{"vc=café|", "nvc=日本語 ✓|", "d=12345.6789|", "dto=2024-02-29 13:45:30.0000000 +02:00|", "param=7", "error 50001 boom"} {
		if !strings.Contains(s, want) {
			t.Errorf("jTDS output lacks %q:\n%s", want, s)
		}
	}
}
