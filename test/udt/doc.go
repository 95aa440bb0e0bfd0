// Package udt tests the CLR system types (hierarchyid, geometry,
// geography) end to end: go-mssqldb against an in-process tsqld, through
// queries, column metadata and bulk copy.
package udt
