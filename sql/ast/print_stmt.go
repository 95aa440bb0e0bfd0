package ast

import "strings"

func (p *printer) stmts(list []Stmt) {
	for i, s := range list {
		if i > 0 {
			p.nl()
		}
		p.stmt(s)
		p.semi()
	}
}

// semi ends a statement unless its body already did.
func (p *printer) semi() {
	if n := p.sb.Len(); n == 0 || p.sb.String()[n-1] != ';' {
		p.sb.WriteByte(';')
	}
}

// block prints statements as an indented body.
func (p *printer) body(list []Stmt) {
	p.indent++
	for _, s := range list {
		p.nl()
		p.stmt(s)
		p.semi()
	}
	p.indent--
}

func (p *printer) output(into, plain *OutputClause) {
	if into != nil {
		p.w(" OUTPUT ")
		p.selectItems(into.Items)
		p.w(" INTO ")
		p.table(into.Into)
		if len(into.IntoColumns) > 0 {
			p.w(" ")
			p.parenIdents(into.IntoColumns)
		}
	}
	if plain != nil {
		p.w(" OUTPUT ")
		p.selectItems(plain.Items)
	}
}

func (p *printer) setClauses(list []*SetClause) {
	for i, c := range list {
		if i > 0 {
			p.w(", ")
		}
		if c.Var != "" {
			p.w(c.Var)
			p.w(" ")
			p.w(c.Op.String())
			p.w(" ")
			if c.Column != nil {
				p.expr(c.Column)
				p.w(" = ")
			}
		} else {
			p.expr(c.Column)
			p.w(" ")
			p.w(c.Op.String())
			p.w(" ")
		}
		p.expr(c.Value)
	}
}

func (p *printer) cursorRef(c *CursorRef) {
	if c.Var != "" {
		p.w(c.Var)
		return
	}
	if c.Global {
		p.w("GLOBAL ")
	}
	p.ident(c.Name)
}

func (p *printer) where(where Expr, cur *CursorRef) {
	if cur != nil {
		p.w(" WHERE CURRENT OF ")
		p.cursorRef(cur)
	} else if where != nil {
		p.w(" WHERE ")
		p.expr(where)
	}
}

func (p *printer) dmlPrefix(with *WithClause, verb string, top *Top) {
	if with != nil {
		p.with(with)
		p.w(" ")
	}
	p.w(verb)
	if top != nil {
		p.w(" ")
		p.top(top)
	}
}

func (p *printer) queryOptions(opts []*Option) {
	if len(opts) > 0 {
		p.w(" OPTION ")
		p.options(opts, false)
	}
}

func (p *printer) tranName(s string) {
	if s != "" {
		p.w(" ")
		if strings.HasPrefix(s, "@") {
			p.w(s)
		} else {
			p.ident(Ident{Name: s})
		}
	}
}

func (p *printer) stmt(s Stmt) {
	switch s := s.(type) {
	case *SelectStmt:
		p.query(s.Query)
	case *InsertStmt:
		p.dmlPrefix(s.With, "INSERT", s.Top)
		p.w(" INTO ")
		p.table(s.Target)
		if len(s.Columns) > 0 {
			p.w(" ")
			p.parenIdents(s.Columns)
		}
		p.output(s.OutputInto, s.Output)
		switch {
		case s.DefaultValues:
			p.w(" DEFAULT VALUES")
		case s.Values != nil:
			p.w(" VALUES ")
			p.valuesRows(s.Values)
		case s.Query != nil:
			p.w(" ")
			p.query(s.Query)
		case s.Exec != nil:
			p.w(" ")
			p.stmt(s.Exec)
		}
		p.queryOptions(s.Options)
	case *UpdateStmt:
		p.dmlPrefix(s.With, "UPDATE", s.Top)
		p.w(" ")
		p.table(s.Target)
		p.w(" SET ")
		p.setClauses(s.Set)
		p.output(s.OutputInto, s.Output)
		if len(s.From) > 0 {
			p.w(" FROM ")
			p.tables(s.From)
		}
		p.where(s.Where, s.CurrentOf)
		p.queryOptions(s.Options)
	case *DeleteStmt:
		p.dmlPrefix(s.With, "DELETE", s.Top)
		p.w(" FROM ")
		p.table(s.Target)
		p.output(s.OutputInto, s.Output)
		if len(s.From) > 0 {
			p.w(" FROM ")
			p.tables(s.From)
		}
		p.where(s.Where, s.CurrentOf)
		p.queryOptions(s.Options)
	case *MergeStmt:
		p.dmlPrefix(s.With, "MERGE", s.Top)
		p.w(" INTO ")
		p.table(s.Target)
		p.w(" USING ")
		p.table(s.Source)
		p.w(" ON ")
		p.expr(s.On)
		for _, m := range s.Whens {
			switch m.Match {
			case MergeMatched:
				p.w(" WHEN MATCHED")
			case MergeNotMatched:
				p.w(" WHEN NOT MATCHED")
			default:
				p.w(" WHEN NOT MATCHED BY SOURCE")
			}
			if m.Cond != nil {
				p.w(" AND ")
				p.expr(m.Cond)
			}
			p.w(" THEN ")
			switch m.Action {
			case MergeUpdate:
				p.w("UPDATE SET ")
				p.setClauses(m.Set)
			case MergeDelete:
				p.w("DELETE")
			default:
				p.w("INSERT")
				if len(m.Columns) > 0 {
					p.w(" ")
					p.parenIdents(m.Columns)
				}
				if m.DefaultValues {
					p.w(" DEFAULT VALUES")
				} else {
					p.w(" VALUES (")
					p.exprs(m.Values)
					p.w(")")
				}
			}
		}
		p.output(s.OutputInto, s.Output)
		p.queryOptions(s.Options)
	case *TruncateStmt:
		p.w("TRUNCATE TABLE ")
		p.objectName(&s.Table)
	case *DeclareStmt:
		p.w("DECLARE ")
		for i, v := range s.Vars {
			if i > 0 {
				p.w(", ")
			}
			p.w(v.Name)
			p.w(" ")
			switch {
			case v.Table != nil:
				p.w("TABLE ")
				p.tableDef(v.Table)
			case v.Cursor:
				p.w("CURSOR")
			default:
				p.typeName(v.Type)
				if v.Init != nil {
					p.w(" = ")
					p.expr(v.Init)
				}
			}
		}
	case *DeclareCursorStmt:
		p.w("DECLARE ")
		p.ident(s.Name)
		p.w(" ")
		p.cursorBody(s)
	case *SetVarStmt:
		p.w("SET ")
		p.w(s.Name)
		p.w(" ")
		p.w(s.Op.String())
		p.w(" ")
		if s.Cursor != nil {
			p.cursorBody(s.Cursor)
		} else {
			p.expr(s.Value)
		}
	case *SetOptionStmt:
		p.w("SET ")
		p.w(strings.Join(s.Options, ", "))
		if s.Value != nil {
			p.w(" ")
			p.expr(s.Value)
		} else if s.On {
			p.w(" ON")
		} else {
			p.w(" OFF")
		}
	case *SetIsolationStmt:
		p.w("SET TRANSACTION ISOLATION LEVEL ")
		p.w(s.Level)
	case *SetIdentityInsertStmt:
		p.w("SET IDENTITY_INSERT ")
		p.objectName(&s.Table)
		if s.On {
			p.w(" ON")
		} else {
			p.w(" OFF")
		}
	case *BlockStmt:
		p.w("BEGIN")
		p.body(s.Stmts)
		p.nl()
		p.w("END")
	case *IfStmt:
		p.w("IF ")
		p.expr(s.Cond)
		p.indent++
		p.nl()
		p.stmt(s.Then)
		p.indent--
		if s.Else != nil {
			p.w(";")
			p.nl()
			p.w("ELSE")
			p.indent++
			p.nl()
			p.stmt(s.Else)
			p.indent--
		}
	case *WhileStmt:
		p.w("WHILE ")
		p.expr(s.Cond)
		p.indent++
		p.nl()
		p.stmt(s.Body)
		p.indent--
	case *BreakStmt:
		p.w("BREAK")
	case *ContinueStmt:
		p.w("CONTINUE")
	case *GotoStmt:
		p.w("GOTO ")
		p.ident(s.Label)
	case *LabelStmt:
		p.ident(s.Label)
		p.w(":")
	case *ReturnStmt:
		p.w("RETURN")
		if s.Value != nil {
			p.w(" ")
			p.expr(s.Value)
		}
	case *TryCatchStmt:
		p.w("BEGIN TRY")
		p.body(s.Try)
		p.nl()
		p.w("END TRY")
		p.nl()
		p.w("BEGIN CATCH")
		p.body(s.Catch)
		p.nl()
		p.w("END CATCH")
	case *WaitForStmt:
		if s.Time {
			p.w("WAITFOR TIME ")
		} else {
			p.w("WAITFOR DELAY ")
		}
		p.expr(s.Value)
	case *PrintStmt:
		p.w("PRINT ")
		p.expr(s.Value)
	case *RaiserrorStmt:
		p.w("RAISERROR(")
		p.expr(s.Msg)
		p.w(", ")
		p.expr(s.Severity)
		p.w(", ")
		p.expr(s.State)
		for _, a := range s.Args {
			p.w(", ")
			p.expr(a)
		}
		p.w(")")
		if len(s.Options) > 0 {
			p.w(" WITH ")
			p.w(strings.Join(s.Options, ", "))
		}
	case *ThrowStmt:
		p.w("THROW")
		if s.Number != nil {
			p.w(" ")
			p.expr(s.Number)
			p.w(", ")
			p.expr(s.Message)
			p.w(", ")
			p.expr(s.State)
		}
	case *ExecStmt:
		p.exec(s)
	case *ExecuteAsStmt:
		p.w("EXECUTE AS ")
		p.w(s.Kind)
		if s.Name != nil {
			p.w(" = ")
			p.expr(s.Name)
		}
		if s.NoRevert {
			p.w(" WITH NO REVERT")
		}
	case *RevertStmt:
		p.w("REVERT")
	case *OpenStmt:
		p.w("OPEN ")
		p.cursorRef(s.Cursor)
	case *CloseStmt:
		p.w("CLOSE ")
		p.cursorRef(s.Cursor)
	case *DeallocateStmt:
		p.w("DEALLOCATE ")
		p.cursorRef(s.Cursor)
	case *FetchStmt:
		p.w("FETCH ")
		if s.Explicit {
			p.w([...]string{"NEXT", "PRIOR", "FIRST", "LAST", "ABSOLUTE", "RELATIVE"}[s.Dir])
			if s.Offset != nil {
				p.w(" ")
				p.expr(s.Offset)
			}
			p.w(" FROM ")
		}
		p.cursorRef(s.Cursor)
		if len(s.Into) > 0 {
			p.w(" INTO ")
			p.w(strings.Join(s.Into, ", "))
		}
	case *BeginTranStmt:
		if s.Distributed {
			p.w("BEGIN DISTRIBUTED TRANSACTION")
		} else {
			p.w("BEGIN TRANSACTION")
		}
		p.tranName(s.Name)
		if s.WithMark {
			p.w(" WITH MARK")
			if s.Mark != nil {
				p.w(" ")
				p.expr(s.Mark)
			}
		}
	case *CommitStmt:
		if s.Work {
			p.w("COMMIT WORK")
		} else {
			p.w("COMMIT TRANSACTION")
			p.tranName(s.Name)
		}
	case *RollbackStmt:
		if s.Work {
			p.w("ROLLBACK WORK")
		} else {
			p.w("ROLLBACK TRANSACTION")
			p.tranName(s.Name)
		}
	case *SaveTranStmt:
		p.w("SAVE TRANSACTION")
		p.tranName(s.Name)
	case *UseStmt:
		p.w("USE ")
		p.ident(s.Database)
	case *ShutdownStmt:
		p.w("SHUTDOWN")
		if s.NoWait {
			p.w(" WITH NOWAIT")
		}
	case *KillStmt:
		p.w("KILL ")
		p.expr(s.Target)
		if s.StatusOnly {
			p.w(" WITH STATUSONLY")
		}
	case *DbccStmt:
		p.w("DBCC ")
		p.w(s.Command)
		if s.Args != nil {
			p.w("(")
			p.exprs(s.Args)
			p.w(")")
		}
		if len(s.Options) > 0 {
			p.w(" WITH ")
			p.w(strings.Join(s.Options, ", "))
		}
	case *CheckpointStmt:
		p.w("CHECKPOINT")
		if s.Duration != nil {
			p.w(" ")
			p.expr(s.Duration)
		}
	case *ReconfigureStmt:
		p.w("RECONFIGURE")
		if s.Override {
			p.w(" WITH OVERRIDE")
		}
	default:
		p.ddl(s)
	}
}

func (p *printer) cursorBody(c *DeclareCursorStmt) {
	if c.Insensitive {
		p.w("INSENSITIVE ")
	}
	if c.Scroll {
		p.w("SCROLL ")
	}
	p.w("CURSOR")
	for _, o := range c.Options {
		p.w(" ")
		p.w(o)
	}
	p.w(" FOR ")
	p.query(c.Query)
	if c.ReadOnly {
		p.w(" FOR READ ONLY")
	} else if c.ForUpdate {
		p.w(" FOR UPDATE")
		if len(c.UpdateColumns) > 0 {
			p.w(" OF ")
			p.idents(c.UpdateColumns)
		}
	}
}

func (p *printer) exec(s *ExecStmt) {
	if s.Dynamic != nil {
		p.w("EXECUTE (")
		p.expr(s.Dynamic)
		p.w(")")
		if s.AsUser != nil {
			p.w(" AS USER = ")
			p.expr(s.AsUser)
		}
		if s.AsLogin != nil {
			p.w(" AS LOGIN = ")
			p.expr(s.AsLogin)
		}
		if !s.At.IsZero() {
			p.w(" AT ")
			p.ident(s.At)
		}
		return
	}
	if !s.Implicit {
		p.w("EXECUTE ")
	}
	if s.ReturnVar != "" {
		p.w(s.ReturnVar)
		p.w(" = ")
	}
	if s.ProcVar != "" {
		p.w(s.ProcVar)
	} else {
		p.objectName(&s.Proc)
	}
	for i, a := range s.Args {
		if i > 0 {
			p.w(",")
		}
		p.w(" ")
		if a.Name != "" {
			p.w(a.Name)
			p.w(" = ")
		}
		p.expr(a.Value)
		if a.Output {
			p.w(" OUTPUT")
		}
	}
	if len(s.Options) > 0 {
		p.w(" WITH ")
		p.w(strings.Join(s.Options, ", "))
	}
}
