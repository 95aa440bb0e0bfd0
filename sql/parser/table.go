package parser

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
)

func (p *parser) parseCreateTable(start int) ast.Stmt {
	p.expectKw(lexer.KwTable)
	s := &ast.CreateTableStmt{Name: p.objectName()}
	def := p.tableDef()
	s.Columns, s.Constraints, s.Indexes = def.Columns, def.Constraints, def.Indexes
	for {
		switch {
		case p.isKw(lexer.KwOn):
			p.advance()
			s.On = p.filegroup()
			continue
		case p.isKw(lexer.KwTextimageOn):
			p.advance()
			s.TextImageOn = p.filegroup()
			continue
		case p.isKw(lexer.KwWith) && p.peek(1).Kind == lexer.LParen:
			p.advance()
			s.Options = p.optionList(false)
			continue
		}
		break
	}
	s.Span = p.span(start)
	return s
}

// tableDef parses ( column | constraint | index , … ).
func (p *parser) tableDef() *ast.TableDef {
	start := p.i
	p.expect(lexer.LParen)
	d := &ast.TableDef{}
	for {
		switch {
		case p.isKw(lexer.KwConstraint) || p.isKw(lexer.KwPrimary) || p.isKw(lexer.KwUnique) ||
			p.isKw(lexer.KwForeign) || p.isKw(lexer.KwCheck):
			d.Constraints = append(d.Constraints, p.tableConstraint())
		case p.isKw(lexer.KwIndex):
			d.Indexes = append(d.Indexes, p.inlineIndex())
		default:
			d.Columns = append(d.Columns, p.columnDef())
		}
		if !p.accept(lexer.Comma) {
			break
		}
		if p.is(lexer.RParen) {
			break // SQL Server tolerates a trailing comma here
		}
	}
	p.expect(lexer.RParen)
	d.Span = p.span(start)
	return d
}

func (p *parser) clusterKind() ast.ClusterKind {
	if p.acceptKw(lexer.KwClustered) {
		return ast.Clustered
	}
	if p.acceptKw(lexer.KwNonclustered) {
		return ast.NonClustered
	}
	return ast.ClusterUnspecified
}

func (p *parser) indexColumns() []*ast.IndexColumn {
	p.expect(lexer.LParen)
	var out []*ast.IndexColumn
	for {
		start := p.i
		c := &ast.IndexColumn{Name: p.ident()}
		if p.acceptKw(lexer.KwDesc) {
			c.Desc = true
		} else {
			p.acceptKw(lexer.KwAsc)
		}
		c.Span = p.span(start)
		out = append(out, c)
		if !p.accept(lexer.Comma) {
			break
		}
	}
	p.expect(lexer.RParen)
	return out
}

func (p *parser) inlineIndex() *ast.InlineIndex {
	start := p.i
	p.expectKw(lexer.KwIndex)
	ix := &ast.InlineIndex{Name: p.ident()}
	ix.Unique = p.acceptKw(lexer.KwUnique)
	ix.Cluster = p.clusterKind()
	ix.Columns = p.indexColumns()
	if p.acceptKw(lexer.KwInclude) {
		ix.Include = p.parenIdentList()
	}
	if p.acceptKw(lexer.KwWhere) {
		ix.Where = p.parseExpr()
	}
	ix.Span = p.span(start)
	return ix
}

func (p *parser) refAction() ast.RefAction {
	switch {
	case p.acceptKw(lexer.KwCascade):
		return ast.RefCascade
	case p.acceptKw(lexer.KwNo):
		p.expectKw(lexer.KwAction)
		return ast.RefNoAction
	case p.acceptKw(lexer.KwSet):
		if p.acceptKw(lexer.KwNull) {
			return ast.RefSetNull
		}
		p.expectKw(lexer.KwDefault)
		return ast.RefSetDefault
	}
	p.fail()
	return 0
}

// constraintBody parses the part after [CONSTRAINT name]; column is true
// for column constraints (no column list required).
func (p *parser) constraintBody(c *ast.Constraint, column bool) {
	switch {
	case p.acceptKw(lexer.KwPrimary):
		p.expectKw(lexer.KwKey)
		c.Kind = ast.ConstraintPrimaryKey
		p.keyTail(c, column)
	case p.acceptKw(lexer.KwUnique):
		c.Kind = ast.ConstraintUnique
		p.keyTail(c, column)
	case p.isKw(lexer.KwForeign) || p.isKw(lexer.KwReferences):
		c.Kind = ast.ConstraintForeignKey
		if p.acceptKw(lexer.KwForeign) {
			p.expectKw(lexer.KwKey)
			if p.is(lexer.LParen) {
				c.Columns = p.indexColumns()
			} else if !column {
				p.fail()
			}
		}
		p.expectKw(lexer.KwReferences)
		c.RefTable = p.objectName()
		if p.is(lexer.LParen) {
			c.RefColumns = p.parenIdentList()
		}
		for p.isKw(lexer.KwOn) && (p.peekKw(1, lexer.KwDelete) || p.peekKw(1, lexer.KwUpdate)) {
			p.advance()
			if p.advance().Kw == lexer.KwDelete {
				c.OnDelete = p.refAction()
			} else {
				c.OnUpdate = p.refAction()
			}
		}
		c.NotForReplication = p.notForReplication()
	case p.acceptKw(lexer.KwCheck):
		c.Kind = ast.ConstraintCheck
		c.NotForReplication = p.notForReplication()
		p.expect(lexer.LParen)
		c.Expr = p.parseExpr()
		p.expect(lexer.RParen)
	case p.acceptKw(lexer.KwDefault):
		c.Kind = ast.ConstraintDefault
		c.Expr = p.parseBinary(precAdd)
		if p.acceptKw(lexer.KwFor) {
			c.For = p.ident()
		}
		if p.isKw(lexer.KwWith) && p.peekKw(1, lexer.KwValues) {
			p.i += 2
		}
	default:
		p.fail()
	}
}

func (p *parser) keyTail(c *ast.Constraint, column bool) {
	c.Cluster = p.clusterKind()
	if p.is(lexer.LParen) {
		c.Columns = p.indexColumns()
	} else if !column {
		p.fail()
	}
	if p.isKw(lexer.KwWith) {
		p.advance()
		if p.acceptKw(lexer.KwFillfactor) {
			st := p.i
			p.expect(lexer.Eq)
			c.Options = []*ast.Option{{Name: "FILLFACTOR", Value: p.parsePrimary()}}
			c.Options[0].Span = p.span(st)
		} else {
			c.Options = p.optionList(false)
		}
	}
	if p.acceptKw(lexer.KwOn) {
		c.On = p.filegroup()
	}
}

func (p *parser) notForReplication() bool {
	if p.isKw(lexer.KwNot) && p.peekKw(1, lexer.KwFor) && p.peekKw(2, lexer.KwReplication) {
		p.i += 3
		return true
	}
	return false
}

func (p *parser) tableConstraint() *ast.Constraint {
	start := p.i
	c := &ast.Constraint{}
	if p.acceptKw(lexer.KwConstraint) {
		c.Name = p.ident()
	}
	p.constraintBody(c, false)
	c.Span = p.span(start)
	return c
}

func (p *parser) columnDef() *ast.ColumnDef {
	start := p.i
	c := &ast.ColumnDef{Name: p.ident()}
	if p.acceptKw(lexer.KwAs) {
		c.Computed = p.scalarExpr()
		if p.acceptKw(lexer.KwPersisted) {
			c.Persisted = true
		}
	} else {
		c.Type = p.typeName()
	}
	p.columnOptions(c)
	c.Span = p.span(start)
	return c
}

func (p *parser) columnOptions(c *ast.ColumnDef) {
	for {
		start := p.i
		switch {
		case p.acceptKw(lexer.KwCollate):
			c.Collation = p.anyIdent().Name
		case p.acceptKw(lexer.KwNull):
			c.Null = ast.Nullable
		case p.isKw(lexer.KwNot) && p.peekKw(1, lexer.KwNull):
			p.i += 2
			c.Null = ast.NotNull
		case p.isKw(lexer.KwIdentity):
			p.advance()
			id := &ast.IdentitySpec{}
			if p.accept(lexer.LParen) {
				id.Seed = p.scalarExpr()
				p.expect(lexer.Comma)
				id.Increment = p.scalarExpr()
				p.expect(lexer.RParen)
			}
			id.NotForReplication = p.notForReplication()
			id.Span = p.span(start)
			c.Identity = id
		case p.acceptKw(lexer.KwRowguidcol):
			c.RowGUIDCol = true
		case p.acceptKw(lexer.KwSparse):
			c.Sparse = true
		case p.isKw(lexer.KwConstraint) || p.isKw(lexer.KwPrimary) || p.isKw(lexer.KwUnique) ||
			p.isKw(lexer.KwForeign) || p.isKw(lexer.KwReferences) || p.isKw(lexer.KwCheck) || p.isKw(lexer.KwDefault):
			k := &ast.Constraint{}
			if p.acceptKw(lexer.KwConstraint) {
				k.Name = p.ident()
			}
			p.constraintBody(k, true)
			k.Span = p.span(start)
			c.Constraints = append(c.Constraints, k)
		default:
			return
		}
	}
}

func (p *parser) parseAlterTable(start int) ast.Stmt {
	p.expectKw(lexer.KwTable)
	s := &ast.AlterTableStmt{Table: p.objectName()}
	if p.isKw(lexer.KwWith) {
		p.advance()
		if p.acceptKw(lexer.KwCheck) {
			s.WithCheck = ast.WithCheck
		} else {
			p.expectKw(lexer.KwNocheck)
			s.WithCheck = ast.WithNoCheck
		}
	}
	switch {
	case p.acceptKw(lexer.KwAdd):
		s.Kind = ast.AlterTableAdd
		for {
			if p.isKw(lexer.KwConstraint) || p.isKw(lexer.KwPrimary) || p.isKw(lexer.KwUnique) ||
				p.isKw(lexer.KwForeign) || p.isKw(lexer.KwCheck) || p.isKw(lexer.KwDefault) {
				s.Constraints = append(s.Constraints, p.tableConstraint())
			} else {
				p.acceptKw(lexer.KwColumn)
				s.Columns = append(s.Columns, p.columnDef())
			}
			if !p.accept(lexer.Comma) {
				break
			}
		}
	case p.acceptKw(lexer.KwDrop):
		s.Kind = ast.AlterTableDrop
		kind := ast.DropItemConstraint
		for {
			ds := p.i
			if p.acceptKw(lexer.KwColumn) {
				kind = ast.DropItemColumn
			} else if p.acceptKw(lexer.KwConstraint) {
				kind = ast.DropItemConstraint
			}
			d := &ast.DropItem{Kind: kind}
			if p.isKw(lexer.KwIf) && p.peekKw(1, lexer.KwExists) {
				p.i += 2
				d.IfExists = true
			}
			d.Name = p.ident()
			d.Span = p.span(ds)
			s.Drops = append(s.Drops, d)
			if !p.accept(lexer.Comma) {
				break
			}
		}
	case p.isKw(lexer.KwAlter) && p.peekKw(1, lexer.KwColumn):
		p.i += 2
		s.Kind = ast.AlterTableAlterColumn
		cs := p.i
		c := &ast.ColumnDef{Name: p.ident(), Type: p.typeName()}
		p.columnOptions(c)
		c.Span = p.span(cs)
		s.Columns = []*ast.ColumnDef{c}
	case p.isKw(lexer.KwCheck) || p.isKw(lexer.KwNocheck):
		s.Kind = ast.AlterTableCheck
		s.Enable = p.advance().Kw == lexer.KwCheck
		p.expectKw(lexer.KwConstraint)
		p.nameListOrAll(s)
	case p.isKw(lexer.KwEnable) || p.isKw(lexer.KwDisable):
		s.Kind = ast.AlterTableTrigger
		s.Enable = p.advance().Kw == lexer.KwEnable
		p.expectKw(lexer.KwTrigger)
		p.nameListOrAll(s)
	case p.acceptKw(lexer.KwSet):
		s.Kind = ast.AlterTableSet
		s.Options = p.optionList(false)
	case p.acceptKw(lexer.KwRebuild):
		s.Kind = ast.AlterTableRebuild
		if p.acceptKw(lexer.KwWith) {
			s.Options = p.optionList(false)
		}
	default:
		p.fail()
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) nameListOrAll(s *ast.AlterTableStmt) {
	if p.acceptKw(lexer.KwAll) {
		s.All = true
		return
	}
	for {
		s.Names = append(s.Names, p.ident())
		if !p.accept(lexer.Comma) {
			return
		}
	}
}

func (p *parser) parseCreateIndex(start int) ast.Stmt {
	s := &ast.CreateIndexStmt{}
	s.Unique = p.acceptKw(lexer.KwUnique)
	s.Cluster = p.clusterKind()
	if p.acceptKw(lexer.KwColumnstore) {
		s.Columnstore = true
	}
	p.expectKw(lexer.KwIndex)
	s.Name = p.ident()
	p.expectKw(lexer.KwOn)
	s.Table = p.objectName()
	if p.is(lexer.LParen) {
		s.Columns = p.indexColumns()
	}
	if p.acceptKw(lexer.KwInclude) {
		s.Include = p.parenIdentList()
	}
	if p.acceptKw(lexer.KwWhere) {
		s.Where = p.parseExpr()
	}
	if p.acceptKw(lexer.KwWith) {
		s.Options = p.bareOptions()
	}
	if p.acceptKw(lexer.KwOn) {
		s.On = p.filegroup()
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseAlterIndex(start int) ast.Stmt {
	p.expectKw(lexer.KwIndex)
	s := &ast.AlterIndexStmt{}
	if p.acceptKw(lexer.KwAll) {
		s.All = true
	} else {
		s.Name = p.ident()
	}
	p.expectKw(lexer.KwOn)
	s.Table = p.objectName()
	s.Action = p.word()
	switch s.Action {
	case "REBUILD", "REORGANIZE", "DISABLE":
		p.advance()
	default:
		p.fail()
	}
	if p.acceptKw(lexer.KwWith) {
		s.Options = p.optionList(false)
	}
	s.Span = p.span(start)
	return s
}
