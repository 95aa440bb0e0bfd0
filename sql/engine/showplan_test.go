package engine

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/types"
)

// The showplan must name the access the executor performs. This test asks
// SHOWPLAN_TEXT for the plan of a query, then runs it under STATISTICS IO
// and checks the reads agree: a unique point seek reads with scan count 0;
// a seek reads a few pages; a scan reads the whole (multi-page) table.
func TestShowplanMatchesExecution(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		s := newSession(t, e)
		defer s.Close()
		run(t, s, `CREATE TABLE spx (id smallint PRIMARY KEY, k int, name varchar(20), pad char(1000), INDEX ix_k (k), INDEX ix_name (name));
			CREATE TABLE spx_heap (id int, pad char(1000));`)
		var b strings.Builder
		for i := 1; i <= 400; i++ {
			if b.Len() == 0 {
				b.WriteString("INSERT INTO spx VALUES ")
			} else {
				b.WriteString(",")
			}
			n := strconv.Itoa(i)
			b.WriteString("(" + n + "," + strconv.Itoa(i%50) + ",'n" + n + "','p')")
		}
		run(t, s, b.String())
		run(t, s, "INSERT INTO spx_heap SELECT id, pad FROM spx")

		cases := []struct {
			query string
			op    string // the access operator the plan must show
		}{
			{"SELECT pad FROM spx WHERE id = 7", "Clustered Index Seek"},
			{"SELECT pad FROM spx WHERE id = 70000", "Clustered Index Scan"}, // does not convert to smallint: scan
			{"SELECT pad FROM spx WHERE id BETWEEN 10 AND 12", "Clustered Index Seek"},
			{"SELECT pad FROM spx WHERE k = 3", "Index Seek"},
			{"SELECT pad FROM spx WHERE name LIKE 'n12%'", "Index Seek"},
			{"SELECT pad FROM spx WHERE name LIKE '%12'", "Clustered Index Scan"}, // no literal prefix
			{"SELECT pad FROM spx WHERE id + 0 = 7", "Clustered Index Scan"},
			{"SELECT pad FROM spx_heap WHERE id = 7", "Table Scan"},
		}
		ioRe := regexp.MustCompile(`^Table '(\w+)'\. Scan count (\d+), logical reads (\d+),`)
		for _, c := range cases {
			run(t, s, "SET SHOWPLAN_TEXT ON")
			out := run(t, s, c.query)
			run(t, s, "SET SHOWPLAN_TEXT OFF")
			var plan []string
			for _, ev := range out.Events {
				if ev.Row != nil && ev.Row[0].K == types.KindString && strings.HasPrefix(ev.Row[0].S, "  ") {
					plan = append(plan, ev.Row[0].S)
				}
			}
			text := strings.Join(plan, "\n")
			if !strings.Contains(text, "|--"+c.op+"(") {
				t.Errorf("%s: plan\n%s\nwant %s", c.query, text, c.op)
				continue
			}
			run(t, s, "SET STATISTICS IO ON")
			out = run(t, s, c.query)
			run(t, s, "SET STATISTICS IO OFF")
			scans, reads := -1, -1
			for _, ev := range out.Events {
				if ev.Message != nil && ev.Message.Number == 3615 {
					m := ioRe.FindStringSubmatch(ev.Message.Text)
					if m == nil {
						t.Fatalf("message %q", ev.Message.Text)
					}
					scans, _ = strconv.Atoi(m[2])
					reads, _ = strconv.Atoi(m[3])
				}
			}
			isScan := strings.HasSuffix(c.op, "Scan")
			switch {
			case scans < 0:
				t.Errorf("%s: no STATISTICS IO message", c.query)
			case isScan && (scans != 1 || reads < 40):
				t.Errorf("%s: plan says %s but the execution read %d pages in %d scans", c.query, c.op, reads, scans)
			case !isScan && reads > 15:
				t.Errorf("%s: plan says %s but the execution read %d pages", c.query, c.op, reads)
			case c.op == "Clustered Index Seek" && strings.Contains(c.query, "id = 7") && scans != 0:
				t.Errorf("%s: a unique point seek counts no scan, got %d", c.query, scans)
			}
		}
	})
}

// SET STATISTICS TIME reports measured times in SQL Server's format.
func TestStatisticsTimeMessages(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		s := newSession(t, e)
		defer s.Close()
		run(t, s, "SET STATISTICS TIME ON")
		out := run(t, s, "SELECT COUNT(*) FROM sys.objects; SET STATISTICS TIME OFF; SELECT 1")
		var got []string
		for _, ev := range out.Events {
			if ev.Message != nil {
				if ev.Message.Severity != 0 {
					t.Errorf("message %d severity %d", ev.Message.Number, ev.Message.Severity)
				}
				got = append(got, strconv.Itoa(int(ev.Message.Number))+":"+ev.Message.Text)
			}
		}
		compile := regexp.MustCompile(`^3613:SQL Server parse and compile time: \n   CPU time = \d+ ms, elapsed time = \d+ ms\.$`)
		exec := regexp.MustCompile(`^3612: SQL Server Execution Times:\n   CPU time = \d+ ms,  elapsed time = \d+ ms\.$`)
		// the batch's compile, then the SELECT's execution; SET … OFF and
		// what follows report nothing
		if len(got) != 2 || !compile.MatchString(got[0]) || !exec.MatchString(got[1]) {
			t.Fatalf("messages %q", got)
		}
	})
}
