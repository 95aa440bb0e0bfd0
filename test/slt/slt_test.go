package slt

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tsqld/tsqld/internal/corpus"
	"github.com/tsqld/tsqld/slt"
)

// corpusDir finds ../shared/corpus/slt next to the repository (or
// $TSQLD_CORPUS/slt).
func corpusDir(t *testing.T) string {
	t.Helper()
	dir, ok := corpus.Dir()
	if !ok {
		if corpus.Required() {
			t.Fatalf("corpus not found at %s", dir)
		}
		t.Skipf("corpus not found at %s (../shared/corpus next to the repository, or set TSQLD_CORPUS)", dir)
	}
	return filepath.Join(dir, "slt")
}

// The subset: the select1-3 files, the evidence files and one index
// family — every statement kind the corpus uses, in under a minute.
var subset = []string{
	"select1.test", "select2.test", "select3.test",
	"evidence",
	"index/between/1/slt_good_0.test",
	"index/commute/10/slt_good_0.test",
	"index/orderby/10/slt_good_0.test",
}

func TestCorpusSubset(t *testing.T) {
	dir := corpusDir(t)
	var files []string
	for _, s := range subset {
		fs, err := slt.CollectFiles([]string{filepath.Join(dir, s)})
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	var log strings.Builder
	r := &slt.Runner{Open: slt.InProcess(), Timeout: 60 * time.Second, Log: &log}
	if d, err := slt.LoadDivergences(filepath.Join("..", "..", "testdata", "slt-divergences.txt")); err == nil {
		r.Divergences = d
	} else if !os.IsNotExist(err) {
		t.Fatal(err)
	}
	results, tot := r.RunFiles(context.Background(), files)
	for _, res := range results {
		if res.Failed > 0 || res.Err != nil {
			t.Errorf("%s: %d passed, %d failed (%v)", res.File, res.Passed, res.Failed, res.Err)
			for i, f := range res.Failures {
				if i == 10 {
					break
				}
				t.Log(f.String())
			}
		}
	}
	t.Log(tot.String())
	if tot.Passed == 0 {
		t.Fatal("no record passed")
	}
}
