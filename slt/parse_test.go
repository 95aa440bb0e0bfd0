package slt

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = `# leading comment
hash-threshold 8

statement ok
CREATE TABLE t1(a INTEGER, b INTEGER)

skipif mysql # not compatible
onlyif mssql
query I rowsort label-7
SELECT a / b
# a comment inside the record does not end it
FROM t1
----
NULL
3

query IT nosort
SELECT 1, 'x'
----
2 values hashing to 6DDB4095EB719E2A9F0A3F95677D24E0

statement error
DROP TABLE nope

query R valuesort
SELECT 1

query T
SELECT ''
----

skipif MSSQL
halt

onlyif sqlite
halt
`

func TestParse(t *testing.T) {
	recs, err := Parse(strings.NewReader(strings.ReplaceAll(sample, "\n", "\r\n")), "sample.test")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 9 {
		t.Fatalf("%d records: %+v", len(recs), recs)
	}
	if r := recs[0]; r.Kind != KindHashThreshold || r.Threshold != 8 || r.Line != 2 {
		t.Errorf("hash-threshold: %+v", r)
	}
	if r := recs[1]; r.Kind != KindStatement || r.ExpectError || r.SQL != "CREATE TABLE t1(a INTEGER, b INTEGER)" || r.Line != 4 {
		t.Errorf("statement: %+v", r)
	}
	q := recs[2]
	if q.Kind != KindQuery || q.Types != "I" || q.Sort != RowSort || q.Label != "label-7" || q.Line != 9 ||
		q.SQL != "SELECT a / b\nFROM t1" || strings.Join(q.Expected, ",") != "NULL,3" || q.HasHash {
		t.Errorf("query: %+v", q)
	}
	if len(q.Conditions) != 2 || q.Conditions[0] != (Condition{false, "mysql"}) || q.Conditions[1] != (Condition{true, "mssql"}) {
		t.Errorf("conditions: %+v", q.Conditions)
	}
	if !q.Applies("mssql") || q.Applies("sqlite") || q.Applies("mysql") {
		t.Error("Applies")
	}
	if r := recs[3]; !r.HasHash || r.HashValues != 2 || r.Hash != "6ddb4095eb719e2a9f0a3f95677d24e0" || r.Sort != NoSort || r.Types != "IT" {
		t.Errorf("hash query: %+v", r)
	}
	if r := recs[4]; r.Kind != KindStatement || !r.ExpectError || r.SQL != "DROP TABLE nope" {
		t.Errorf("statement error: %+v", r)
	}
	if r := recs[5]; r.Sort != ValueSort || r.Expected != nil || r.SQL != "SELECT 1" {
		t.Errorf("no ---- : %+v", r)
	}
	if r := recs[6]; r.Expected != nil || r.SQL != "SELECT ''" {
		t.Errorf("---- with nothing after: %+v", r)
	}
	if r := recs[7]; r.Kind != KindHalt || r.Applies("mssql") {
		t.Errorf("skipif MSSQL (case-insensitive) halt: %+v", r)
	}
	if r := recs[8]; r.Kind != KindHalt || r.Applies("mssql") || !r.Applies("sqlite") {
		t.Errorf("onlyif sqlite halt: %+v", r)
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{
		"query X\nSELECT 1\n",
		"query I sideways\nSELECT 1\n",
		"frobnicate\n",
		"statement maybe\nSELECT 1\n",
		"statement ok\n",
		"skipif mysql\n",
		"hash-threshold x\n",
		"skipif\nhalt\n",
		"query\nSELECT 1\n",
	} {
		_, err := Parse(strings.NewReader(bad), "bad.test")
		if err == nil {
			t.Errorf("%q should be a script error", bad)
		} else if _, ok := err.(*ScriptError); !ok {
			t.Errorf("%q: %T %v", bad, err, err)
		}
	}
}

// The whole corpus parses without script errors.
func TestParseCorpus(t *testing.T) {
	root := "/work/shared/corpus/slt"
	if _, err := os.Stat(root); err != nil {
		t.Skip("corpus not present")
	}
	files, err := CollectFiles([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no files")
	}
	queries, hashed := 0, 0
	for _, f := range files {
		recs, err := ParseFile(f)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		for _, r := range recs {
			if r.Kind == KindQuery {
				queries++
				if r.HasHash {
					hashed++
				}
			}
		}
	}
	if queries == 0 || hashed == 0 {
		t.Fatalf("queries %d hashed %d", queries, hashed)
	}
	t.Logf("%d files, %d queries, %d with hash lines", len(files), queries, hashed)
}
