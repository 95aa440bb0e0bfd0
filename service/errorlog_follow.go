package service

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"syscall"
	"time"
)

// FollowInterval is how often Follow polls for new lines.
var FollowInterval = 200 * time.Millisecond

// Follow is `tsqld log --follow`: it emits the last n lines of the log
// (n < 0: all), then every new line until ctx ends. A cycle (the file
// replaced by a new errorlog) is followed into the new file.
func Follow(ctx context.Context, path string, n int, emit func(line string)) error {
	var (
		f       *os.File
		ino     uint64
		pending []byte
		first   = true
	)
	defer func() {
		if f != nil {
			f.Close()
		}
	}()
	buf := make([]byte, 64*1024)
	for {
		if f == nil {
			nf, err := os.Open(path)
			if err == nil {
				f, ino, pending = nf, inode(nf), nil
				if first {
					if err := emitTail(f, n, emit); err != nil {
						return err
					}
				}
			} else if !os.IsNotExist(err) {
				return err
			}
			first = false
		}
		if f != nil {
			for {
				k, err := f.Read(buf)
				if k > 0 {
					pending = append(pending, buf[:k]...)
					for {
						i := bytes.IndexByte(pending, '\n')
						if i < 0 {
							break
						}
						emit(strings.TrimRight(string(pending[:i]), "\r"))
						pending = pending[i+1:]
					}
				}
				if err == io.EOF || k == 0 {
					break
				}
				if err != nil {
					return err
				}
			}
			// Rotated: the name now points to another file.
			if st, err := os.Stat(path); err == nil && statIno(st) != ino {
				f.Close()
				f = nil
				continue
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(FollowInterval):
		}
	}
}

// emitTail emits the last n complete lines and leaves f at the end.
func emitTail(f *os.File, n int, emit func(string)) error {
	b, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	text := decodeLog(b)
	// Keep an incomplete last line for the next read by seeking back.
	if i := strings.LastIndexByte(string(b), '\n'); i >= 0 && i < len(b)-1 {
		if _, err := f.Seek(int64(i+1), io.SeekStart); err != nil {
			return err
		}
		text = decodeLog(b[:i+1])
	}
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if text == "" {
		lines = nil
	}
	if n >= 0 && len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	for _, l := range lines {
		emit(strings.TrimRight(l, "\r"))
	}
	return nil
}

func inode(f *os.File) uint64 {
	st, err := f.Stat()
	if err != nil {
		return 0
	}
	return statIno(st)
}

func statIno(st os.FileInfo) uint64 {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return s.Ino
	}
	return 0
}
