package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/tsqld/tsqld/embed"
)

// cmdServe is a stand-in for `tsqld serve --port N --data DIR` (sa
// password from MSSQL_SA_PASSWORD) while the real serve command is not in
// the tree. It runs the same embed server `serve` is meant to call, in a
// process of its own, so its CPU and memory can be measured apart from
// the client's.
func cmdServe(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	port := fs.Int("port", 1433, "TCP port to listen on (loopback)")
	data := fs.String("data", "", "data directory (pebble storage); required")
	host := fs.String("host", "127.0.0.1", "listen address")
	if err := fs.Parse(normalizeFlags(args)); err != nil {
		return err
	}
	if *data == "" {
		return fmt.Errorf("serve: --data is required")
	}
	pw := os.Getenv("MSSQL_SA_PASSWORD")
	if pw == "" {
		return fmt.Errorf("serve: MSSQL_SA_PASSWORD is not set")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv, err := embed.Start(ctx, embed.Config{
		DataDir:    *data,
		SAPassword: pw,
		Addrs:      []string{net.JoinHostPort(*host, strconv.Itoa(*port))},
		Logger:     slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "tsqldbench serve: listening on %s (data %s)\n", srv.Addr(), *data)
	select {
	case <-ctx.Done():
	case <-srv.Done():
		return srv.Err()
	}
	return srv.Close()
}
