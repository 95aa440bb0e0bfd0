package proc

import (
	"strconv"
	"strings"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sysobj"
	"github.com/tsqld/tsqld/sql/types"
)

// metadataFunc evaluates the metadata functions typed by
// sem.metadataFunc; ok=false when name is not one of them.
func (s *Session) metadataFunc(name string, args []types.Value) (types.Value, *msgs.Error, bool) {
	str := func(i int) (string, bool) {
		if i < len(args) && args[i].K == types.KindString {
			return args[i].S, true
		}
		return "", false
	}
	num := func(i int) (int64, bool) {
		if i < len(args) && (args[i].K == types.KindInt || args[i].K == types.KindBool) {
			return args[i].I, true
		}
		return 0, false
	}
	cat := s.cat()
	switch name {
	case "OBJECT_ID":
		n, ok := str(0)
		if !ok {
			return types.Null, nil, true
		}
		t, _ := str(1)
		return s.objectID(n, t), nil, true
	case "OBJECT_NAME":
		id, ok := num(0)
		if !ok {
			return types.Null, nil, true
		}
		db, hasDB := num(1)
		return s.objectName(id, db, hasDB), nil, true
	case "SCHEMA_ID":
		n, ok := str(0)
		if !ok {
			if len(args) > 0 {
				return types.Null, nil, true
			}
			return intVal(catalog.SchemaDBO), nil, true
		}
		if id, ok := s.db.SchemaID(n); ok {
			return intVal(int64(id)), nil, true
		}
		return types.Null, nil, true
	case "SCHEMA_NAME":
		id, ok := num(0)
		if !ok {
			if len(args) > 0 {
				return types.Null, nil, true
			}
			return strVal(s.defaultSchema(s.db)), nil, true // default_schema.go
		}
		if n, ok := s.db.SchemaNames[int32(id)]; ok {
			return strVal(n), nil, true
		}
		return types.Null, nil, true
	case "DATABASEPROPERTYEX":
		db, _ := str(0)
		p, _ := str(1)
		return s.databaseProperty(db, p), nil, true
	case "SERVERPROPERTY":
		p, _ := str(0)
		if v, ok := s.serverProp(p); ok {
			return v, nil, true
		}
		return types.Null, nil, false
	case "IDENT_CURRENT":
		t, ok := str(0)
		if !ok {
			return types.Null, nil, true
		}
		n := parseObjectName(t)
		d, o, found := sysobj.FindObject(cat, s.db, n.Database.Name, n.Schema.Name, n.Name.Name)
		if tmp := s.objectByText(t); tmp != nil && strings.HasPrefix(tmp.Name, "#") {
			d, o, found = cat.DatabaseByID(catalog.TempDBID), sysobj.Obj{Owner: tmp, Type: "U", ID: tmp.ID}, true
		}
		if !found || o.Owner == nil || o.Owner.Table == nil || o.Owner.Table.IdentityColumn() < 0 {
			return types.Null, nil, true
		}
		v, _ := s.IdentCurrent(d, o.Owner)
		return decimalOf(intVal(v)), nil, true
	case "SQL_VARIANT_PROPERTY":
		p, _ := str(1)
		if len(args) == 0 || args[0].K != types.KindVariant || args[0].Var == nil {
			return types.Null, nil, true
		}
		return variantProperty(args[0].Var, p), nil, true
	case "USER_NAME":
		id, ok := num(0)
		if !ok {
			if len(args) > 0 {
				return types.Null, nil, true
			}
			return strVal(s.currentUser()), nil, true
		}
		if n := s.principalName(int32(id)); n != "" { // security_funcs.go
			return strVal(n), nil, true
		}
		return types.Null, nil, true
	case "SUSER_SNAME", "SUSER_NAME":
		if len(args) == 0 {
			return strVal(s.secLogin()), nil, true
		}
		if args[0].K == types.KindNull {
			return types.Null, nil, true
		}
		for _, l := range cat.Logins() {
			id := sysobj.LoginPrincipal(cat, l.Name)
			if (args[0].K == types.KindBytes && string(args[0].B) == string(sysobj.LoginSID(id))) || (args[0].K == types.KindInt && args[0].I == int64(id)) {
				return strVal(l.Name), nil, true
			}
		}
		return types.Null, nil, true
	case "CONNECTIONPROPERTY":
		p, _ := str(0)
		return s.connectionProperty(p), nil, true
	case "SESSION_CONTEXT":
		k, ok := str(0)
		if !ok {
			return types.Null, nil, true
		}
		return s.sessionContext(k), nil, true
	case "APPLOCK_MODE":
		r, _ := str(1)
		return strVal(s.srv.sys().locks.mode(s, s.db.Name+":"+r)), nil, true
	case "TYPE_ID":
		t, ok := str(0)
		if !ok {
			return types.Null, nil, true
		}
		n := parseObjectName(t)
		if st := sysobj.SysTypeByName(n.Name.Name); st != nil && n.Schema.Name == "" {
			return intVal(int64(st.UserID)), nil, true
		}
		if at := cat.AliasType(s.db, n.Schema.Name, n.Name.Name); at != nil {
			return intVal(int64(at.ID)), nil, true
		}
		return types.Null, nil, true
	case "TYPE_NAME":
		id, ok := num(0)
		if !ok {
			return types.Null, nil, true
		}
		if st := sysobj.SysTypeByUserID(int32(id)); st != nil {
			return strVal(st.Name), nil, true
		}
		if at := cat.AliasTypeByID(s.db, int32(id)); at != nil {
			return strVal(at.Name), nil, true
		}
		return types.Null, nil, true
	case "OBJECT_SCHEMA_NAME":
		id, ok := num(0)
		if !ok {
			return types.Null, nil, true
		}
		d := s.db
		if dbid, ok := num(1); ok {
			d = cat.DatabaseByID(int32(dbid))
		}
		if d == nil {
			return types.Null, nil, true
		}
		if o, ok := sysobj.ObjectByID(cat, d, int32(id)); ok {
			return strVal(o.Schema), nil, true
		}
		return types.Null, nil, true
	case "COL_NAME", "COLUMNPROPERTY", "COL_LENGTH":
		var o sysobj.Obj
		var found bool
		if name == "COL_LENGTH" {
			t, _ := str(0)
			n := parseObjectName(t)
			_, o, found = sysobj.FindObject(cat, s.db, n.Database.Name, n.Schema.Name, n.Name.Name)
		} else if id, ok := num(0); ok {
			o, found = sysobj.ObjectByID(cat, s.db, int32(id))
		}
		if !found {
			return types.Null, nil, true
		}
		cols := sysobj.ColumnsOf(&sysobj.Ctx{Env: s, Cat: cat, DB: s.db}, o)
		var ci *sysobj.ColInfo
		switch name {
		case "COL_NAME":
			id, _ := num(1)
			if id >= 1 && int(id) <= len(cols) {
				ci = &cols[id-1]
			}
		default:
			cn, _ := str(1)
			for i := range cols {
				if strings.EqualFold(cols[i].Name, cn) {
					ci = &cols[i]
				}
			}
		}
		if ci == nil {
			return types.Null, nil, true
		}
		switch name {
		case "COL_NAME":
			return strVal(ci.Name), nil, true
		case "COL_LENGTH":
			return intVal(int64(sysobj.TypeFacts(ci.Type).MaxLength)), nil, true
		}
		p, _ := str(2)
		switch strings.ToLower(p) {
		case "allowsnull":
			return intVal(b2i(ci.Nullable)), nil, true
		case "isidentity":
			return intVal(b2i(ci.Identity != nil)), nil, true
		case "iscomputed":
			return intVal(b2i(ci.Computed != "")), nil, true
		case "columnid":
			return intVal(int64(ci.ID)), nil, true
		case "precision":
			f := sysobj.TypeFacts(ci.Type)
			if f.Precision == 0 {
				return intVal(sysobj.CharLength(ci.Type)), nil, true
			}
			return intVal(int64(f.Precision)), nil, true
		case "scale":
			return intVal(int64(sysobj.TypeFacts(ci.Type).Scale)), nil, true
		}
		return types.Null, nil, true
	case "OBJECTPROPERTY", "OBJECTPROPERTYEX":
		id, ok := num(0)
		p, _ := str(1)
		if !ok {
			return types.Null, nil, true
		}
		o, found := sysobj.ObjectByID(cat, s.db, int32(id))
		if !found {
			return types.Null, nil, true
		}
		if name == "OBJECTPROPERTYEX" && strings.EqualFold(p, "BaseType") {
			// The object's type code as char(2): 'U ', 'P ', 'FN' …
			return variant(types.NewChar(2), strVal((o.Type + "  ")[:2])), nil, true
		}
		v, ok := objectProperty(o, strings.ToLower(p))
		if !ok {
			return types.Null, nil, true
		}
		if name == "OBJECTPROPERTYEX" {
			return types.Value{K: types.KindVariant, Var: &types.VariantValue{Type: types.TypeInt, Value: intVal(v)}}, nil, true
		}
		return intVal(v), nil, true
	case "IDENT_SEED", "IDENT_INCR":
		t, _ := str(0)
		n := parseObjectName(t)
		_, o, found := sysobj.FindObject(cat, s.db, n.Database.Name, n.Schema.Name, n.Name.Name)
		if !found || o.Owner == nil || o.Owner.Table == nil || o.Owner.Table.IdentityColumn() < 0 {
			return types.Null, nil, true
		}
		id := o.Owner.Table.Columns[o.Owner.Table.IdentityColumn()].Identity
		if name == "IDENT_SEED" {
			return decimalOf(intVal(id.Seed)), nil, true
		}
		return decimalOf(intVal(id.Increment)), nil, true
	case "IS_SRVROLEMEMBER", "IS_MEMBER", "HAS_PERMS_BY_NAME": // the security model (security_funcs.go)
		return s.securityFunc(name, args), nil, true
	}
	return types.Null, nil, false
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// objectProperty answers OBJECTPROPERTY for the common properties.
func objectProperty(o sysobj.Obj, p string) (int64, bool) {
	var t *catalog.Table
	if o.Owner != nil && o.Type == "U" {
		t = o.Owner.Table
	}
	switch p {
	case "isusertable":
		return b2i(o.Type == "U"), true
	case "isview":
		return b2i(o.Type == "V"), true
	case "isprocedure":
		return b2i(o.Type == "P"), true
	case "istable":
		return b2i(o.Type == "U" || o.Type == "S"), true
	case "isconstraint":
		return b2i(o.Type == "PK" || o.Type == "UQ" || o.Type == "F" || o.Type == "C" || o.Type == "D"), true
	case "isprimarykey":
		return b2i(o.Type == "PK"), true
	case "isforeignkey":
		return b2i(o.Type == "F"), true
	case "ischeckcnst":
		return b2i(o.Type == "C"), true
	case "isdefaultcnst":
		return b2i(o.Type == "D"), true
	case "isuniquecnst":
		return b2i(o.Type == "UQ"), true
	case "istrigger":
		return b2i(o.Type == "TR"), true
	case "isscalarfunction":
		return b2i(o.Type == "FN"), true
	case "istablefunction":
		return b2i(o.Type == "IF" || o.Type == "TF"), true
	case "isinlinefunction":
		return b2i(o.Type == "IF"), true
	case "execisaftertrigger", "execisinsteadoftrigger", "execisinserttrigger", "execisupdatetrigger",
		"execisdeletetrigger", "execistriggerdisabled":
		// NULL for objects that are not DML triggers.
		if o.Type != "TR" || o.Owner == nil || o.Owner.Trigger == nil {
			return 0, false
		}
		tr := o.Owner.Trigger
		switch p {
		case "execisaftertrigger":
			return b2i(!tr.InsteadOf), true
		case "execisinsteadoftrigger":
			return b2i(tr.InsteadOf), true
		case "execisinserttrigger":
			return b2i(tr.HasEvent("INSERT")), true
		case "execisupdatetrigger":
			return b2i(tr.HasEvent("UPDATE")), true
		case "execisdeletetrigger":
			return b2i(tr.HasEvent("DELETE")), true
		}
		return b2i(tr.Disabled), true
	case "ismsshipped", "issystemtable":
		return b2i(o.ID < 0), true
	case "ownerid", "schemaid":
		return int64(o.SchemaID), true
	case "tablehasidentity":
		if t == nil {
			return 0, false
		}
		return b2i(t.IdentityColumn() >= 0), true
	case "tablehasprimarykey":
		if t == nil {
			return 0, false
		}
		for _, ix := range t.Indexes {
			if ix.Primary {
				return 1, true
			}
		}
		return 0, true
	case "tablehasclustindex":
		if t == nil {
			return 0, false
		}
		return b2i(t.Clustered() != nil), true
	case "tablehasforeignkey":
		if t == nil {
			return 0, false
		}
		return b2i(len(t.ForeignKeys) > 0), true
	case "tablehascheckcnst":
		if t == nil {
			return 0, false
		}
		return b2i(len(t.Checks) > 0), true
	case "isindexed", "tablehasindex":
		if t == nil {
			return 0, false
		}
		return b2i(len(t.Indexes) > 0), true
	}
	return 0, false
}

// variantProperty is SQL_VARIANT_PROPERTY(v, property).
func variantProperty(v *types.VariantValue, p string) types.Value {
	t := v.Type
	f := sysobj.TypeFacts(t)
	switch strings.ToLower(p) {
	case "basetype":
		return variant(types.TypeSysname, strVal(sysobj.TypeName(t)))
	case "precision":
		return variant(intT, intVal(int64(f.Precision)))
	case "scale":
		return variant(intT, intVal(int64(f.Scale)))
	case "maxlength":
		return variant(intT, intVal(int64(f.MaxLength)))
	case "totalbytes":
		n := int64(f.MaxLength)
		switch v.Value.K {
		case types.KindString:
			n = int64(len(v.Value.S))
			if t.ID == types.NVarChar || t.ID == types.NChar {
				n = int64(2 * len([]rune(v.Value.S)))
			}
		case types.KindBytes:
			n = int64(len(v.Value.B))
		}
		// The variant header: 2 bytes, plus type-specific property bytes.
		hdr := int64(2)
		switch {
		case sysobj.IsStringType(t):
			hdr += 7
		case t.ID == types.Decimal || t.ID == types.Numeric:
			hdr += 2
		case t.ID == types.VarBinary || t.ID == types.Binary:
			hdr += 2
		case t.ID == types.Time || t.ID == types.DateTime2 || t.ID == types.DateTimeOffset:
			hdr++
		}
		return variant(intT, intVal(n+hdr))
	case "collation":
		if !sysobj.IsStringType(t) {
			return types.Null
		}
		return variant(types.TypeSysname, strVal(t.Collation.Name))
	}
	return types.Null
}

// connectionProperty is CONNECTIONPROPERTY(property) for this session.
func (s *Session) connectionProperty(p string) types.Value {
	addr := s.cfg.ClientAddr
	host, port := addr, ""
	if i := strings.LastIndexByte(addr, ':'); i >= 0 {
		host, port = strings.Trim(addr[:i], "[]"), addr[i+1:]
	}
	vc := func(v string, n int32) types.Value {
		return variant(types.Type{ID: types.VarChar, Length: n}, strVal(v))
	}
	nvc := func(v string, n int32) types.Value {
		return variant(types.Type{ID: types.NVarChar, Length: n}, strVal(v))
	}
	switch strings.ToLower(p) {
	case "net_transport", "physical_net_transport":
		if addr == "" {
			return nvc("Shared memory", 40)
		}
		return nvc("TCP", 40)
	case "protocol_type":
		return nvc("TSQL", 40)
	case "auth_scheme":
		return nvc("SQL", 40)
	case "client_net_address":
		if addr == "" {
			return vc("<local machine>", 48)
		}
		return vc(host, 48)
	case "local_net_address", "local_tcp_port":
		return types.Null
	case "client_tcp_port":
		if port == "" {
			return types.Null
		}
		n, _ := strconv.Atoi(port)
		return variant(types.TypeInt, intVal(int64(n)))
	}
	return types.Null
}
