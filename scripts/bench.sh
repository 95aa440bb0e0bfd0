#!/usr/bin/env bash
# Side-by-side benchmark of tsqld against PostgreSQL 15 (Debian's) on this
# machine, in one run: results are ratios tsqld / PostgreSQL, never
# absolute claims.
#
# It installs PostgreSQL 15 when missing, creates a throw-away cluster in a
# temp directory (loopback only, a free port, scram-sha-256 passwords,
# default durability), starts tsqld (`tsqld serve`, or the harness's
# embed-based stand-in while the tree's tsqld has no serve command) on
# durable pebble storage, runs bench/cmd/tsqldbench against both and stops
# and removes everything at the end, also on failure or Ctrl-C.
#
# Usage: scripts/bench.sh [--quick] [--json] [--pin] [--keep] [tsqldbench run flags...]
#   --quick  100k accounts, short windows: under 3 minutes in total
#   --json   the report as JSON on stdout (the table then goes to stderr)
#   --pin    servers on CPU 0, the client on the other CPUs (taskset)
#   --keep   keep the temp directory (logs) after the run
#   --tsqld-bin=PATH  measure this tsqld binary instead of building ./cmd/tsqld
#   --standin  run tsqld through the harness's embed-based stand-in for `tsqld serve`
# Other flags go to `tsqldbench run` (e.g. --only point,write --conc 1,4).
# Exit status 0 when both servers started and the harness ran (rows where
# tsqld fails are recorded in the report, not fatal).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"

pin=0
keep=0
standin=0
tsqld_bin="" # a prebuilt tsqld to measure instead of building ./cmd/tsqld
starts=5 # start → login is timed over this many starts (the first on fresh data)
args=()
for a in "$@"; do
	case "$a" in
	--quick) starts=3; args+=("$a") ;;
	--pin) pin=1 ;;
	--keep) keep=1 ;;
	--standin) standin=1 ;;
	--tsqld-bin=*) tsqld_bin=${a#--tsqld-bin=} ;;
	*) args+=("$a") ;;
	esac
done

log() { echo "bench.sh: $*" >&2; }

PGBIN=/usr/lib/postgresql/15/bin
if [[ ! -x $PGBIN/postgres || ! -x $PGBIN/initdb ]]; then
	log "installing PostgreSQL 15"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq postgresql >/dev/null
fi
if [[ ! -x $PGBIN/postgres ]]; then
	log "PostgreSQL 15 binaries not found in $PGBIN after install"
	exit 1
fi
id postgres >/dev/null 2>&1 || { log "no postgres user (the postgresql package creates it)"; exit 1; }

work=$(mktemp -d /tmp/tsqldbench.XXXXXX)
chmod 755 "$work"
tsqld_pid=""
pg_data="$work/pg/data"

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if [[ -n $tsqld_pid ]] && kill -0 "$tsqld_pid" 2>/dev/null; then
		kill -TERM "$tsqld_pid" 2>/dev/null || true
		for _ in $(seq 100); do kill -0 "$tsqld_pid" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$tsqld_pid" 2>/dev/null || true
	fi
	if [[ -f $pg_data/postmaster.pid ]]; then
		runuser -u postgres -- "$PGBIN/pg_ctl" -D "$pg_data" -m fast -t 30 stop >/dev/null 2>&1 ||
			runuser -u postgres -- "$PGBIN/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
	fi
	if [[ -f $work/pg.pid ]]; then kill -KILL "$(cat "$work/pg.pid")" 2>/dev/null || true; fi
	if [[ $keep == 1 ]]; then
		log "kept $work"
	else
		rm -rf "$work"
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -n $tsqld_bin ]]; then
	cp "$tsqld_bin" "$work/tsqld"
	log "building the harness (tsqld: $tsqld_bin)"
else
	log "building tsqld and the harness"
	go build -o "$work/tsqld" ./cmd/tsqld
fi
go build -o "$work/tsqldbench" ./bench/cmd/tsqldbench
bench="$work/tsqldbench"

MSSQL_SA_PASSWORD=$("$bench" password)
export MSSQL_SA_PASSWORD
pg_port=$("$bench" freeport)
tsqld_port=$("$bench" freeport)
while [[ $tsqld_port == "$pg_port" ]]; do tsqld_port=$("$bench" freeport); done

server_pin=()
client_pin=()
pinned=""
if [[ $pin == 1 ]]; then
	ncpu=$(nproc)
	if ((ncpu < 2)); then
		log "--pin needs at least 2 CPUs; running unpinned"
	else
		server_pin=(taskset -c 0)
		client_pin=(taskset -c "1-$((ncpu - 1))")
		pinned="servers on CPU 0, client on CPUs 1-$((ncpu - 1))"
	fi
fi

# PostgreSQL: a throw-away cluster owned by postgres, listening on
# 127.0.0.1 only, password authentication (scram-sha-256) for every
# connection, everything else (fsync, synchronous_commit, ...) default.
log "creating a PostgreSQL cluster in $pg_data (port $pg_port)"
mkdir -p "$work/pg"
printf '%s\n' "$MSSQL_SA_PASSWORD" >"$work/pg/pwfile"
chown -R postgres: "$work/pg"
chmod 700 "$work/pg"
chmod 600 "$work/pg/pwfile"
runuser -u postgres -- "$PGBIN/initdb" -D "$pg_data" -U postgres --pwfile="$work/pg/pwfile" \
	-A scram-sha-256 -E UTF8 --locale=C --no-instructions >"$work/initdb.log" 2>&1 ||
	{ cat "$work/initdb.log" >&2; exit 1; }
rm -f "$work/pg/pwfile"
cat >>"$pg_data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$work/pg'
password_encryption = 'scram-sha-256'
EOF

log "starting PostgreSQL"
pg_ready=$("$bench" launch --repeat "$starts" --side postgresql --addr "127.0.0.1:$pg_port" --pidfile "$work/pg.pid" \
	--log "$work/postgresql.log" -- "${server_pin[@]}" runuser -u postgres -- "$PGBIN/postgres" -D "$pg_data") ||
	{ tail -20 "$work/postgresql.log" >&2; exit 1; }
pg_pid=$(head -1 "$pg_data/postmaster.pid")
log "PostgreSQL start → login: ${pg_ready} ms (postmaster pid $pg_pid)"

# tsqld on durable pebble storage with its default durability.
if [[ $standin == 0 ]] && "$work/tsqld" serve --help >/dev/null 2>&1; then
	# --home keeps the instance (mssql.conf, error log, pid file) in the
	# temp directory instead of /var/opt/tsqld.
	tsqld_cmd=("$work/tsqld" serve --home "$work/tsqld-home" --listen 127.0.0.1 --port "$tsqld_port"
		--data "$work/tsqld-data")
	tsqld_started="tsqld serve"
else
	tsqld_cmd=("$bench" serve --port "$tsqld_port" --data "$work/tsqld-data")
	tsqld_started="stand-in: tsqldbench serve (package embed)"
fi
log "starting tsqld (port $tsqld_port): $tsqld_started"
tsqld_ready=$("$bench" launch --repeat "$starts" --side tsqld --addr "127.0.0.1:$tsqld_port" --pidfile "$work/tsqld.pid" \
	--log "$work/tsqld.log" -- "${server_pin[@]}" "${tsqld_cmd[@]}") ||
	{ [[ -f $work/tsqld.pid ]] && tsqld_pid=$(cat "$work/tsqld.pid"); tail -20 "$work/tsqld.log" >&2; exit 1; }
tsqld_pid=$(cat "$work/tsqld.pid")
log "tsqld start → login: ${tsqld_ready} ms (pid $tsqld_pid)"

"${client_pin[@]}" "$bench" run \
	--tsqld-addr "127.0.0.1:$tsqld_port" --tsqld-pid "$tsqld_pid" --tsqld-ready-ms "$tsqld_ready" \
	--tsqld-started "$tsqld_started" \
	--pg-addr "127.0.0.1:$pg_port" --pg-pid "$pg_pid" --pg-ready-ms "$pg_ready" \
	--pinned "$pinned" "${args[@]}"
