package proc

import (
	"encoding/binary"
	"sync"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
)

// rowversion (timestamp) columns take a database-wide, ever-increasing
// 8-byte value on every INSERT and UPDATE of their row; @@DBTS is the
// last value handed out. Like identity, the counter is not transactional.
// It is not stored: the first use in a database after a start resumes
// after the largest value found in the database's rowversion columns
// (a fresh database starts at 0x00000000000007D0, as SQL Server's do).

const dbtsStart = 0x7D0

type dbtsKey struct {
	srv *Server
	db  int32
}

type dbtsCounter struct {
	mu   sync.Mutex
	init bool
	last uint64
}

var dbtsCounters sync.Map // dbtsKey → *dbtsCounter

func (s *Session) dbtsCounter(db int32) *dbtsCounter {
	k := dbtsKey{s.srv, db}
	if c, ok := dbtsCounters.Load(k); ok {
		return c.(*dbtsCounter)
	}
	c, _ := dbtsCounters.LoadOrStore(k, &dbtsCounter{})
	return c.(*dbtsCounter)
}

// initDBTS finds the largest rowversion value stored in database db.
// The caller holds c.mu.
func (s *Session) initDBTS(ec *exec.Ctx, db int32, c *dbtsCounter) error {
	c.init, c.last = true, dbtsStart
	d := s.cat().DatabaseByID(db)
	if d == nil {
		return nil
	}
	for _, o := range s.cat().Objects(d) {
		if o.Kind != catalog.KindTable || o.Table == nil {
			continue
		}
		var cols []int
		for i := range o.Table.Columns {
			if o.Table.Columns[i].Type.ID == types.Timestamp {
				cols = append(cols, i)
			}
		}
		if len(cols) == 0 {
			continue
		}
		err := ec.TableFor(db, o).Scan(func(_ []byte, row []types.Value) error {
			for _, i := range cols {
				if v := row[i]; v.K == types.KindBytes && len(v.B) == 8 {
					if n := binary.BigEndian.Uint64(v.B); n > c.last {
						c.last = n
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// fillRowversion gives row's rowversion columns the database's next
// values. ALTER TABLE only fills a column it adds (the value is NULL);
// INSERT, UPDATE and MERGE always give the row a new version.
func (rc *rowChecker) fillRowversion(ec *exec.Ctx, row []types.Value) *msgs.Error {
	def := rc.t.obj.Table
	var c *dbtsCounter
	for i := range def.Columns {
		if def.Columns[i].Type.ID != types.Timestamp || def.Columns[i].Computed != "" {
			continue
		}
		if rc.verb == "ALTER TABLE" && row[i].K != types.KindNull {
			continue
		}
		if c == nil {
			c = rc.s.dbtsCounter(rc.t.db)
			c.mu.Lock()
			defer c.mu.Unlock()
			if !c.init {
				if err := rc.s.initDBTS(ec, rc.t.db, c); err != nil {
					return msgs.New(8180)
				}
			}
		}
		c.last++
		row[i] = types.Value{K: types.KindBytes, B: binary.BigEndian.AppendUint64(nil, c.last)}
	}
	return nil
}

// currentDBTS is @@DBTS: the current database's last rowversion value.
func (s *Session) currentDBTS() types.Value {
	c := s.dbtsCounter(s.db.ID)
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.init {
		if s.tx == nil {
			return types.Value{K: types.KindBytes, B: binary.BigEndian.AppendUint64(nil, dbtsStart)}
		}
		if err := s.initDBTS(s.execCtx(s.ctx), s.db.ID, c); err != nil {
			c.init = false
			return types.Null
		}
	}
	return types.Value{K: types.KindBytes, B: binary.BigEndian.AppendUint64(nil, c.last)}
}
