// Package clrtypes holds pure codecs for SQL Server's CLR system types
// (hierarchyid, geometry, geography): their binary serialization as
// [MS-SSCLRT] defines it (so bytes a client sends come back identical),
// hierarchyid's canonical string form, well-known text (WKT) parsing and
// printing in SQL Server's format, and the computations behind the common
// methods (levels and ancestry, planar distance, length and area,
// ellipsoidal point distance).
//
// Map of the package:
//
//	hierarchyid.go      HierarchyID: parse/format, encode/decode, methods
//	hierbits.go         the order-preserving bit patterns of one label
//	geo.go              Geo (points, figures, shapes), serialization
//	wkt.go              WKT parser
//	wktwrite.go         WKT printer (SQL Server's number style)
//	geomath.go          planar distance/length/area, geodesic distance
//	errors.go           Error: a .NET exception (class, number, text)
//
// Decoders never panic on bad bytes: they return an *Error. It imports
// only the standard library, so sql/types may use it.
package clrtypes
