package slt

import (
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	f.Add("query I rowsort x\nSELECT 1\n----\n1\n\nskipif a\nhalt\n")
	f.Add("statement ok\nX\n\nhash-threshold 3\n")
	f.Fuzz(func(t *testing.T, s string) {
		recs, err := Parse(strings.NewReader(s), "f")
		if err == nil {
			for _, r := range recs {
				if r.Line <= 0 {
					t.Fatal("record without a line")
				}
			}
		}
	})
}
