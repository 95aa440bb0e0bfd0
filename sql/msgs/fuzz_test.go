package msgs

import "testing"

// FuzzFormat: any format with any mix of arguments must not panic, and
// FormatStrict either succeeds or names a 2786/2787 error.
func FuzzFormat(f *testing.F) {
	for _, s := range []string{"%d", "%.*ls", "%-*.*s|", "%I64u %hx %#o", "%S_MSG %1! %%", "%", "%5", "%.", "%*", "%l", "%I6"} {
		f.Add(s, int64(3), "abc")
	}
	f.Fuzz(func(t *testing.T, format string, n int64, s string) {
		_ = Format(format, n, s, nil, 1.5, n, s)
		_ = Format(format)
		if _, err := FormatStrict(format, n, s); err != nil && err.Number != 2786 && err.Number != 2787 {
			t.Fatalf("unexpected error number %d", err.Number)
		}
	})
}
