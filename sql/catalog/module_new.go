package catalog

// Procedural object kinds (sys.objects.type).
const (
	KindTrigger    ObjectKind = "TR"
	KindScalarFunc ObjectKind = "FN"
	KindInlineTVF  ObjectKind = "IF"
	KindTableFunc  ObjectKind = "TF"
	KindSequence   ObjectKind = "SO"
)

// Trigger is a DML trigger on a table or view.
type Trigger struct {
	Definition string // full CREATE TRIGGER text
	Parent     int32  // object id of the table or view
	InsteadOf  bool
	// Events: INSERT, UPDATE, DELETE (upper case).
	Events   []string
	Disabled bool `json:",omitempty"`
}

// HasEvent reports whether the trigger fires on ev (INSERT/UPDATE/DELETE).
func (t *Trigger) HasEvent(ev string) bool {
	for _, e := range t.Events {
		if e == ev {
			return true
		}
	}
	return false
}

// Function is a user-defined function (scalar, inline or multi-statement
// table-valued); its definition is re-parsed when it is called.
type Function struct {
	Definition string
}

// Sequence is a sequence object. Current is the last value handed out
// (meaningful once Started is set); values are persisted on each NEXT
// VALUE FOR with the object record.
type Sequence struct {
	TypeID    int32 // sys.types id of the value type (bigint by default)
	Precision uint8 `json:",omitempty"`
	Start     int64
	Increment int64
	Min       int64
	Max       int64
	Cycle     bool
	Cache     int64 `json:",omitempty"` // 0 = default size
	NoCache   bool  `json:",omitempty"`
	Current   int64
	Started   bool
}
