package clrtypes

import (
	"strconv"
	"strings"
)

// HierarchyID is a decoded hierarchyid: one slice of labels per level
// ("/1/3.2/" is {{1}, {3, 2}}); the root is empty.
type HierarchyID [][]int64

// MaxHierarchyIDBytes is hierarchyid's maximum serialized size.
const MaxHierarchyIDBytes = 892

func errHierParse(s string) *Error {
	return errf(classHier, 24001, "SqlHierarchyId.Parse failed because the input string '%s' is not a valid string representation of a SqlHierarchyId node.", s)
}

func errHierTooLong() *Error {
	return errf(classHier, 24002, "SqlHierarchyId operation failed because the resulting hierarchyid would exceed 892 bytes.")
}

// ParseHierarchyID parses the canonical string form ("/", "/1/2.5/-3/").
func ParseHierarchyID(s string) (HierarchyID, *Error) {
	if s == "/" {
		return HierarchyID{}, nil
	}
	if len(s) < 3 || s[0] != '/' || s[len(s)-1] != '/' {
		return nil, errHierParse(s)
	}
	levels := strings.Split(s[1:len(s)-1], "/")
	h := make(HierarchyID, 0, len(levels))
	for _, lv := range levels {
		parts := strings.Split(lv, ".")
		labels := make([]int64, 0, len(parts))
		for _, p := range parts {
			if p == "" || p[0] == '+' {
				return nil, errHierParse(s)
			}
			v, err := strconv.ParseInt(p, 10, 64)
			if err != nil || v < MinLabel || v > MaxLabel {
				return nil, errHierParse(s)
			}
			labels = append(labels, v)
		}
		h = append(h, labels)
	}
	if _, err := h.Encode(); err != nil {
		return nil, err
	}
	return h, nil
}

// String is the canonical form (ToString()).
func (h HierarchyID) String() string {
	var sb strings.Builder
	sb.WriteByte('/')
	for _, lv := range h {
		for j, v := range lv {
			if j > 0 {
				sb.WriteByte('.')
			}
			sb.WriteString(strconv.FormatInt(v, 10))
		}
		sb.WriteByte('/')
	}
	return sb.String()
}

// Encode serializes h; the root is the empty byte string.
func (h HierarchyID) Encode() ([]byte, *Error) {
	w := bitWriter{buf: []byte{}}
	for _, lv := range h {
		if len(lv) == 0 {
			return nil, errHierParse(h.String())
		}
		for j, v := range lv {
			if !w.writeLabel(v, j == len(lv)-1) {
				return nil, errHierParse(h.String())
			}
		}
	}
	if len(w.buf) > MaxHierarchyIDBytes {
		return nil, errHierTooLong()
	}
	return w.buf, nil
}

// DecodeHierarchyID deserializes b; only the canonical encoding (what
// Encode produces) is accepted.
func DecodeHierarchyID(b []byte) (HierarchyID, *Error) {
	if len(b) > MaxHierarchyIDBytes {
		return nil, errBadBytes()
	}
	r := bitReader{buf: b}
	h := HierarchyID{}
	var cur []int64
	for {
		if r.remaining() == 0 || r.remaining() < 8 && r.restZero() {
			break
		}
		v, last, ok := r.readLabel()
		if !ok {
			return nil, errBadBytes()
		}
		cur = append(cur, v)
		if last {
			h = append(h, cur)
			cur = nil
		}
	}
	if cur != nil {
		return nil, errBadBytes()
	}
	enc, err := h.Encode()
	if err != nil || string(enc) != string(b) {
		return nil, errBadBytes()
	}
	return h, nil
}

// Level is GetLevel().
func (h HierarchyID) Level() int { return len(h) }

// Ancestor is GetAncestor(n); ok is false when n exceeds the level (NULL).
func (h HierarchyID) Ancestor(n int) (HierarchyID, bool) {
	if n > len(h) {
		return nil, false
	}
	return h[:len(h)-n], true
}

// ErrNegativeAncestor is GetAncestor's error for n < 0.
func ErrNegativeAncestor() *Error {
	return errf("System.ArgumentOutOfRangeException", 24011, "SqlHierarchyId.GetAncestor failed because 'n' was negative.")
}

func compareLabels(a, b []int64) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		switch {
		case a[i] < b[i]:
			return -1
		case a[i] > b[i]:
			return 1
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}

// Compare orders hierarchyids depth-first (the order of their bytes).
func (h HierarchyID) Compare(o HierarchyID) int {
	for i := 0; i < len(h) && i < len(o); i++ {
		if c := compareLabels(h[i], o[i]); c != 0 {
			return c
		}
	}
	switch {
	case len(h) < len(o):
		return -1
	case len(h) > len(o):
		return 1
	}
	return 0
}

// IsDescendantOf reports whether h is p or below p.
func (h HierarchyID) IsDescendantOf(p HierarchyID) bool {
	if len(p) > len(h) {
		return false
	}
	for i := range p {
		if compareLabels(h[i], p[i]) != 0 {
			return false
		}
	}
	return true
}

// Reparented is GetReparentedValue(oldRoot, newRoot).
func (h HierarchyID) Reparented(oldRoot, newRoot HierarchyID) (HierarchyID, *Error) {
	if !h.IsDescendantOf(oldRoot) {
		return nil, errf(classHier, 24009, "SqlHierarchyId.GetReparentedValue failed because 'oldRoot' was not an ancestor node of 'this'.  'oldRoot' was '%s', and 'this' was '%s'.", oldRoot, h)
	}
	out := make(HierarchyID, 0, len(newRoot)+len(h)-len(oldRoot))
	out = append(out, newRoot...)
	out = append(out, h[len(oldRoot):]...)
	if _, err := out.Encode(); err != nil {
		return nil, err
	}
	return out, nil
}

// Descendant is GetDescendant(child1, child2) (nil = NULL): a child of h
// after child1 and before child2.
func (h HierarchyID) Descendant(c1, c2 HierarchyID) (HierarchyID, *Error) {
	isChild := func(c HierarchyID) bool { return len(c) == len(h)+1 && c.IsDescendantOf(h) }
	if c1 != nil && !isChild(c1) {
		return nil, errf(classHier, 24006, "SqlHierarchyId.GetDescendant failed because 'child1' must be a child of 'this'.  'child1' was '%s' and 'this' was '%s'.", c1, h)
	}
	if c2 != nil && !isChild(c2) {
		return nil, errf(classHier, 24007, "SqlHierarchyId.GetDescendant failed because 'child2' must be a child of 'this'.  'child2' was '%s' and 'this' was '%s'.", c2, h)
	}
	var last []int64
	switch {
	case c1 == nil && c2 == nil:
		last = []int64{1}
	case c2 == nil:
		// The next integer after child1's first label.
		last = []int64{c1[len(h)][0] + 1}
	case c1 == nil:
		last = []int64{c2[len(h)][0] - 1}
	default:
		a, b := c1[len(h)], c2[len(h)]
		if compareLabels(a, b) >= 0 {
			return nil, errf(classHier, 24008, "SqlHierarchyId.GetDescendant failed because 'child1' must be less than 'child2'.  'child1' was '%s' and 'child2' was '%s'.", c1, c2)
		}
		last = between(a, b)
	}
	out := make(HierarchyID, 0, len(h)+1)
	out = append(out, h...)
	out = append(out, last)
	if _, err := out.Encode(); err != nil {
		return nil, errHierTooLong()
	}
	return out, nil
}

// between is the shortest label sequence strictly between a < b: an
// integer between their first differing labels when one fits, else one
// more level of '.' after a's prefix.
func between(a, b []int64) []int64 {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	// i < len(a) here because a < b and a is not a prefix of b with equal
	// length; when a is a prefix of b (a = x, b = x.y), extend below b.
	if i == len(a) {
		// a = p, b = p.y...: pick p.(b[i]-1) when that stays above a.
		out := append(append([]int64{}, a...), b[i]-1)
		return out
	}
	lo := a[i]
	hi := b[i]
	if hi-lo > 1 {
		return append(append([]int64{}, a[:i]...), lo+1)
	}
	// Adjacent integers: go one level down after a's label.
	if i+1 < len(a) {
		return append(append([]int64{}, a[:i+1]...), a[i+1]+1)
	}
	return append(append([]int64{}, a[:i+1]...), 1)
}
