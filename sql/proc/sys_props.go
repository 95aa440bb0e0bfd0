package proc

import (
	"os"
	"strconv"
	"strings"

	"github.com/tsqld/tsqld/internal/version"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/sysobj"
	"github.com/tsqld/tsqld/sql/types"
)

// sysGlobalVar answers the @@functions the catalog work adds.
func (s *Session) sysGlobalVar(name string) (types.Value, bool) {
	switch name {
	case "MICROSOFTVERSION":
		return intVal(int64(version.Microsoft())), true
	}
	return types.Null, false
}

func variant(t types.Type, v types.Value) types.Value {
	return types.Value{K: types.KindVariant, Var: &types.VariantValue{Type: t, Value: v}}
}

var (
	nv128 = types.Type{ID: types.NVarChar, Length: 128}
	intT  = types.TypeInt
)

// objectID is OBJECT_ID(name [, type]).
func (s *Session) objectID(name string, typ string) types.Value {
	var id int32
	var kind string
	if o := s.objectByText(name); o != nil {
		id, kind = o.ID, string(o.Kind)
	} else {
		n := parseObjectName(name)
		if _, o, ok := sysobj.FindObject(s.cat(), s.db, n.Database.Name, n.Schema.Name, n.Name.Name); ok {
			id, kind = o.ID, o.Type
		}
	}
	if id == 0 {
		return types.Null
	}
	if t := strings.ToUpper(strings.TrimSpace(typ)); t != "" && t != kind {
		return types.Null
	}
	return intVal(int64(id))
}

// objectName is OBJECT_NAME(id [, database_id]).
func (s *Session) objectName(id int64, dbID int64, hasDB bool) types.Value {
	if id < 0 || !hasDB || dbID == catalog.TempDBID {
		for _, o := range s.temps {
			if int64(o.ID) == id {
				return strVal(o.Name)
			}
		}
	}
	d := s.db
	if hasDB {
		if d = s.cat().DatabaseByID(int32(dbID)); d == nil {
			return types.Null
		}
	}
	if o, ok := sysobj.ObjectByID(s.cat(), d, int32(id)); ok {
		return strVal(o.Name)
	}
	return types.Null
}

// databaseProperty is DATABASEPROPERTYEX(database, property).
func (s *Session) databaseProperty(db, prop string) types.Value {
	d := s.cat().Database(db)
	if d == nil {
		return types.Null
	}
	coll := d.Collation
	if coll == "" {
		coll = s.srv.cfg.Collation
	}
	yes := func(b bool) types.Value { return variant(intT, intVal(b2i(b))) }
	switch strings.ToLower(prop) {
	case "collation":
		return variant(nv128, strVal(coll))
	case "status":
		return variant(nv128, strVal("ONLINE"))
	case "recovery":
		return variant(nv128, strVal(sysobj.Recovery(s.cat(), d)))
	case "updateability":
		if strings.EqualFold(s.cat().DBOption(d, "read_only"), "") {
			return variant(nv128, strVal("READ_WRITE"))
		}
		return variant(nv128, strVal("READ_ONLY"))
	case "useraccess":
		return variant(nv128, strVal("MULTI_USER"))
	case "version":
		return variant(intT, intVal(957))
	case "lcid":
		return variant(intT, intVal(1033))
	case "sqlsortorder":
		return variant(types.TypeTinyInt, intVal(52))
	case "comparisonstyle":
		return variant(intT, intVal(196609))
	case "isautoclose", "isautoshrink", "isfulltextenabled", "isreadcommittedsnapshoton", "isarithmeticabortenabled",
		"isansinullsenabled", "isansipaddingenabled", "isansiwarningsenabled", "isquotedidentifiersenabled",
		"isrecursivetriggersenabled", "isnullconcat", "isnumericroundabortenabled", "isinstandby", "ismergepublished",
		"ispublished", "issubscribed", "issyncwithbackup", "ismemoryoptimizedelevatetosnapshotenabled", "isxtpsupported",
		"isparameterizationforced", "isclone", "isverifiedclone", "isautocreatestatisticsincremental", "istornpagedetectionenabled":
		return yes(strings.EqualFold(s.cat().DBOption(d, optionNameOf(prop)), "ON"))
	case "isautocreatestatistics", "isautoupdatestatistics":
		return yes(true)
	case "isautoupdatestatisticsasync":
		return yes(false)
	case "edition", "serviceobjective":
		return types.Null
	}
	return types.Null
}

// optionNameOf maps a DATABASEPROPERTYEX property to the ALTER DATABASE
// option that sets it.
func optionNameOf(prop string) string {
	switch strings.ToLower(prop) {
	case "isautoclose":
		return "auto_close"
	case "isautoshrink":
		return "auto_shrink"
	case "isreadcommittedsnapshoton":
		return "read_committed_snapshot"
	case "isansinullsenabled":
		return "ansi_nulls"
	case "isansipaddingenabled":
		return "ansi_padding"
	case "isansiwarningsenabled":
		return "ansi_warnings"
	case "isarithmeticabortenabled":
		return "arithabort"
	case "isquotedidentifiersenabled":
		return "quoted_identifier"
	case "isrecursivetriggersenabled":
		return "recursive_triggers"
	case "isnullconcat":
		return "concat_null_yields_null"
	case "isnumericroundabortenabled":
		return "numeric_roundabort"
	case "isparameterizationforced":
		return "parameterization"
	}
	return strings.ToLower(prop)
}

// editionIDs are SERVERPROPERTY('EditionID') values.
var editionIDs = map[string]int64{"developer": -2117995310, "enterprise": 1804890536, "standard": -1534726760, "express": -1592396055, "evaluation": 610778273}

// serverProp is SERVERPROPERTY(name) with SQL Server's base types.
func (s *Session) serverProp(p string) (types.Value, bool) {
	host, _ := os.Hostname()
	host = strings.ToUpper(host)
	edition := s.srv.cfg.Edition
	if edition == "" {
		edition = "Developer"
	}
	edition = strings.TrimSuffix(strings.TrimSuffix(edition, " (64-bit)"), " Edition")
	switch strings.ToLower(p) {
	case "productversion":
		return variant(nv128, strVal(version.Product())), true
	case "productmajorversion":
		return variant(nv128, strVal(itoa(version.Major))), true
	case "productminorversion":
		return variant(nv128, strVal(itoa(version.Minor))), true
	case "productbuild":
		return variant(nv128, strVal(itoa(version.Build))), true
	case "productlevel":
		return variant(nv128, strVal("RTM")), true
	case "productupdatelevel", "productupdatereference", "productbuildtype":
		return types.Null, true
	case "edition":
		return variant(nv128, strVal(edition+" Edition (64-bit)")), true
	case "editionid":
		if id, ok := editionIDs[strings.ToLower(edition)]; ok {
			return variant(types.TypeBigInt, intVal(id)), true
		}
		return types.Null, true
	case "engineedition":
		n := int64(3) // Enterprise engine: Developer, Enterprise, Evaluation
		switch strings.ToLower(edition) {
		case "standard":
			n = 2
		case "express":
			n = 4
		}
		return variant(intT, intVal(n)), true
	case "machinename", "computernamephysicalnetbios":
		return variant(nv128, strVal(host)), true
	case "servername":
		name := s.srv.cfg.ServerName
		if name == "" {
			name = host
			if s.srv.cfg.InstanceName != "" {
				name += `\` + s.srv.cfg.InstanceName
			}
		}
		return variant(nv128, strVal(name)), true
	case "instancename":
		if s.srv.cfg.InstanceName == "" {
			return types.Null, true
		}
		return variant(nv128, strVal(s.srv.cfg.InstanceName)), true
	case "collation":
		return variant(nv128, strVal(s.srv.cfg.Collation)), true
	case "collationid":
		return variant(intT, intVal(872468488)), true
	case "lcid":
		return variant(intT, intVal(1033)), true
	case "sqlcharset":
		return variant(types.TypeTinyInt, intVal(1)), true
	case "sqlcharsetname":
		return variant(nv128, strVal("iso_1")), true
	case "sqlsortorder":
		return variant(types.TypeTinyInt, intVal(52)), true
	case "sqlsortordername":
		return variant(nv128, strVal("nocase_iso")), true
	case "processid":
		return variant(intT, intVal(int64(os.Getpid()))), true
	case "isintegratedsecurityonly", "isclustered", "ishadrenabled", "isfulltextinstalled", "issingleuser", "islocaldb",
		"ispolybaseinstalled", "isadvancedanalyticsinstalled", "istempdbmetadatamemoryoptimized", "filestreamconfiguredlevel",
		"filestreameffectivelevel", "isbigdatacluster", "isexternalauthenticationonly":
		return variant(intT, intVal(0)), true
	case "isxtpsupported":
		return variant(intT, intVal(0)), true
	case "hadrmanagerstatus":
		return variant(intT, intVal(2)), true
	case "licensetype":
		return variant(nv128, strVal("DISABLED")), true
	case "numlicenses":
		return types.Null, true
	case "instancedefaultdatapath", "instancedefaultlogpath", "instancedefaultbackuppath":
		return types.Null, true
	case "resourceversion":
		return variant(nv128, strVal(version.Product())), true
	case "buildclrversion":
		return types.Null, true
	}
	return types.Null, false
}

func itoa(n int) string { return strconv.Itoa(n) }
