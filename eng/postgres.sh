#!/usr/bin/env bash
# A throw-away PostgreSQL server for the WomRules.PostgreSql tests (docs/stores.md, PostgreSQL).
#   eng/postgres.sh start   initdb into a new directory under /tmp, start on a free 127.0.0.1 port, wait for it, and
#                           print the connection string (also written to $WOMRULES_POSTGRES_STATE/connection):
#                             export WOMRULES_POSTGRES="$(eng/postgres.sh start)"
#   eng/postgres.sh stop    stop that server and delete its directory.
# Installs the Debian package `postgresql` with apt-get when no server binaries are found. The server refuses to run
# as root, so as root initdb and pg_ctl run as the `postgres` user (created when missing). Exits nonzero, saying why,
# when the server cannot start.
set -euo pipefail
state="${WOMRULES_POSTGRES_STATE:-/tmp/womrules-postgres-$(id -u)}"
fail() { echo "eng/postgres.sh: $*" >&2; exit 1; }

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
  else
    "$@"
  fi
}

start() {
  if [ -f "$state/connection" ] && [ -d "$state/data" ]; then
    stop >/dev/null 2>&1 || true
  fi
  local bin
  if ! bin=$(find_bin); then
    echo "eng/postgres.sh: no PostgreSQL server binaries; installing the Debian package postgresql" >&2
    command -v apt-get >/dev/null 2>&1 || fail "no PostgreSQL server and no apt-get: install PostgreSQL (initdb, pg_ctl) or set WOMRULES_POSTGRES"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql; } >&2 \
      || fail "apt-get install postgresql failed"
    bin=$(find_bin) || fail "postgresql installed but no initdb/pg_ctl found under /usr/lib/postgresql/*/bin"
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /bin/sh postgres || fail "cannot create the postgres user"
  fi
  rm -rf "$state"
  mkdir -p "$state/data"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$state"
  as_server_user "$bin/initdb" -D "$state/data" -U womrules --auth=trust -E UTF8 --no-locale >"$state/initdb.log" 2>&1 \
    || fail "initdb failed: $(tail -n 5 "$state/initdb.log")"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null) \
    || port=$((20000 + RANDOM % 20000))
  as_server_user "$bin/pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $state -c fsync=off -c max_connections=200" start >/dev/null \
    || fail "the server did not start: $(tail -n 5 "$state/server.log" 2>/dev/null)"
  local i
  for i in $(seq 1 60); do
    "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q && break
    [ "$i" -eq 60 ] && fail "the server did not answer pg_isready on port $port"
    sleep 0.5
  done
  echo "$bin" > "$state/bin"
  local connection="Host=127.0.0.1;Port=$port;Username=womrules;Database=postgres"
  echo "$connection" > "$state/connection"
  echo "$connection"
}

stop() {
  [ -d "$state" ] || return 0
  if [ -f "$state/bin" ] && [ -d "$state/data" ]; then
    as_server_user "$(cat "$state/bin")/pg_ctl" -D "$state/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$state"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: eng/postgres.sh start|stop" >&2; exit 2 ;;
esac
