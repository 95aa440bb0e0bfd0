// Command tsqld is the SQL Server–compatible server and its tools. This
// package only wires subcommands (cobra) to the packages that do the work.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

func main() {
	root := &cobra.Command{
		Use:           "tsqld",
		Short:         "A SQL Server-compatible database server",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	for _, add := range subcommands {
		root.AddCommand(add())
	}
	if err := root.Execute(); err != nil {
		var ec exitCoder
		if e, ok := err.(exitCoder); ok {
			ec = e
		}
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(os.Stderr, "tsqld:", msg)
		}
		if ec != nil {
			os.Exit(ec.ExitCode())
		}
		os.Exit(1)
	}
}

// subcommands is filled by the init functions of the files named after
// each command, so adding a command touches one file.
var subcommands []func() *cobra.Command

// exitCoder lets a command choose its exit status (sqlcmd -b, doctor).
type exitCoder interface{ ExitCode() int }
