package server

import (
	"context"
	"io"

	"github.com/tsqld/tsqld/tds"
)

// A connection's requests are read, executed and answered on one
// goroutine, so an ordinary round trip costs one read, one write and one
// network-poller wake-up, with no hand-off between goroutines (a reader
// goroutine feeding an executor cost a third of the server's CPU per
// SELECT 1 at one client: futex wake-ups of idle threads and the scheduler
// looking for work). A request that runs longer than a watchdog tick or two
// gets a watcher goroutine reading the socket meanwhile, so an ATTENTION
// still cancels it and a dead peer is noticed. An attention sent during
// the first milliseconds of a request is answered after the request's
// reply, as one that arrives after the reply always is.

// maxKeptPayload bounds the request buffer kept between requests, so one
// huge batch does not pin its memory for the connection's lifetime.
const maxKeptPayload = 1 << 20

// request is one client request being executed. Its payload is a copy: a
// watcher may read the next message while the request runs.
type request struct {
	typ     tds.PacketType
	status  uint8
	payload []byte
	ctx     context.Context
	cancel  context.CancelFunc

	// Guarded by conn.mu.
	attn bool // attention received for this request
	done bool // the executor finished it (attention now needs its own reply)
}

func (r *request) resetConnection() bool {
	return r.status&(tds.StatusResetConnection|tds.StatusResetConnectionSkipTran) != 0
}

// incoming is what a watcher hands back to the request loop: the next
// message it read, or the read error that ended the connection.
type incoming struct {
	msg tds.Message
	err error
}

// requestLoop reads and runs requests one at a time until the client
// leaves, the socket fails or a fatal error ends the connection. It
// reports whether a watcher still owns the reader (it hands over once the
// socket is closed).
func (c *conn) requestLoop() (watching bool) {
	c.handoff = make(chan incoming, 1)
	for {
		var msg tds.Message
		var err error
		if watching {
			in := <-c.handoff
			msg, err = in.msg, in.err
			watching = false
		} else {
			msg, err = c.mr.ReadMessage()
		}
		if err != nil {
			if err != io.EOF && c.ctx.Err() == nil {
				c.logf("read: %v", err)
			}
			return false
		}
		switch {
		case msg.Type == tds.PacketAttention:
			// No request is outstanding (the watcher consumes those
			// that interrupt one): the response already went out, so the
			// ack is a message of its own.
			c.w.beginResponse(context.Background())
			c.w.attentionAck()
			if c.w.end() != nil {
				return false
			}
			continue
		case msg.Ignore:
			// The client gave up on a partially sent request: discard it,
			// no reply [MS-TDS 2.2.1.7].
			continue
		}
		if c.srv.draining.Load() {
			// Shutting down: running requests finish, new ones do not
			// start; the session ends as SHUTDOWN ends it.
			return false
		}
		r := &request{typ: msg.Type, status: msg.Status, payload: append(c.payload[:0], msg.Payload...)}
		r.ctx, r.cancel = context.WithCancel(c.ctx)
		c.mu.Lock()
		c.current = r
		c.mu.Unlock()

		c.setStatus("running")
		c.requestStarted()
		fatal := c.execute(r)
		watching = c.requestEnded()
		c.mu.Lock()
		r.done = true
		attn := r.attn
		c.mu.Unlock()
		r.cancel()
		if attn {
			c.w.attentionAck()
		}
		err = c.w.end()
		if cap(r.payload) <= maxKeptPayload {
			c.payload = r.payload
		}
		c.setStatus("sleeping")
		if err != nil || fatal {
			return watching
		}
	}
}

// watch reads the socket while a long request runs: attentions cancel it,
// a failed socket cancels everything, and the first message that is not
// such an attention (or the error) is handed to the request loop, after
// which the loop reads for itself again.
func (c *conn) watch() {
	for {
		msg, err := c.mr.ReadMessage()
		if err != nil {
			c.cancel() // a dead socket cancels whatever runs
			c.handoff <- incoming{err: err}
			return
		}
		if msg.Type == tds.PacketAttention && c.attention() {
			continue
		}
		if msg.Ignore {
			continue
		}
		c.handoff <- incoming{msg: msg}
		return
	}
}

// attention cancels the running request; it reports false when there is
// none (the response already went out) so an ack must be sent alone.
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
