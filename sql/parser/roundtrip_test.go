package parser

import (
	"os"
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/ast"
)

// roundTrip parses text, prints it, parses the print and compares trees.
func roundTrip(t *testing.T, name, text string) bool {
	t.Helper()
	stmts, err := ParseBatch(text, Options{})
	if err != nil {
		t.Errorf("%s: parse: %v\n%s", name, err, text)
		return false
	}
	printed := ast.StringStmts(stmts)
	again, err := ParseBatch(printed, Options{})
	if err != nil {
		t.Errorf("%s: reparse: %v\n--- original\n%s\n--- printed\n%s", name, err, text, printed)
		return false
	}
	if d := treeDiff(stmts, again); d != "" {
		t.Errorf("%s: trees differ at %s\n--- original\n%s\n--- printed\n%s", name, d, text, printed)
		return false
	}
	// printing is a fixed point after one round
	if p2 := ast.StringStmts(again); p2 != printed {
		t.Errorf("%s: print not stable\n%s\n---\n%s", name, printed, p2)
		return false
	}
	return true
}

func TestRoundTripSamples(t *testing.T) {
	for name, batches := range sampleBatches(t) {
		ok := 0
		for _, b := range batches {
			if roundTrip(t, name, b) {
				ok++
			}
		}
		t.Logf("%s: %d/%d batches round-trip", name, ok, len(batches))
	}
}

func TestRoundTripSLT(t *testing.T) {
	step := 1
	if testing.Short() {
		step = 97
	}
	n, ok, fails := 0, 0, 0
	for _, f := range sltFiles(t) {
		for i, s := range sltStatements(t, f) {
			if i%step != 0 {
				continue
			}
			if _, err := ParseBatch(s.SQL, Options{}); err != nil {
				continue // expected-error records
			}
			n++
			if roundTrip(t, f, s.SQL) {
				ok++
			} else if fails++; fails > 20 {
				t.Fatal("too many failures")
			}
		}
	}
	t.Logf("SLT: %d/%d statements round-trip", ok, n)
}

// TestRoundTripFile round-trips testdata/roundtrip.sql, one batch per line.
func TestRoundTripFile(t *testing.T) {
	b, err := os.ReadFile("testdata/roundtrip.sql")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		n++
		roundTrip(t, "roundtrip.sql", line)
	}
	if n < 100 {
		t.Errorf("only %d statements", n)
	}
}

// TestSSMSScript round-trips an SSMS-style generated script.
func TestSSMSScript(t *testing.T) {
	b, err := os.ReadFile("testdata/ssms.sql")
	if err != nil {
		t.Fatal(err)
	}
	batches := SplitBatches(string(b))
	if len(batches) < 30 {
		t.Fatalf("only %d batches", len(batches))
	}
	for _, bt := range batches {
		roundTrip(t, "ssms.sql", bt.Text)
	}
}
