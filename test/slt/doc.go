// Package slt runs a fast subset of the sqllogictest corpus
// (../shared/corpus/slt) in-process on every test run, comparing results
// record by record. The whole corpus runs with `tsqld slt` (see README).
package slt
