package service

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"time"
)

// Control-channel operations: one JSON request line, one JSON response
// line, then the server closes the connection.
const (
	OpStatus        = "status"
	OpPause         = "pause"
	OpContinue      = "continue"
	OpStop          = "stop"
	OpCycleErrorLog = "cycle-errorlog"
	// OpReload tells a running instance that mssql.conf changed (immediate
	// settings apply at once).
	OpReload = "reload"
)

// ControlRequest is a request on the control socket.
type ControlRequest struct {
	Op     string `json:"op"`
	NoWait bool   `json:"nowait,omitempty"`
}

// ControlResponse is the answer; Code is the Win32 code of a refused
// control (1062 not started …).
type ControlResponse struct {
	OK     bool            `json:"ok"`
	Error  string          `json:"error,omitempty"`
	Code   int             `json:"code,omitempty"`
	Status *InstanceStatus `json:"status,omitempty"`
}

// controlHandler executes one request.
type controlHandler func(ControlRequest) ControlResponse

// controlServer serves the Unix control socket of an instance.
type controlServer struct {
	ln      *net.UnixListener
	path    string
	handle  controlHandler
	wg      sync.WaitGroup
	closing chan struct{}
}

// maxControlRequest bounds a request line; real ones are tiny.
const maxControlRequest = 4096

// listenControl creates the socket with mode 0600. A stale socket file
// (crash) is removed: the caller holds the instance lock, so no live
// server can own it.
func listenControl(path string, h controlHandler) (*controlServer, error) {
	if len(path) >= 108 {
		return nil, fmt.Errorf("control socket path %q is too long for a Unix socket (max 107 bytes); use a shorter TSQLD_HOME", path)
	}
	os.Remove(path)
	// Between bind and chmod another user could connect, but checkPeer
	// refuses them; a process-wide umask change would race other files.
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return nil, err
	}
	ln.SetUnlinkOnClose(true)
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	s := &controlServer{ln: ln, path: path, handle: h, closing: make(chan struct{})}
	s.wg.Add(1)
	go s.serve()
	return s, nil
}

func (s *controlServer) serve() {
	defer s.wg.Done()
	for {
		c, err := s.ln.AcceptUnix()
		if err != nil {
			select {
			case <-s.closing:
				return
			default:
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			time.Sleep(10 * time.Millisecond)
			continue
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.serveConn(c)
		}()
	}
}

func (s *controlServer) serveConn(c *net.UnixConn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(30 * time.Second))
	enc := json.NewEncoder(c)
	if err := checkPeer(c); err != nil {
		enc.Encode(ControlResponse{Error: err.Error(), Code: 5}) // ERROR_ACCESS_DENIED
		return
	}
	r := bufio.NewReaderSize(c, 512)
	line, err := readLimitedLine(r, maxControlRequest)
	if err != nil {
		enc.Encode(ControlResponse{Error: "bad control request: " + err.Error()})
		return
	}
	var req ControlRequest
	if err := json.Unmarshal(line, &req); err != nil {
		enc.Encode(ControlResponse{Error: "bad control request: " + err.Error()})
		return
	}
	enc.Encode(s.handle(req))
}

func readLimitedLine(r *bufio.Reader, max int) ([]byte, error) {
	var out []byte
	for {
		frag, err := r.ReadSlice('\n')
		out = append(out, frag...)
		if len(out) > max {
			return nil, errors.New("request too long")
		}
		if err == nil {
			return out, nil
		}
		if err != bufio.ErrBufferFull {
			if len(out) > 0 && errors.Is(err, io.EOF) {
				return out, nil
			}
			return nil, err
		}
	}
}

// close stops accepting and waits for in-flight requests.
func (s *controlServer) close() {
	if s == nil {
		return
	}
	close(s.closing)
	s.ln.Close()
	s.wg.Wait()
}

// controlResponseFor turns a control error into a response.
func controlResponseFor(err error, st *InstanceStatus) ControlResponse {
	if err == nil {
		return ControlResponse{OK: true, Status: st}
	}
	resp := ControlResponse{Error: err.Error(), Status: st}
	var ce *ControlError
	if errors.As(err, &ce) {
		resp.Code = ce.Code
		resp.Error = ce.Text
	}
	return resp
}
