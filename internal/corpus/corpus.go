// Package corpus locates the shared test corpora (sqllogictest records and
// the Northwind/pubs scripts) that live next to the repository in
// ../shared/corpus. Tests use it so they find the corpus from any package
// directory. It imports nothing of ours.
package corpus

import (
	"os"
	"path/filepath"
	"runtime"
)

// Dir returns the corpus directory: $TSQLD_CORPUS when set, else
// ../shared/corpus relative to the repository root. ok is false when
// neither exists.
func Dir() (dir string, ok bool) {
	if env := os.Getenv("TSQLD_CORPUS"); env != "" {
		_, err := os.Stat(env)
		return env, err == nil
	}
	_, file, _, _ := runtime.Caller(0) // …/internal/corpus/corpus.go
	root := filepath.Dir(filepath.Dir(filepath.Dir(file)))
	dir = filepath.Join(filepath.Dir(root), "shared", "corpus")
	_, err := os.Stat(dir)
	return dir, err == nil
}

// Required reports whether a missing corpus must fail tests rather than
// skip them: scripts/test.sh sets TSQLD_CORPUS when the corpus is present.
func Required() bool { return os.Getenv("TSQLD_CORPUS") != "" }
