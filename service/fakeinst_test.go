package service

import (
	"context"
	"net"
	"sync"
	"sync/atomic"
)

// tcpInstance is a minimal real Instance: it listens on TCP (and counts
// accepted connections as sessions) so that the service's endpoints, log
// lines and failure paths are exercised against real sockets.
type tcpInstance struct {
	addr     string // listen address, e.g. 127.0.0.1:0
	mu       sync.Mutex
	ln       net.Listener
	paused   atomic.Bool
	stopped  atomic.Bool
	nowait   atomic.Bool
	sessions atomic.Int32
	wg       sync.WaitGroup
}

func (f *tcpInstance) Start(ctx context.Context) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", f.addr)
	if err != nil {
		return err
	}
	f.mu.Lock()
	f.ln = ln
	f.mu.Unlock()
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			if f.paused.Load() {
				c.Close()
				continue
			}
			f.sessions.Add(1)
			go func() {
				buf := make([]byte, 1)
				c.Read(buf)
				c.Close()
				f.sessions.Add(-1)
			}()
		}
	}()
	return nil
}

func (f *tcpInstance) Pause()    { f.paused.Store(true) }
func (f *tcpInstance) Continue() { f.paused.Store(false) }
func (f *tcpInstance) Stop(nowait bool) error {
	f.nowait.Store(nowait)
	f.stopped.Store(true)
	f.mu.Lock()
	ln := f.ln
	f.mu.Unlock()
	if ln != nil {
		ln.Close()
	}
	f.wg.Wait()
	return nil
}
func (f *tcpInstance) Endpoints() []Endpoint {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.ln == nil {
		return nil
	}
	return []Endpoint{TCPEndpoint(ProtoTCP, f.ln.Addr())}
}
func (f *tcpInstance) Sessions() int { return int(f.sessions.Load()) }
