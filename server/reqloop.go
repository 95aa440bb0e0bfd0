package server

import (
	"context"
	"io"

	"github.com/tsqld/tsqld/tds"
)

// request is one client request handed from the reader goroutine to the
// executor. Its payload is a copy: the reader keeps reading (to see
// ATTENTION) while the executor works.
type request struct {
	typ     tds.PacketType
	status  uint8
	payload []byte
	ctx     context.Context
	cancel  context.CancelFunc

	// attnOnly marks an attention that arrived when no request was
	// outstanding: the executor answers it with a DONE(ATTN) message.
	attnOnly bool

	// Guarded by conn.mu.
	attn bool // attention received for this request
	done bool // the executor finished it (attention now needs its own reply)
}

func (r *request) resetConnection() bool {
	return r.status&(tds.StatusResetConnection|tds.StatusResetConnectionSkipTran) != 0
}

// readLoop is the connection's reader goroutine: it reads messages, turns
// attentions into cancellations and queues everything else for the
// executor. It returns (closing reqs) when the socket fails or closes.
func (c *conn) readLoop(reqs chan<- *request) {
	defer close(reqs)
	defer c.cancel() // a dead socket cancels whatever runs
	for {
		msg, err := c.mr.ReadMessage()
		if err != nil {
			if err != io.EOF && c.ctx.Err() == nil {
				c.logf("read: %v", err)
			}
			return
		}
		switch {
		case msg.Type == tds.PacketAttention:
			if !c.attention() {
				select {
				case reqs <- &request{attnOnly: true}:
				case <-c.ctx.Done():
					return
				}
			}
			continue
		case msg.Ignore:
			// The client gave up on a partially sent request: discard it,
			// no reply [MS-TDS 2.2.1.7].
			continue
		}
		r := &request{typ: msg.Type, status: msg.Status, payload: c.takeBuf(msg.Payload)}
		r.ctx, r.cancel = context.WithCancel(c.ctx)
		c.mu.Lock()
		c.current = r
		c.mu.Unlock()
		select {
		case reqs <- r:
		case <-c.ctx.Done():
			r.cancel()
			return
		}
	}
}

// attention cancels the outstanding request; it reports false when there
// is none (the response already went out) so an ack must be sent alone.
func (c *conn) attention() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.current
	if r == nil || r.done {
		return false
	}
	r.attn = true
	r.cancel()
	return true
}

// takeBuf copies a payload into a recycled buffer.
func (c *conn) takeBuf(p []byte) []byte {
	var b []byte
	select {
	case b = <-c.bufs:
	default:
	}
	return append(b[:0], p...)
}

func (c *conn) giveBuf(b []byte) {
	if cap(b) > 1<<20 { // don't pin huge batches
		return
	}
	select {
	case c.bufs <- b:
	default:
	}
}

// execLoop runs requests one at a time until the reader stops or a fatal
// error ends the connection.
func (c *conn) execLoop(reqs <-chan *request) {
	for r := range reqs {
		if r.attnOnly {
			c.w.beginResponse(context.Background())
			c.w.attentionAck()
			if err := c.w.end(); err != nil {
				c.abort()
			}
			continue
		}
		if c.srv.draining.Load() {
			// Shutting down: running requests finish, new ones do not
			// start; the session ends as SHUTDOWN ends it.
			c.abort()
			r.cancel()
			for r := range reqs {
				if r.cancel != nil {
					r.cancel()
				}
			}
			return
		}
		c.setStatus("running")
		fatal := c.execute(r)
		c.mu.Lock()
		r.done = true
		attn := r.attn
		c.mu.Unlock()
		r.cancel()
		if attn {
			c.w.attentionAck()
		}
		err := c.w.end()
		c.giveBuf(r.payload)
		c.setStatus("sleeping")
		if err != nil || fatal {
			c.abort()
			// Drain so the reader can finish.
			for r := range reqs {
				if r.cancel != nil {
					r.cancel()
				}
			}
			return
		}
	}
}
