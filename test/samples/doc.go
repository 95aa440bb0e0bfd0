// Package samples loads the Northwind and pubs sample databases
// (../shared/corpus/samples) through go-mssqldb, batch by batch as sqlcmd
// would send them, and checks queries over the loaded data.
package samples
