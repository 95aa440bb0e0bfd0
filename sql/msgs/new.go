package msgs

import "strconv"

// New builds server message number in English, with the catalogue's
// severity and state 1. Arguments follow Format's conventions.
func New(number int32, args ...any) *Error {
	return build(English, number, 1, args)
}

// NewState is New with an explicit state.
func NewState(number int32, state uint8, args ...any) *Error {
	return build(English, number, state, args)
}

// NewLang is New in a session language ("us_english", "Français", "French" …;
// unknown names mean English).
func NewLang(lang string, number int32, args ...any) *Error {
	return build(ParseLangDefault(lang), number, 1, args)
}

// NewIn is New for a parsed language and explicit state.
func NewIn(lang Lang, number int32, state uint8, args ...any) *Error {
	return build(lang, number, state, args)
}

// NewTypical is New with the state SQL Server usually sends for this
// message (the catalogue's state column; 1 when the catalogue has none).
func NewTypical(number int32, args ...any) *Error {
	state := uint8(1)
	if p := find(KindMessage, number); p != nil && p.HasState {
		state = p.State
	}
	return build(English, number, state, args)
}

// NewUser builds a user-defined message (RAISERROR/THROW with a text):
// number 50000 for RAISERROR with a string, any number for THROW; the
// severity and state are the caller's and the text is used as given.
func NewUser(number int32, severity, state uint8, text string) *Error {
	return &Error{Number: number, Severity: severity, State: state, Text: text}
}

func build(lang Lang, number int32, state uint8, args []any) *Error {
	p := find(KindMessage, number)
	if p == nil {
		// A number missing from the catalogue is our bug; make it visible
		// instead of inventing a text.
		return &Error{Number: number, Severity: 16, State: state,
			Text: "Message " + strconv.Itoa(int(number)) + " is missing from the tsqld message catalogue."}
	}
	return &Error{Number: number, Severity: p.Severity, State: state, Text: Format(p.Text(lang), args...)}
}

// IsInfo reports whether the message is informational (severity <= 10),
// sent as an INFO token rather than ERROR.
func (e *Error) IsInfo() bool { return e.Severity <= 10 }

// WithLine sets the batch line number and returns e, for chaining.
func (e *Error) WithLine(line int32) *Error {
	e.Line = line
	return e
}

// WithProc sets the procedure name and returns e, for chaining.
func (e *Error) WithProc(proc string) *Error {
	e.Proc = proc
	return e
}
