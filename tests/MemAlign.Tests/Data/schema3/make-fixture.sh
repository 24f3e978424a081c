#!/usr/bin/env bash
# Writes the schema-3 store fixtures of this folder (store.db for SQLite, postgresql.sql for PostgreSQL)
# with the real memalign CLI, offline (no OPENAI_* variables: the local judge and embedder).
#
# The fixtures are stores written by MemAlign at schema version 3, for the migration tests
# (tests/MemAlign.Tests/Storage/Schema3FixtureTests.cs). They were made at commit
# 30e3576cdda44e083c75b97a1966399654ba4832, the last commit with schema 3; to regenerate them, run this
# script from a checkout of that commit (it refuses a store of any other schema version):
#
#   git worktree add /tmp/schema3 30e3576cdda44e083c75b97a1966399654ba4832
#   cp tests/MemAlign.Tests/Data/schema3/{make-fixture.sh,traces.jsonl,relabels.jsonl} /tmp/schema3/tests/MemAlign.Tests/Data/schema3/
#   flock /tmp/memalign-build.lock /tmp/schema3/tests/MemAlign.Tests/Data/schema3/make-fixture.sh
#   cp /tmp/schema3/tests/MemAlign.Tests/Data/schema3/{store.db,postgresql.sql} tests/MemAlign.Tests/Data/schema3/
#
# PostgreSQL: a server whose user may create databases, from PGHOST, PGPORT, PGUSER, PGPASSWORD
# (default 127.0.0.1, 5432, memalign, memalign, as .ci/run sets it up); pg_dump and psql on the PATH.
#
# What the store holds, every table in use:
#   - 14 traces with tags, labelled by ann (all) and bob (every other one, disagreeing on fx-05 and fx-13);
#     ann then relabels fx-02, fx-06, fx-11, so their first labels go to assessment_history;
#   - the Helpfulness sample's judge registered with its label schema (title, instruction, comment),
#     then aligned on the align split (version 2: guidelines with sources, examples);
#   - an evaluate run over every trace, and one over two test traces (to be resumed);
#   - a 2-fold experiment (its report, folds and most disagreed traces);
#   - a labeling session for ann and bob;
#   - then fx-05 forgotten: it was in the memory, the evaluation, the experiment's folds and the session.
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

# The same commands on one store; the second evaluate run is left short, for a test to resume.
write_store() {
  export MEMALIGN_STORE="$1"
  run() { dotnet "$cli" "$@" >/dev/null; }
  run import "$here/traces.jsonl"
  run import "$here/relabels.jsonl"
  run judges register --assembly "$judges"
  run align --judge helpfulness --traces tag.split=align
  run evaluate --judge helpfulness
  run evaluate --judge helpfulness --filter "tag.split=test limit=2"
  run experiment --judge helpfulness --folds 2
  run label create --name week-1 --judge helpfulness --reviewers ann,bob --per-trace 2
  run forget --trace fx-05
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

write_store "$work/store.db"
[ "$(sqlite3 "$work/store.db" 'SELECT MAX(version) FROM memalign_schema')" = 3 ] || { echo "this commit does not write schema version 3" >&2; exit 1; }
sqlite3 "$work/store.db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
cp "$work/store.db" "$here/store.db"

database=memalign_schema3_fixture
dropdb --if-exists "$database"
createdb "$database"
write_store "Host=$PGHOST;Port=$PGPORT;Database=$database;Username=$PGUSER;Password=$PGPASSWORD"
[ "$(psql -tA -d "$database" -c 'SELECT MAX(version) FROM memalign_schema')" = 3 ] || { echo "this commit does not write schema version 3" >&2; exit 1; }
# Plain SQL a client can replay statement by statement: psql's own meta-commands (\restrict) are left out.
pg_dump --inserts --no-owner --no-privileges "$database" | grep -v '^\\' >"$here/postgresql.sql"
dropdb "$database"
echo "wrote $here/store.db and $here/postgresql.sql"
