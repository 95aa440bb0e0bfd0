package engine

import "github.com/tsqld/tsqld/sql/proc"

// adaptErrorLog converts the public error log reader to proc's.
func adaptErrorLog(f func(int, string, string) ([]ErrorLogRow, error)) func(int, string, string) ([]proc.ErrorLogRow, error) {
	if f == nil {
		return nil
	}
	return func(archive int, s1, s2 string) ([]proc.ErrorLogRow, error) {
		rows, err := f(archive, s1, s2)
		if err != nil {
			return nil, err
		}
		out := make([]proc.ErrorLogRow, len(rows))
		for i, r := range rows {
			out[i] = proc.ErrorLogRow{LogDate: r.LogDate, ProcessInfo: r.ProcessInfo, Text: r.Text}
		}
		return out, nil
	}
}
