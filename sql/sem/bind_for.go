package sem

import (
	"strconv"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// ForRel is a query with FOR JSON or FOR XML: it turns its input rows into
// one JSON or XML document. At the top level the document is returned as
// SQL Server does, in 2033-character rows of one column with the
// well-known name; as a subquery it is one value.
type ForRel struct {
	In   Rel
	JSON bool   // FOR JSON (else FOR XML)
	Mode string // PATH, AUTO, RAW
	// Elem is the row element of FOR XML PATH('x') / RAW('x'); empty
	// for PATH with an empty name (no row element).
	Elem         string
	Root         string
	HasRoot      bool
	IncludeNulls bool
	// Elements (FOR XML RAW/AUTO, ELEMENTS [XSINIL|ABSENT]) writes columns
	// as child elements; XSINIL writes NULLs as xsi:nil="true" elements.
	Elements, XSINIL bool
	NoWrapper        bool
	// Split is set at the top level (rows of 2033 characters).
	Split bool
	// RawJSON marks input columns whose values are JSON text already
	// (nested FOR JSON subqueries, JSON_QUERY) and are embedded as is.
	RawJSON []bool
	// Tables is the source table (correlation name) of each input column,
	// "" for computed ones: FOR JSON AUTO nests by it.
	Tables []string
	Out    []Column
}

func (r *ForRel) Cols() []Column { return r.Out }

// forQuery binds q (which has a FOR JSON/XML clause).
func (b *Binder) forQuery(s *scope, q *ast.Query) Rel {
	qq := *q
	qq.For = nil
	in := b.queryIn(s, &qq)
	f := q.For
	r := &ForRel{In: in, JSON: f.Kind == ast.ForJSON, Mode: f.Mode, Split: s.parent == nil}
	if !r.JSON {
		r.Elem = "row"
		if f.Mode == "AUTO" {
			if cols := in.Cols(); len(cols) > 0 && cols[0].Table != "" {
				r.Elem = cols[0].Table
			}
		}
		if f.ModeArg != nil {
			r.Elem = f.ModeArg.Val
		}
		if f.Mode == "EXPLICIT" {
			b.failText(f, 6803, "FOR XML EXPLICIT requires the first column to hold positive integers that represent XML tag numbers.")
		}
	}
	isType := false
	for _, d := range f.Directives {
		switch d.Name {
		case "ROOT":
			r.HasRoot = true
			r.Root = "root"
			if d.Arg != nil {
				r.Root = d.Arg.Val
			}
		case "INCLUDE_NULL_VALUES":
			r.IncludeNulls = true
		case "ELEMENTS", "ELEMENTS ABSENT":
			r.Elements = true
		case "ELEMENTS XSINIL":
			r.Elements, r.XSINIL = true, true
		case "WITHOUT_ARRAY_WRAPPER":
			r.NoWrapper = true
		case "TYPE":
			isType = true
		}
	}
	if r.JSON && r.HasRoot && r.NoWrapper {
		b.failText(f, 13620, "ROOT option and WITHOUT_ARRAY_WRAPPER option cannot be used together in FOR JSON. Remove one of these options.")
	}
	cols := in.Cols()
	r.RawJSON = make([]bool, len(cols))
	if p, ok := projectOf(in); ok && len(p.Exprs) == len(cols) {
		for i, x := range p.Exprs {
			r.RawJSON[i] = isRawJSON(x)
		}
	}
	r.Tables = make([]string, len(cols))
	for i := range cols {
		r.Tables[i] = colTable(in, i)
	}
	if !r.JSON && f.Mode == "AUTO" && f.ModeArg == nil && len(r.Tables) > 0 && r.Tables[0] != "" {
		// FOR XML AUTO names the row element after the first column's
		// table (its correlation name): <m1 id="1"/>.
		r.Elem = r.Tables[0]
	}
	if r.JSON {
		for _, c := range cols {
			if c.Name == "" {
				b.failText(f, 13605, "Column expressions and data sources without names or aliases cannot be formatted as JSON text using FOR JSON clause. Add alias to the unnamed column or table.")
			}
		}
	}
	t := types.Type{ID: types.NVarChar, Length: types.MaxLength, Collation: b.env.DefaultCollation()}
	name := "XML_F52E2B61-18A1-11d1-B105-00805F49916B"
	if r.JSON {
		name = "JSON_F52E2B61-18A1-11d1-B105-00805F49916B"
	} else if isType {
		t = types.Type{ID: types.XML, Length: types.MaxLength}
	}
	if !r.Split {
		name = ""
	}
	r.Out = []Column{{Name: name, Type: t, Nullable: true}}
	return r
}

// isRawJSON reports an expression whose value FOR JSON embeds as JSON.
func isRawJSON(x Expr) bool {
	switch x := x.(type) {
	case *Func:
		return x.Name == "JSON_QUERY" || x.Name == "JSON_MODIFY"
	case *Subquery:
		if f, ok := x.Query.(*ForRel); ok {
			return f.JSON
		}
	case *Cast:
		return isRawJSON(x.X)
	}
	return false
}

// methodCall binds xml methods; only .value(xpath, type) on the text of
// an XML value (the FOR XML PATH concatenation idiom) is supported.
func (b *Binder) methodCall(s *scope, e *ast.MethodCall) Expr {
	x := b.expr(s, e.X)
	m := strings.ToLower(e.Method.Name)
	if m != "value" {
		b.failText(e, 4121, "Cannot find either column \"%.*ls\" or the user-defined function or aggregate \"%.*ls\", or the name is ambiguous.", "dbo", e.Method.Name)
	}
	if x.Type().ID != types.XML && !IsString(x.Type()) {
		b.failText(e, 4121, "Cannot find either column \"%.*ls\" or the user-defined function or aggregate \"%.*ls\", or the name is ambiguous.", "dbo", e.Method.Name)
	}
	if len(e.Args) != 2 {
		b.fail(e, 174, "value", 2)
	}
	path, ok1 := e.Args[0].(*ast.Literal)
	tl, ok2 := e.Args[1].(*ast.Literal)
	if !ok1 || !ok2 {
		b.failText(e, 8172, "The argument %d of the XML data type method \"%.*ls\" must be a string literal.", 1, "value")
	}
	t := b.typeFromString(e, tl.Val)
	p := strings.ReplaceAll(path.Val, " ", "")
	switch p {
	case ".", "(./text())[1]", "(text())[1]", "./text()[1]", "(/text())[1]", "text()[1]":
	default:
		if steps, ok := xmlElementPath(p); ok { // xml_path.go
			return &Cast{T: t, X: &Func{T: b.strResult(true, types.MaxLength), Name: FuncXMLPathText, Args: []Expr{x, &Const{T: NVarChar(4000), V: types.StringValue(steps)}}}}
		}
		b.failText(e, 2389, "XQuery [value()]: 'value()' requires a singleton (or empty sequence), found operand of type '%ls'", path.Val)
	}
	return &Cast{T: t, X: &Func{T: b.strResult(true, types.MaxLength), Name: "XML_TEXT", Args: []Expr{x}}}
}

// typeFromString parses a type name given as a string ('nvarchar(max)').
func (b *Binder) typeFromString(n ast.Node, s string) types.Type {
	s = strings.TrimSpace(strings.ToLower(s))
	name, arg, _ := strings.Cut(s, "(")
	arg = strings.TrimSuffix(strings.TrimSpace(arg), ")")
	tn := &ast.TypeName{Name: ast.Ident{Name: strings.TrimSpace(name)}}
	if arg != "" {
		for _, a := range strings.Split(arg, ",") {
			a = strings.TrimSpace(a)
			if a == "max" {
				tn.Max = true
				continue
			}
			v, err := strconv.ParseInt(a, 10, 64)
			if err != nil {
				b.fail(n, 243, s)
			}
			tn.Args = append(tn.Args, v)
		}
	}
	return b.ResolveType(tn, true)
}

// projectOf finds the Project that computes rel's columns under the
// row-preserving operators ORDER BY/TOP/DISTINCT add.
func projectOf(rel Rel) (*Project, bool) {
	for {
		switch r := rel.(type) {
		case *Project:
			return r, true
		case *Sort:
			rel = r.In
		case *Top:
			rel = r.In
		case *Distinct:
			rel = r.In
		default:
			return nil, false
		}
	}
}

// colTable is the correlation name column idx of rel comes from, followed
// through projections; "" for computed columns.
func colTable(rel Rel, idx int) string {
	for depth := 0; depth < 16; depth++ {
		p, ok := projectOf(rel)
		if !ok {
			if cols := rel.Cols(); idx < len(cols) {
				return cols[idx].Table
			}
			return ""
		}
		cr, ok := p.Exprs[idx].(*ColRef)
		if !ok {
			return ""
		}
		rel, idx = p.In, cr.Idx
	}
	return ""
}
