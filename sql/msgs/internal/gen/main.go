// Command gen turns messages.tsv (the committed message catalogue) into
// catalogue_gen.go, a sorted Go table, so the server does no parsing at
// startup. Run it with `go generate ./sql/msgs`.
//
// messages.tsv: UTF-8, one row per line, tab-separated. Lines starting with
// '#' and blank lines are ignored. Columns, trailing ones optional:
//
//	kind  number  severity  state  logged  name  english  french  explain_en  explain_fr  action_en  action_fr  note
//
// kind is msg, os, sni, provider, context or conn. state (optional) is the
// state clients usually see. logged is Y or empty.
// In text columns "\n", "\t" and "\\" are escapes. The note column is for
// people (provenance; a leading '?' marks a text we are not sure of) and is
// not generated.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/tsqld/tsqld/sql/msgs/internal/catgen"
)

func main() {
	in := flag.String("in", "messages.tsv", "catalogue data file")
	out := flag.String("out", "catalogue_gen.go", "generated Go file")
	flag.Parse()
	rows, err := catgen.Read(*in)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	src, err := catgen.Render(rows)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
