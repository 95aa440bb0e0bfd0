package proc

import (
	"runtime"
	"testing"
	"time"
)

// The CPU time STATISTICS TIME reports is this goroutine's: busy work
// shows up, sleeping does not.
func TestMeasureCPU(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("per-thread CPU time is measured on Linux only")
	}
	m := startMeasure()
	deadline := time.Now().Add(60 * time.Millisecond)
	x := 0
	for time.Now().Before(deadline) {
		x++
	}
	time.Sleep(60 * time.Millisecond)
	cpu, elapsed := m.stop()
	if elapsed < 115 {
		t.Errorf("elapsed %d ms", elapsed)
	}
	// The busy half counts (allowing for a loaded machine), the sleep does not.
	if cpu < 10 || cpu > 100 {
		t.Errorf("cpu %d ms for 60 ms of busy work and 60 ms of sleep (elapsed %d, %d iterations)", cpu, elapsed, x)
	}
}
