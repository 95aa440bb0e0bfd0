package proc

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/tsqld/tsqld/sql/types"
)

// sessCtxValue is one sp_set_session_context key.
type sessCtxValue struct {
	v        types.Value
	t        types.Type
	readOnly bool
}

// appLocks implements sp_getapplock / sp_releaseapplock: named locks
// owned by a session (this implementation scopes every lock to the
// session; @LockOwner = 'Transaction' locks are released with the session
// too, at the latest).
type appLocks struct {
	mu    sync.Mutex
	cond  *sync.Cond
	locks map[string]*appLock // lower-case "db:resource"
}

type appLock struct {
	shared    map[*Session]int
	exclusive *Session
	exCount   int
}

func newAppLocks() *appLocks {
	a := &appLocks{locks: map[string]*appLock{}}
	a.cond = sync.NewCond(&a.mu)
	return a
}

// compatible reports whether s may take the lock in mode now.
func (l *appLock) compatible(s *Session, exclusive bool) bool {
	if l.exclusive != nil {
		return l.exclusive == s
	}
	if !exclusive {
		return true
	}
	for o := range l.shared {
		if o != s {
			return false
		}
	}
	return true
}

// acquire takes a lock, waiting up to timeout (<0 = forever). It returns
// sp_getapplock's status: 0 granted at once, 1 granted after waiting,
// -1 timed out, -3 cancelled.
func (a *appLocks) acquire(ctx context.Context, s *Session, key string, exclusive bool, timeout time.Duration) int {
	key = strings.ToLower(key)
	a.mu.Lock()
	defer a.mu.Unlock()
	l := a.locks[key]
	if l == nil {
		l = &appLock{shared: map[*Session]int{}}
		a.locks[key] = l
	}
	waited := false
	var deadline time.Time
	if timeout >= 0 {
		deadline = time.Now().Add(timeout)
	}
	for !l.compatible(s, exclusive) {
		if timeout >= 0 && !time.Now().Before(deadline) {
			return -1
		}
		if ctx.Err() != nil {
			return -3
		}
		waited = true
		// Wake periodically to observe the deadline and cancellation.
		t := time.AfterFunc(20*time.Millisecond, func() { a.mu.Lock(); a.cond.Broadcast(); a.mu.Unlock() })
		a.cond.Wait()
		t.Stop()
	}
	if exclusive {
		l.exclusive = s
		l.exCount++
	} else {
		l.shared[s]++
	}
	if waited {
		return 1
	}
	return 0
}

// release drops one hold of s on the lock; false when s holds none.
func (a *appLocks) release(s *Session, key string) bool {
	key = strings.ToLower(key)
	a.mu.Lock()
	defer a.mu.Unlock()
	l := a.locks[key]
	if l == nil {
		return false
	}
	switch {
	case l.exclusive == s:
		l.exCount--
		if l.exCount == 0 {
			l.exclusive = nil
		}
	case l.shared[s] > 0:
		l.shared[s]--
		if l.shared[s] == 0 {
			delete(l.shared, s)
		}
	default:
		return false
	}
	if l.exclusive == nil && len(l.shared) == 0 {
		delete(a.locks, key)
	}
	a.cond.Broadcast()
	return true
}

// releaseAll frees every lock of a closing session.
func (a *appLocks) releaseAll(s *Session) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for k, l := range a.locks {
		if l.exclusive == s {
			l.exclusive, l.exCount = nil, 0
		}
		delete(l.shared, s)
		if l.exclusive == nil && len(l.shared) == 0 {
			delete(a.locks, k)
		}
	}
	a.cond.Broadcast()
}

// mode returns APPLOCK_MODE's answer for s on key.
func (a *appLocks) mode(s *Session, key string) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	l := a.locks[strings.ToLower(key)]
	switch {
	case l == nil:
		return "NoLock"
	case l.exclusive == s:
		return "Exclusive"
	case l.shared[s] > 0:
		return "Shared"
	}
	return "NoLock"
}
