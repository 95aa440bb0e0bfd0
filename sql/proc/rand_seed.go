package proc

import mrand "math/rand/v2"

// seededRand is the session's RAND generator after RAND(seed): the same
// seed gives the same sequence in the session, as in SQL Server. The
// numbers are not SQL Server's (its generator is undocumented).
type seededRand struct{ r *mrand.Rand }

func newSeededRand(seed int64) *seededRand {
	return &seededRand{r: mrand.New(mrand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))}
}

func (g *seededRand) Float64() float64 { return g.r.Float64() }
