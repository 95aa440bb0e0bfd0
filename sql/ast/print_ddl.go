package ast

import "strings"

var objectKindText = [...]string{
	ObjTable: "TABLE", ObjView: "VIEW", ObjProcedure: "PROCEDURE", ObjFunction: "FUNCTION",
	ObjTrigger: "TRIGGER", ObjSchema: "SCHEMA", ObjDatabase: "DATABASE", ObjSequence: "SEQUENCE",
	ObjType: "TYPE", ObjLogin: "LOGIN", ObjUser: "USER", ObjRole: "ROLE", ObjSynonym: "SYNONYM",
	ObjDefault: "DEFAULT", ObjRule: "RULE", ObjStatistics: "STATISTICS",
}

// String returns the object kind as written in DDL.
func (k ObjectKind) String() string {
	if int(k) < len(objectKindText) {
		return objectKindText[k]
	}
	return "?"
}

func (p *printer) createPrefix(alter, orAlter bool, what string) {
	switch {
	case alter:
		p.w("ALTER ")
	case orAlter:
		p.w("CREATE OR ALTER ")
	default:
		p.w("CREATE ")
	}
	p.w(what)
	p.w(" ")
}

func (p *printer) cluster(c ClusterKind) {
	switch c {
	case Clustered:
		p.w(" CLUSTERED")
	case NonClustered:
		p.w(" NONCLUSTERED")
	}
}

func (p *printer) indexColumns(cols []*IndexColumn) {
	p.w("(")
	for i, c := range cols {
		if i > 0 {
			p.w(", ")
		}
		p.ident(c.Name)
		if c.Desc {
			p.w(" DESC")
		}
	}
	p.w(")")
}

func refActionText(a RefAction) string {
	switch a {
	case RefCascade:
		return "CASCADE"
	case RefSetNull:
		return "SET NULL"
	case RefSetDefault:
		return "SET DEFAULT"
	}
	return "NO ACTION"
}

func (p *printer) constraint(c *Constraint) {
	if !c.Name.IsZero() {
		p.w("CONSTRAINT ")
		p.ident(c.Name)
		p.w(" ")
	}
	switch c.Kind {
	case ConstraintPrimaryKey, ConstraintUnique:
		if c.Kind == ConstraintPrimaryKey {
			p.w("PRIMARY KEY")
		} else {
			p.w("UNIQUE")
		}
		p.cluster(c.Cluster)
		if len(c.Columns) > 0 {
			p.w(" ")
			p.indexColumns(c.Columns)
		}
		if len(c.Options) > 0 {
			p.w(" WITH ")
			p.options(c.Options, true)
		}
		if c.On != "" {
			p.w(" ON ")
			p.w(c.On)
		}
	case ConstraintForeignKey:
		if len(c.Columns) > 0 {
			p.w("FOREIGN KEY ")
			p.indexColumns(c.Columns)
			p.w(" ")
		}
		p.w("REFERENCES ")
		p.objectName(&c.RefTable)
		if len(c.RefColumns) > 0 {
			p.w(" ")
			p.parenIdents(c.RefColumns)
		}
		if c.OnDelete != RefNoAction {
			p.w(" ON DELETE ")
			p.w(refActionText(c.OnDelete))
		}
		if c.OnUpdate != RefNoAction {
			p.w(" ON UPDATE ")
			p.w(refActionText(c.OnUpdate))
		}
		if c.NotForReplication {
			p.w(" NOT FOR REPLICATION")
		}
	case ConstraintCheck:
		p.w("CHECK ")
		if c.NotForReplication {
			p.w("NOT FOR REPLICATION ")
		}
		p.w("(")
		p.expr(c.Expr)
		p.w(")")
	case ConstraintDefault:
		p.w("DEFAULT ")
		p.expr(c.Expr)
		if !c.For.IsZero() {
			p.w(" FOR ")
			p.ident(c.For)
		}
	}
}

func (p *printer) columnDef(c *ColumnDef) {
	p.ident(c.Name)
	if c.Computed != nil {
		p.w(" AS ")
		p.expr(c.Computed)
		if c.Persisted {
			p.w(" PERSISTED")
		}
	} else if c.Type != nil {
		p.w(" ")
		p.typeName(c.Type)
	}
	if c.Collation != "" {
		p.w(" COLLATE ")
		p.w(c.Collation)
	}
	if c.Sparse {
		p.w(" SPARSE")
	}
	if id := c.Identity; id != nil {
		p.w(" IDENTITY")
		if id.Seed != nil {
			p.w("(")
			p.expr(id.Seed)
			p.w(", ")
			p.expr(id.Increment)
			p.w(")")
		}
		if id.NotForReplication {
			p.w(" NOT FOR REPLICATION")
		}
	}
	if c.RowGUIDCol {
		p.w(" ROWGUIDCOL")
	}
	switch c.Null {
	case Nullable:
		p.w(" NULL")
	case NotNull:
		p.w(" NOT NULL")
	}
	for _, k := range c.Constraints {
		p.w(" ")
		p.constraint(k)
	}
}

func (p *printer) inlineIndex(ix *InlineIndex) {
	p.w("INDEX ")
	p.ident(ix.Name)
	if ix.Unique {
		p.w(" UNIQUE")
	}
	p.cluster(ix.Cluster)
	p.w(" ")
	p.indexColumns(ix.Columns)
	if len(ix.Include) > 0 {
		p.w(" INCLUDE ")
		p.parenIdents(ix.Include)
	}
	if ix.Where != nil {
		p.w(" WHERE ")
		p.expr(ix.Where)
	}
}

func (p *printer) tableBody(cols []*ColumnDef, cons []*Constraint, idx []*InlineIndex) {
	p.w("(")
	p.indent++
	n := 0
	sep := func() {
		if n > 0 {
			p.w(",")
		}
		n++
		p.nl()
	}
	for _, c := range cols {
		sep()
		p.columnDef(c)
	}
	for _, c := range cons {
		sep()
		p.constraint(c)
	}
	for _, ix := range idx {
		sep()
		p.inlineIndex(ix)
	}
	p.indent--
	p.nl()
	p.w(")")
}

func (p *printer) tableDef(d *TableDef) {
	p.tableBody(d.Columns, d.Constraints, d.Indexes)
}

func (p *printer) params(list []*ParamDef, paren bool) {
	if paren {
		p.w("(")
	}
	for i, d := range list {
		if i > 0 {
			p.w(",")
		}
		if paren && i == 0 {
			p.w(d.Name)
		} else {
			p.w(" ")
			p.w(d.Name)
		}
		p.w(" ")
		p.typeName(d.Type)
		if d.Varying {
			p.w(" VARYING")
		}
		switch d.Null {
		case Nullable:
			p.w(" NULL")
		case NotNull:
			p.w(" NOT NULL")
		}
		if d.Default != nil {
			p.w(" = ")
			p.expr(d.Default)
		}
		if d.Output {
			p.w(" OUTPUT")
		}
		if d.ReadOnly {
			p.w(" READONLY")
		}
	}
	if paren {
		p.w(")")
	}
}

func (p *printer) moduleOptions(opts []string) {
	if len(opts) > 0 {
		p.w(" WITH ")
		p.w(strings.Join(opts, ", "))
	}
}

func (p *printer) principal(id Ident) {
	if !id.Quoted && strings.EqualFold(id.Name, "public") {
		p.w(id.Name)
		return
	}
	p.ident(id)
}

func (p *printer) ddl(s Stmt) {
	switch s := s.(type) {
	case *CreateTableStmt:
		p.w("CREATE TABLE ")
		p.objectName(&s.Name)
		p.w(" ")
		p.tableBody(s.Columns, s.Constraints, s.Indexes)
		if s.On != "" {
			p.w(" ON ")
			p.w(s.On)
		}
		if s.TextImageOn != "" {
			p.w(" TEXTIMAGE_ON ")
			p.w(s.TextImageOn)
		}
		if len(s.Options) > 0 {
			p.w(" WITH ")
			p.options(s.Options, true)
		}
	case *AlterTableStmt:
		p.alterTable(s)
	case *CreateIndexStmt:
		p.w("CREATE")
		if s.Unique {
			p.w(" UNIQUE")
		}
		p.cluster(s.Cluster)
		if s.Columnstore {
			p.w(" COLUMNSTORE")
		}
		p.w(" INDEX ")
		p.ident(s.Name)
		p.w(" ON ")
		p.objectName(&s.Table)
		if len(s.Columns) > 0 {
			p.w(" ")
			p.indexColumns(s.Columns)
		}
		if len(s.Include) > 0 {
			p.w(" INCLUDE ")
			p.parenIdents(s.Include)
		}
		if s.Where != nil {
			p.w(" WHERE ")
			p.expr(s.Where)
		}
		if len(s.Options) > 0 {
			p.w(" WITH ")
			p.options(s.Options, true)
		}
		if s.On != "" {
			p.w(" ON ")
			p.w(s.On)
		}
	case *DropIndexStmt:
		p.w("DROP INDEX ")
		if s.IfExists {
			p.w("IF EXISTS ")
		}
		for i, r := range s.Indexes {
			if i > 0 {
				p.w(", ")
			}
			if r.OnForm {
				p.ident(r.Name)
				p.w(" ON ")
				p.objectName(&r.Table)
			} else {
				p.objectName(&r.Table)
				p.w(".")
				p.ident(r.Name)
			}
		}
	case *AlterIndexStmt:
		p.w("ALTER INDEX ")
		if s.All {
			p.w("ALL")
		} else {
			p.ident(s.Name)
		}
		p.w(" ON ")
		p.objectName(&s.Table)
		p.w(" ")
		p.w(s.Action)
		if len(s.Options) > 0 {
			p.w(" WITH ")
			p.options(s.Options, true)
		}
	case *CreateViewStmt:
		p.createPrefix(s.Alter, s.OrAlter, "VIEW")
		p.objectName(&s.Name)
		if len(s.Columns) > 0 {
			p.w(" ")
			p.parenIdents(s.Columns)
		}
		p.moduleOptions(s.Options)
		p.w(" AS")
		p.nl()
		p.query(s.Query)
		if s.CheckOption {
			p.w(" WITH CHECK OPTION")
		}
	case *CreateProcStmt:
		p.createPrefix(s.Alter, s.OrAlter, "PROCEDURE")
		p.objectName(&s.Name)
		p.params(s.Params, false)
		p.moduleOptions(s.Options)
		if s.ForRepl {
			p.w(" FOR REPLICATION")
		}
		p.w(" AS")
		p.body(s.Body)
	case *CreateFunctionStmt:
		p.createPrefix(s.Alter, s.OrAlter, "FUNCTION")
		p.objectName(&s.Name)
		p.params(s.Params, true)
		p.w(" RETURNS ")
		switch {
		case s.ReturnsTable:
			p.w("TABLE")
		case s.ReturnTable != nil:
			p.w(s.ReturnVar)
			p.w(" TABLE ")
			p.tableDef(s.ReturnTable)
		default:
			p.typeName(s.Returns)
		}
		p.moduleOptions(s.Options)
		p.w(" AS")
		if s.ReturnsTable {
			p.w(" RETURN ")
			p.query(s.Query)
		} else {
			p.nl()
			p.w("BEGIN")
			p.body(s.Body)
			p.nl()
			p.w("END")
		}
	case *CreateTriggerStmt:
		p.createPrefix(s.Alter, s.OrAlter, "TRIGGER")
		p.objectName(&s.Name)
		p.w(" ON ")
		switch {
		case s.OnDatabase:
			p.w("DATABASE")
		case s.OnServer:
			p.w("ALL SERVER")
		default:
			p.objectName(&s.Table)
		}
		p.moduleOptions(s.Options)
		switch s.Timing {
		case TriggerAfter:
			p.w(" AFTER ")
		case TriggerFor:
			p.w(" FOR ")
		default:
			p.w(" INSTEAD OF ")
		}
		p.w(strings.Join(s.Events, ", "))
		if s.WithAppend {
			p.w(" WITH APPEND")
		}
		if s.NotForReplication {
			p.w(" NOT FOR REPLICATION")
		}
		p.w(" AS")
		p.body(s.Body)
	case *DropStmt:
		p.w("DROP ")
		p.w(s.Kind.String())
		p.w(" ")
		if s.IfExists {
			p.w("IF EXISTS ")
		}
		for i := range s.Names {
			if i > 0 {
				p.w(", ")
			}
			p.objectName(&s.Names[i])
		}
		if s.OnDb {
			p.w(" ON DATABASE")
		}
		if s.OnServer {
			p.w(" ON ALL SERVER")
		}
	case *CreateSchemaStmt:
		p.w("CREATE SCHEMA")
		if !s.Name.IsZero() {
			p.w(" ")
			p.ident(s.Name)
		}
		if !s.Authorization.IsZero() {
			p.w(" AUTHORIZATION ")
			p.ident(s.Authorization)
		}
		for _, e := range s.Elements {
			p.nl()
			p.stmt(e)
		}
	case *CreateDatabaseStmt:
		p.w("CREATE DATABASE ")
		p.ident(s.Name)
		if s.Files != "" {
			p.w(" ")
			p.w(s.Files)
		}
		if s.Collation != "" {
			p.w(" COLLATE ")
			p.w(s.Collation)
		}
		if len(s.Options) > 0 {
			p.w(" WITH ")
			p.bareOptions(s.Options)
		}
	case *AlterDatabaseStmt:
		p.w("ALTER DATABASE ")
		if s.Current {
			p.w("CURRENT")
		} else {
			p.ident(s.Name)
		}
		switch {
		case len(s.Options) > 0:
			p.w(" SET ")
			for i, o := range s.Options {
				if i > 0 {
					p.w(", ")
				}
				p.w(o.Name)
				if o.Value != nil {
					p.w(" ")
					p.optionValue(o.Value)
				}
				if o.Unit != "" {
					p.w(" ")
					p.w(o.Unit)
				}
			}
			if s.Term != "" {
				p.w(" WITH ")
				p.w(s.Term)
			}
		case s.Collation != "":
			p.w(" COLLATE ")
			p.w(s.Collation)
		default:
			p.w(" MODIFY NAME = ")
			p.ident(s.NewName)
		}
	case *CreateSequenceStmt:
		p.createPrefix(s.Alter, false, "SEQUENCE")
		p.objectName(&s.Name)
		if s.Type != nil {
			p.w(" AS ")
			p.typeName(s.Type)
		}
		p.seqOpt(" START WITH ", s.Start)
		if s.Restart {
			p.w(" RESTART")
			p.seqOpt(" WITH ", s.RestartVal)
		}
		p.seqOpt(" INCREMENT BY ", s.Increment)
		p.seqOpt(" MINVALUE ", s.MinValue)
		if s.NoMinValue {
			p.w(" NO MINVALUE")
		}
		p.seqOpt(" MAXVALUE ", s.MaxValue)
		if s.NoMaxValue {
			p.w(" NO MAXVALUE")
		}
		if s.Cycle {
			p.w(" CYCLE")
		}
		if s.NoCycle {
			p.w(" NO CYCLE")
		}
		if s.CacheSet {
			p.w(" CACHE")
			p.seqOpt(" ", s.Cache)
		}
		if s.NoCache {
			p.w(" NO CACHE")
		}
	case *CreateTypeStmt:
		p.w("CREATE TYPE ")
		p.objectName(&s.Name)
		if s.Table != nil {
			p.w(" AS TABLE ")
			p.tableDef(s.Table)
		} else {
			p.w(" FROM ")
			p.typeName(s.Base)
			switch s.Null {
			case Nullable:
				p.w(" NULL")
			case NotNull:
				p.w(" NOT NULL")
			}
		}
	case *CreateLoginStmt:
		p.createPrefix(s.Alter, false, "LOGIN")
		p.ident(s.Name)
		switch {
		case s.FromWindows:
			p.w(" FROM WINDOWS")
			if len(s.Options) > 0 {
				p.w(" WITH ")
				p.bareOptions(s.Options)
			}
		case s.Enable:
			p.w(" ENABLE")
		case s.Disable:
			p.w(" DISABLE")
		default:
			p.w(" WITH ")
			n := 0
			if s.Password != nil {
				p.w("PASSWORD = ")
				p.expr(s.Password)
				if s.Hashed {
					p.w(" HASHED")
				}
				if s.MustChange {
					p.w(" MUST_CHANGE")
				}
				n++
			}
			for _, o := range s.Options {
				if n > 0 {
					p.w(", ")
				}
				n++
				p.w(o.Name)
				p.w(" = ")
				p.optionValue(o.Value)
			}
		}
	case *CreateUserStmt:
		p.createPrefix(s.Alter, false, "USER")
		p.ident(s.Name)
		if !s.Login.IsZero() {
			p.w(" FOR LOGIN ")
			p.ident(s.Login)
		}
		if s.WithoutLogin {
			p.w(" WITHOUT LOGIN")
		}
		if len(s.Options) > 0 {
			p.w(" WITH ")
			p.bareOptions(s.Options)
		}
	case *CreateRoleStmt:
		what := "ROLE"
		if s.Server {
			what = "SERVER ROLE"
		}
		p.createPrefix(s.Alter, false, what)
		p.ident(s.Name)
		switch {
		case !s.AddMember.IsZero():
			p.w(" ADD MEMBER ")
			p.ident(s.AddMember)
		case !s.DropMember.IsZero():
			p.w(" DROP MEMBER ")
			p.ident(s.DropMember)
		case !s.NewName.IsZero():
			p.w(" WITH NAME = ")
			p.ident(s.NewName)
		case !s.Authorization.IsZero():
			p.w(" AUTHORIZATION ")
			p.ident(s.Authorization)
		}
	case *GrantStmt:
		switch s.Kind {
		case Grant:
			p.w("GRANT ")
		case Deny:
			p.w("DENY ")
		default:
			p.w("REVOKE ")
			if s.GrantOptionFor {
				p.w("GRANT OPTION FOR ")
			}
		}
		for i, perm := range s.Permissions {
			if i > 0 {
				p.w(", ")
			}
			p.w(perm.Name)
			if len(perm.Columns) > 0 {
				p.w(" ")
				p.parenIdents(perm.Columns)
			}
		}
		if s.On != nil {
			p.w(" ON ")
			if s.Class != "" {
				p.w(s.Class)
				p.w("::")
			}
			p.objectName(s.On)
		}
		if s.Kind == Revoke {
			p.w(" FROM ")
		} else {
			p.w(" TO ")
		}
		for i, pr := range s.Principals {
			if i > 0 {
				p.w(", ")
			}
			p.principal(pr)
		}
		if s.WithGrant {
			p.w(" WITH GRANT OPTION")
		}
		if s.Cascade {
			p.w(" CASCADE")
		}
		if !s.As.IsZero() {
			p.w(" AS ")
			p.principal(s.As)
		}
	case *CreateSynonymStmt:
		p.w("CREATE SYNONYM ")
		p.objectName(&s.Name)
		p.w(" FOR ")
		p.objectName(&s.Target)
	case *CreateStatisticsStmt:
		if s.Update {
			p.w("UPDATE STATISTICS ")
			p.objectName(&s.Table)
			if !s.Name.IsZero() {
				p.w(" ")
				p.ident(s.Name)
			} else if len(s.Columns) > 0 {
				p.w(" ")
				p.parenIdents(s.Columns)
			}
		} else {
			p.w("CREATE STATISTICS ")
			p.ident(s.Name)
			p.w(" ON ")
			p.objectName(&s.Table)
			p.w(" ")
			p.parenIdents(s.Columns)
		}
		if len(s.Options) > 0 {
			p.w(" WITH ")
			p.bareOptions(s.Options)
		}
	case *EnableTriggerStmt:
		if s.Enable {
			p.w("ENABLE TRIGGER ")
		} else {
			p.w("DISABLE TRIGGER ")
		}
		if s.All {
			p.w("ALL")
		}
		for i := range s.Names {
			if i > 0 {
				p.w(", ")
			}
			p.objectName(&s.Names[i])
		}
		p.w(" ON ")
		switch {
		case s.OnDatabase:
			p.w("DATABASE")
		case s.OnServer:
			p.w("ALL SERVER")
		default:
			p.objectName(&s.Table)
		}
	case *AlterSchemaStmt:
		p.w("ALTER SCHEMA ")
		p.ident(s.Name)
		p.w(" TRANSFER ")
		if s.Class != "" {
			p.w(s.Class)
			p.w("::")
		}
		p.objectName(&s.Object)
	default:
		p.w("/* unknown statement */")
	}
}

func (p *printer) seqOpt(prefix string, e Expr) {
	if e != nil {
		p.w(prefix)
		p.expr(e)
	}
}

func (p *printer) bareOptions(opts []*Option) {
	for i, o := range opts {
		if i > 0 {
			p.w(", ")
		}
		p.w(o.Name)
		if o.Value != nil {
			p.w(" = ")
			p.optionValue(o.Value)
		}
	}
}

func (p *printer) alterTable(s *AlterTableStmt) {
	p.w("ALTER TABLE ")
	p.objectName(&s.Table)
	switch s.WithCheck {
	case WithCheck:
		p.w(" WITH CHECK")
	case WithNoCheck:
		p.w(" WITH NOCHECK")
	}
	switch s.Kind {
	case AlterTableAdd:
		p.w(" ADD ")
		n := 0
		for _, c := range s.Columns {
			if n > 0 {
				p.w(", ")
			}
			n++
			p.columnDef(c)
		}
		for _, c := range s.Constraints {
			if n > 0 {
				p.w(", ")
			}
			n++
			p.constraint(c)
		}
	case AlterTableDrop:
		p.w(" DROP ")
		for i, d := range s.Drops {
			if i > 0 {
				p.w(", ")
			}
			if d.Kind == DropItemColumn {
				p.w("COLUMN ")
			} else {
				p.w("CONSTRAINT ")
			}
			if d.IfExists {
				p.w("IF EXISTS ")
			}
			p.ident(d.Name)
		}
	case AlterTableAlterColumn:
		p.w(" ALTER COLUMN ")
		p.columnDef(s.Columns[0])
	case AlterTableCheck, AlterTableTrigger:
		if s.Kind == AlterTableCheck {
			if s.Enable {
				p.w(" CHECK CONSTRAINT ")
			} else {
				p.w(" NOCHECK CONSTRAINT ")
			}
		} else if s.Enable {
			p.w(" ENABLE TRIGGER ")
		} else {
			p.w(" DISABLE TRIGGER ")
		}
		if s.All {
			p.w("ALL")
		} else {
			p.idents(s.Names)
		}
	case AlterTableSet:
		p.w(" SET ")
		p.options(s.Options, true)
	case AlterTableRebuild:
		p.w(" REBUILD")
		if len(s.Options) > 0 {
			p.w(" WITH ")
			p.options(s.Options, true)
		}
	}
}
