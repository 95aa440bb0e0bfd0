package clrtypes

import (
	"bytes"
	"encoding/hex"
	"math/rand"
	"sort"
	"strings"
	"testing"
)

func TestHierarchyIDVectors(t *testing.T) {
	// Examples from [MS-SSCLRT] and SQL Server's documentation.
	cases := []struct{ s, hex string }{
		{"/", ""},
		{"/1/", "58"},
		{"/1/1/3/", "5ade"},
		{"/1/-2.18/", "59fb0540"},
	}
	for _, c := range cases {
		h, err := ParseHierarchyID(c.s)
		if err != nil {
			t.Fatalf("%s: %v", c.s, err)
		}
		b, err := h.Encode()
		if err != nil || hex.EncodeToString(b) != c.hex {
			t.Errorf("%s: got %x want %s", c.s, b, c.hex)
		}
		raw, _ := hex.DecodeString(c.hex)
		d, err := DecodeHierarchyID(raw)
		if err != nil || d.String() != c.s {
			t.Errorf("decode %s: got %v %v", c.hex, d, err)
		}
	}
}

func TestHierarchyIDOrder(t *testing.T) {
	// Byte order must be depth-first order for any labels.
	r := rand.New(rand.NewSource(1))
	labels := []int64{-281479271682120, -4294971465, -4294971464, -4169, -4168, -73, -72, -9, -8, -1, 0, 3, 4, 7, 8, 15, 16, 79, 80, 1103, 1104, 5199, 5200, 4294972495, 4294972496, 281479271683150}
	var hs []HierarchyID
	for i := 0; i < 400; i++ {
		var h HierarchyID
		for l := r.Intn(4); l > 0; l-- {
			var lv []int64
			for k := r.Intn(3) + 1; k > 0; k-- {
				lv = append(lv, labels[r.Intn(len(labels))])
			}
			h = append(h, lv)
		}
		hs = append(hs, h)
	}
	enc := func(h HierarchyID) []byte {
		b, err := h.Encode()
		if err != nil {
			t.Fatalf("%s: %v", h, err)
		}
		return b
	}
	sort.Slice(hs, func(i, j int) bool { return hs[i].Compare(hs[j]) < 0 })
	for i := 1; i < len(hs); i++ {
		a, b := enc(hs[i-1]), enc(hs[i])
		if c := hs[i-1].Compare(hs[i]); c != bytes.Compare(a, b) {
			t.Fatalf("%s vs %s: logical %d, bytes %d (%x, %x)", hs[i-1], hs[i], c, bytes.Compare(a, b), a, b)
		}
		d, err := DecodeHierarchyID(b)
		if err != nil || d.Compare(hs[i]) != 0 {
			t.Fatalf("round trip %s: %v %v", hs[i], d, err)
		}
	}
}

func TestHierarchyIDMethods(t *testing.T) {
	p := func(s string) HierarchyID {
		h, err := ParseHierarchyID(s)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	if a, _ := p("/1/2/3/").Ancestor(2); a.String() != "/1/" {
		t.Errorf("ancestor: %s", a)
	}
	if !p("/1/2/").IsDescendantOf(p("/1/")) || p("/2/").IsDescendantOf(p("/1/")) {
		t.Error("IsDescendantOf")
	}
	cases := []struct{ parent, c1, c2, want string }{
		{"/1/", "", "", "/1/1/"},
		{"/1/", "/1/3/", "", "/1/4/"},
		{"/1/", "", "/1/3/", "/1/2/"},
		{"/1/", "/1/1/", "/1/2/", "/1/1.1/"},
		{"/1/", "/1/1/", "/1/3/", "/1/2/"},
	}
	for _, c := range cases {
		var c1, c2 HierarchyID
		if c.c1 != "" {
			c1 = p(c.c1)
		}
		if c.c2 != "" {
			c2 = p(c.c2)
		}
		d, err := p(c.parent).Descendant(c1, c2)
		if err != nil || d.String() != c.want {
			t.Errorf("%v: got %s %v", c, d, err)
		}
	}
	if r, _ := p("/1/2/3/").Reparented(p("/1/"), p("/5/6/")); r.String() != "/5/6/2/3/" {
		t.Errorf("reparent: %s", r)
	}
	for _, bad := range []string{"", "1/", "/a/", "//", "/1", "/1..2/", "/+1/"} {
		if _, err := ParseHierarchyID(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

func TestGeometryBytes(t *testing.T) {
	// go-mssqldb's bulk copy test value: POINT (20 40), SRID 4326.
	raw, _ := hex.DecodeString("E6100000010C00000000000034400000000000004440")
	g, err := Deserialize(raw, false)
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := g.WKT(false); s != "POINT (20 40)" || g.SRID != 4326 {
		t.Errorf("got %s %d", s, g.SRID)
	}
	if !bytes.Equal(g.Serialize(), raw) {
		t.Errorf("reserialized %x", g.Serialize())
	}
	w, err := ParseWKT("POINT(20 40)", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Finish(4326); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.Serialize(), raw) {
		t.Errorf("from WKT %x", w.Serialize())
	}
}

func TestWKTRoundTrip(t *testing.T) {
	cases := []struct{ in, out string }{
		{"LINESTRING (100 100, 20 180, 180 180)", ""},
		{"linestring(1 2,3 4)", "LINESTRING (1 2, 3 4)"},
		{"POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 2))", ""},
		{"MULTIPOINT ((1 1), (2 2))", ""},
		{"MULTIPOINT (1 1, 2 2)", "MULTIPOINT ((1 1), (2 2))"},
		{"MULTILINESTRING ((1 1, 2 2), (3 3, 4 4))", ""},
		{"MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))", ""},
		{"GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (1 1, 2 2), POLYGON ((0 0, 1 0, 1 1, 0 0)))", ""},
		{"POINT EMPTY", ""},
		{"GEOMETRYCOLLECTION EMPTY", ""},
		{"GEOMETRYCOLLECTION (POINT EMPTY, POINT (1 2))", ""},
		{"POINT (1 2 3 4)", ""},
		{"POINT (1 2 NULL 4)", ""},
		{"POINT (0.1 -122.34900000000002)", ""},
		{"POINT (1E+20 1E-07)", ""},
	}
	for _, c := range cases {
		want := c.out
		if want == "" {
			want = c.in
		}
		g, err := ParseWKT(c.in, false)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if err := g.Finish(0); err != nil {
			t.Fatal(err)
		}
		b := g.Serialize()
		d, err := Deserialize(b, false)
		if err != nil {
			t.Errorf("%s: deserialize %x: %v", c.in, b, err)
			continue
		}
		if s, _ := d.WKT(true); s != want {
			t.Errorf("%s: got %s", c.in, s)
		}
		if !bytes.Equal(d.Serialize(), b) {
			t.Errorf("%s: bytes differ", c.in)
		}
		if w, err := ParseWKB(d.WKB(), false); err != nil {
			t.Errorf("%s: WKB %v", c.in, err)
		} else if s, _ := w.WKT(false); s != mustWKT(t, d) {
			t.Errorf("%s: WKB round trip %s", c.in, s)
		}
	}
	for _, bad := range []string{"", "POINT", "POINT (1)", "LINESTRIN (1 1, 2 2)", "LINESTRING (1 1)", "POLYGON ((0 0, 1 1, 0 0))", "POLYGON ((0 0, 1 0, 1 1, 0 1))", "POINT (1 2) x"} {
		if _, err := ParseWKT(bad, false); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

func mustWKT(t *testing.T, g *Geo) string {
	s, err := g.WKT(false)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestGeographyLayout(t *testing.T) {
	g, err := ParseWKT("LINESTRING(-122.360 47.656, -122.343 47.656 )", true)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Finish(4326); err != nil {
		t.Fatal(err)
	}
	b := g.Serialize()
	// SRID, version 1, flags V|L, then latitude before longitude.
	if hex.EncodeToString(b[:6]) != "e61000000114" {
		t.Errorf("header %x", b[:6])
	}
	d, err := Deserialize(b, true)
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := d.WKT(false); s != "LINESTRING (-122.36 47.656, -122.343 47.656)" {
		t.Errorf("got %s", s)
	}
	if _, err := ParseWKT("POINT(1 91)", true); err == nil || err.Number != 24201 {
		t.Errorf("latitude check: %v", err)
	}
	p, _ := NewPoint(-122.349, 47.651, 4326, true)
	q, _ := NewPoint(-122.343, 47.656, 4326, true)
	d1, ok, err := GeodesicDistance(p, q)
	if err != nil || !ok || d1 < 600 || d1 > 800 {
		t.Errorf("distance %v %v %v", d1, ok, err)
	}
}

func TestPlanar(t *testing.T) {
	g, _ := ParseWKT("LINESTRING (0 0, 10 0)", false)
	h, _ := ParseWKT("POINT (5 3)", false)
	_ = g.Finish(0)
	_ = h.Finish(0)
	if d, ok := PlanarDistance(g, h); !ok || d != 3 {
		t.Errorf("distance %v", d)
	}
	sq, _ := ParseWKT("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))", false)
	_ = sq.Finish(0)
	if PlanarArea(sq) != 16 || PlanarLength(sq) != 16 {
		t.Errorf("area %v length %v", PlanarArea(sq), PlanarLength(sq))
	}
	in, _ := ParseWKT("POINT (1 1)", false)
	if d, _ := PlanarDistance(sq, in); d != 0 {
		t.Errorf("inside distance %v", d)
	}
	bow, _ := ParseWKT("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))", false)
	_ = bow.Finish(0)
	if bow.Valid || !sq.Valid {
		t.Error("validity")
	}
}

func TestFormatNumber(t *testing.T) {
	a, b := 0.1, 0.2
	for f, want := range map[float64]string{1: "1", -122.36: "-122.36", a + b: "0.30000000000000004",
		1e15: "1E+15", 123456789012345: "123456789012345", 0.00001: "1E-05", 0.0001: "0.0001", 2.5e-10: "2.5E-10"} {
		if got := FormatNumber(f); got != want {
			t.Errorf("%v: got %s want %s", f, got, want)
		}
	}
}

func FuzzDecoders(f *testing.F) {
	seed, _ := hex.DecodeString("E6100000010C00000000000034400000000000004440")
	f.Add(seed)
	f.Add([]byte{0x5a, 0xde})
	g, _ := ParseWKT("GEOMETRYCOLLECTION (POINT (1 1), POLYGON ((0 0, 1 0, 1 1, 0 0)))", false)
	f.Add(g.Serialize())
	f.Add(g.WKB())
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, geog := range []bool{false, true} {
			if g, err := Deserialize(b, geog); err == nil {
				_, _ = g.WKT(true)
				_ = g.WKB()
				_ = PlanarLength(g)
				// The long form of a single point re-serializes short;
				// either way the result must read back.
				if _, err := Deserialize(g.Serialize(), geog); err != nil {
					t.Fatalf("re-serialized bytes rejected: %x", b)
				}
			}
			if g, err := ParseWKB(b, geog); err == nil {
				_, _ = g.WKT(true)
			}
		}
		if h, err := DecodeHierarchyID(b); err == nil {
			_ = h.String()
		}
		_, _ = ParseWKT(string(b), false)
	})
}

func TestExtract(t *testing.T) {
	g, _ := ParseWKT("GEOMETRYCOLLECTION (POINT (1 1), MULTILINESTRING ((0 0, 1 1), (2 2, 3 3)), POLYGON ((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1)))", false)
	_ = g.Finish(0)
	want := []string{"POINT (1 1)", "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))", "POLYGON ((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1))"}
	for i, w := range want {
		s, ok := g.GeometryN(i + 1)
		if !ok {
			t.Fatalf("%d missing", i+1)
		}
		d, err := Deserialize(s.Serialize(), false)
		if err != nil {
			t.Fatalf("%d: %v", i+1, err)
		}
		if got := mustWKT(t, d); got != w {
			t.Errorf("%d: %s", i+1, got)
		}
	}
	p, _ := g.GeometryN(3)
	if r, ok := p.Ring(1); !ok || mustWKT(t, r) != "LINESTRING (1 1, 2 1, 2 2, 1 1)" {
		t.Errorf("ring %v", r)
	}
	if e := p.Envelope(); mustWKT(t, e) != "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))" {
		t.Errorf("envelope %s", mustWKT(t, e))
	}
}

func TestContainsPoints(t *testing.T) {
	geo := func(s string) *Geo {
		g, err := ParseWKT(s, false)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	sq := geo("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))")
	for wkt, want := range map[string]bool{
		"POINT (3 3)": true, "POINT (0 2)": false, "POINT (5 5)": false, "POINT (1.8 1.2)": false,
		"MULTIPOINT ((3 3), (0 0))": true, "MULTIPOINT ((0 0), (4 4))": false,
	} {
		if got, err := Contains(sq, geo(wkt)); err != nil || got != want {
			t.Errorf("%s: %v %v", wkt, got, err)
		}
	}
	line := geo("LINESTRING (0 0, 2 0)")
	if in, _ := Contains(line, geo("POINT (1 0)")); !in {
		t.Error("point inside line")
	}
	if in, _ := Contains(line, geo("POINT (0 0)")); in {
		t.Error("end point is boundary")
	}
	if _, err := Contains(sq, line); err == nil {
		t.Error("line in polygon should be unsupported")
	}
}

func TestLargeLineString(t *testing.T) {
	var b strings.Builder
	b.WriteString("LINESTRING (")
	for i := 0; i < 200000; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(FormatNumber(float64(i)) + " " + FormatNumber(float64(i%7)))
	}
	b.WriteString(")")
	g, err := ParseWKT(b.String(), false)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Finish(0); err != nil || !g.Valid {
		t.Fatal(err)
	}
	d, err := Deserialize(g.Serialize(), false)
	if err != nil || len(d.Points) != 200000 {
		t.Fatal(err)
	}
	if s, _ := d.WKT(false); s != b.String() {
		t.Error("round trip differs")
	}
}
