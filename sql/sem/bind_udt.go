package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// CLR type methods (hierarchyid, geometry, geography). A call binds to a
// Func named UDTFuncName(type, method, static) whose arguments are the
// receiver (instance methods) followed by the method arguments; sql/exec
// evaluates it with sql/clrtypes. Method and property names are
// case-sensitive as in SQL Server (CLR names); the type name is not.

// UDTMethod describes one method or property of a CLR type.
type UDTMethod struct {
	Type     types.TypeID
	Name     string
	Static   bool
	Property bool
	Args     []types.Type // parameter types (implicit conversion applies)
	Result   types.Type   // Unknown: the receiver's type
	// NullArgsOK: NULL arguments do not make the result NULL
	// (GetDescendant's NULL bounds).
	NullArgsOK bool
}

var (
	udtStr    = types.NewNVarChar(types.MaxLength)
	udtStr4k  = types.NewNVarChar(4000)
	udtBin    = types.NewVarBinary(types.MaxLength)
	udtSame   = types.Type{}
	udtFloat  = types.Type{ID: types.Float}
	udtInt    = types.Type{ID: types.Int}
	udtBit    = types.Type{ID: types.Bit}
	udtSmall  = types.Type{ID: types.SmallInt}
	udtMethod = map[types.TypeID]map[string]*UDTMethod{}
	udtProp   = map[types.TypeID]map[string]*UDTMethod{}
)

func defUDT(m UDTMethod, ids ...types.TypeID) {
	for _, id := range ids {
		m := m
		m.Type = id
		tab := udtMethod
		if m.Property {
			tab = udtProp
		}
		if tab[id] == nil {
			tab[id] = map[string]*UDTMethod{}
		}
		tab[id][m.Name] = &m
	}
}

func init() {
	g, y, h := types.Geometry, types.Geography, types.HierarchyID
	for _, n := range []string{"STGeomFromText", "STPointFromText", "STLineFromText", "STPolyFromText",
		"STMPointFromText", "STMLineFromText", "STMPolyFromText", "STGeomCollFromText"} {
		defUDT(UDTMethod{Name: n, Static: true, Args: []types.Type{udtStr, udtInt}, Result: udtSame}, g, y)
	}
	for _, n := range []string{"STGeomFromWKB", "STPointFromWKB", "STLineFromWKB", "STPolyFromWKB"} {
		defUDT(UDTMethod{Name: n, Static: true, Args: []types.Type{udtBin, udtInt}, Result: udtSame}, g, y)
	}
	defUDT(UDTMethod{Name: "Parse", Static: true, Args: []types.Type{udtStr}, Result: udtSame}, g, y, h)
	defUDT(UDTMethod{Name: "Point", Static: true, Args: []types.Type{udtFloat, udtFloat, udtInt}, Result: udtSame}, g, y)
	defUDT(UDTMethod{Name: "GetRoot", Static: true, Result: udtSame}, h)

	defUDT(UDTMethod{Name: "STAsText", Result: udtStr}, g, y)
	defUDT(UDTMethod{Name: "AsTextZM", Result: udtStr}, g, y)
	defUDT(UDTMethod{Name: "ToString", Result: udtStr}, g, y)
	defUDT(UDTMethod{Name: "STAsBinary", Result: udtBin}, g, y)
	defUDT(UDTMethod{Name: "STNumPoints", Result: udtInt}, g, y)
	defUDT(UDTMethod{Name: "STNumGeometries", Result: udtInt}, g, y)
	defUDT(UDTMethod{Name: "STDimension", Result: udtInt}, g, y)
	defUDT(UDTMethod{Name: "STIsEmpty", Result: udtBit}, g, y)
	defUDT(UDTMethod{Name: "STIsValid", Result: udtBit}, g, y)
	defUDT(UDTMethod{Name: "STGeometryType", Result: udtStr4k}, g, y)
	defUDT(UDTMethod{Name: "STDistance", Args: []types.Type{udtSame}, Result: udtFloat}, g, y)
	defUDT(UDTMethod{Name: "STLength", Result: udtFloat}, g, y)
	defUDT(UDTMethod{Name: "STArea", Result: udtFloat}, g, y)
	defUDT(UDTMethod{Name: "STPointN", Args: []types.Type{udtInt}, Result: udtSame}, g, y)
	defUDT(UDTMethod{Name: "STStartPoint", Result: udtSame}, g, y)
	defUDT(UDTMethod{Name: "STEndPoint", Result: udtSame}, g, y)
	defUDT(UDTMethod{Name: "STIntersects", Args: []types.Type{udtSame}, Result: udtBit}, g, y)
	defUDT(UDTMethod{Name: "STDisjoint", Args: []types.Type{udtSame}, Result: udtBit}, g, y)
	defUDT(UDTMethod{Name: "STContains", Args: []types.Type{udtSame}, Result: udtBit}, g, y)
	defUDT(UDTMethod{Name: "STWithin", Args: []types.Type{udtSame}, Result: udtBit}, g, y)
	defUDT(UDTMethod{Name: "STGeometryN", Args: []types.Type{udtInt}, Result: udtSame}, g, y)
	defUDT(UDTMethod{Name: "STExteriorRing", Result: udtSame}, g)
	defUDT(UDTMethod{Name: "STInteriorRingN", Args: []types.Type{udtInt}, Result: udtSame}, g)
	defUDT(UDTMethod{Name: "STNumInteriorRing", Result: udtInt}, g)
	defUDT(UDTMethod{Name: "NumRings", Result: udtInt}, y)
	defUDT(UDTMethod{Name: "RingN", Args: []types.Type{udtInt}, Result: udtSame}, y)
	defUDT(UDTMethod{Name: "STEnvelope", Result: udtSame}, g)
	defUDT(UDTMethod{Name: "STSrid", Property: true, Result: udtInt}, g, y)
	defUDT(UDTMethod{Name: "STX", Property: true, Result: udtFloat}, g)
	defUDT(UDTMethod{Name: "STY", Property: true, Result: udtFloat}, g)
	defUDT(UDTMethod{Name: "Lat", Property: true, Result: udtFloat}, y)
	defUDT(UDTMethod{Name: "Long", Property: true, Result: udtFloat}, y)
	defUDT(UDTMethod{Name: "Z", Property: true, Result: udtFloat}, g, y)
	defUDT(UDTMethod{Name: "M", Property: true, Result: udtFloat}, g, y)
	defUDT(UDTMethod{Name: "HasZ", Property: true, Result: udtBit}, g, y)
	defUDT(UDTMethod{Name: "HasM", Property: true, Result: udtBit}, g, y)

	defUDT(UDTMethod{Name: "ToString", Result: udtStr4k}, h)
	defUDT(UDTMethod{Name: "GetLevel", Result: udtSmall}, h)
	defUDT(UDTMethod{Name: "GetAncestor", Args: []types.Type{udtInt}, Result: udtSame}, h)
	defUDT(UDTMethod{Name: "IsDescendantOf", Args: []types.Type{udtSame}, Result: udtBit}, h)
	defUDT(UDTMethod{Name: "GetDescendant", Args: []types.Type{udtSame, udtSame}, Result: udtSame, NullArgsOK: true}, h)
	defUDT(UDTMethod{Name: "GetReparentedValue", Args: []types.Type{udtSame, udtSame}, Result: udtSame}, h)
}

// UDTFuncName is the Func name a CLR method binds to.
func UDTFuncName(id types.TypeID, method string, static bool) string {
	sep := "."
	if static {
		sep = "::"
	}
	return "CLR:" + id.Name() + sep + method
}

// UDTMethods lists every CLR method and property (sql/exec registers an
// evaluator for each UDTFuncName).
func UDTMethods() []*UDTMethod {
	var out []*UDTMethod
	for _, tab := range []map[types.TypeID]map[string]*UDTMethod{udtMethod, udtProp} {
		for _, ms := range tab {
			for _, m := range ms {
				out = append(out, m)
			}
		}
	}
	return out
}

// UDTMethodByFunc finds the method a UDTFuncName names.
func UDTMethodByFunc(name string) *UDTMethod {
	rest, ok := strings.CutPrefix(name, "CLR:")
	if !ok {
		return nil
	}
	static := strings.Contains(rest, "::")
	var tn, mn string
	if static {
		tn, mn, _ = strings.Cut(rest, "::")
	} else {
		tn, mn, _ = strings.Cut(rest, ".")
	}
	id, err := types.ParseTypeName(tn, nil)
	if err != nil {
		return nil
	}
	if m := udtMethod[id.ID][mn]; m != nil && m.Static == static {
		return m
	}
	if m := udtProp[id.ID][mn]; m != nil {
		return m
	}
	return nil
}

// clrClass is the .NET class name SQL Server's messages quote.
func clrClass(id types.TypeID) string {
	switch id {
	case types.HierarchyID:
		return "Microsoft.SqlServer.Types.SqlHierarchyId"
	case types.Geometry:
		return "Microsoft.SqlServer.Types.SqlGeometry"
	}
	return "Microsoft.SqlServer.Types.SqlGeography"
}

func (b *Binder) failNoMethod(n ast.Node, id types.TypeID, name string) {
	b.failText(n, 6506, "Could not find method '%.*ls' for type '%.*ls' in assembly '%.*ls'", name, clrClass(id), "Microsoft.SqlServer.Types")
}

func (b *Binder) failNoProperty(n ast.Node, id types.TypeID, name string) {
	b.failText(n, 6592, "Could not find property or field '%.*ls' for type '%.*ls' in assembly '%.*ls'.", name, clrClass(id), "Microsoft.SqlServer.Types")
}

// udtCall binds method m with receiver recv (nil for static methods).
func (b *Binder) udtCall(n ast.Node, t types.Type, m *UDTMethod, recv Expr, args []ast.Expr, s *scope) Expr {
	if len(args) != len(m.Args) {
		b.failText(n, 174, "The %.*ls function requires %d argument(s).", m.Name, len(m.Args))
	}
	out := make([]Expr, 0, len(args)+1)
	if recv != nil {
		out = append(out, recv)
	}
	for i, a := range args {
		pt := m.Args[i]
		if pt.ID == types.Unknown {
			pt = t
		}
		x := b.expr(s, a)
		xt := x.Type()
		if xt.ID != types.Unknown && xt.ID != pt.ID {
			if c, ok := x.(*Const); !ok || c.V.K != types.KindNull {
				if err := types.CheckImplicit(xt, pt); err != nil {
					err.Line = b.Line
					panic(bindErr{err})
				}
			}
			x = Conv(x, pt)
		}
		out = append(out, x)
	}
	rt := m.Result
	if rt.ID == types.Unknown {
		rt = t
	}
	if IsString(rt) {
		rt.Collation = b.env.DefaultCollation()
	}
	return &Func{T: rt, Name: UDTFuncName(t.ID, m.Name, m.Static), Args: out}
}

// staticMethodCall binds type::Method(args).
func (b *Binder) staticMethodCall(s *scope, e *ast.StaticMethodCall) Expr {
	t := b.ResolveType(&ast.TypeName{Name: e.Type}, false)
	if !t.IsUDT() {
		b.failText(e, 258, "Cannot call methods on %ls.", typeName(t))
	}
	m := udtMethod[t.ID][e.Method.Name]
	if m == nil || !m.Static {
		b.failNoMethod(e, t.ID, e.Method.Name)
	}
	return b.udtCall(e, t, m, nil, e.Args, s)
}

// udtUnsupported are SQL Server spatial methods tsqld does not compute:
// calling one is an honest error, not Msg 6506 (which would claim the
// method does not exist).
var udtUnsupported = map[string]bool{
	"STOverlaps": true, "STTouches": true, "STCrosses": true,
	"STEquals": true, "STRelate": true, "STBuffer": true, "BufferWithTolerance": true, "BufferWithCurves": true,
	"STUnion": true, "STIntersection": true, "STDifference": true, "STSymDifference": true,
	"STConvexHull": true, "STCentroid": true, "STPointOnSurface": true, "STBoundary": true,
	"STIsSimple": true, "STIsClosed": true, "STIsRing": true, "MakeValid": true, "Reduce": true,
	"STCurveToLine": true, "CurveToLineWithTolerance": true, "STNumCurves": true, "STCurveN": true,
	"AsGml": true, "IsValidDetailed": true, "ShortestLineTo": true, "Filter": true,
	"EnvelopeCenter": true, "EnvelopeAngle": true, "ReorientObject": true, "AsBinaryZM": true,
	"MinDbCompatibilityLevel": true, "InstanceOf": true, "STMPointFromWKB": true,
}

// udtInstanceCall binds recv.Method(args) when recv has a CLR type.
func (b *Binder) udtInstanceCall(s *scope, n ast.Node, recv Expr, method ast.Ident, args []ast.Expr) Expr {
	t := recv.Type()
	m := udtMethod[t.ID][method.Name]
	if m == nil && t.IsSpatial() && udtUnsupported[method.Name] {
		b.failText(n, 6522, "A .NET Framework error occurred during execution of user-defined routine or aggregate \"%ls\": \nSystem.NotSupportedException: tsqld does not support %ls.%ls yet.", typeName(t), typeName(t), method.Name)
	}
	if m == nil || m.Static {
		b.failNoMethod(n, t.ID, method.Name)
	}
	return b.udtCall(n, t, m, recv, args, s)
}

// udtProperty binds recv.Property.
func (b *Binder) udtProperty(n ast.Node, recv Expr, name ast.Ident) Expr {
	t := recv.Type()
	m := udtProp[t.ID][name.Name]
	if m == nil {
		b.failNoProperty(n, t.ID, name.Name)
	}
	return b.udtCall(n, t, m, recv, nil, nil)
}

// udtMethodCall binds x.Method(args) when x has a CLR type; ok is false
// for other receivers (the xml methods).
func (b *Binder) udtMethodCall(s *scope, e *ast.MethodCall) (Expr, bool) {
	if _, sub := e.X.(*ast.SubqueryExpr); sub {
		return nil, false
	}
	x := b.expr(s, e.X)
	if !x.Type().IsUDT() {
		return nil, false
	}
	return b.udtInstanceCall(s, e, x, e.Method, e.Args), true
}

// propertyRef binds x.Property (x not a column).
func (b *Binder) propertyRef(s *scope, e *ast.PropertyRef) Expr {
	x := b.expr(s, e.X)
	if !x.Type().IsUDT() {
		b.failText(e, 258, "Cannot call methods on %ls.", typeName(x.Type()))
	}
	return b.udtProperty(e, x, e.Name)
}

// tryBind binds f's expression, reporting bind errors as !ok.
func (b *Binder) tryBind(f func() Expr) (r Expr, ok bool) {
	defer func() {
		if rec := recover(); rec != nil {
			if _, isBind := rec.(bindErr); !isBind {
				panic(rec)
			}
			r, ok = nil, false
		}
	}()
	return f(), true
}

// shiftQualifier splits a.b.c as the column a.b plus the trailing part
// (c.STX → column c, property STX).
func shiftQualifier(q ast.ObjectName) *ast.ColumnRef {
	c := &ast.ColumnRef{Span: q.Span, Name: q.Name}
	switch {
	case !q.Database.IsZero():
		c.Table = ast.ObjectName{Span: q.Span, Schema: q.Database, Name: q.Schema}
	case !q.Schema.IsZero():
		c.Table = ast.ObjectName{Span: q.Span, Name: q.Schema}
	}
	return c
}

// udtColumnProperty binds c.Prop / t.c.Prop written as a column
// reference whose qualifier is a CLR-typed column; ok is false otherwise.
func (b *Binder) udtColumnProperty(s *scope, c *ast.ColumnRef) (Expr, bool) {
	if c.Table.IsZero() {
		return nil, false
	}
	base := shiftQualifier(c.Table)
	x, ok := b.tryBind(func() Expr { return b.column(s, base) })
	if !ok || !x.Type().IsUDT() {
		return nil, false
	}
	return b.udtProperty(c, x, c.Name), true
}

// udtColumnMethod binds c.Method(args) / t.c.Method(args), which parse
// as a schema-qualified function call, when the qualifier is a CLR-typed
// column.
func (b *Binder) udtColumnMethod(s *scope, e *ast.FuncCall) (Expr, bool) {
	if e.Name.Schema.IsZero() || e.Name.Server.Name != "" || e.Over != nil {
		return nil, false
	}
	q := e.Name
	base := &ast.ColumnRef{Span: q.Span, Name: q.Schema}
	if !q.Database.IsZero() {
		base.Table = ast.ObjectName{Span: q.Span, Name: q.Database}
	}
	x, ok := b.tryBind(func() Expr { return b.column(s, base) })
	if !ok || !x.Type().IsUDT() {
		return nil, false
	}
	return b.udtInstanceCall(s, e, x, e.Name.Name, e.Args), true
}

func init() {
	// User-defined types rank above every system type.
	precedence[types.HierarchyID] = 31
	precedence[types.Geometry] = 31
	precedence[types.Geography] = 31
}

// checkUDTComparable rejects comparisons of geometry and geography, which
// are not comparable (Msg 403, as SQL Server); hierarchyid compares by its
// order-preserving bytes.
func (b *Binder) checkUDTComparable(n ast.Node, op ast.BinaryOp, lt, rt types.Type) {
	for _, t := range []types.Type{lt, rt} {
		if t.IsSpatial() {
			b.fail(n, 403, opName(op), typeName(t))
		}
	}
	if lt.IsUDT() && rt.IsUDT() && lt.ID != rt.ID {
		b.fail(n, 206, typeName(rt), typeName(lt))
	}
}

// checkUDTClause is Msg 249 for geometry/geography in ORDER BY or GROUP BY.
func (b *Binder) checkUDTClause(n ast.Node, t types.Type, clause string) {
	if t.IsSpatial() {
		b.failText(n, 249, "The type \"%ls\" is not comparable. It cannot be used in the %ls clause.", typeName(t), clause)
	}
}

// checkUDTDistinct is Msg 421 for a geometry/geography column of SELECT
// DISTINCT.
func (b *Binder) checkUDTDistinct(n ast.Node, cols []Column) {
	for _, c := range cols {
		if c.Type.IsSpatial() {
			b.failText(n, 421, "The %ls data type cannot be selected as DISTINCT because it is not comparable.", typeName(c.Type))
		}
	}
}

// checkUDTSetOp is Msg 5335 for geometry/geography under UNION,
// INTERSECT or EXCEPT (UNION ALL does not compare).
func (b *Binder) checkUDTSetOp(n ast.Node, t types.Type) {
	if t.IsSpatial() {
		b.failText(n, 5335, "The data type %ls cannot be used as an operand to the UNION, INTERSECT or EXCEPT operators because it is not comparable.", typeName(t))
	}
}

// checkUDTAggregate rejects aggregates that compare geometry/geography:
// MAX/MIN lead with Msg 6210 (SQL Server follows it with 8117, which one
// bind error cannot carry), COUNT(DISTINCT …) is Msg 8117 state 2.
func (b *Binder) checkUDTAggregate(e *ast.FuncCall, name string, t types.Type) {
	if !t.IsSpatial() {
		return
	}
	switch {
	case name == "MAX" || name == "MIN":
		b.failText(e, 6210, "CLR type '%ls' is not fully comparable.", typeName(t))
	case e.Distinct:
		err := b.err(e, 8117, typeName(t), strings.ToLower(name))
		err.State = 2
		panic(bindErr{err})
	}
}

// checkUDTLike is Msg 8116 for a geometry/geography operand of LIKE.
func (b *Binder) checkUDTLike(n ast.Node, x, p types.Type) {
	for i, t := range []types.Type{x, p} {
		if t.IsSpatial() {
			b.fail(n, 8116, typeName(t), i+1, "like")
		}
	}
}
