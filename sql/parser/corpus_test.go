package parser

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const corpusDir = "/work/shared/corpus"

var goLine = regexp.MustCompile(`(?i)^\s*go(\s+\d+)?\s*$`)

// splitGo splits a script into batches on lines that are exactly GO
// (case-insensitive, optional count), as sqlcmd does.
func splitGo(text string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		if goLine.MatchString(strings.TrimRight(line, "\r\n")) {
			out = append(out, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteString(line)
	}
	out = append(out, cur.String())
	var nonBlank []string
	for _, b := range out {
		if strings.TrimSpace(b) != "" {
			nonBlank = append(nonBlank, b)
		}
	}
	return nonBlank
}

func sampleBatches(t testing.TB) map[string][]string {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "samples", "*.sql"))
	if len(files) == 0 {
		t.Skip("corpus not available")
	}
	out := map[string][]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		batches := SplitBatches(string(b))
		// cross-check against a regexp-based splitter
		if ref := splitGo(strings.TrimPrefix(string(b), "\ufeff")); len(ref) != len(batches) {
			t.Errorf("%s: SplitBatches gives %d batches, reference %d", f, len(batches), len(ref))
		}
		for _, batch := range batches {
			out[filepath.Base(f)] = append(out[filepath.Base(f)], batch.Text)
		}
	}
	return out
}

func TestCorpusSamples(t *testing.T) {
	for name, batches := range sampleBatches(t) {
		ok := 0
		for i, b := range batches {
			if _, err := ParseBatch(b, Options{}); err != nil {
				t.Errorf("%s batch %d: %v\n%s", name, i, err, b)
				continue
			}
			ok++
		}
		t.Logf("%s: %d/%d batches parse", name, ok, len(batches))
	}
}

// sltStatements extracts the SQL of every record of an SLT file that
// applies to mssql.
type sltStmt struct {
	SQL         string
	ExpectError bool
}

func sltStatements(t testing.TB, path string) []sltStmt {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []sltStmt
	var rec []string
	flush := func() {
		defer func() { rec = rec[:0] }()
		skip := false
		i := 0
		for ; i < len(rec); i++ {
			fs := strings.Fields(rec[i])
			if len(fs) < 2 || (fs[0] != "skipif" && fs[0] != "onlyif") {
				break
			}
			eng := strings.ToLower(fs[1])
			if fs[0] == "skipif" && eng == "mssql" || fs[0] == "onlyif" && eng != "mssql" {
				skip = true
			}
		}
		if skip || i >= len(rec) {
			return
		}
		head := strings.Fields(rec[i])
		if len(head) == 0 {
			return
		}
		var sql []string
		expectErr := false
		switch head[0] {
		case "statement":
			sql = rec[i+1:]
			expectErr = len(head) > 1 && head[1] == "error"
		case "query":
			for _, l := range rec[i+1:] {
				if l == "----" {
					break
				}
				sql = append(sql, l)
			}
		case "halt":
			out = append(out, sltStmt{SQL: "\x00halt"})
			return
		default:
			return
		}
		if len(sql) > 0 {
			out = append(out, sltStmt{SQL: strings.Join(sql, "\n"), ExpectError: expectErr})
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.HasPrefix(l, "#") {
			continue
		}
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		rec = append(rec, l)
	}
	flush()
	for i, s := range out {
		if s.SQL == "\x00halt" {
			return out[:i]
		}
	}
	return out
}

func sltFiles(t testing.TB) []string {
	var files []string
	filepath.Walk(filepath.Join(corpusDir, "slt"), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(p, ".test") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		t.Skip("corpus not available")
	}
	return files
}

func TestCorpusSLT(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	total, failed, errRecs, errParse := 0, 0, 0, 0
	for _, f := range sltFiles(t) {
		for _, s := range sltStatements(t, f) {
			if s.ExpectError {
				// "statement error" records may fail at parse or at run time.
				errRecs++
				if _, err := ParseBatch(s.SQL, Options{}); err != nil {
					errParse++
				}
				continue
			}
			total++
			if _, err := ParseBatch(s.SQL, Options{}); err != nil {
				failed++
				if failed <= 30 {
					t.Errorf("%s: %v\n%s", f, err, s.SQL)
				}
			}
		}
	}
	t.Logf("SLT: %d statements, %d parse, %d fail; %d 'statement error' records (%d rejected by the parser)",
		total, total-failed, failed, errRecs, errParse)
}
