package client

import (
	"strings"
)

// Pair is one keyword=value of a connection string, keyword lower-cased
// and trimmed, value unquoted.
type Pair struct {
	Key, Value string
}

// SplitConnString splits an ADO/ODBC-style connection string into pairs,
// following SqlClient's rules (DbConnectionOptions) plus ODBC braces:
//
//   - pairs are separated by ';', empty pairs are ignored;
//   - keywords are trimmed and case-insensitive; "==" inside a keyword is a
//     literal '=';
//   - a value starting with ' or " runs to the matching quote, a doubled
//     quote inside it is one quote character ('it”s');
//   - a value starting with '{' runs to the matching '}', "}}" inside it is
//     one '}' (ODBC and go-mssqldb);
//   - other values run to the next ';' and are trimmed.
//
// Later duplicates win when the pairs are applied, as in SqlClient.
func SplitConnString(s string) ([]Pair, error) {
	var out []Pair
	i := 0
	n := len(s)
	for i < n {
		// skip separators and whitespace
		for i < n && (s[i] == ';' || isSpace(s[i])) {
			i++
		}
		if i >= n {
			break
		}
		// keyword up to a single '='
		var key strings.Builder
		for {
			if i >= n {
				return nil, &ParseError{s, "keyword " + strings.TrimSpace(key.String()) + " has no '=' and value"}
			}
			c := s[i]
			if c == '=' {
				if i+1 < n && s[i+1] == '=' {
					key.WriteByte('=')
					i += 2
					continue
				}
				i++
				break
			}
			if c == ';' {
				return nil, &ParseError{s, "keyword " + strings.TrimSpace(key.String()) + " has no '=' and value"}
			}
			key.WriteByte(c)
			i++
		}
		k := strings.ToLower(strings.Join(strings.Fields(key.String()), " "))
		if k == "" {
			return nil, &ParseError{s, "empty keyword"}
		}
		for i < n && isSpace(s[i]) {
			i++
		}
		var val string
		if i < n && (s[i] == '\'' || s[i] == '"' || s[i] == '{') {
			open := s[i]
			closeCh := open
			if open == '{' {
				closeCh = '}'
			}
			i++
			var b strings.Builder
			closed := false
			for i < n {
				c := s[i]
				if c == closeCh {
					if i+1 < n && s[i+1] == closeCh {
						b.WriteByte(c)
						i += 2
						continue
					}
					i++
					closed = true
					break
				}
				b.WriteByte(c)
				i++
			}
			if !closed {
				return nil, &ParseError{s, "unterminated quoted value for " + k}
			}
			for i < n && isSpace(s[i]) {
				i++
			}
			if i < n && s[i] != ';' {
				return nil, &ParseError{s, "unexpected text after the quoted value of " + k}
			}
			val = b.String()
		} else {
			j := strings.IndexByte(s[i:], ';')
			if j < 0 {
				j = n - i
			}
			val = strings.TrimSpace(s[i : i+j])
			i += j
		}
		out = append(out, Pair{Key: k, Value: val})
	}
	return out, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// QuoteValue quotes v for a connection string when it needs it (contains
// ';', quotes, leading/trailing spaces or starts with '{'), choosing the
// quote SqlClient would: double quotes unless v contains one.
func QuoteValue(v string) string {
	if v == "" {
		return v
	}
	if !strings.ContainsAny(v, ";'\"") && strings.TrimSpace(v) == v && v[0] != '{' {
		return v
	}
	if !strings.Contains(v, `"`) {
		return `"` + v + `"`
	}
	return "'" + strings.ReplaceAll(v, "'", "''") + "'"
}
