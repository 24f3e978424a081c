#!/usr/bin/env bash
# Writes the schema-5 store fixtures of this folder (store.db for SQLite, postgresql.sql for PostgreSQL)
# with the real memalign CLI, offline (no OPENAI_* variables: the local judge and embedder).
#
# The fixtures are stores written by MemAlign at schema version 5, for the migration test to schema 6
# (tests/MemAlign.Tests/Storage/StoreContract.Schema5.cs). They were made at commit
# e83e908f on main, the last commit with schema 5; to regenerate them, run this script from a checkout of
# that commit (it refuses a store of any other schema version), as schema4/make-fixture.sh describes.
#
# PostgreSQL: a server whose user may create databases, from PGHOST, PGPORT, PGUSER, PGPASSWORD
# (default 127.0.0.1, 5432, memalign, memalign); pg_dump and psql on the PATH.
#
# What the store holds (the traces and labels of the schema-4 fixture):
#   - 14 traces labelled by ann (all) and bob (every other one); ann relabels fx-02, fx-06, fx-11;
#   - the Helpfulness sample's judge registered (version 1) and aligned on the align split (version 2);
#   - a finished evaluate run of version 2 over the test split (local-judge results: no cached tokens, no cascade stage);
#   - then fx-05 forgotten.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-memalign} PGPASSWORD=${PGPASSWORD:-memalign}
unset OPENAI_API_KEY OPENAI_BASE_URL

dotnet build "$repo/src/MemAlign.Cli" -c Release -v quiet -nologo
dotnet build "$repo/samples/Helpfulness" -c Release -v quiet -nologo
cli="$repo/src/MemAlign.Cli/bin/Release/net10.0/MemAlign.Cli.dll"
judges="$repo/samples/Helpfulness/bin/Release/net10.0/Helpfulness.dll"

write_store() {
  export MEMALIGN_STORE="$1"
  run() { dotnet "$cli" "$@" >/dev/null; }
  run import "$here/traces.jsonl"
  run import "$here/relabels.jsonl"
  run judges register --assembly "$judges"
  run align --judge helpfulness --traces tag.split=align
  run evaluate --judge helpfulness --filter "tag.split=test"
  run forget --trace fx-05
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

write_store "$work/store.db"
[ "$(sqlite3 "$work/store.db" 'SELECT MAX(version) FROM memalign_schema')" = 5 ] || { echo "this commit does not write schema version 5" >&2; exit 1; }
sqlite3 "$work/store.db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
cp "$work/store.db" "$here/store.db"

database=memalign_schema5_fixture
dropdb --if-exists "$database"
createdb "$database"
write_store "Host=$PGHOST;Port=$PGPORT;Database=$database;Username=$PGUSER;Password=$PGPASSWORD"
[ "$(psql -tA -d "$database" -c 'SELECT MAX(version) FROM memalign_schema')" = 5 ] || { echo "this commit does not write schema version 5" >&2; exit 1; }
# Plain SQL a client can replay statement by statement: psql's own meta-commands (\restrict) are left out.
pg_dump --inserts --no-owner --no-privileges "$database" | grep -v '^\\' >"$here/postgresql.sql"
dropdb "$database"
echo "wrote $here/store.db and $here/postgresql.sql"
