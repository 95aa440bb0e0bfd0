package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// userHZ is the unit of the times in /proc/<pid>/stat. The kernel exports
// USER_HZ = 100 to user space on every mainstream architecture.
const userHZ = 100

// procStat holds the fields of /proc/<pid>/stat the harness needs.
type procStat struct {
	ppid                         int
	utime, stime, cutime, cstime int64 // clock ticks
}

// readStat parses /proc/<pid>/stat. The command name (field 2) may hold
// spaces and parentheses, so parsing starts after the last ')'.
func readStat(pid int) (procStat, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return procStat{}, err
	}
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return procStat{}, fmt.Errorf("/proc/%d/stat: no command", pid)
	}
	f := strings.Fields(string(b[i+1:]))
	// f[0] is field 3 (state); utime is field 14, so f[11].
	if len(f) < 15 {
		return procStat{}, fmt.Errorf("/proc/%d/stat: %d fields", pid, len(f))
	}
	var s procStat
	s.ppid, _ = strconv.Atoi(f[1])
	s.utime, _ = strconv.ParseInt(f[11], 10, 64)
	s.stime, _ = strconv.ParseInt(f[12], 10, 64)
	s.cutime, _ = strconv.ParseInt(f[13], 10, 64)
	s.cstime, _ = strconv.ParseInt(f[14], 10, 64)
	return s, nil
}

func ticks(t int64) time.Duration { return time.Duration(t) * time.Second / userHZ }

// cpuMeter returns the cumulative CPU time (user+system) of a server's
// processes. Differences of two readings are what a workload cost.
type cpuMeter interface {
	CPU() (time.Duration, error)
}

// processCPU is one process with all its threads (tsqld).
type processCPU struct{ pid int }

func (p processCPU) CPU() (time.Duration, error) {
	s, err := readStat(p.pid)
	if err != nil {
		return 0, err
	}
	return ticks(s.utime + s.stime), nil
}

// treeCPU is a process and all its descendants (the postmaster and its
// backends, background workers and auxiliary processes). Exited children
// are counted through cutime/cstime, which the kernel adds to the parent
// when it reaps them; at any instant a child is either alive (counted
// from its own stat) or reaped (counted in its parent's c-times), so the
// sum is continuous across backend exits.
type treeCPU struct{ pid int }

func (t treeCPU) CPU() (time.Duration, error) {
	root, err := readStat(t.pid)
	if err != nil {
		return 0, err
	}
	total := root.utime + root.stime + root.cutime + root.cstime
	for _, pid := range descendants(t.pid) {
		s, err := readStat(pid)
		if err != nil {
			continue // exited in between: now in the parent's c-times
		}
		total += s.utime + s.stime + s.cutime + s.cstime
	}
	return ticks(total), nil
}

// descendants lists the live descendants of pid by scanning /proc.
func descendants(pid int) []int {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	parent := map[int]int{}
	for _, e := range ents {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		s, err := readStat(p)
		if err != nil {
			continue
		}
		parent[p] = s.ppid
	}
	var out []int
	for p := range parent {
		for q := parent[p]; q > 1; q = parent[q] {
			if q == pid {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// memInfo is resident memory in KiB: RSS summed over the processes (which
// counts PostgreSQL's shared buffers once per process that touched them)
// and PSS (proportional set size: shared pages split among their users),
// the fair figure for comparing one process with a process family.
type memInfo struct {
	RSSKiB int64 `json:"rss_kib"`
	PSSKiB int64 `json:"pss_kib"`
}

func memOf(pids []int) (memInfo, error) {
	var m memInfo
	var firstErr error
	for _, pid := range pids {
		f, err := os.Open(filepath.Join("/proc", strconv.Itoa(pid), "smaps_rollup"))
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			var dst *int64
			switch {
			case strings.HasPrefix(line, "Rss:"):
				dst = &m.RSSKiB
			case strings.HasPrefix(line, "Pss:"):
				dst = &m.PSSKiB
			default:
				continue
			}
			if fs := strings.Fields(line); len(fs) >= 2 {
				n, _ := strconv.ParseInt(fs[1], 10, 64)
				*dst += n
			}
		}
		f.Close()
	}
	if m.RSSKiB == 0 && firstErr != nil {
		return m, firstErr
	}
	return m, nil
}

// memMeter measures a server's resident memory.
type memMeter func() (memInfo, error)

func processMem(pid int) memMeter {
	return func() (memInfo, error) { return memOf([]int{pid}) }
}

func treeMem(pid int) memMeter {
	return func() (memInfo, error) { return memOf(append([]int{pid}, descendants(pid)...)) }
}

// machineBusy returns the CPU time all CPUs spent busy (not idle, not
// waiting for I/O) since boot, from the first line of /proc/stat.
func machineBusy() (time.Duration, bool) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, false
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line)
	if len(f) < 9 || f[0] != "cpu" {
		return 0, false
	}
	var busy int64
	// user nice system idle iowait irq softirq steal: skip idle (4) and
	// iowait (5); guest time is already inside user.
	for i, v := range f[1:9] {
		if i == 3 || i == 4 {
			continue
		}
		n, _ := strconv.ParseInt(v, 10, 64)
		busy += n
	}
	return ticks(busy), true
}

// selfCPU is the harness's own user+system CPU (the client side).
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
