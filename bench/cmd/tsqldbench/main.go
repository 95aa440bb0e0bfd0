package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
		os.Exit(2)
	}
	var err error
	args := os.Args[2:]
	switch os.Args[1] {
	case "run":
		err = cmdRun(args)
	case "drive":
		err = cmdDrive(args)
	case "launch":
		err = cmdLaunch(args)
	case "serve":
		err = cmdServe(args)
	case "password":
		err = cmdPassword()
	case "freeport":
		err = cmdFreePort()
	case "-h", "--help", "help":
		usage()
		return
	default:
		usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "tsqldbench:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprint(os.Stderr, `usage: tsqldbench <command> [flags]

commands:
  run       run the side-by-side benchmark (see run -h)
  drive     run workloads against one server only (before/after, profiling)
  launch    start a server and time start → first login
  serve     stand-in for 'tsqld serve' (package embed)
  password  print a random password meeting SQL Server's policy
  freeport  print a free loopback TCP port

Normally started by scripts/bench.sh, which sets up both servers.
`)
}
