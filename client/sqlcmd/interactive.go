package sqlcmd

import (
	"io"
	"os"

	"golang.org/x/term"
)

// terminalOf returns stdin as a terminal file, or nil.
func terminalOf(stdin io.Reader) *os.File {
	f, ok := stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return f
}

// termReader reads lines with x/term's editor (cursor keys, history). The
// terminal is raw only while a line is read, so Ctrl-C during a batch is a
// signal (which cancels the batch) and output keeps its normal newlines.
type termReader struct {
	fd int
	t  *term.Terminal
}

type stdio struct {
	io.Reader
	io.Writer
}

func newTermReader(in *os.File, out io.Writer) (*termReader, error) {
	fd := int(in.Fd())
	if _, err := term.GetState(fd); err != nil {
		return nil, err
	}
	return &termReader{fd: fd, t: term.NewTerminal(stdio{in, out}, "")}, nil
}

// ReadLine shows the prompt and reads one line; Ctrl-D on an empty line
// and Ctrl-C at the prompt end the session, as in sqlcmd.
func (r *termReader) ReadLine(prompt string) (string, error) {
	old, err := term.MakeRaw(r.fd)
	if err != nil {
		return "", err
	}
	defer term.Restore(r.fd, old)
	r.t.SetPrompt(prompt)
	return r.t.ReadLine()
}

// readPassword prompts "Password: " and reads without echo.
func readPassword(in *os.File, out io.Writer) (string, error) {
	io.WriteString(out, "Password: ")
	b, err := term.ReadPassword(int(in.Fd()))
	io.WriteString(out, "\n")
	return string(b), err
}
