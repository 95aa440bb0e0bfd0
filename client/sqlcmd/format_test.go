package sqlcmd

import (
	"bytes"
	"testing"
	"time"
)

func intCol(name string) Column { return Column{Name: name, Type: "INT"} }
func nvarchar(name string, n int64) Column {
	return Column{Name: name, Type: "NVARCHAR", Length: n}
}

type step func(f *Formatter)

func resultSet(cols []Column, rows ...[]string) step {
	return func(f *Formatter) {
		f.BeginResultSet(cols)
		for _, r := range rows {
			f.Row(r)
		}
		f.EndResultSet()
	}
}
func count(n int64) step     { return func(f *Formatter) { f.RowsAffected(n) } }
func msg(m Message) step     { return func(f *Formatter) { f.Message(m) } }
func printMsg(s string) step { return msg(Message{Text: s}) }

func TestFormatterGolden(t *testing.T) {
	err208 := Message{Number: 208, Class: 16, State: 1, Server: "SRV", Line: 1, Text: "Invalid object name 'nosuch'."}
	tests := []struct {
		name   string
		opt    func(*FormatOptions)
		steps  []step
		out    string
		errOut string
	}{
		{
			name:  "int and nvarchar",
			steps: []step{resultSet([]Column{intCol("id"), nvarchar("name", 10)}, []string{"1", "alice"}, []string{"22", "bob"}), count(2)},
			out: "" +
				"id          name      \n" +
				"----------- ----------\n" +
				"          1 alice     \n" +
				"         22 bob       \n" +
				"\n" +
				"(2 rows affected)\n",
		},
		{
			name:  "unnamed column and one row",
			steps: []step{resultSet([]Column{intCol("")}, []string{"1"}), count(1)},
			out:   "           \n-----------\n          1\n\n(1 row affected)\n",
		},
		{
			name:  "name wider than type",
			steps: []step{resultSet([]Column{{Name: "flag_is_set", Type: "BIT"}}, []string{"1"})},
			out:   "flag_is_set\n-----------\n          1\n\n",
		},
		{
			name: "multiple result sets, PRINT and an error in order",
			steps: []step{
				resultSet([]Column{intCol("a")}, []string{"1"}), count(1),
				printMsg("between"),
				resultSet([]Column{{Name: "b", Type: "NVARCHAR", Length: 3, Nullable: true}}, []string{"NULL"}), count(1),
				msg(err208),
			},
			out: "a          \n-----------\n          1\n\n(1 row affected)\n" +
				"between\n" +
				"b   \n----\nNULL\n\n(1 row affected)\n" +
				"Msg 208, Level 16, State 1, Server SRV, Line 1\nInvalid object name 'nosuch'.\n",
		},
		{
			name:  "DML count after a blank line",
			steps: []step{count(3)},
			out:   "\n(3 rows affected)\n",
		},
		{
			name:  "procedure in the heading",
			steps: []step{msg(Message{Number: 50000, Class: 16, State: 1, Server: "SRV", Proc: "p", Line: 3, Text: "x"})},
			out:   "Msg 50000, Level 16, State 1, Server SRV, Procedure p, Line 3\nx\n",
		},
		{
			name:  "-h -1 no headers",
			opt:   func(o *FormatOptions) { o.Headers = -1 },
			steps: []step{resultSet([]Column{intCol("a")}, []string{"5"}), count(1)},
			out:   "          5\n\n(1 row affected)\n",
		},
		{
			name:  "-h 1 repeats headings",
			opt:   func(o *FormatOptions) { o.Headers = 1 },
			steps: []step{resultSet([]Column{nvarchar("c", 1)}, []string{"x"}, []string{"y"})},
			out:   "c\n-\nx\n\nc\n-\ny\n\n",
		},
		{
			name:  "-s and -W",
			opt:   func(o *FormatOptions) { o.ColSep = ","; o.TrimSpaces = true },
			steps: []step{resultSet([]Column{intCol("id"), nvarchar("name", 10), intCol("")}, []string{"1", "al  ", "3"})},
			out:   "id,name,\n--,----,-\n1,al,3\n\n",
		},
		{
			name:  "-y limits nvarchar(max), -Y limits nvarchar(n)",
			opt:   func(o *FormatOptions) { o.Widths = Widths{MaxVar: 5, MaxFixed: 2} },
			steps: []step{resultSet([]Column{{Name: "m", Type: "NVARCHAR", Length: MaxLength}, nvarchar("f", 10)}, []string{"abcdefgh", "xyz"})},
			out:   "m     f \n----- --\nabcde xy\n\n",
		},
		{
			name:  "-y 0 is unlimited",
			opt:   func(o *FormatOptions) { o.Widths = Widths{} },
			steps: []step{resultSet([]Column{{Name: "m", Type: "VARCHAR", Length: MaxLength}}, []string{"a long value"})},
			out:   "m\n-\na long value\n\n",
		},
		{
			name:  "-m -1 heads informational messages",
			opt:   func(o *FormatOptions) { o.ErrorLevel = -1 },
			steps: []step{msg(Message{Number: 0, Class: 0, State: 1, Server: "SRV", Line: 1, Text: "hi"})},
			out:   "Msg 0, Level 0, State 1, Server SRV, Line 1\nhi\n",
		},
		{
			name:  "-m 17 hides level 16",
			opt:   func(o *FormatOptions) { o.ErrorLevel = 17 },
			steps: []step{msg(err208), printMsg("still shown")},
			out:   "still shown\n",
		},
		{
			name:   "-r0 sends errors to stderr",
			opt:    func(o *FormatOptions) { o.Redirect = 0 },
			steps:  []step{printMsg("p"), msg(err208)},
			out:    "p\n",
			errOut: "Msg 208, Level 16, State 1, Server SRV, Line 1\nInvalid object name 'nosuch'.\n",
		},
		{
			name:   "-r1 sends PRINT too",
			opt:    func(o *FormatOptions) { o.Redirect = 1 },
			steps:  []step{printMsg("p")},
			errOut: "p\n",
		},
		{
			name:  "-w wraps",
			opt:   func(o *FormatOptions) { o.ScreenWidth = 10 },
			steps: []step{resultSet([]Column{nvarchar("abcdefghijkl", 12)}, []string{"x"})},
			out:   "abcdefghij\nkl\n----------\n--\nx         \n  \n\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			o := DefaultFormat()
			if tc.opt != nil {
				tc.opt(&o)
			}
			f := NewFormatter(&out, &errOut, o)
			for _, s := range tc.steps {
				s(f)
			}
			if out.String() != tc.out {
				t.Errorf("stdout:\n%q\nwant:\n%q", out.String(), tc.out)
			}
			if errOut.String() != tc.errOut {
				t.Errorf("stderr:\n%q\nwant:\n%q", errOut.String(), tc.errOut)
			}
		})
	}
}

func TestDisplayWidths(t *testing.T) {
	tests := []struct {
		c    Column
		w    Widths
		want int
	}{
		{Column{Type: "BIT"}, DefaultWidths, 1},
		{Column{Type: "TINYINT"}, DefaultWidths, 3},
		{Column{Type: "SMALLINT"}, DefaultWidths, 6},
		{Column{Type: "INT"}, DefaultWidths, 11},
		{Column{Type: "BIGINT"}, DefaultWidths, 20},
		{Column{Type: "REAL"}, DefaultWidths, 14},
		{Column{Type: "FLOAT"}, DefaultWidths, 24},
		{Column{Type: "MONEY"}, DefaultWidths, 21},
		{Column{Type: "SMALLMONEY"}, DefaultWidths, 12},
		{Column{Type: "DECIMAL", Precision: 10, Scale: 2}, DefaultWidths, 12},
		{Column{Type: "DATE"}, DefaultWidths, 10},
		{Column{Type: "DATETIME"}, DefaultWidths, 23},
		{Column{Type: "SMALLDATETIME"}, DefaultWidths, 19},
		{Column{Type: "DATETIME2", Scale: 7}, DefaultWidths, 27},
		{Column{Type: "DATETIME2", Scale: 0}, DefaultWidths, 19},
		{Column{Type: "TIME", Scale: 7}, DefaultWidths, 16},
		{Column{Type: "DATETIMEOFFSET", Scale: 7}, DefaultWidths, 34},
		{Column{Type: "UNIQUEIDENTIFIER"}, DefaultWidths, 36},
		{Column{Type: "NVARCHAR", Length: 40}, DefaultWidths, 40},
		{Column{Type: "VARCHAR", Length: MaxLength}, DefaultWidths, 256},
		{Column{Type: "NVARCHAR", Length: MaxLength}, Widths{}, 0},
		{Column{Type: "XML", Length: MaxLength}, DefaultWidths, 256},
		{Column{Type: "VARBINARY", Length: 4}, DefaultWidths, 10},
		{Column{Type: "CHAR", Length: 100}, Widths{MaxVar: 256, MaxFixed: 20}, 20},
		{Column{Name: "a_long_name", Type: "INT"}, DefaultWidths, 11},
		{Column{Name: "a_longer_name", Type: "INT"}, DefaultWidths, 13},
		{Column{Type: "CHAR", Length: 1, Nullable: true}, DefaultWidths, 4},
		{Column{Type: "BIT", Nullable: true}, DefaultWidths, 4},
	}
	for _, tc := range tests {
		if got := tc.c.Width(tc.w); got != tc.want {
			t.Errorf("%+v: width %d, want %d", tc.c, got, tc.want)
		}
	}
}

func TestRenderValue(t *testing.T) {
	ts := time.Date(2024, 3, 5, 14, 7, 9, 123456700, time.FixedZone("", 3600))
	tests := []struct {
		c    Column
		v    any
		want string
	}{
		{Column{Type: "INT"}, nil, "NULL"},
		{Column{Type: "BIT"}, true, "1"},
		{Column{Type: "BIGINT"}, int64(-42), "-42"},
		{Column{Type: "FLOAT"}, 0.1, "0.10000000000000001"},
		{Column{Type: "FLOAT"}, 1.5, "1.5"},
		{Column{Type: "REAL"}, float64(float32(3.14159)), "3.14159"},
		{Column{Type: "DECIMAL"}, []byte("12.50"), "12.50"},
		{Column{Type: "DATE"}, ts, "2024-03-05"},
		{Column{Type: "DATETIME"}, ts, "2024-03-05 14:07:09.123"},
		{Column{Type: "DATETIME2", Scale: 7}, ts, "2024-03-05 14:07:09.1234567"},
		{Column{Type: "TIME", Scale: 3}, ts, "14:07:09.123"},
		{Column{Type: "DATETIMEOFFSET", Scale: 0}, ts, "2024-03-05 14:07:09 +01:00"},
		{Column{Type: "VARBINARY"}, []byte{0x01, 0xAB}, "0x01AB"},
		{Column{Type: "UNIQUEIDENTIFIER"}, []byte{0xFF, 0x19, 0x96, 0x6F, 0x86, 0x8B, 0x11, 0xD0, 0xB4, 0x2D, 0x00, 0xC0, 0x4F, 0xC9, 0x64, 0xFF}, "6F9619FF-8B86-D011-B42D-00C04FC964FF"},
		{Column{Type: "NVARCHAR"}, "a\tb", "a\tb"},
	}
	for _, tc := range tests {
		if got := RenderValue(&tc.c, tc.v, ControlKeep); got != tc.want {
			t.Errorf("%s %v: %q, want %q", tc.c.Type, tc.v, got, tc.want)
		}
	}
	c := Column{Type: "VARCHAR"}
	if got := RenderValue(&c, "a\t\tb", ControlReplace); got != "a  b" {
		t.Errorf("-k1: %q", got)
	}
	if got := RenderValue(&c, "a\t\r\nb", ControlCollapse); got != "a b" {
		t.Errorf("-k2: %q", got)
	}
}
