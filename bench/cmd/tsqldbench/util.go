package main

import (
	"fmt"
	"net"
	"strings"

	"github.com/tsqld/tsqld/embed"
)

func cmdPassword() error {
	pw, err := embed.GeneratePassword()
	if err != nil {
		return err
	}
	fmt.Println(pw)
	return nil
}

// cmdFreePort prints a port the kernel just gave out on loopback; the
// window until the server binds it is short and nothing else on this
// machine picks ports in that range on purpose.
func cmdFreePort() error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer l.Close()
	fmt.Println(l.Addr().(*net.TCPAddr).Port)
	return nil
}

// normalizeFlags turns GNU-style --flag into the flag package's -flag and
// stops at "--" (which the flag package also understands).
func normalizeFlags(args []string) []string {
	out := make([]string, len(args))
	done := false
	for i, a := range args {
		if a == "--" {
			done = true
		}
		if !done && strings.HasPrefix(a, "--") && len(a) > 2 {
			a = a[1:]
		}
		out[i] = a
	}
	return out
}
