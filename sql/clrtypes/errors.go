package clrtypes

import "fmt"

// Error is the .NET exception Microsoft.SqlServer.Types would throw: SQL
// Server reports it as Msg 6522 naming the routine.
type Error struct {
	Class  string // "System.FormatException", "System.ArgumentException", …
	Number int    // the 24xxx number at the start of the text; 0 = none
	Text   string
}

func (e *Error) Error() string {
	if e.Number != 0 {
		return fmt.Sprintf("%s: %d: %s", e.Class, e.Number, e.Text)
	}
	return e.Class + ": " + e.Text
}

// Message is the text of Msg 6522 for e raised by routine ("geometry",
// "hierarchyid", "STDistance", …).
func (e *Error) Message(routine string) string {
	return fmt.Sprintf("A .NET Framework error occurred during execution of user-defined routine or aggregate \"%s\": \n%s", routine, e.Error())
}

const (
	classFormat   = "System.FormatException"
	classArgument = "System.ArgumentException"
	classHier     = "Microsoft.SqlServer.Types.HierarchyIdException"
	classNotImpl  = "System.NotSupportedException"
)

func errf(class string, number int, format string, args ...any) *Error {
	return &Error{Class: class, Number: number, Text: fmt.Sprintf(format, args...)}
}

// errBadBytes is what deserializing malformed bytes throws.
func errBadBytes() *Error {
	return &Error{Class: classFormat, Text: "One of the identified items was in an invalid format."}
}
