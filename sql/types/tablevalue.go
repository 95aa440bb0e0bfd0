package types

// TableValue is the value of a table-valued parameter: the rows a client
// sends for a parameter declared with a table type (CREATE TYPE … AS
// TABLE). The engine copies them into the parameter's table variable.
type TableValue struct {
	// Schema and TypeName name the table type as the client sent them
	// (either may be empty: the declared parameter decides).
	Schema, TypeName string
	Columns          []TableValueColumn
	// Rows hold one value per column; Default columns are NULL.
	Rows [][]Value
}

// TableValueColumn is one column of a TableValue.
type TableValueColumn struct {
	Name string
	Type Type
	// Default marks a column the client did not send: the table type's
	// default (or IDENTITY) supplies it.
	Default bool
}
