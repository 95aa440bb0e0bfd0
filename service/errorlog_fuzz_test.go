package service

import (
	"strings"
	"testing"
	"time"
)

// The reader takes whatever is in the log directory (copied logs, UTF-16
// files): it must not panic, and what the writer writes reads back.
func FuzzErrorLogLine(f *testing.F) {
	f.Add("Server", "Server is listening on [ 'any' <ipv4> 1433].")
	f.Add("spid51", "x")
	f.Add("Logon", "")
	f.Fuzz(func(t *testing.T, source, text string) {
		ParseLog(text)
		decodeLog([]byte(text))
		if source == "" || strings.ContainsAny(source, " \t\r\n") || strings.ContainsAny(text, "\r\n") || strings.HasPrefix(text, " ") {
			return
		}
		line := strings.TrimSuffix(FormatLine(testTime, source, text), "\n")
		r, ok := ParseLine(line)
		if !ok || r.ProcessInfo != source || r.Text != text || !r.LogDate.Equal(testTime.Truncate(10*time.Millisecond)) {
			t.Fatalf("%q read back as %+v (ok %v)", line, r, ok)
		}
	})
}
