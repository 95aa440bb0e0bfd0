package slt

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// ScriptError is a malformed record: an unknown command, a bad type
// letter, a bad sort mode.
type ScriptError struct {
	File string
	Line int
	Msg  string
}

func (e *ScriptError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

var hashLine = regexp.MustCompile(`^(\d+) values hashing to ([0-9a-fA-F]{32})$`)

// ParseFile parses the records of one file.
func ParseFile(path string) ([]Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Parse(f, path)
}

type line struct {
	n    int
	text string
}

// Parse reads records from r; name is used in errors. Records are maximal
// runs of non-blank lines; '#' lines are comments and do not end a record.
func Parse(r io.Reader, name string) ([]Record, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	var recs []Record
	var block []line
	n := 0
	flush := func() error {
		if len(block) == 0 {
			return nil
		}
		rec, err := parseRecord(block, name)
		block = block[:0]
		if err != nil {
			return err
		}
		recs = append(recs, rec)
		return nil
	}
	for sc.Scan() {
		n++
		t := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasPrefix(t, "#") {
			continue
		}
		if strings.TrimSpace(t) == "" {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		block = append(block, line{n, t})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return recs, nil
}

func parseRecord(block []line, name string) (Record, error) {
	var rec Record
	i := 0
	for ; i < len(block); i++ {
		f := strings.Fields(block[i].text)
		if len(f) == 0 || (f[0] != "skipif" && f[0] != "onlyif") {
			break
		}
		if len(f) < 2 {
			return rec, &ScriptError{name, block[i].n, f[0] + " needs an engine name"}
		}
		rec.Conditions = append(rec.Conditions, Condition{OnlyIf: f[0] == "onlyif", Engine: f[1]})
	}
	if i == len(block) {
		return rec, &ScriptError{name, block[len(block)-1].n, "conditions without a command"}
	}
	head := block[i]
	rec.Line = head.n
	f := strings.Fields(head.text)
	body := block[i+1:]
	switch f[0] {
	case "statement":
		rec.Kind = KindStatement
		if len(f) < 2 || (f[1] != "ok" && f[1] != "error") {
			return rec, &ScriptError{name, head.n, "statement must be followed by ok or error"}
		}
		rec.ExpectError = f[1] == "error"
		rec.SQL = joinLines(body)
		if rec.SQL == "" {
			return rec, &ScriptError{name, head.n, "statement without SQL"}
		}
	case "query":
		rec.Kind = KindQuery
		if len(f) < 2 {
			return rec, &ScriptError{name, head.n, "query needs a type string"}
		}
		rec.Types = f[1]
		for _, c := range rec.Types {
			if c != 'T' && c != 'I' && c != 'R' {
				return rec, &ScriptError{name, head.n, fmt.Sprintf("bad column type %q in %q", c, rec.Types)}
			}
		}
		if len(f) >= 3 {
			switch f[2] {
			case "nosort":
				rec.Sort = NoSort
			case "rowsort":
				rec.Sort = RowSort
			case "valuesort":
				rec.Sort = ValueSort
			default:
				return rec, &ScriptError{name, head.n, "bad sort mode " + strconv.Quote(f[2])}
			}
		}
		if len(f) >= 4 {
			rec.Label = f[3]
		}
		sep := -1
		for k, l := range body {
			if l.text == "----" {
				sep = k
				break
			}
		}
		if sep < 0 {
			rec.SQL = joinLines(body)
		} else {
			rec.SQL = joinLines(body[:sep])
			exp := body[sep+1:]
			var m []string
			if len(exp) == 1 {
				m = hashLine.FindStringSubmatch(strings.TrimSpace(exp[0].text))
			}
			if m != nil {
				rec.HasHash = true
				rec.HashValues, _ = strconv.Atoi(m[1])
				rec.Hash = strings.ToLower(m[2])
			} else {
				for _, l := range exp {
					rec.Expected = append(rec.Expected, l.text)
				}
			}
		}
		if rec.SQL == "" {
			return rec, &ScriptError{name, head.n, "query without SQL"}
		}
	case "hash-threshold":
		rec.Kind = KindHashThreshold
		if len(f) < 2 {
			return rec, &ScriptError{name, head.n, "hash-threshold needs a number"}
		}
		n, err := strconv.Atoi(f[1])
		if err != nil || n < 0 {
			return rec, &ScriptError{name, head.n, "bad hash-threshold " + strconv.Quote(f[1])}
		}
		rec.Threshold = n
	case "halt":
		rec.Kind = KindHalt
	default:
		return rec, &ScriptError{name, head.n, "unknown record type " + strconv.Quote(f[0])}
	}
	return rec, nil
}

func joinLines(ls []line) string {
	var b strings.Builder
	for k, l := range ls {
		if k > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.text)
	}
	return b.String()
}
