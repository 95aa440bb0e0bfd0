#!/usr/bin/env bash
# Runs the whole test suite: go vet, every Go test (unit, golden, end-to-end
# with go-mssqldb) and the client matrix (FreeTDS tsql, pymssql, tedious,
# jTDS), which needs the client packages: installed here when missing.
# Usage: scripts/test.sh [--no-install] [go test flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"

install=1
if [[ "${1:-}" == "--no-install" ]]; then install=0; shift; fi

if [[ $install == 1 ]]; then
	scripts/install-clients.sh
fi

echo "== go vet"
go vet ./...

echo "== go test"
export TSQLD_CLIENT_TESTS=1 # the client-matrix tests fail (not skip) when a client is missing
# The shared corpora (sqllogictest, Northwind, pubs) live next to the
# repository; when present, tests that use them must find them.
if [[ -d ../shared/corpus ]]; then export TSQLD_CORPUS="$(cd ../shared/corpus && pwd)"; fi
export NODE_PATH="$PWD/test/clients/node/node_modules${NODE_PATH:+:$NODE_PATH}"
set +e
go test -json -count=1 -timeout 20m "$@" ./... | go run ./internal/testsum
status=("${PIPESTATUS[@]}")
rc=${status[0]}
sumrc=${status[1]}
set -e
if [[ $rc != 0 || $sumrc != 0 ]]; then exit 1; fi
