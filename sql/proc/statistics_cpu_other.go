//go:build !linux

package proc

import "time"

// threadCPU: no per-thread CPU clock here; STATISTICS TIME reports CPU
// time 0 rather than another session's work.
func threadCPU() (time.Duration, bool) { return 0, false }
