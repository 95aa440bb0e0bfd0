package engine

import (
	"bufio"
	"context"
	"time"

	"github.com/tsqld/tsqld/sql/result"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestSLTStatements runs every statement and query of the sqllogictest
// corpus (without comparing results, which the slt runner does) and
// fails when a record expected to succeed raises an error. It reports the
// most frequent errors so breadth gaps are visible.
func TestSLTStatements(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	var files []string
	filepath.Walk("/work/shared/corpus/slt", func(p string, info os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".test") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		t.Skip("corpus not present")
	}
	if n := os.Getenv("SLT_FILES"); n != "" {
		files = files[:min(len(files), atoi(n))]
	}
	counts := map[string]int{}
	total, failed := 0, 0
	for _, f := range files {
		e := openEngine(t, backends[0].open(t, ""))
		s := newSession(t, e)
		for _, rec := range sltRecords(f) {
			total++
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			c := &result.Collector{}
			err := s.ExecBatch(ctx, rec.sql, c)
			cancel()
			if err != nil {
				failed++
				counts["timeout/"+err.Error()]++
				continue
			}
			errs := c.Errors()
			if (len(errs) > 0) != rec.expectErr {
				failed++
				key := "no error"
				if len(errs) > 0 {
					key = errs[0].Text
					if len(key) > 90 {
						key = key[:90]
					}
				}
				counts[key]++
				if os.Getenv("SLT_SHOW") != "" && strings.Contains(key, os.Getenv("SLT_SHOW")) && counts[key] <= 3 {
					t.Logf("%s: %s", key, rec.sql)
				}
			}
		}
		s.Close()
		e.Close()
	}
	type kv struct {
		k string
		n int
	}
	var list []kv
	for k, n := range counts {
		list = append(list, kv{k, n})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].n > list[j].n })
	for i, x := range list {
		if i > 25 {
			break
		}
		t.Logf("%6d  %s", x.n, x.k)
	}
	t.Logf("records %d, unexpected outcome %d", total, failed)
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

type sltRecord struct {
	sql       string
	expectErr bool
}

func sltRecords(path string) []sltRecord {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []sltRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var lines []string
	flush := func() {
		if len(lines) == 0 {
			return
		}
		defer func() { lines = nil }()
		skip := false
		for len(lines) > 0 && (strings.HasPrefix(lines[0], "skipif") || strings.HasPrefix(lines[0], "onlyif")) {
			f := strings.Fields(lines[0])
			if len(f) > 1 {
				if f[0] == "skipif" && f[1] == "mssql" {
					skip = true
				}
				if f[0] == "onlyif" && f[1] != "mssql" {
					skip = true
				}
			}
			lines = lines[1:]
		}
		if skip || len(lines) == 0 {
			return
		}
		head := lines[0]
		var sql []string
		for _, l := range lines[1:] {
			if l == "----" {
				break
			}
			sql = append(sql, l)
		}
		switch {
		case strings.HasPrefix(head, "statement ok"):
			out = append(out, sltRecord{sql: strings.Join(sql, "\n")})
		case strings.HasPrefix(head, "statement error"):
			out = append(out, sltRecord{sql: strings.Join(sql, "\n"), expectErr: true})
		case strings.HasPrefix(head, "query"):
			out = append(out, sltRecord{sql: strings.Join(sql, "\n")})
		}
	}
	for sc.Scan() {
		l := sc.Text()
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(l, "#") {
			continue
		}
		lines = append(lines, l)
	}
	flush()
	return out
}
