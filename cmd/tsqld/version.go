package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"
	"github.com/tsqld/tsqld/internal/version"
)

func init() {
	subcommands = append(subcommands, func() *cobra.Command {
		return &cobra.Command{
			Use:   "version",
			Short: "Print tsqld's version and the SQL Server version it presents",
			RunE: func(cmd *cobra.Command, _ []string) error {
				fmt.Fprintf(cmd.OutOrStdout(), "tsqld %s (SQL Server %s compatible) %s/%s %s\n",
					version.Tsqld, version.Product(), runtime.GOOS, runtime.GOARCH, runtime.Version())
				return nil
			},
		}
	})
}
