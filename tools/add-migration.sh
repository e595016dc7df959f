#!/usr/bin/env bash
# Adds one migration for both providers from the one model:
#   bash tools/add-migration.sh <Name>
# SQLite's goes to src/Persistence/Migrations, PostgreSQL's to src/Persistence.PostgreSql/Migrations; then both are
# checked for model changes left out. To regenerate PostgreSQL's after merging branches that only added SQLite
# migrations, run it with the merge's name (e.g. `bash tools/add-migration.sh Merge20261202`): the SQLite side then
# finds nothing to add and is skipped.
set -euo pipefail
name=${1:?usage: bash tools/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
ef() { dotnet ef "$@" --startup-project src/Bot; }
if ef migrations has-pending-model-changes --project src/Persistence >/dev/null 2>&1; then
  echo "SQLite: no model changes, no migration added"
else
  ef migrations add "$name" --project src/Persistence --output-dir Migrations
fi
if ef migrations has-pending-model-changes --project src/Persistence.PostgreSql --no-build -- --provider PostgreSql >/dev/null 2>&1; then
  echo "PostgreSQL: no model changes, no migration added"
else
  ef migrations add "$name" --project src/Persistence.PostgreSql --output-dir Migrations -- --provider PostgreSql
fi
ef migrations has-pending-model-changes --project src/Persistence
ef migrations has-pending-model-changes --project src/Persistence.PostgreSql -- --provider PostgreSql
