package rowcodec

import "errors"

// Errors of malformed input; they indicate a bug or corruption, never user
// data, so they carry no SQL Server message number.
var (
	ErrCorrupt   = errors.New("rowcodec: corrupt encoding")
	ErrBadValue  = errors.New("rowcodec: value cannot be encoded (NaN, Inf or malformed)")
	ErrNoDecoder = errors.New("rowcodec: key column cannot be decoded (strings are stored as sort keys)")
)
