// Command probe is the scenario suite's client for places a test process
// cannot reach directly (inside a network namespace): it logs in with
// go-mssqldb, runs SELECT 1 and prints "OK" or "ERR <number> <message>".
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	mssql "github.com/microsoft/go-mssqldb"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: probe DSN")
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := run(ctx, os.Args[1]); err != nil {
		var me mssql.Error
		if errors.As(err, &me) {
			fmt.Printf("ERR %d %s\n", me.Number, me.Message)
		} else {
			fmt.Printf("ERR 0 %v\n", err)
		}
		os.Exit(1)
	}
	fmt.Println("OK")
}

func run(ctx context.Context, dsn string) error {
	c, err := mssql.NewConnector(dsn)
	if err != nil {
		return err
	}
	conn, err := c.Connect(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.(interface{ Ping(context.Context) error }).Ping(ctx)
}
