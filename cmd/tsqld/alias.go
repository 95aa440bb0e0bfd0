package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/tsqld/tsqld/client"
)

// `tsqld config alias`: client aliases (SQL Server's client network
// configuration), resolved by `tsqld sql -S NAME` and `tsqld doctor NAME`.

func init() {
	configSubcommands = append(configSubcommands, newAliasCmd)
}

func newAliasCmd() *cobra.Command {
	var file string
	var asJSON bool
	path := func() string {
		if file != "" {
			return file
		}
		return client.AliasPath(nil)
	}
	cmd := &cobra.Command{
		Use:   "alias",
		Short: "Client aliases: a name clients replace by tcp:host,port, np: or lpc: (file $" + client.AliasesEnv + " or ~/.config/tsqld/aliases.ini)",
	}
	cmd.PersistentFlags().StringVar(&file, "file", "", "alias file (default $"+client.AliasesEnv+", $XDG_CONFIG_HOME/tsqld/aliases.ini or ~/.config/tsqld/aliases.ini)")
	set := &cobra.Command{
		Use: "set NAME TARGET", Short: "Add or change an alias (TARGET: tcp:host[,port], tcp:host\\instance, np:host[\\instance], lpc:host[\\instance])",
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return client.SetAlias(path(), args[0], args[1])
		},
	}
	get := &cobra.Command{
		Use: "get NAME", Short: "Show an alias's target", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, ok, err := client.LookupAlias(path(), args[0])
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("no alias %q in %s", args[0], path())
			}
			fmt.Fprintln(cmd.OutOrStdout(), a.Target)
			return nil
		},
	}
	unset := &cobra.Command{
		Use: "unset NAME", Short: "Remove an alias", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ok, err := client.UnsetAlias(path(), args[0])
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("no alias %q in %s", args[0], path())
			}
			return nil
		},
	}
	list := &cobra.Command{
		Use: "list", Short: "List the aliases", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			all, err := client.LoadAliases(path())
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				if all == nil {
					all = []client.Alias{}
				}
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(map[string]any{"file": path(), "aliases": all})
			}
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tTARGET")
			for _, a := range all {
				fmt.Fprintf(tw, "%s\t%s\n", a.Name, a.Target)
			}
			return tw.Flush()
		},
	}
	list.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.AddCommand(set, get, unset, list)
	return cmd
}
