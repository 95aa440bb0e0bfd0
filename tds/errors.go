package tds

import (
	"errors"
	"fmt"
)

// ErrShort is returned (wrapped) when a buffer ends before a structure does.
var ErrShort = errors.New("tds: truncated data")

// ProtocolError reports malformed input: a bad length, an unknown type or a
// value out of range. The server answers such input by closing the
// connection, as SQL Server does.
type ProtocolError struct {
	What string
}

func (e *ProtocolError) Error() string { return "tds: protocol error: " + e.What }

func protoErr(format string, args ...any) error {
	return &ProtocolError{What: fmt.Sprintf(format, args...)}
}
