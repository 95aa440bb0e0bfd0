package slt

// RecordKind is what a record does.
type RecordKind uint8

const (
	KindStatement RecordKind = iota + 1
	KindQuery
	KindHashThreshold
	KindHalt
)

func (k RecordKind) String() string {
	switch k {
	case KindStatement:
		return "statement"
	case KindQuery:
		return "query"
	case KindHashThreshold:
		return "hash-threshold"
	case KindHalt:
		return "halt"
	}
	return "?"
}

// SortMode is a query's result ordering rule.
type SortMode uint8

const (
	NoSort SortMode = iota
	RowSort
	ValueSort
)

func (s SortMode) String() string {
	return [...]string{"nosort", "rowsort", "valuesort"}[s]
}

// Condition is one skipif/onlyif line.
type Condition struct {
	OnlyIf bool // onlyif; false means skipif
	Engine string
}

// Record is one sqllogictest record.
type Record struct {
	Kind RecordKind
	// Line is the 1-based line of the record's command (after conditions).
	Line       int
	Conditions []Condition

	// SQL for statements and queries: the lines joined with "\n".
	SQL string

	// ExpectError: "statement error".
	ExpectError bool

	// Query header.
	Types string
	Sort  SortMode
	Label string
	// Expected values, one per line in row-major order, when HasHash is
	// false.
	Expected []string
	// HasHash: the expected section is "N values hashing to H".
	HasHash    bool
	HashValues int
	Hash       string

	// Threshold for hash-threshold.
	Threshold int
}

// Applies reports whether the record runs for engine (case-insensitive):
// skipped if any skipif names it or any onlyif names another engine.
func (r *Record) Applies(engine string) bool {
	for _, c := range r.Conditions {
		same := equalFold(c.Engine, engine)
		if c.OnlyIf != same {
			return false
		}
	}
	return true
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
