package exec

import (
	"encoding/hex"
	"testing"
)

func TestParseJSON(t *testing.T) {
	n, err := parseJSON(` {"a" : [1, -2.5e3, "x\u00e9\ud83d\ude00", true, false, null], "b c": {}} `)
	if err != nil {
		t.Fatal(err)
	}
	if n.kind != jsonObject || len(n.keys) != 2 || n.keys[1] != "b c" {
		t.Fatalf("object: %+v", n)
	}
	arr := n.elems[0]
	if arr.raw != `[1, -2.5e3, "x\u00e9\ud83d\ude00", true, false, null]` {
		t.Fatalf("raw %q", arr.raw)
	}
	if s := arr.elems[2].str; s != "xé😀" {
		t.Fatalf("string %q", s)
	}
	if arr.elems[1].scalarText() != "-2.5e3" || arr.elems[3].kind != jsonTrue || arr.elems[5].kind != jsonNull {
		t.Fatalf("scalars %+v", arr.elems)
	}
	for _, bad := range []string{`{"a":1,}`, `[1 2]`, `{"a" 1}`, `"abc`, `tru`, `{"a":1}x`, ``} {
		if _, err := parseJSON(bad); err == nil || err.Number != 13609 {
			t.Errorf("%q: got %v, want 13609", bad, err)
		}
	}
}

func TestParseJSONPath(t *testing.T) {
	p, err := parseJSONPath(`strict $.a[2]."b c".d`, false)
	if err != nil {
		t.Fatal(err)
	}
	if !p.strict || len(p.steps) != 4 || p.steps[1].index != 2 || !p.steps[1].isIdx || p.steps[2].key != "b c" {
		t.Fatalf("%+v", p)
	}
	p, err = parseJSONPath(`append lax $.x`, true)
	if err != nil || !p.appendMode || p.strict {
		t.Fatalf("%+v %v", p, err)
	}
	for _, bad := range []string{`a`, `$.`, `$[x]`, `$.a b`, `append $.a`} {
		if _, err := parseJSONPath(bad, false); err == nil || err.Number != 13607 {
			t.Errorf("%q: got %v, want 13607", bad, err)
		}
	}
}

func TestSoundex(t *testing.T) {
	for in, want := range map[string]string{"Robert": "R163", "Rupert": "R163", "Tymczak": "T522", "Pfister": "P236", "Honeyman": "H555", "": "0000", "1abc": "0000", "a": "A000"} {
		if got := soundex(in); got != want {
			t.Errorf("soundex(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMD2(t *testing.T) {
	var seen [256]bool
	for _, b := range md2S {
		if seen[b] {
			t.Fatalf("md2S is not a permutation: %d twice", b)
		}
		seen[b] = true
	}
	// RFC 1319 test suite.
	for in, want := range map[string]string{
		"":               "8350e5a3e24c153df2275c9f80692773",
		"a":              "32ec01ec4a6dac72c0ab96fb34c0b5d1",
		"abc":            "da853b0d3f88d99b30283a69e6ded6bb",
		"message digest": "ab4f496bfb2a530b219ff33031fe06b0",
		"12345678901234567890123456789012345678901234567890123456789012345678901234567890": "d5976f79d83d3a0dc9806c3c66f3efd8",
	} {
		h := newMD2()
		h.Write([]byte(in))
		if got := hex.EncodeToString(h.Sum(nil)); got != want {
			t.Errorf("MD2(%q) = %s, want %s", in, got, want)
		}
	}
}
