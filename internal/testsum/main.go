// Command testsum reads `go test -json` output on stdin, echoes package
// results and the output of failed tests, and ends with the line
// "N passed, N failed, N skipped" that CI counts. It exits 1 when any test
// or package failed. (Hand-rolled because it is 80 lines and the test2json
// event format is part of the Go toolchain; gotestsum would be a new
// dependency for one line of output.)
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

type event struct {
	Action  string
	Package string
	Test    string
	Output  string
	Elapsed float64
}

func main() {
	extraSkipped := flag.Int("extra-skipped", 0, "tests skipped before running (counted as skipped)")
	flag.Parse()
	var passed, failed, skipped int
	skipped = *extraSkipped
	outputs := map[string]*strings.Builder{}
	var failedNames []string
	pkgFailed := false
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if err := json.Unmarshal(line, &e); err != nil {
			fmt.Println(string(line)) // build errors and other plain output
			continue
		}
		key := e.Package + " " + e.Test
		switch e.Action {
		case "output":
			b := outputs[key]
			if b == nil {
				b = &strings.Builder{}
				outputs[key] = b
			}
			if b.Len() < 64<<10 {
				b.WriteString(e.Output)
			}
		case "pass", "fail", "skip":
			if e.Test == "" {
				status := strings.ToUpper(e.Action)
				if e.Action == "fail" {
					pkgFailed = true
					if b := outputs[key]; b != nil {
						fmt.Print(b.String())
					}
				}
				fmt.Printf("%-4s %s (%.1fs)\n", status, e.Package, e.Elapsed)
				continue
			}
			if strings.Contains(e.Test, "/") { // count top-level tests only
				if e.Action == "fail" {
					if b := outputs[key]; b != nil {
						fmt.Print(b.String())
					}
				}
				continue
			}
			switch e.Action {
			case "pass":
				passed++
			case "fail":
				failed++
				failedNames = append(failedNames, e.Package+"."+e.Test)
				if b := outputs[key]; b != nil {
					fmt.Print(b.String())
				}
			case "skip":
				skipped++
			}
			delete(outputs, key)
		}
	}
	sort.Strings(failedNames)
	for _, n := range failedNames {
		fmt.Println("FAILED:", n)
	}
	fmt.Printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped)
	if failed > 0 || pkgFailed {
		os.Exit(1)
	}
}
