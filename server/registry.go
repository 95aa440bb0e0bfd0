package server

import (
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// firstSPID is the first user session id; SQL Server keeps 1–50 for
// system sessions.
const firstSPID = 51

// SessionInfo is what sys.dm_exec_sessions shows about a connection.
type SessionInfo struct {
	SPID             int16
	Login            string
	HostName         string
	ProgramName      string
	ClientInterface  string // client library name from LOGIN7
	HostProcessID    uint32
	ClientAddr       string // IP address without port ("<local machine>" for Unix sockets)
	ClientPort       int
	LoginTime        time.Time
	Status           string // "sleeping", "running"
	LastRequestStart time.Time
	LastRequestEnd   time.Time
	Encrypted        bool   // the whole connection is TLS (encrypt_option TRUE)
	TLSVersion       string // "TLS 1.2", "TLS 1.3"; "" when not encrypted
	Strict           bool   // TDS 8
	TDSVersion       uint32
	PacketSize       int
	NetTransport     string // "TCP" or "Shared memory"-like "Unix"
	DAC              bool   // the dedicated admin connection

	live *liveStatus // Status and request times, updated without the lock
}

// liveStatus is the part of a session's information that changes with
// every request. The request loop updates it with atomics rather than
// under the registry's lock, which every session shares.
type liveStatus struct {
	running    atomic.Bool
	start, end atomic.Int64 // UnixNano; 0 until set
}

// withLive returns si with the live fields filled in.
func (si SessionInfo) withLive() SessionInfo {
	l := si.live
	if l == nil {
		return si
	}
	si.Status = "sleeping"
	if l.running.Load() {
		si.Status = "running"
	}
	if t := l.start.Load(); t != 0 {
		si.LastRequestStart = time.Unix(0, t)
	}
	if t := l.end.Load(); t != 0 {
		si.LastRequestEnd = time.Unix(0, t)
	}
	return si
}

// registry assigns SPIDs (lowest free one first, like SQL Server reusing
// freed ids) and keeps per-session information.
type registry struct {
	mu    sync.Mutex
	next  int16
	free  []int16 // sorted ascending
	byID  map[int16]*SessionInfo
	limit int
	dacs  int // DAC sessions in byID: not user connections
}

func newRegistry(limit int) *registry {
	return &registry{next: firstSPID, byID: make(map[int16]*SessionInfo), limit: limit}
}

// alloc reserves a SPID; ok is false when the connection limit is reached.
func (r *registry) alloc() (spid int16, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.byID)-r.dacs >= r.limit {
		return 0, false
	}
	return r.take(false)
}

// allocDAC reserves a SPID for the dedicated admin connection, which the
// user connection limit does not apply to.
func (r *registry) allocDAC() (spid int16, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.take(true)
}

// take assigns the lowest free SPID; r.mu is held.
func (r *registry) take(dac bool) (spid int16, ok bool) {
	if len(r.free) > 0 {
		spid = r.free[0]
		r.free = r.free[1:]
	} else {
		if r.next == 32767 {
			return 0, false
		}
		spid = r.next
		r.next++
	}
	r.byID[spid] = &SessionInfo{SPID: spid, Status: "sleeping", DAC: dac, live: new(liveStatus)}
	if dac {
		r.dacs++
	}
	return spid, true
}

func (r *registry) release(spid int16) {
	r.mu.Lock()
	defer r.mu.Unlock()
	si, ok := r.byID[spid]
	if !ok {
		return
	}
	if si.DAC {
		r.dacs--
	}
	delete(r.byID, spid)
	i := sort.Search(len(r.free), func(i int) bool { return r.free[i] >= spid })
	r.free = append(r.free, 0)
	copy(r.free[i+1:], r.free[i:])
	r.free[i] = spid
}

// update changes a session's information under the lock.
func (r *registry) update(spid int16, f func(*SessionInfo)) {
	r.mu.Lock()
	if s, ok := r.byID[spid]; ok {
		f(s)
	}
	r.mu.Unlock()
}

// list returns a snapshot ordered by SPID.
func (r *registry) list() []SessionInfo {
	r.mu.Lock()
	out := make([]SessionInfo, 0, len(r.byID))
	for _, s := range r.byID {
		if !s.LoginTime.IsZero() { // only sessions that completed login
			out = append(out, s.withLive())
		}
	}
	r.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].SPID < out[j].SPID })
	return out
}

// liveOf returns the live status of spid's session (nil if unknown).
func (r *registry) liveOf(spid int16) *liveStatus {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s, ok := r.byID[spid]; ok {
		return s.live
	}
	return nil
}

func (r *registry) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.byID)
}
