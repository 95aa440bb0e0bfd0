package msgs

import "sort"

// Kind separates the catalogue's number spaces: a server message 26 and SNI
// error 26 are unrelated.
type Kind uint8

const (
	// KindMessage is a sys.messages row (server errors and informational
	// messages).
	KindMessage Kind = iota
	// KindOS is an operating-system / Winsock error as Windows words it
	// (10061 WSAECONNREFUSED …); clients show it after "error: 0 - ".
	KindOS
	// KindSNI is an SQL Network Interfaces error code (the number after
	// "error:" when it is not 0).
	KindSNI
	// KindProvider is an SNI provider name, numbered as SqlClient's SNI_PN<n>.
	KindProvider
	// KindContext is a client-side sentence (SqlClient's Snix_* context
	// sentences, timeout texts, ODBC wording); numbers are ours (Ctx*).
	KindContext
	// KindConn is the documentation of a client-visible connection error
	// (MSSQLSERVER_<n> pages): explanation and user action, keyed by the
	// number the client reports (10061, -2, 26 …). Text is the docs' form.
	KindConn
)

var kindNames = [...]string{"msg", "os", "sni", "provider", "context", "conn"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "?"
}

// Entry is one catalogue row.
type Entry struct {
	Kind     Kind
	Number   int32
	Severity uint8
	// State is the state clients usually see for this message when
	// HasState is set (2714 comes with state 6, 2812 with 62 …); New uses
	// state 1 regardless, NewTypical uses this.
	State    uint8
	HasState bool
	// Logged mirrors sys.messages.is_event_logged.
	Logged bool
	// Name is the symbolic name (SQL Server's internal name where known, the
	// Winsock/SNI symbol otherwise).
	Name    string
	English string
	French  string
	// Explanation and user action as the documentation gives them
	// (connection errors only).
	ExplainEN, ExplainFR string
	ActionEN, ActionFR   string
}

// Text returns the entry's text in lang, falling back to English when the
// French text is not in the catalogue (SQL Server has every message in every
// language; we do not, and English is what a client would least mind).
func (e *Entry) Text(lang Lang) string {
	if lang == French && e.French != "" {
		return e.French
	}
	return e.English
}

// Explain returns the documented explanation in lang (English fallback).
func (e *Entry) Explain(lang Lang) string {
	if lang == French && e.ExplainFR != "" {
		return e.ExplainFR
	}
	return e.ExplainEN
}

// Action returns the documented user action in lang (English fallback).
func (e *Entry) Action(lang Lang) string {
	if lang == French && e.ActionFR != "" {
		return e.ActionFR
	}
	return e.ActionEN
}

// Lookup finds a server message (sys.messages) by number.
func Lookup(number int32) (Entry, bool) {
	return LookupKind(KindMessage, number)
}

// LookupKind finds an entry of the given kind. The generated table is sorted
// by (Kind, Number), so this is a binary search with no allocation.
func LookupKind(kind Kind, number int32) (Entry, bool) {
	if p := find(kind, number); p != nil {
		return *p, true
	}
	return Entry{}, false
}

func find(kind Kind, number int32) *Entry {
	i := sort.Search(len(catalogue), func(i int) bool {
		e := &catalogue[i]
		return e.Kind > kind || (e.Kind == kind && e.Number >= number)
	})
	if i < len(catalogue) && catalogue[i].Kind == kind && catalogue[i].Number == number {
		return &catalogue[i]
	}
	return nil
}

// Text returns the unformatted text of server message number in lang, or ""
// when the catalogue does not hold it.
func Text(lang string, number int32) string {
	if p := find(KindMessage, number); p != nil {
		return p.Text(ParseLangDefault(lang))
	}
	return ""
}

// All returns every entry of one kind in number order (for sys.messages and
// for tests). The slice is shared: do not modify it.
func All(kind Kind) []Entry {
	lo := sort.Search(len(catalogue), func(i int) bool { return catalogue[i].Kind >= kind })
	hi := sort.Search(len(catalogue), func(i int) bool { return catalogue[i].Kind > kind })
	return catalogue[lo:hi:hi]
}
