package parser

import "strings"

// ScriptBatch is one batch of a script split on GO lines.
type ScriptBatch struct {
	Text  string
	Line  int // 1-based line of the batch's first line in the script
	Count int // GO n repeats the batch n times (1 when no count)
}

// SplitBatches splits a script the way sqlcmd does: on lines that consist
// of GO (any case) with an optional repeat count, surrounded by optional
// whitespace. GO is a client-side separator; the server never sees it.
// Blank batches are dropped.
func SplitBatches(script string) []ScriptBatch {
	script = strings.TrimPrefix(script, "\ufeff")
	var out []ScriptBatch
	start, startLine, line := 0, 1, 1
	for pos := 0; pos <= len(script); {
		end := strings.IndexByte(script[pos:], '\n')
		next := len(script) + 1
		if end >= 0 {
			end += pos
			next = end + 1
		} else {
			end = len(script)
		}
		if n, ok := goLineCount(script[pos:end]); ok {
			if text := script[start:pos]; strings.TrimSpace(text) != "" {
				out = append(out, ScriptBatch{Text: text, Line: startLine, Count: n})
			}
			start, startLine = min(next, len(script)), line+1
		}
		pos = next
		line++
	}
	if start < len(script) && strings.TrimSpace(script[start:]) != "" {
		out = append(out, ScriptBatch{Text: script[start:], Line: startLine, Count: 1})
	}
	return out
}

// goLineCount reports whether line is a GO separator and its count.
func goLineCount(line string) (int, bool) {
	s := strings.TrimSpace(line)
	if len(s) < 2 || !strings.EqualFold(s[:2], "go") {
		return 0, false
	}
	rest := strings.TrimSpace(s[2:])
	if rest == "" {
		return 1, true
	}
	if len(rest) == len(s)-2 { // "gox": no space after GO
		return 0, false
	}
	n := 0
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if c < '0' || c > '9' || n > 1e8 {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if n == 0 {
		return 0, false
	}
	return n, true
}
