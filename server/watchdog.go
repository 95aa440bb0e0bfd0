package server

import (
	"sync"
	"sync/atomic"
	"time"
)

// watchTick is the watchdog's period: a request that has run for one to
// two ticks gets a watcher reading its socket (attention, dead peer).
const watchTick = 3 * time.Millisecond

// dormantAfter is how many ticks without any running request put the
// watchdog to sleep until the next request starts.
const dormantAfter = 200

// watchdog starts watchers for long-running requests. One goroutine for
// the whole server replaces a timer per request: arming and stopping a
// timer around every request woke an idle thread each time (the runtime
// makes sure some thread will poll for an earlier timer), which cost more
// than the short requests it guarded.
type watchdog struct {
	once    sync.Once
	tick    atomic.Int64 // advanced every watchTick while awake
	dormant atomic.Bool
	wake    chan struct{}
}

// startWatchdog runs the watchdog (once per server) until Close.
func (s *Server) startWatchdog() {
	s.wd.once.Do(func() {
		s.wd.wake = make(chan struct{}, 1)
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.runWatchdog()
		}()
	})
}

func (s *Server) runWatchdog() {
	t := time.NewTicker(watchTick)
	defer t.Stop()
	idle := 0
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-t.C:
		}
		if s.scanRunning(s.wd.tick.Add(1)) > 0 {
			idle = 0
			continue
		}
		if idle++; idle < dormantAfter {
			continue
		}
		// Go dormant, then look once more: a request that started
		// before dormant was visible would otherwise not wake us.
		s.wd.dormant.Store(true)
		if s.scanRunning(s.wd.tick.Load()) > 0 {
			s.wd.dormant.Store(false)
			idle = 0
			continue
		}
		t.Stop()
		select {
		case <-s.ctx.Done():
			return
		case <-s.wd.wake:
		}
		idle = 0
		t.Reset(watchTick)
	}
}

// scanRunning starts a watcher for each request that started at least
// two ticks before tick, and counts the requests running.
func (s *Server) scanRunning(tick int64) int {
	n := 0
	s.mu.Lock()
	for c := range s.conns {
		st := c.watchState.Load()
		if st <= 0 {
			continue
		}
		n++
		if tick-st >= 2 && c.watchState.CompareAndSwap(st, watchStarted) {
			go c.watch()
		}
	}
	s.mu.Unlock()
	return n
}

// watchState values besides the start tick of a running request.
const (
	watchIdle    = 0
	watchStarted = -1 // a watcher owns the reader
)

// requestStarted marks c running for the watchdog.
func (c *conn) requestStarted() {
	wd := &c.srv.wd
	c.watchState.Store(wd.tick.Load() + 1)
	if wd.dormant.Load() && wd.dormant.CompareAndSwap(true, false) {
		select {
		case wd.wake <- struct{}{}:
		default:
		}
	}
}

// requestEnded clears the mark and reports whether a watcher was started
// (it then owns the reader until it hands over the next message).
func (c *conn) requestEnded() (watching bool) {
	st := c.watchState.Load()
	if st == watchStarted || !c.watchState.CompareAndSwap(st, watchIdle) {
		c.watchState.Store(watchIdle)
		return true
	}
	return false
}
