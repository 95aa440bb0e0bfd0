package proc

import (
	"strings"
	"unicode/utf8"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/parser"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/session"
	"github.com/tsqld/tsqld/sql/types"
)

// dmlTarget is a resolved INSERT/UPDATE/DELETE target.
type dmlTarget struct {
	db    int32
	obj   *catalog.Object
	alias string
	cols  []sem.Column
}

func (s *Session) target(te ast.TableExpr) (*dmlTarget, *stmtError) {
	switch t := te.(type) {
	case *ast.NamedTable:
		db, o, serr := s.lookupTable(&t.Name)
		if serr != nil {
			return nil, serr
		}
		if o.Kind != catalog.KindTable {
			// INSERT into a view with an INSTEAD OF INSERT trigger (trigger.go).
			if vt := s.viewTriggerTarget(db, o, t.Alias.Name, "INSERT"); vt != nil {
				return vt, nil
			}
			return nil, msgErr(4405, o.Name)
		}
		alias := t.Alias.Name
		if alias == "" {
			alias = o.Name
		}
		return &dmlTarget{db: db, obj: o, alias: alias, cols: tableCols(o, alias)}, nil
	case *ast.VarTable:
		o := s.frame.tables[strings.ToLower(t.Name)]
		if o == nil {
			return nil, msgErr(1087, t.Name)
		}
		return &dmlTarget{db: catalog.TempDBID, obj: o, alias: t.Name, cols: tableCols(o, t.Name)}, nil
	}
	return nil, msgErr(40517, "DML target")
}

func tableCols(o *catalog.Object, alias string) []sem.Column {
	cols := make([]sem.Column, len(o.Table.Columns))
	for i, c := range o.Table.Columns {
		cols[i] = sem.Column{Name: c.Name, Type: c.Type, Nullable: c.Nullable, Identity: c.Identity != nil, Table: alias}
	}
	return cols
}

func (t *dmlTarget) fullName(s *Session) string {
	d := s.cat().DatabaseByID(t.db)
	return nameOf(d) + "." + t.obj.Schema + "." + t.obj.Name
}

// rowChecker validates a row before it is stored: NOT NULL, string
// truncation, CHECK and FOREIGN KEY constraints.
type rowChecker struct {
	s      *Session
	t      *dmlTarget
	verb   string // INSERT / UPDATE
	checks []sem.Expr
	// computed are the table's computed columns, filled in before the
	// other checks (computed.go).
	computed []computedCol
}

func (s *Session) newChecker(t *dmlTarget, verb string) (*rowChecker, *stmtError) {
	rc := &rowChecker{s: s, t: t, verb: verb}
	for _, ck := range t.obj.Table.Checks {
		e, err := parser.ParseExpr(ck.Expr, parser.Options{})
		if err != nil {
			return nil, stmtErr(parser.Messages(err)[0])
		}
		b, _ := s.binder(0)
		x, berr := b.BindExprOver(t.alias, t.cols, e)
		if berr != nil {
			return nil, stmtErr(berr)
		}
		rc.checks = append(rc.checks, x)
	}
	if serr := rc.bindComputed(); serr != nil {
		return nil, serr
	}
	return rc, nil
}

func (rc *rowChecker) check(c *exec.Ctx, row []types.Value) *msgs.Error {
	if e := rc.fillComputed(c, row); e != nil {
		return e
	}
	if e := rc.fillRowversion(c, row); e != nil { // rowversion.go
		return e
	}
	def := rc.t.obj.Table
	for i, col := range def.Columns {
		v := &row[i]
		if v.K == types.KindNull {
			if !col.Nullable {
				return msgs.NewTypical(515, col.Name, rc.t.fullName(rc.s), rc.verb)
			}
			continue
		}
		if v.K == types.KindString && col.Type.Length > 0 {
			if n := utf8.RuneCountInString(v.S); n > int(col.Type.Length) {
				trimmed := strings.TrimRight(v.S, " ")
				// ANSI_WARNINGS OFF truncates silently.
				if utf8.RuneCountInString(trimmed) > int(col.Type.Length) && rc.s.opts.Has(session.AnsiWarnings) {
					return msgs.New(2628, rc.t.fullName(rc.s), col.Name, truncPreview(v.S, int(col.Type.Length)))
				}
				v.S = string([]rune(v.S)[:col.Type.Length])
			}
		}
		if v.K == types.KindBytes && col.Type.Length > 0 && len(v.B) > int(col.Type.Length) {
			if rc.s.opts.Has(session.AnsiWarnings) {
				return msgs.New(2628, rc.t.fullName(rc.s), col.Name, "")
			}
			v.B = v.B[:col.Type.Length]
		}
	}
	for i, ck := range rc.checks {
		if def.Checks[i].Disabled {
			continue
		}
		v, err := c.Eval(ck, row)
		if err != nil {
			return err
		}
		if v.K != types.KindNull && v.I == 0 {
			name := def.Checks[i].Name
			a, b, c := colPart(checkColumn(def, def.Checks[i].Expr))
			return msgs.NewTypical(547, rc.verb, "CHECK", name, nameOf(rc.s.cat().DatabaseByID(rc.t.db)), rc.t.obj.Schema+"."+rc.t.obj.Name, a, b, c)
		}
	}
	for _, fk := range def.ForeignKeys {
		if fk.Disabled {
			continue
		}
		if e := rc.checkFK(c, &fk, row); e != nil {
			return e
		}
	}
	return nil
}

func truncPreview(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// checkColumn names the column a single-column CHECK refers to ("" when
// it refers to several), as SQL Server reports it.
func checkColumn(def *catalog.Table, expr string) string {
	found := ""
	le := strings.ToLower(expr)
	for _, c := range def.Columns {
		if strings.Contains(le, strings.ToLower(c.Name)) {
			if found != "" {
				return ""
			}
			found = c.Name
		}
	}
	return found
}

func (rc *rowChecker) checkFK(c *exec.Ctx, fk *catalog.ForeignKey, row []types.Value) *msgs.Error {
	vals := make([]types.Value, len(fk.Columns))
	for i, ci := range fk.Columns {
		if row[ci].K == types.KindNull {
			return nil
		}
		vals[i] = row[ci]
	}
	d := rc.s.cat().DatabaseByID(rc.t.db)
	ref := rc.s.cat().ObjectByID(d, fk.RefObject)
	if ref == nil {
		return nil
	}
	t := c.TableFor(rc.t.db, ref)
	found := false
	for i := range ref.Table.Indexes {
		ix := &ref.Table.Indexes[i]
		if !ix.Unique || ix.Filter != "" || len(ix.Columns) != len(fk.RefColumns) {
			continue
		}
		match := true
		ordered := make([]types.Value, len(vals))
		for j, ic := range ix.Columns {
			k := -1
			for m, rcol := range fk.RefColumns {
				if rcol == ic.Column {
					k = m
				}
			}
			if k < 0 {
				match = false
				break
			}
			cv, err := exec.Convert(vals[k], rc.t.obj.Table.Columns[fk.Columns[k]].Type, ref.Table.Columns[ic.Column].Type)
			if err != nil {
				return err
			}
			ordered[j] = cv
		}
		if !match {
			continue
		}
		_, _, ok, err := t.SeekUnique(ix, ordered)
		if err != nil {
			return msgs.New(8180)
		}
		found = ok
		break
	}
	if !found {
		col := ""
		if len(fk.RefColumns) == 1 {
			col = ref.Table.Columns[fk.RefColumns[0]].Name
		}
		a, b, c := colPart(col)
		return msgs.NewTypical(547, rc.verb, "FOREIGN KEY", fk.Name, d.Name, ref.Schema+"."+ref.Name, a, b, c)
	}
	return nil
}

type sentinel string

func (e sentinel) Error() string { return string(e) }

const errFound = sentinel("found")

// colPart renders the optional ", column 'x'" tail of Msg 547.
func colPart(col string) (string, string, string) {
	if col == "" {
		return "", "", ""
	}
	return ", column '", col, "'"
}

// parseExpr parses stored expression text (defaults, checks).
func parseExpr(text string) (ast.Expr, *msgs.Error) {
	e, err := parser.ParseExpr(text, parser.Options{})
	if err != nil {
		return nil, parser.Messages(err)[0]
	}
	return e, nil
}
