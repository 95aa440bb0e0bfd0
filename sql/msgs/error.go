package msgs

import "fmt"

// Error is a SQL Server message as a client sees it (ERROR/INFO token).
// Severity <= 10 is informational.
type Error struct {
	Number   int32
	Severity uint8
	State    uint8
	Line     int32
	Proc     string
	Server   string
	Text     string
}

func (e *Error) Error() string {
	return fmt.Sprintf("Msg %d, Level %d, State %d, Line %d\n%s", e.Number, e.Severity, e.State, e.Line, e.Text)
}
