package proc

import (
	"strings"

	"github.com/cockroachdb/apd/v3"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
)

func intVal(n int64) types.Value  { return types.Value{K: types.KindInt, I: n} }
func strVal(s string) types.Value { return types.Value{K: types.KindString, S: s} }
func nullIf(ok bool, v types.Value) types.Value {
	if !ok {
		return types.Null
	}
	return v
}

// GlobalVar implements @@functions.
func (s *Session) GlobalVar(name string) types.Value {
	if v, ok := s.featureGlobalVar(name); ok {
		return v
	}
	if v, ok := s.sysGlobalVar(name); ok {
		return v
	}
	switch name {
	case "ROWCOUNT":
		return intVal(s.rowCount)
	case "TRANCOUNT":
		if s.tx != nil && s.tx.explicit {
			return intVal(int64(s.tx.count))
		}
		return intVal(0)
	case "ERROR":
		return intVal(int64(s.lastError))
	case "SPID":
		return intVal(int64(s.cfg.SPID))
	case "VERSION":
		return strVal(catalog.VersionString(s.srv.cfg.Edition))
	case "SERVERNAME":
		return strVal(s.srv.cfg.ServerName)
	case "SERVICENAME":
		if s.srv.cfg.InstanceName != "" {
			return strVal(s.srv.cfg.InstanceName)
		}
		return strVal("MSSQLSERVER")
	case "LANGUAGE":
		return strVal(s.opts.Language)
	case "LANGID":
		return intVal(0)
	case "IDENTITY":
		return s.identity
	case "OPTIONS":
		return intVal(int64(s.opts.Flags))
	case "DATEFIRST":
		return intVal(int64(s.opts.DateFirst))
	case "LOCK_TIMEOUT":
		return intVal(int64(s.opts.LockTimeout))
	case "TEXTSIZE":
		return intVal(int64(s.opts.TextSize))
	case "NESTLEVEL":
		return intVal(int64(s.nestLevel))
	case "MAX_CONNECTIONS":
		return intVal(32767)
	case "MAX_PRECISION":
		return intVal(38)
	case "DBTS":
		return s.currentDBTS() // rowversion.go
	}
	return intVal(0)
}

func decimalOf(v types.Value) types.Value {
	if v.K != types.KindInt {
		return v
	}
	out := types.Value{K: types.KindDecimal}
	out.Dec.Set(apd.New(v.I, 0))
	return out
}

// SessionFunc implements the session-dependent built-in functions.
func (s *Session) SessionFunc(name string, args []types.Value) (types.Value, *msgs.Error) {
	if v, merr, ok := s.featureFunc(name, args); ok {
		return v, merr
	}
	if name == "EVENTDATA" {
		return s.eventDataValue(), nil // ddl_trigger.go
	}
	if v, merr, ok := s.metadataFunc(name, args); ok {
		return v, merr
	}
	arg := func(i int) (types.Value, bool) {
		if i < len(args) && args[i].K != types.KindNull {
			return args[i], true
		}
		return types.Null, false
	}
	switch name {
	case "SCOPE_IDENTITY":
		return s.scopeIdent, nil
	case "CONTEXT_INFO":
		if s.contextInfo == nil {
			return types.Null, nil
		}
		// context_info is binary(128): the value padded with zeros.
		b := make([]byte, 128)
		copy(b, s.contextInfo)
		return types.Value{K: types.KindBytes, B: b}, nil
	case "DB_NAME":
		if v, ok := arg(0); ok {
			d := s.cat().DatabaseByID(int32(v.I))
			return nullIf(d != nil, strVal(nameOf(d))), nil
		}
		return strVal(s.db.Name), nil
	case "DB_ID":
		if v, ok := arg(0); ok {
			d := s.cat().Database(v.S)
			if d == nil {
				return types.Null, nil
			}
			return intVal(int64(d.ID)), nil
		}
		return intVal(int64(s.db.ID)), nil
	case "OBJECT_ID":
		v, ok := arg(0)
		if !ok {
			return types.Null, nil
		}
		o := s.objectByText(v.S)
		return nullIf(o != nil, intVal(int64(idOf(o)))), nil
	case "OBJECT_NAME":
		v, ok := arg(0)
		if !ok {
			return types.Null, nil
		}
		for _, o := range s.temps {
			if int64(o.ID) == v.I {
				return strVal(o.Name), nil
			}
		}
		o := s.cat().ObjectByID(s.db, int32(v.I))
		return nullIf(o != nil, strVal(objName(o))), nil
	case "ORIGINAL_LOGIN":
		return strVal(s.cfg.Login), nil
	case "SUSER_SNAME", "SUSER_NAME", "SYSTEM_USER":
		return strVal(s.secLogin()), nil // EXECUTE AS (security_ctx.go)
	case "USER_NAME", "CURRENT_USER", "SESSION_USER", "USER":
		return strVal(s.currentUser()), nil
	case "SCHEMA_NAME":
		return strVal(s.defaultSchema(s.db)), nil
	case "SCHEMA_ID", "USER_ID":
		return intVal(1), nil
	case "SUSER_ID":
		return intVal(1), nil
	case "HOST_NAME":
		return strVal(s.cfg.HostName), nil
	case "APP_NAME":
		return strVal(s.cfg.AppName), nil
	case "ERROR_NUMBER", "ERROR_SEVERITY", "ERROR_STATE", "ERROR_LINE", "ERROR_MESSAGE", "ERROR_PROCEDURE":
		e := s.catchErr
		if e == nil {
			return types.Null, nil
		}
		switch name {
		case "ERROR_NUMBER":
			return intVal(int64(e.Number)), nil
		case "ERROR_SEVERITY":
			return intVal(int64(e.Severity)), nil
		case "ERROR_STATE":
			return intVal(int64(e.State)), nil
		case "ERROR_LINE":
			return intVal(int64(e.Line)), nil
		case "ERROR_MESSAGE":
			return strVal(e.Text), nil
		case "ERROR_PROCEDURE":
			return nullIf(e.Proc != "", strVal(e.Proc)), nil
		}
	case "XACT_STATE":
		switch {
		case s.tx == nil || !s.tx.explicit:
			return intVal(0), nil
		case s.tx.doomed:
			return intVal(-1), nil
		}
		return intVal(1), nil
	case "SERVERPROPERTY":
		v, _ := arg(0)
		return s.serverProperty(v.S), nil
	case "NEWID":
		return newGUID(), nil
	case "RAND":
		if v, ok := arg(0); ok {
			s.rng = newSeededRand(v.I)
		}
		if s.rng != nil {
			return types.Value{K: types.KindFloat, F: s.rng.Float64()}, nil
		}
		return types.Value{K: types.KindFloat, F: randFloat()}, nil
	}
	return types.Null, msgs.New(195, strings.ToLower(name), "built-in function name")
}

func nameOf(d *catalog.Database) string {
	if d == nil {
		return ""
	}
	return d.Name
}

func idOf(o *catalog.Object) int32 {
	if o == nil {
		return 0
	}
	return o.ID
}

func objName(o *catalog.Object) string {
	if o == nil {
		return ""
	}
	return o.Name
}

func (s *Session) serverProperty(p string) types.Value {
	variant := func(v types.Value, t types.Type) types.Value {
		return types.Value{K: types.KindVariant, Var: &types.VariantValue{Type: t, Value: v}}
	}
	nv := types.Type{ID: types.NVarChar, Length: 128}
	switch strings.ToLower(p) {
	case "productversion":
		return variant(strVal(catalog.ProductVersion), nv)
	case "productlevel":
		return variant(strVal("RTM"), nv)
	case "edition":
		return variant(strVal(s.srv.cfg.Edition+" Edition (64-bit)"), nv)
	case "engineedition":
		return variant(intVal(3), types.Type{ID: types.Int})
	case "servername", "machinename":
		return variant(strVal(s.srv.cfg.ServerName), nv)
	case "instancename":
		if s.srv.cfg.InstanceName == "" {
			return types.Null
		}
		return variant(strVal(s.srv.cfg.InstanceName), nv)
	case "collation":
		return variant(strVal(s.srv.cfg.Collation), nv)
	case "productmajorversion":
		return variant(strVal("16"), nv)
	case "isintegratedsecurityonly", "isclustered", "ishadrenabled", "isfulltextinstalled":
		return variant(intVal(0), types.Type{ID: types.Int})
	}
	return types.Null
}
