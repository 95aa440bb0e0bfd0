package embed

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

// Non-Go clients against the real engine, when installed (the CI
// integration script installs freetds-bin, tedious via npm with NODE_PATH,
// and libjtds-java); otherwise each test skips and says what is missing.

const clientPassword = "Str0ng!Passw0rd"

func runClient(t *testing.T, name string, args []string, env []string, stdin string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), env...)
	if stdin != "" {
		cmd.Stdin = strings.NewReader(stdin)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	return string(out)
}

func wantAll(t *testing.T, client, out string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Errorf("%s output lacks %q:\n%s", client, w, out)
		}
	}
}

func TestFreeTDSE2E(t *testing.T) {
	tsql, err := exec.LookPath("tsql")
	if err != nil {
		t.Skip("tsql (freetds-bin) not installed")
	}
	s := start(t, Config{SAPassword: clientPassword, DataDir: t.TempDir()})
	for _, enc := range []string{"off", "request", "require"} {
		t.Run(enc, func(t *testing.T) {
			conf := filepath.Join(t.TempDir(), "freetds.conf")
			os.WriteFile(conf, []byte(fmt.Sprintf("[t]\n\thost = 127.0.0.1\n\tport = %d\n\ttds version = 7.4\n\tencryption = %s\n", s.Port(), enc)), 0o644)
			out := runClient(t, tsql, []string{"-S", "t", "-U", "sa", "-P", clientPassword}, []string{"FREETDSCONF=" + conf},
				"select @@spid, db_name(), cast(1.5 as decimal(5,2)), N'été'\ngo\nselect 1/0\ngo\nexit\n")
			wantAll(t, "tsql", out, "master\t1.50\tété", "(1 row affected)", "Msg 8134 (severity 16, state 1)", "Divide by zero error encountered.")
		})
	}
}

const tediousE2E = `
const { Connection, Request, TYPES } = require('tedious');
const [port, password, encrypt] = process.argv.slice(2);
const conn = new Connection({ server: '127.0.0.1', options: { port: +port, encrypt: encrypt === 'true', trustServerCertificate: true },
  authentication: { type: 'default', options: { userName: 'sa', password } } });
conn.on('connect', (err) => {
  if (err) { console.log('CONNECT ' + err.message); process.exit(1); }
  const r = new Request("select @a + N'!' as a, @b * 2 as b", (e) => {
    if (e) console.log('ERR ' + e.message);
    conn.beginTransaction((e2) => { console.log(e2 ? 'BEGIN ' + e2.message : 'BEGIN ok');
      conn.rollbackTransaction((e3) => { console.log(e3 ? 'ROLLBACK ' + e3.message : 'ROLLBACK ok'); conn.close(); }); });
  });
  r.addParameter('a', TYPES.VarChar, 'héllo');
  r.addParameter('b', TYPES.Int, 21);
  r.on('row', (cols) => console.log('ROW ' + cols.map(c => String(c.value)).join('|')));
  conn.execSql(r);
});
conn.connect();
`

func TestTediousE2E(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	if err := exec.Command(node, "-e", "require.resolve('tedious')").Run(); err != nil {
		t.Skip("tedious not installed (set NODE_PATH to a node_modules holding tedious)")
	}
	s := start(t, Config{SAPassword: clientPassword})
	script := filepath.Join(t.TempDir(), "t.js")
	os.WriteFile(script, []byte(tediousE2E), 0o644)
	for _, enc := range []string{"false", "true"} {
		out := runClient(t, node, []string{script, fmt.Sprint(s.Port()), clientPassword, enc}, nil, "")
		wantAll(t, "tedious encrypt="+enc, out, "ROW héllo!|42", "BEGIN ok", "ROLLBACK ok")
	}
}

const jtdsE2E = `
import java.sql.*;
public class J {
  public static void main(String[] a) throws Exception {
    Class.forName("net.sourceforge.jtds.jdbc.Driver");
    try (Connection c = DriverManager.getConnection("jdbc:jtds:sqlserver://127.0.0.1:" + a[0] + "/master", "sa", a[1])) {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select db_name(), cast(1.5 as decimal(5,2)), N'été', cast(replicate('a', 10) as varchar(max))")) {
        while (r.next()) System.out.println("ROW " + r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getString(4));
      }
      try (PreparedStatement p = c.prepareStatement("select ? + 1")) { p.setInt(1, 41);
        try (ResultSet r = p.executeQuery()) { while (r.next()) System.out.println("PARAM " + r.getString(1)); } }
    }
  }
}
`

func TestJTDSE2E(t *testing.T) {
	java, err := exec.LookPath("java")
	if err != nil {
		t.Skip("java not installed")
	}
	jar := "/usr/share/java/jtds.jar"
	if _, err := os.Stat(jar); err != nil {
		t.Skip("jTDS not installed (libjtds-java)")
	}
	s := start(t, Config{SAPassword: clientPassword})
	src := filepath.Join(t.TempDir(), "J.java")
	os.WriteFile(src, []byte(jtdsE2E), 0o644)
	out := runClient(t, java, []string{"-cp", jar, src, fmt.Sprint(s.Port()), clientPassword}, nil, "")
	wantAll(t, "jTDS", out, "ROW master|1.50|été|aaaaaaaaaa", "PARAM 42")
}
