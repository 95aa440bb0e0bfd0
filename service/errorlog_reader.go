package service

import (
	"bufio"
	"bytes"
	"os"
	"sort"
	"strings"
	"time"
	"unicode/utf16"
)

// LogRow is one row of sp_readerrorlog / xp_readerrorlog.
type LogRow struct {
	LogDate     time.Time `json:"log_date"`
	ProcessInfo string    `json:"process_info"`
	Text        string    `json:"text"`
}

// ParseLine splits one physical line; ok is false for a continuation line
// (banner, startup parameters), which belongs to the previous row.
func ParseLine(line string) (LogRow, bool) {
	const tsLen = len(LogTimeLayout)
	if len(line) < tsLen+2 || line[tsLen] != ' ' || line[4] != '-' || line[10] != ' ' {
		return LogRow{}, false
	}
	t, err := time.ParseInLocation(LogTimeLayout, line[:tsLen], time.Local)
	if err != nil {
		return LogRow{}, false
	}
	rest := line[tsLen+1:]
	src, _, _ := strings.Cut(rest, " ")
	start := sourceWidth
	if len(src) >= sourceWidth {
		start = len(src) + 1
	}
	text := ""
	if start < len(rest) {
		text = rest[start:]
	} else {
		text = strings.TrimLeft(rest[len(src):], " ")
	}
	return LogRow{LogDate: t, ProcessInfo: src, Text: text}, true
}

// decodeLog turns a log file's bytes into text; SQL Server on Windows (and
// logs copied from Linux servers) writes UTF-16LE, tsqld writes UTF-8.
func decodeLog(b []byte) string {
	utf16le := bytes.HasPrefix(b, []byte{0xFF, 0xFE})
	if !utf16le && len(b) >= 4 && b[1] == 0 && b[3] == 0 && b[0] != 0 {
		utf16le = true
	}
	if !utf16le {
		return string(b)
	}
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) {
		b = b[2:]
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
	}
	return string(utf16.Decode(u))
}

// ParseLog parses a whole log into rows, joining continuation lines to
// their row with "\n".
func ParseLog(text string) []LogRow {
	var rows []LogRow
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if r, ok := ParseLine(line); ok {
			rows = append(rows, r)
			continue
		}
		if len(rows) > 0 {
			rows[len(rows)-1].Text += "\n" + line
		} else if line != "" {
			rows = append(rows, LogRow{Text: line})
		}
	}
	return rows
}

// ReadErrorLog is sp_readerrorlog @p1 = archive (0 current, 1 errorlog.1
// …), @p3/@p4 = search strings (case-insensitive; both must match).
// errorLog is the current log's path.
func ReadErrorLog(errorLog string, archive int, search1, search2 string) ([]LogRow, error) {
	b, err := os.ReadFile(ArchivePath(errorLog, archive))
	if err != nil {
		return nil, err
	}
	rows := ParseLog(decodeLog(b))
	if search1 == "" && search2 == "" {
		return rows, nil
	}
	s1, s2 := strings.ToLower(search1), strings.ToLower(search2)
	out := rows[:0]
	for _, r := range rows {
		t := strings.ToLower(r.Text)
		if strings.Contains(t, s1) && strings.Contains(t, s2) {
			out = append(out, r)
		}
	}
	return out, nil
}

// LogArchive is one row of xp_enumerrorlogs.
type LogArchive struct {
	Archive int       `json:"archive"`
	Date    time.Time `json:"date"`
	Size    int64     `json:"size"`
}

// ListErrorLogs is xp_enumerrorlogs: the current log and its archives.
func ListErrorLogs(errorLog string) ([]LogArchive, error) {
	var out []LogArchive
	for i := 0; i < 100; i++ {
		st, err := os.Stat(ArchivePath(errorLog, i))
		if err != nil {
			if i == 0 {
				continue
			}
			break
		}
		out = append(out, LogArchive{Archive: i, Date: st.ModTime(), Size: st.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Archive < out[j].Archive })
	return out, nil
}

// FilterRows applies xp_readerrorlog's remaining arguments: a time window
// (zero times are open ends) and the sort order (desc: newest first).
func FilterRows(rows []LogRow, start, end time.Time, desc bool) []LogRow {
	out := make([]LogRow, 0, len(rows))
	for _, r := range rows {
		if !start.IsZero() && r.LogDate.Before(start) {
			continue
		}
		if !end.IsZero() && r.LogDate.After(end) {
			continue
		}
		out = append(out, r)
	}
	if desc {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out
}
