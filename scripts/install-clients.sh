#!/usr/bin/env bash
# Installs the SQL Server clients the integration tests drive, only when
# missing (idempotent and quiet): FreeTDS tsql + ODBC, pymssql for Debian's
# python3, jTDS, a JDK, and tedious 19 (the last release that runs on Node 20).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v tsql >/dev/null || need+=(freetds-bin)
[[ -e /usr/lib/x86_64-linux-gnu/odbc/libtdsodbc.so || -e /usr/lib/aarch64-linux-gnu/odbc/libtdsodbc.so ]] || need+=(tdsodbc)
command -v isql >/dev/null || need+=(unixodbc)
/usr/bin/python3 -c 'import pymssql' 2>/dev/null || need+=(python3-pymssql)
[[ -e /usr/share/java/jtds.jar ]] || need+=(libjtds-java)
command -v javac >/dev/null || need+=(default-jdk-headless)
if (( ${#need[@]} )); then
	echo "installing: ${need[*]}"
	export DEBIAN_FRONTEND=noninteractive
	SUDO=""; [[ $(id -u) == 0 ]] || SUDO="sudo"
	if ! $SUDO apt-get install -y -qq "${need[@]}" >/tmp/tsqld-apt.log 2>&1; then
		$SUDO apt-get update -qq >>/tmp/tsqld-apt.log 2>&1
		$SUDO apt-get install -y -qq "${need[@]}" >>/tmp/tsqld-apt.log 2>&1 || { cat /tmp/tsqld-apt.log; exit 1; }
	fi
fi

if [[ ! -d test/clients/node/node_modules/tedious ]]; then
	echo "installing: tedious@19 (npm)"
	(cd test/clients/node && npm install --silent --no-audit --no-fund >/tmp/tsqld-npm.log 2>&1) || { cat /tmp/tsqld-npm.log; exit 1; }
fi
