#!/bin/bash
# A throwaway PostgreSQL for the tests: `pg-server.sh start DIR` runs initdb in DIR (which must
# not exist or be empty), starts the server on a free loopback port with the socket in DIR and
# prints the connection URL (postgresql://switchyard@127.0.0.1:PORT/postgres, trust auth, no
# password); `pg-server.sh stop DIR` stops it and deletes DIR; `pg-server.sh pause DIR` and
# `resume DIR` stop and start the same server on the same port (for tests of an outage).
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user that the
# Debian package creates (or `nobody`). Durability is switched off: nothing here outlives a test.
set -eu
cmd=${1:?usage: pg-server.sh start|stop|pause|resume DIR}
dir=${2:?usage: pg-server.sh start|stop|pause|resume DIR}

bindir=""
for candidate in "${SWITCHYARD_PG_BINDIR:-}" /usr/lib/postgresql/*/bin; do
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ]; then
        bindir=$candidate
    fi
done
if [ -z "$bindir" ]; then
    echo "pg-server.sh: no PostgreSQL server found (Debian package postgresql)" >&2
    exit 77
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        user=postgres
        getent passwd postgres >/dev/null || user=nobody
        runuser -u "$user" -- "$@"
    else
        "$@"
    fi
}

start_server() {
    port=$1
    # One line: pg_ctl hands the options to a shell, where a newline would end the command.
    opts="-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=off"
    opts="$opts -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=32MB"
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 -s -o "$opts" start </dev/null >/dev/null
}

# Stops the server and deletes its directory once the process that started it (the test) is gone,
# so a test killed by a timeout or a crash leaves no postgres behind.
watch_parent() {
    parent=$1
    (
        while kill -0 "$parent" 2>/dev/null; do
            sleep 2
        done
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -s stop
        rm -rf "$dir"
    ) </dev/null >/dev/null 2>&1 &
}

free_port() {
    # A port nothing listens on now; a race with another process is caught by the retry below.
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        port=$(( 20000 + $(od -An -N2 -tu2 /dev/urandom) % 40000 ))
        if ! (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo 0
}

case $cmd in
start)
    mkdir -p "$dir"
    chmod 755 "$dir"
    [ "$(id -u)" -ne 0 ] || chown "$(getent passwd postgres >/dev/null && echo postgres || echo nobody)" "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U switchyard -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    # Roles in the group password_required must log in with a password (scram), so the tests
    # can check where the password comes from; every other role is trusted.
    { echo "host all +password_required 127.0.0.1/32 scram-sha-256"; cat "$dir/data/pg_hba.conf"; } >"$dir/hba.tmp"
    as_owner cp "$dir/hba.tmp" "$dir/data/pg_hba.conf"
    for _ in 1 2 3 4 5; do
        port=$(free_port)
        if start_server "$port" 2>>"$dir/start.log"; then
            echo "$port" >"$dir/port"
            watch_parent "${SWITCHYARD_PG_OWNER_PID:-$PPID}"
            echo "postgresql://switchyard@127.0.0.1:$port/postgres"
            exit 0
        fi
    done
    cat "$dir/log" >&2 2>/dev/null || true
    exit 1
    ;;
pause)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -s stop
    ;;
resume)
    start_server "$(cat "$dir/port")" 2>>"$dir/start.log"
    ;;
stop)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -s stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*)
    echo "pg-server.sh: unknown command $cmd" >&2
    exit 2
    ;;
esac
