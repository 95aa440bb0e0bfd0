package samples

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	_ "github.com/microsoft/go-mssqldb"

	"github.com/tsqld/tsqld/embed"
	corpusdir "github.com/tsqld/tsqld/internal/corpus"
	"github.com/tsqld/tsqld/sql/parser"
)

func corpus(t *testing.T, name string) string {
	t.Helper()
	dir, ok := corpusdir.Dir()
	if !ok {
		if corpusdir.Required() {
			t.Fatalf("corpus not found at %s", dir)
		}
		t.Skipf("corpus not found at %s (../shared/corpus next to the repository, or set TSQLD_CORPUS)", dir)
	}
	b, err := os.ReadFile(filepath.Join(dir, "samples", name))
	if err != nil {
		t.Fatalf("sample script: %v", err)
	}
	return string(b)
}

// load runs every GO-separated batch of script on one connection and
// returns the failures as "line N: error" strings.
func load(t *testing.T, conn *sql.Conn, script string) (batches int, failures []string) {
	t.Helper()
	for _, b := range parser.SplitBatches(script) {
		for i := 0; i < max(b.Count, 1); i++ {
			if strings.TrimSpace(b.Text) == "" {
				continue
			}
			batches++
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			_, err := conn.ExecContext(ctx, b.Text)
			cancel()
			if err != nil {
				failures = append(failures, fmt.Sprintf("batch at line %d: %v", b.Line, err))
			}
		}
	}
	return batches, failures
}

func open(t *testing.T) *sql.Conn {
	t.Helper()
	srv, err := embed.Start(context.Background(), embed.Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	db, err := sql.Open("sqlserver", srv.DSN())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// rows runs q and renders its rows as "a|b|c" lines.
func rows(t *testing.T, conn *sql.Conn, q string) []string {
	t.Helper()
	r, err := conn.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer r.Close()
	cols, _ := r.Columns()
	var out []string
	for r.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := r.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			switch v := v.(type) {
			case nil:
				parts[i] = "NULL"
			case []byte:
				parts[i] = string(v)
			case time.Time:
				parts[i] = v.Format("2006-01-02")
			default:
				parts[i] = fmt.Sprint(v)
			}
		}
		out = append(out, strings.Join(parts, "|"))
	}
	if err := r.Err(); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return out
}

func expect(t *testing.T, conn *sql.Conn, q string, want ...string) {
	t.Helper()
	got := rows(t, conn, q)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s\n got: %q\nwant: %q", q, got, want)
	}
}

// expectSet is expect for queries without ORDER BY (the order is the
// server's choice).
func expectSet(t *testing.T, conn *sql.Conn, q string, want ...string) {
	t.Helper()
	got := rows(t, conn, q)
	sort.Strings(got)
	w := append([]string(nil), want...)
	sort.Strings(w)
	if strings.Join(got, "\n") != strings.Join(w, "\n") {
		t.Errorf("%s\n got: %q\nwant: %q", q, got, w)
	}
}

func TestNorthwind(t *testing.T) {
	conn := open(t)
	// The script "does not create a database": it runs in the current one.
	if _, err := conn.ExecContext(context.Background(), "CREATE DATABASE Northwind"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), "USE Northwind"); err != nil {
		t.Fatal(err)
	}
	n, fails := load(t, conn, corpus(t, "northwind.sql"))
	for _, f := range fails {
		t.Error(f)
	}
	t.Logf("northwind: %d batches, %d failed", n, len(fails))
	if len(fails) > 0 {
		return
	}
	expect(t, conn, "SELECT COUNT(*) FROM Customers", "91")
	expect(t, conn, "SELECT COUNT(*) FROM Orders", "830")
	expect(t, conn, "SELECT COUNT(*) FROM [Order Details]", "2155")
	expect(t, conn, "SELECT TOP 3 c.CompanyName, COUNT(*) AS n FROM Customers c JOIN Orders o ON o.CustomerID = c.CustomerID GROUP BY c.CompanyName ORDER BY n DESC, c.CompanyName",
		"Save-a-lot Markets|31", "Ernst Handel|30", "QUICK-Stop|28")
	expectSet(t, conn, "EXEC CustOrderHist 'ALFKI'",
		"Aniseed Syrup|6", "Chartreuse verte|21", "Escargots de Bourgogne|40", "Flotemysost|20",
		"Grandma's Boysenberry Spread|16", "Lakkalikööri|15", "Original Frankfurter grüne Soße|2",
		"Raclette Courdavault|15", "Rössle Sauerkraut|17", "Spegesild|2", "Vegie-spread|20")
	expect(t, conn, "SELECT COUNT(*) FROM [Alphabetical list of products]", "69")
	expect(t, conn, "SELECT CategoryName, COUNT(*) FROM Categories c JOIN Products p ON p.CategoryID = c.CategoryID GROUP BY CategoryName ORDER BY CategoryName",
		"Beverages|12", "Condiments|12", "Confections|13", "Dairy Products|10", "Grains/Cereals|7", "Meat/Poultry|6", "Produce|5", "Seafood|12")
}

func TestPubs(t *testing.T) {
	conn := open(t)
	n, fails := load(t, conn, corpus(t, "pubs.sql"))
	for _, f := range fails {
		t.Error(f)
	}
	t.Logf("pubs: %d batches, %d failed", n, len(fails))
	if len(fails) > 0 {
		return
	}
	if _, err := conn.ExecContext(context.Background(), "USE pubs"); err != nil {
		t.Fatal(err)
	}
	expect(t, conn, "SELECT COUNT(*) FROM authors", "23")
	expect(t, conn, "SELECT COUNT(*) FROM titles", "18")
	expectSet(t, conn, "EXEC byroyalty 40", "213-46-8915", "267-41-2394", "672-71-3249")
	expect(t, conn, "SELECT TOP 2 title_id, SUM(qty) FROM sales GROUP BY title_id ORDER BY SUM(qty) DESC, title_id", "PS2091|108", "PC8888|50")
}
