#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks, from the installed server binaries (Debian's postgresql).
#   tools/test-postgres.sh start <dir> [port]   initdb + start, a role and database residentbot (allowed to create
#                                                databases, as the tests do); prints their connection string
#   tools/test-postgres.sh stop <dir>           stop it (the folder stays; delete it yourself)
# initdb refuses to run as root, so as root the cluster runs as the postgres user. Tests get fsync=off (the cluster
# is thrown away); PG_DURABLE=1 keeps PostgreSQL's durable defaults, for benchmarks; PG_OPTIONS adds server options.
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?folder}
port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "${bin}/initdb" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 2; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1
    fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${PG_DURABLE:-0}" = 1 ] && fast=""
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 $fast ${PG_OPTIONS:-}" start >/dev/null
    # pg_signal_backend: the tests drop each database WITH (FORCE), which must also end an autovacuum worker
    # vacuuming it; a worker has no role, so without this grant PostgreSQL 15 refuses the drop (42501) at random.
    as_postgres "$bin/psql" -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
      -c "CREATE ROLE residentbot LOGIN CREATEDB PASSWORD 'residentbot'" -c "CREATE DATABASE residentbot OWNER residentbot" \
      -c "GRANT pg_signal_backend TO residentbot" >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=residentbot;Password=residentbot;Database=residentbot"
    ;;
  stop)
    dir=$(cd "$dir" && pwd)
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    ;;
  *) echo "usage: $0 start|stop <dir> [port]" >&2; exit 2 ;;
esac
