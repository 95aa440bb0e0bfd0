package proc

import (
	"fmt"
	"runtime"
	"time"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/storage"
)

// SET STATISTICS IO and SET STATISTICS TIME: informational messages
// (3615, 3612, 3613; class 0 like PRINT) after each statement.
//
// IO: one "Table 'T'. Scan count …" line per table the statement read,
// from exec.IOStats, which counts at the storage interface (see
// sql/exec/iostats.go for what a logical read is here). Physical,
// read-ahead, page server and LOB counters are 0: the storage engine has
// no buffer pool of its own to miss and stores large values inline.
//
// TIME: elapsed time is wall-clock time. CPU time is the CPU time of the
// OS thread running the statement: the goroutine is locked to its thread
// for the statement (runtime.LockOSThread) and the thread's CPU time read
// before and after (Linux RUSAGE_THREAD), so other sessions' work is not
// counted; where that is unavailable CPU time is reported as 0. "Parse and
// compile time" is the batch's parse and compile checks (statements are
// bound as they run, so binding counts in their execution time).

// statsCompileStart measures a batch's parse and compile; the returned
// function sends message 3613 when STATISTICS TIME is on.
// The function may be called again (deferred, with a nil w): only the
// first call measures, so the thread lock is always released.
func (s *Session) statsCompileStart() func(w result.Writer) error {
	if !s.diag.statsTime {
		return func(result.Writer) error { return nil }
	}
	m := startMeasure()
	return func(w result.Writer) error {
		if m == nil {
			return nil
		}
		cpu, elapsed := m.stop()
		m = nil
		if w == nil {
			return nil
		}
		m := msgs.New(3613, "\n", cpu, elapsed)
		m.Line = 1
		return s.statsMessage(w, m)
	}
}

// statsStart begins a statement's statistics; the returned function
// sends them after the statement. Nested statements (procedure bodies)
// report their own reads; the enclosing EXEC reports what is left.
// The returned function must be called whatever happened (it releases
// the thread lock); goErr, the statement's Go error, is passed through and
// suppresses the output.
func (s *Session) statsStart(st ast.Node) func(w result.Writer, rc *runCtx, failed bool, goErr error) error {
	if !s.diag.statsIO && !s.diag.statsTime && !s.diag.statsProfile {
		return func(_ result.Writer, _ *runCtx, _ bool, goErr error) error { return goErr }
	}
	prevIO, prevProfile := s.diag.io, s.diag.profile
	var io *exec.IOStats
	if s.diag.statsIO {
		io = exec.NewIOStats()
		s.diag.io = io
	}
	var prof *exec.Profile
	if s.diag.statsProfile && profiled(st) {
		prof = exec.NewProfile()
	}
	s.diag.profile = prof // nested statements keep their own
	var m *measure
	if s.diag.statsTime {
		m = startMeasure()
	}
	return func(w result.Writer, rc *runCtx, failed bool, goErr error) error {
		cpu, elapsed := m.stop()
		s.diag.io, s.diag.profile = prevIO, prevProfile
		if goErr != nil {
			return goErr
		}
		if prof != nil && !failed {
			if err := s.sendProfile(st, prof, w, rc); err != nil {
				return err
			}
		}
		if io != nil && s.diag.statsIO {
			for _, t := range io.Tables {
				m := msgs.New(3615, s.ioTableName(t.DB, t.Obj), t.Scans, t.LogicalReads, 0, 0, 0, 0, 0, 0, 0, 0, 0)
				m.Line = st.NodeSpan().Line
				if err := s.statsMessage(w, m); err != nil {
					return err
				}
			}
		}
		if s.diag.statsTime {
			m := msgs.New(3612, "", "\n", cpu, elapsed)
			m.Line = st.NodeSpan().Line
			return s.statsMessage(w, m)
		}
		return nil
	}
}

func (s *Session) statsMessage(w result.Writer, m *msgs.Error) error {
	m.Severity, m.Server = 0, s.srv.cfg.ServerName
	s.localize(m)
	return w.Message(m)
}

// statsWrap makes c's storage reads count into the statement's IOStats
// and its operators into the statement's Profile.
func (s *Session) statsWrap(c *exec.Ctx) {
	c.Profile = s.diag.profile
	io := s.diag.io
	if io == nil {
		return
	}
	c.Main, c.Temp = io.Wrap(c.Main), io.Wrap(c.Temp)
	if f := c.TableVarTxn; f != nil {
		c.TableVarTxn = func() storage.Txn { return io.Wrap(f()) }
	}
	if f := c.TempTxn; f != nil { // tempdb transaction begun on first use
		c.TempTxn = func() storage.Txn { return io.Wrap(f()) }
	}
}

// ioTableName names a table as STATISTICS IO does: its name; a table
// variable (not in the catalog) by its object id in hex, as SQL Server
// names its table variables' tempdb objects.
func (s *Session) ioTableName(db, obj int32) string {
	if obj < 0 {
		for _, o := range s.temps {
			if o.ID == obj {
				return o.Name
			}
		}
		return fmt.Sprintf("#%08X", uint32(obj))
	}
	if d := s.cat().DatabaseByID(db); d != nil {
		if o := s.cat().ObjectByID(d, obj); o != nil {
			return o.Name
		}
	}
	if db == catalog.TempDBID {
		return fmt.Sprintf("#%08X", uint32(obj))
	}
	return fmt.Sprintf("%d", obj)
}

// measure is a running CPU/elapsed measurement of the current goroutine.
type measure struct {
	start time.Time
	cpu   time.Duration
	ok    bool
}

func startMeasure() *measure {
	runtime.LockOSThread()
	cpu, ok := threadCPU()
	return &measure{start: time.Now(), cpu: cpu, ok: ok}
}

// stop returns CPU and elapsed milliseconds and unlocks the thread; a
// nil measure (STATISTICS TIME was off at the start) measured nothing.
func (m *measure) stop() (cpuMS, elapsedMS int64) {
	if m == nil {
		return 0, 0
	}
	elapsedMS = time.Since(m.start).Milliseconds()
	if m.ok {
		if cpu, ok := threadCPU(); ok {
			cpuMS = (cpu - m.cpu).Milliseconds()
		}
	}
	runtime.UnlockOSThread()
	return cpuMS, elapsedMS
}
