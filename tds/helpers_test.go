package tds

import (
	"encoding/hex"
	"strings"
	"testing"
)

// hx parses hex with arbitrary whitespace, as the spec prints examples.
func hx(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		t.Fatalf("bad hex: %v", err)
	}
	return b
}

func eqBytes(t testing.TB, what string, got, want []byte) {
	t.Helper()
	if string(got) != string(want) {
		t.Fatalf("%s:\n got % X\nwant % X", what, got, want)
	}
}
