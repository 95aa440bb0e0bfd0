package slt

import (
	"crypto/md5"
	"encoding/hex"
	"sort"
	"strings"
)

// RenderRows renders a result with the query's column types.
func RenderRows(rows [][]Value, types string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		s := make([]string, len(r))
		for j, v := range r {
			t := byte('T')
			if j < len(types) {
				t = types[j]
			}
			s[j] = Render(v, t)
		}
		out[i] = s
	}
	return out
}

// SortValues applies the sort mode and flattens to row-major order.
// rowsort compares rows column by column with byte comparison (strcmp),
// valuesort sorts the flat list the same way.
func SortValues(rows [][]string, mode SortMode) []string {
	if mode == RowSort {
		sort.SliceStable(rows, func(a, b int) bool {
			ra, rb := rows[a], rows[b]
			for k := 0; k < len(ra) && k < len(rb); k++ {
				if c := strings.Compare(ra[k], rb[k]); c != 0 {
					return c < 0
				}
			}
			return len(ra) < len(rb)
		})
	}
	n := 0
	for _, r := range rows {
		n += len(r)
	}
	flat := make([]string, 0, n)
	for _, r := range rows {
		flat = append(flat, r...)
	}
	if mode == ValueSort {
		sort.Strings(flat)
	}
	return flat
}

// HashValues is MD5 over every value followed by "\n", in hex.
func HashValues(values []string) string {
	h := md5.New()
	for _, v := range values {
		h.Write([]byte(v))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}
