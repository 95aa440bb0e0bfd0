package parser

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
)

func (p *parser) parseCreateSchema(start int) ast.Stmt {
	p.expectKw(lexer.KwSchema)
	s := &ast.CreateSchemaStmt{}
	if !p.isKw(lexer.KwAuthorization) {
		s.Name = p.ident()
	}
	if p.acceptKw(lexer.KwAuthorization) {
		s.Authorization = p.ident()
	}
	p.schemaElems = true
	for p.isKw(lexer.KwCreate) || p.isKw(lexer.KwGrant) || p.isKw(lexer.KwDeny) || p.isKw(lexer.KwRevoke) {
		s.Elements = append(s.Elements, p.parseStatementNoSemi())
	}
	p.schemaElems = false
	s.Span = p.span(start)
	return s
}

func (p *parser) parseCreateDatabase(start int) ast.Stmt {
	p.expectKw(lexer.KwDatabase)
	s := &ast.CreateDatabaseStmt{Name: p.ident()}
	if p.isKw(lexer.KwOn) || p.isWord("CONTAINMENT") {
		fs := p.i
		for !p.stmtEnd() && !p.isKw(lexer.KwCollate) && !p.isKw(lexer.KwWith) {
			p.advance()
		}
		s.Files = p.src[p.toks[fs].Pos:p.toks[p.i-1].End]
	}
	if p.acceptKw(lexer.KwCollate) {
		s.Collation = p.anyIdent().Name
	}
	if p.acceptKw(lexer.KwWith) {
		s.Options = p.bareOptions()
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseAlterDatabase(start int) ast.Stmt {
	p.expectKw(lexer.KwDatabase)
	s := &ast.AlterDatabaseStmt{}
	if p.acceptKw(lexer.KwCurrent) {
		s.Current = true
	} else {
		s.Name = p.ident()
	}
	switch {
	case p.acceptKw(lexer.KwSet):
		for {
			os := p.i
			o := &ast.Option{Name: p.word()}
			if o.Name == "" {
				p.fail()
			}
			p.advance()
			if p.accept(lexer.Eq) {
				o.Value = p.optionValue()
			} else if !p.stmtEnd() && !p.is(lexer.Comma) && !p.isKw(lexer.KwWith) {
				o.Value = p.optionValue()
			}
			// TARGET_RECOVERY_TIME = 60 SECONDS: keep the unit with the value
			if o.Value != nil && (p.isWord("SECONDS") || p.isWord("MINUTES")) {
				o.Unit = strings.ToUpper(p.advance().Val)
			}
			o.Span = p.span(os)
			s.Options = append(s.Options, o)
			if !p.accept(lexer.Comma) {
				break
			}
		}
		if p.acceptKw(lexer.KwWith) {
			ts := p.i
			for !p.stmtEnd() {
				p.advance()
			}
			s.Term = p.rawUpper(ts)
		}
	case p.acceptKw(lexer.KwCollate):
		s.Collation = p.anyIdent().Name
	case p.acceptKw(lexer.KwModify):
		p.expectKw(lexer.KwName)
		p.expect(lexer.Eq)
		s.NewName = p.ident()
	default:
		p.fail()
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseCreateSequence(start int, alter bool) ast.Stmt {
	p.expectKw(lexer.KwSequence)
	s := &ast.CreateSequenceStmt{Alter: alter, Name: p.objectName()}
	for {
		switch {
		case p.acceptKw(lexer.KwAs):
			s.Type = p.typeName()
		case p.acceptKw(lexer.KwStart):
			p.expectKw(lexer.KwWith)
			s.Start = p.parseUnary()
		case p.acceptKw(lexer.KwRestart):
			s.Restart = true
			if p.acceptKw(lexer.KwWith) {
				s.RestartVal = p.parseUnary()
			}
		case p.acceptKw(lexer.KwIncrement):
			p.expectKw(lexer.KwBy)
			s.Increment = p.parseUnary()
		case p.acceptKw(lexer.KwMinvalue):
			s.MinValue = p.parseUnary()
		case p.acceptKw(lexer.KwMaxvalue):
			s.MaxValue = p.parseUnary()
		case p.acceptKw(lexer.KwCycle):
			s.Cycle = true
		case p.acceptKw(lexer.KwCache):
			s.CacheSet = true
			if p.is(lexer.Int) {
				s.Cache = p.parsePrimary()
			}
		case p.isKw(lexer.KwNo):
			p.advance()
			switch {
			case p.acceptKw(lexer.KwMinvalue):
				s.NoMinValue = true
			case p.acceptKw(lexer.KwMaxvalue):
				s.NoMaxValue = true
			case p.acceptKw(lexer.KwCycle):
				s.NoCycle = true
			case p.acceptKw(lexer.KwCache):
				s.NoCache = true
			default:
				p.fail()
			}
		default:
			s.Span = p.span(start)
			return s
		}
	}
}

func (p *parser) parseCreateType(start int) ast.Stmt {
	p.expectKw(lexer.KwType)
	s := &ast.CreateTypeStmt{Name: p.objectName()}
	if p.acceptKw(lexer.KwFrom) {
		s.Base = p.typeName()
		if p.acceptKw(lexer.KwNull) {
			s.Null = ast.Nullable
		} else if p.isKw(lexer.KwNot) && p.peekKw(1, lexer.KwNull) {
			p.i += 2
			s.Null = ast.NotNull
		}
	} else {
		p.expectKw(lexer.KwAs)
		p.expectKw(lexer.KwTable)
		s.Table = p.tableDef()
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseCreateLogin(start int, alter bool) ast.Stmt {
	p.expectKw(lexer.KwLogin)
	s := &ast.CreateLoginStmt{Alter: alter, Name: p.ident()}
	switch {
	case p.acceptKw(lexer.KwFrom):
		p.expectKw(lexer.KwWindows)
		s.FromWindows = true
		if p.acceptKw(lexer.KwWith) {
			s.Options = p.bareOptions()
		}
	case alter && p.acceptKw(lexer.KwEnable):
		s.Enable = true
	case alter && p.acceptKw(lexer.KwDisable):
		s.Disable = true
	default:
		p.expectKw(lexer.KwWith)
		for {
			if p.acceptKw(lexer.KwPassword) {
				p.expect(lexer.Eq)
				s.Password = p.parsePrimary()
				for p.is(lexer.Ident) && (p.isKw(lexer.KwHashed) || p.isKw(lexer.KwMustChange)) {
					if p.advance().Kw == lexer.KwHashed {
						s.Hashed = true
					} else {
						s.MustChange = true
					}
				}
			} else {
				os := p.i
				o := &ast.Option{Name: p.word()}
				if o.Name == "" {
					p.fail()
				}
				p.advance()
				p.expect(lexer.Eq)
				o.Value = p.optionValue()
				o.Span = p.span(os)
				s.Options = append(s.Options, o)
			}
			if !p.accept(lexer.Comma) {
				break
			}
		}
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseCreateUser(start int, alter bool) ast.Stmt {
	p.expectKw(lexer.KwUser)
	s := &ast.CreateUserStmt{Alter: alter, Name: p.ident()}
	if p.acceptKw(lexer.KwFor) || p.acceptKw(lexer.KwFrom) {
		p.expectKw(lexer.KwLogin)
		s.Login = p.ident()
	} else if p.acceptKw(lexer.KwWithout) {
		p.expectKw(lexer.KwLogin)
		s.WithoutLogin = true
	}
	if p.acceptKw(lexer.KwWith) {
		s.Options = p.bareOptions()
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseCreateRole(start int, alter bool) ast.Stmt {
	s := &ast.CreateRoleStmt{Alter: alter}
	if p.acceptKw(lexer.KwServer) {
		s.Server = true
	}
	p.expectKw(lexer.KwRole)
	s.Name = p.ident()
	if alter {
		switch {
		case p.acceptKw(lexer.KwAdd):
			p.expectKw(lexer.KwMember)
			s.AddMember = p.ident()
		case p.acceptKw(lexer.KwDrop):
			p.expectKw(lexer.KwMember)
			s.DropMember = p.ident()
		case p.acceptKw(lexer.KwWith):
			p.expectKw(lexer.KwName)
			p.expect(lexer.Eq)
			s.NewName = p.ident()
		default:
			p.fail()
		}
	} else if p.acceptKw(lexer.KwAuthorization) {
		s.Authorization = p.ident()
	}
	s.Span = p.span(start)
	return s
}

var dropKinds = map[lexer.Keyword]ast.ObjectKind{
	lexer.KwTable: ast.ObjTable, lexer.KwView: ast.ObjView, lexer.KwProc: ast.ObjProcedure,
	lexer.KwProcedure: ast.ObjProcedure, lexer.KwFunction: ast.ObjFunction, lexer.KwTrigger: ast.ObjTrigger,
	lexer.KwSchema: ast.ObjSchema, lexer.KwDatabase: ast.ObjDatabase, lexer.KwSequence: ast.ObjSequence,
	lexer.KwType: ast.ObjType, lexer.KwLogin: ast.ObjLogin, lexer.KwUser: ast.ObjUser, lexer.KwRole: ast.ObjRole,
	lexer.KwSynonym: ast.ObjSynonym, lexer.KwDefault: ast.ObjDefault, lexer.KwRule: ast.ObjRule,
	lexer.KwStatistics: ast.ObjStatistics,
}

func (p *parser) parseDrop() ast.Stmt {
	start := p.i
	p.expectKw(lexer.KwDrop)
	if p.isKw(lexer.KwIndex) {
		return p.parseDropIndex(start)
	}
	kind, ok := dropKinds[p.tok().Kw]
	if !ok || p.tok().Kind != lexer.Ident {
		p.fail()
	}
	p.advance()
	s := &ast.DropStmt{Kind: kind}
	if p.isKw(lexer.KwIf) && p.peekKw(1, lexer.KwExists) {
		p.i += 2
		s.IfExists = true
	}
	for {
		s.Names = append(s.Names, p.objectName())
		if !p.accept(lexer.Comma) {
			break
		}
	}
	if kind == ast.ObjTrigger && p.acceptKw(lexer.KwOn) {
		if p.acceptKw(lexer.KwDatabase) {
			s.OnDb = true
		} else {
			p.expectKw(lexer.KwAll)
			p.expectKw(lexer.KwServer)
			s.OnServer = true
		}
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseDropIndex(start int) ast.Stmt {
	p.expectKw(lexer.KwIndex)
	s := &ast.DropIndexStmt{}
	if p.isKw(lexer.KwIf) && p.peekKw(1, lexer.KwExists) {
		p.i += 2
		s.IfExists = true
	}
	for {
		rs := p.i
		r := &ast.IndexRef{}
		name := p.objectName()
		if p.acceptKw(lexer.KwOn) {
			if !name.Schema.IsZero() {
				p.failAt(rs)
			}
			r.Name = name.Name
			r.Table = p.objectName()
			r.OnForm = true
		} else {
			// table.index: the last part is the index, the rest the table.
			if name.Schema.IsZero() {
				p.failMsg(159, "Must specify the table name and index name for the DROP INDEX statement.")
			}
			r.Name = name.Name
			r.Table = ast.ObjectName{Span: name.Span, Database: name.Server, Schema: name.Database, Name: name.Schema}
		}
		r.Span = p.span(rs)
		s.Indexes = append(s.Indexes, r)
		if !p.accept(lexer.Comma) {
			break
		}
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseGrant() ast.Stmt {
	start := p.i
	s := &ast.GrantStmt{}
	switch p.advance().Kw {
	case lexer.KwGrant:
		s.Kind = ast.Grant
	case lexer.KwDeny:
		s.Kind = ast.Deny
	default:
		s.Kind = ast.Revoke
		if p.isKw(lexer.KwGrant) && p.peekKw(1, lexer.KwOption) && p.peekKw(2, lexer.KwFor) {
			p.i += 3
			s.GrantOptionFor = true
		}
	}
	for {
		ps := p.i
		perm := &ast.Permission{}
		var words []string
		for p.is(lexer.Ident) && !p.isKw(lexer.KwOn) && !p.isKw(lexer.KwTo) && !p.isKw(lexer.KwFrom) {
			words = append(words, strings.ToUpper(p.advance().Val))
		}
		if len(words) == 0 {
			p.fail()
		}
		if len(words) == 2 && words[1] == "PRIVILEGES" {
			words = words[:1]
		}
		perm.Name = strings.Join(words, " ")
		if p.is(lexer.LParen) {
			perm.Columns = p.parenIdentList()
		}
		perm.Span = p.span(ps)
		s.Permissions = append(s.Permissions, perm)
		if !p.accept(lexer.Comma) {
			break
		}
	}
	if p.acceptKw(lexer.KwOn) {
		if p.is(lexer.Ident) && p.peek(1).Kind == lexer.DoubleColon {
			s.Class = p.word()
			p.i += 2
		}
		n := p.objectName()
		s.On = &n
	}
	if !p.acceptKw(lexer.KwTo) {
		p.expectKw(lexer.KwFrom)
	}
	for {
		s.Principals = append(s.Principals, p.principal())
		if !p.accept(lexer.Comma) {
			break
		}
	}
	if p.isKw(lexer.KwWith) && p.peekKw(1, lexer.KwGrant) {
		p.i += 2
		p.expectKw(lexer.KwOption)
		s.WithGrant = true
	}
	if p.acceptKw(lexer.KwCascade) {
		s.Cascade = true
	}
	if p.acceptKw(lexer.KwAs) {
		s.As = p.principal()
	}
	s.Span = p.span(start)
	return s
}

// principal parses a principal name; PUBLIC is a reserved word but a
// valid principal.
func (p *parser) principal() ast.Ident {
	if p.isKw(lexer.KwPublic) {
		return p.wordIdent()
	}
	return p.ident()
}

func (p *parser) parseUpdateStatistics() ast.Stmt {
	start := p.i
	p.i += 2
	s := &ast.CreateStatisticsStmt{Update: true, Table: p.objectName()}
	if p.isIdent() {
		s.Name = p.ident()
	} else if p.is(lexer.LParen) {
		s.Columns = p.parenIdentList()
	}
	if p.acceptKw(lexer.KwWith) {
		s.Options = p.bareOptions()
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseEnableTrigger() ast.Stmt {
	start := p.i
	s := &ast.EnableTriggerStmt{Enable: p.advance().Kw == lexer.KwEnable}
	p.expectKw(lexer.KwTrigger)
	if p.acceptKw(lexer.KwAll) {
		s.All = true
	} else {
		for {
			s.Names = append(s.Names, p.objectName())
			if !p.accept(lexer.Comma) {
				break
			}
		}
	}
	p.expectKw(lexer.KwOn)
	switch {
	case p.acceptKw(lexer.KwDatabase):
		s.OnDatabase = true
	case p.isKw(lexer.KwAll) && p.peekKw(1, lexer.KwServer):
		p.i += 2
		s.OnServer = true
	default:
		s.Table = p.objectName()
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseAlterSchema(start int) ast.Stmt {
	p.expectKw(lexer.KwSchema)
	s := &ast.AlterSchemaStmt{Name: p.ident()}
	p.expectWord("TRANSFER")
	if p.is(lexer.Ident) && p.peek(1).Kind == lexer.DoubleColon {
		s.Class = p.word()
		p.i += 2
	}
	s.Object = p.objectName()
	s.Span = p.span(start)
	return s
}
