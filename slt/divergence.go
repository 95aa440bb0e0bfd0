package slt

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Divergences is the reviewed list of records whose expected results are
// SQLite-consensus answers that T-SQL legitimately does not give (AVG over
// int returns int in T-SQL, …). A listed record that fails counts as
// skipped with its reason instead of failed.
//
// File format, one entry per line:
//
//	<path>:<line> <reason>
//
// path is the test file relative to the corpus root (matched as a path
// suffix, so the list does not depend on where the corpus lives), line is
// the record's command line. '#' starts a comment line; blank lines are
// ignored. The reason is required: an entry says why T-SQL differs.
type Divergences struct {
	entries map[string]map[int]string // cleaned path → line → reason
}

// ParseDivergences reads a divergence list.
func ParseDivergences(r io.Reader, name string) (*Divergences, error) {
	d := &Divergences{entries: map[string]map[int]string{}}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		loc, reason, _ := strings.Cut(t, " ")
		reason = strings.TrimSpace(reason)
		k := strings.LastIndexByte(loc, ':')
		if k <= 0 {
			return nil, fmt.Errorf("%s:%d: want <path>:<line> <reason>", name, n)
		}
		ln, err := strconv.Atoi(loc[k+1:])
		if err != nil || ln <= 0 {
			return nil, fmt.Errorf("%s:%d: bad line number %q", name, n, loc[k+1:])
		}
		if reason == "" {
			return nil, fmt.Errorf("%s:%d: a divergence needs a reason", name, n)
		}
		p := filepath.ToSlash(filepath.Clean(loc[:k]))
		if d.entries[p] == nil {
			d.entries[p] = map[int]string{}
		}
		if _, dup := d.entries[p][ln]; dup {
			return nil, fmt.Errorf("%s:%d: %s:%d listed twice", name, n, p, ln)
		}
		d.entries[p][ln] = reason
	}
	return d, sc.Err()
}

// LoadDivergences reads a divergence list file.
func LoadDivergences(path string) (*Divergences, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseDivergences(f, path)
}

// Lookup returns the reason for file:line, if listed.
func (d *Divergences) Lookup(file string, line int) (string, bool) {
	if d == nil || len(d.entries) == 0 {
		return "", false
	}
	f := filepath.ToSlash(filepath.Clean(file))
	for p, lines := range d.entries {
		if f == p || strings.HasSuffix(f, "/"+p) {
			if r, ok := lines[line]; ok {
				return r, true
			}
		}
	}
	return "", false
}

// Len is the number of entries.
func (d *Divergences) Len() int {
	if d == nil {
		return 0
	}
	n := 0
	for _, l := range d.entries {
		n += len(l)
	}
	return n
}
