package proc

import "github.com/tsqld/tsqld/sql/result"

// The writers that wrap the client's writer for nested sp_executesql
// forward RAISERROR … WITH NOWAIT's flush (result.Flusher): embedding a
// result.Writer does not promote the optional method.

func (d discardReturns) Flush() error  { return result.Flush(d.Writer) }
func (c *captureReturns) Flush() error { return result.Flush(c.Writer) }
