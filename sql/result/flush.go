package result

// Flusher is implemented by a Writer that can push what it has buffered to
// the client at once instead of at the end of the batch: RAISERROR … WITH
// NOWAIT needs its message seen while the batch goes on.
type Flusher interface {
	Flush() error
}

// Flush flushes w when it can; a Writer that buffers nothing (or cannot
// flush) makes it a no-op.
func Flush(w Writer) error {
	if f, ok := w.(Flusher); ok {
		return f.Flush()
	}
	return nil
}
