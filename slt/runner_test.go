package slt

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeDB answers from a script: SQL text → rows or error. Unknown SQL is
// an error, so a test cannot pass by accident.
type fakeDB struct {
	rows   map[string]*Rows
	errs   map[string]error
	ran    []string
	closed bool
}

func (f *fakeDB) Exec(ctx context.Context, q string) error {
	f.ran = append(f.ran, q)
	if err, ok := f.errs[q]; ok {
		return err
	}
	if _, ok := f.rows[q]; ok {
		return nil
	}
	return errors.New("fake: unknown statement " + q)
}

func (f *fakeDB) Query(ctx context.Context, q string) (*Rows, error) {
	f.ran = append(f.ran, q)
	if err, ok := f.errs[q]; ok {
		return nil, err
	}
	if r, ok := f.rows[q]; ok {
		return r, nil
	}
	return nil, errors.New("fake: unknown query " + q)
}

func (f *fakeDB) Close() error { f.closed = true; return nil }

func ints(cols int, vals ...int64) *Rows {
	r := &Rows{Columns: cols}
	for i := 0; i < len(vals); i += cols {
		row := make([]Value, cols)
		for j := 0; j < cols; j++ {
			row[j] = IntValue(vals[i+j])
		}
		r.Values = append(r.Values, row)
	}
	return r
}

const script = `hash-threshold 8

statement ok
CREATE TABLE t(a INT)

statement error
BAD

statement ok
BAD

statement error
CREATE TABLE t(a INT)

query I rowsort
SELECT a FROM t
----
1
10
2

query I nosort
SELECT a FROM t
----
1
2
10

query I rowsort
SELECT two
----
1
2

query I
SELECT ordered
----
1
2

query I
SELECT ordered
----
1
2
10
11

query I rowsort
SELECT many
----
10 values hashing to 0a8d1e4c8c3c2c0b0c6b5e0f1b0d1a2c

query I valuesort
SELECT many
----
10 values hashing to HASHMANY

skipif mssql
query I rowsort lab
SELECT skipped
----
1
10
2

query I rowsort lab
SELECT a FROM t
----
1
10
2

query I rowsort lab
SELECT other
----
5

query R
SELECT NULL
----
NULL

onlyif mssql
halt

statement ok
NEVER RUN
`

func newFake() *fakeDB {
	many := ints(1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
	return &fakeDB{
		rows: map[string]*Rows{
			"CREATE TABLE t(a INT)": {},
			"SELECT a FROM t":       ints(1, 10, 2, 1),
			"SELECT two":            ints(2, 1, 2),
			"SELECT ordered":        ints(1, 1, 2, 10),
			"SELECT many":           many,
			"SELECT other":          ints(1, 5),
			"SELECT NULL":           {Columns: 1, Values: [][]Value{{{}}}},
		},
		errs: map[string]error{"BAD": errors.New("Incorrect syntax near 'BAD'.")},
	}
}

func TestRunnerCounts(t *testing.T) {
	s := strings.Replace(script, "HASHMANY", HashValues(SortValues(RenderRows(ints(1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).Values, "I"), ValueSort)), 1)
	recs, err := Parse(strings.NewReader(s), "x.test")
	if err != nil {
		t.Fatal(err)
	}
	db := newFake()
	var log bytes.Buffer
	r := &Runner{Log: &log}
	res := r.RunRecords(context.Background(), db, "x.test", recs)
	// passes: CREATE, statement error BAD, rowsort, valuesort hash, label
	// query matching the skipped one, R NULL → 6.
	// failures: statement ok BAD, statement error CREATE (succeeds), nosort
	// (server order 10,2,1), II column count, too few/many, wrong hash,
	// label mismatch → 8.
	// skipped: skipif mssql query + the statement after halt → 2.
	if res.Passed != 6 || res.Failed != 8 || res.Skipped != 2 || !res.Halted {
		t.Fatalf("got %d passed %d failed %d skipped halted=%v\n%s", res.Passed, res.Failed, res.Skipped, res.Halted, log.String())
	}
	for _, q := range db.ran {
		if q == "NEVER RUN" || q == "SELECT skipped" {
			t.Errorf("%q should not run", q)
		}
	}
	want := []string{
		"x.test:9: statement failed: Incorrect syntax near 'BAD'.",
		"x.test:12: statement succeeded, error expected",
		`x.test:22: value 1: got "10", expected "1"`,
		"x.test:29: query returned 2 columns, 1 expected (I)",
		`x.test:35: too many values: got 3, expected 2 (first extra "10")`,
		`x.test:41: too few values: got 3, expected 4 (first missing "11")`,
		"x.test:49: 10 values hashing to",
		"x.test:74: label lab: hash ",
	}
	if len(res.Failures) != len(want) {
		t.Fatalf("failures: %v", res.Failures)
	}
	for i, w := range want {
		if got := res.Failures[i].String(); !strings.HasPrefix(got, w) {
			t.Errorf("failure %d:\n got %q\nwant %q…", i, got, w)
		}
	}
}

func TestRunnerLabels(t *testing.T) {
	s := `query I rowsort lab
SELECT a FROM t
----
1
10
2

query I nosort lab
SELECT other
----
9 values hashing to 00000000000000000000000000000000
`
	recs, _ := Parse(strings.NewReader(s), "l.test")
	db := newFake()
	db.rows["SELECT other"] = ints(1, 1, 2, 3, 4, 5, 6, 7, 8, 9)
	h := HashValues([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"})
	recs[1].Hash = h
	res := (&Runner{}).RunRecords(context.Background(), db, "l.test", recs)
	if res.Passed != 1 || res.Failed != 1 || !strings.Contains(res.Failures[0].Msg, "label lab") {
		t.Fatalf("%+v", res)
	}
}

func TestDivergences(t *testing.T) {
	d, err := ParseDivergences(strings.NewReader(`# reviewed list
random/x.test:9 AVG(int) is int in T-SQL

evidence/y.test:3 reason two
`), "div")
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != 2 {
		t.Fatal(d.Len())
	}
	if r, ok := d.Lookup("/work/shared/corpus/slt/random/x.test", 9); !ok || r != "AVG(int) is int in T-SQL" {
		t.Fatalf("%q %v", r, ok)
	}
	if _, ok := d.Lookup("/corpus/notrandom/x.test", 9); ok {
		t.Fatal("suffix match must respect path boundaries")
	}
	if _, ok := d.Lookup("random/x.test", 10); ok {
		t.Fatal("line")
	}
	for _, bad := range []string{"nofile 1", "x.test:abc why", "x.test:3", "x.test:0 why", "a.test:1 r\na.test:1 r"} {
		if _, err := ParseDivergences(strings.NewReader(bad), "bad"); err == nil {
			t.Errorf("%q should fail", bad)
		}
	}
	empty, err := ParseDivergences(strings.NewReader("# nothing yet\n"), "empty")
	if err != nil || empty.Len() != 0 {
		t.Fatal("empty list")
	}
	var nilD *Divergences
	if _, ok := nilD.Lookup("x", 1); ok {
		t.Fatal("nil list")
	}

	// Listed failures count as skipped with the reason; listed passes are
	// reported as stale.
	recs, _ := Parse(strings.NewReader("statement ok\nCREATE TABLE t(a INT)\n\nstatement ok\nBAD\n\nstatement ok\nBAD\n"), "random/x.test")
	d2, _ := ParseDivergences(strings.NewReader("random/x.test:4 known\nrandom/x.test:1 stale entry\n"), "d")
	res := (&Runner{Divergences: d2}).RunRecords(context.Background(), newFake(), "/c/random/x.test", recs)
	if res.Passed != 1 || res.Failed != 1 || res.Skipped != 1 || len(res.Diverged) != 1 || res.Diverged[0].Reason != "known" ||
		len(res.Stale) != 1 || res.Stale[0] != 1 {
		t.Fatalf("%+v", res)
	}
}

func TestMaxFailures(t *testing.T) {
	recs, _ := Parse(strings.NewReader("statement ok\nBAD\n\nstatement ok\nBAD\n\nstatement ok\nBAD\n\nhash-threshold 3\n"), "m.test")
	res := (&Runner{MaxFailures: 1}).RunRecords(context.Background(), newFake(), "m.test", recs)
	if res.Failed != 1 || res.Skipped != 2 {
		t.Fatalf("%+v", res)
	}
}

func TestRunFilesAndMain(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("a/one.test", "statement ok\nCREATE TABLE t(a INT)\n\nquery I rowsort\nSELECT a FROM t\n----\n1\n10\n2\n")
	write("a/two.test", "statement ok\nBAD\n\nskipif mssql\nstatement ok\nBAD\n")
	write("a/ignored.txt", "not a test")
	write("b/broken.test", "frobnicate\n")
	var dbs []*fakeDB
	var seqs []int
	open := func(ctx context.Context, file string, seq int) (DB, error) {
		db := newFake()
		dbs = append(dbs, db)
		seqs = append(seqs, seq)
		return db, nil
	}
	var out, errOut bytes.Buffer
	code := Main(context.Background(), []string{"-progress=false", filepath.Join(dir, "a"), filepath.Join(dir, "b")}, &out, &errOut, open)
	if code != 1 {
		t.Fatalf("exit %d\n%s%s", code, out.String(), errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; last != "2 passed, 2 failed, 1 skipped" {
		t.Fatalf("last line %q\n%s", last, out.String())
	}
	if !strings.Contains(out.String(), "one.test: 2 passed, 0 failed, 0 skipped") ||
		!strings.Contains(out.String(), "two.test: 0 passed, 1 failed, 1 skipped") ||
		!strings.Contains(out.String(), "broken.test:1: unknown record type") {
		t.Fatalf("per-file lines:\n%s", out.String())
	}
	// A fresh database per runnable file, each closed.
	if len(dbs) != 2 || seqs[0] != 0 || seqs[1] != 1 || !dbs[0].closed || !dbs[1].closed {
		t.Fatalf("databases: %d %v", len(dbs), seqs)
	}
	// Usage errors.
	if Main(context.Background(), nil, &out, &errOut, open) != 2 {
		t.Fatal("no args")
	}
	if Main(context.Background(), []string{filepath.Join(dir, "a")}, &out, &errOut, nil) != 2 {
		t.Fatal("no dsn")
	}
	// All passing → exit 0.
	out.Reset()
	if code := Main(context.Background(), []string{"-progress=false", filepath.Join(dir, "a", "one.test")}, &out, &errOut, open); code != 0 {
		t.Fatalf("exit %d\n%s", code, out.String())
	}
	if !strings.HasSuffix(out.String(), "2 passed, 0 failed, 0 skipped\n") {
		t.Fatalf("%q", out.String())
	}
	// An Open failure counts the file as one failure.
	bad := func(ctx context.Context, file string, seq int) (DB, error) { return nil, errors.New("no server") }
	out.Reset()
	if code := Main(context.Background(), []string{"-progress=false", filepath.Join(dir, "a", "one.test")}, &out, &errOut, bad); code != 1 ||
		!strings.HasSuffix(out.String(), "0 passed, 1 failed, 0 skipped\n") {
		t.Fatalf("exit %d %q", code, out.String())
	}
}

// blockingDB ignores cancellation and never answers "SLOW".
type blockingDB struct {
	fakeDB
	release chan struct{}
}

func (b *blockingDB) Exec(ctx context.Context, q string) error {
	if q == "SLOW" {
		<-b.release
	}
	return b.fakeDB.Exec(ctx, q)
}

func TestHungRecordAbandonsFile(t *testing.T) {
	old := hangGrace
	hangGrace = 10 * time.Millisecond
	defer func() { hangGrace = old }()
	dir := t.TempDir()
	p := filepath.Join(dir, "h.test")
	os.WriteFile(p, []byte("statement ok\nCREATE TABLE t(a INT)\n\nstatement ok\nSLOW\n\nstatement ok\nCREATE TABLE t(a INT)\n\nquery I\nSELECT a FROM t\n"), 0o644)
	b := &blockingDB{fakeDB: *newFake(), release: make(chan struct{})}
	defer close(b.release)
	r := &Runner{Timeout: 20 * time.Millisecond, Open: func(context.Context, string, int) (DB, error) { return b, nil }}
	start := time.Now()
	res := r.RunFile(context.Background(), p)
	if time.Since(start) > 5*time.Second {
		t.Fatal("runner waited for the hung record")
	}
	if !res.Abandoned || res.Passed != 1 || res.Failed != 1 || res.Skipped != 2 || !strings.Contains(res.Failures[0].Msg, "timed out") {
		t.Fatalf("%+v", res)
	}
}
