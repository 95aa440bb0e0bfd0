package main

import (
	"github.com/spf13/cobra"
	"github.com/tsqld/tsqld/slt"
)

func init() {
	subcommands = append(subcommands, func() *cobra.Command {
		return &cobra.Command{
			Use:                "slt [--dsn DSN] [--divergences FILE] FILES-OR-DIRS...",
			Short:              "Run sqllogictest files (in-process by default, or against a server with --dsn)",
			DisableFlagParsing: true,
			RunE: func(cmd *cobra.Command, args []string) error {
				var open slt.OpenFunc
				if !hasFlag(args, "dsn") {
					open = slt.InProcess()
				}
				if code := slt.Main(cmd.Context(), normalizeFlags(args), cmd.OutOrStdout(), cmd.ErrOrStderr(), open); code != 0 {
					return exitError{code: code}
				}
				return nil
			},
		}
	})
}
