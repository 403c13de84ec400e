#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests, listening only on a Unix socket in a fresh directory.
# Usage: source scripts/test-postgres.sh   -> exports VIGIL_TEST_POSTGRES and defines stop_test_postgres.
# Installs Debian's postgresql package when no server binaries are present (as root, as CI runs).

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(pg_bin)" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "PostgreSQL server binaries are missing; install Debian's 'postgresql' package (the PostgreSQL tests need it)." >&2
        return 1 2>/dev/null || exit 1
    fi
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN=$(pg_bin)

VIGIL_PG_DIR=$(mktemp -d /tmp/vigil-pg-XXXXXX)
chmod 755 "$VIGIL_PG_DIR"
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
    # The server refuses to run as root: it runs as the package's postgres user.
    chown postgres "$VIGIL_PG_DIR"
    as_owner=(runuser -u postgres --)
fi
"${as_owner[@]}" "$PG_BIN/initdb" -D "$VIGIL_PG_DIR/data" -A trust -U vigil -E UTF8 >/dev/null
"${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$VIGIL_PG_DIR/data" -l "$VIGIL_PG_DIR/server.log" -w \
    -o "-c listen_addresses='' -k $VIGIL_PG_DIR -c fsync=off -c max_connections=200" start >/dev/null

export VIGIL_TEST_POSTGRES="Host=$VIGIL_PG_DIR;Username=vigil;Database=postgres"

stop_test_postgres() {
    "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$VIGIL_PG_DIR/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$VIGIL_PG_DIR"
}
