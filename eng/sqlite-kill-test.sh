#!/usr/bin/env bash
# The full-size SQLite kill test of issue 13 (docs/sqlite.md): the same test as tests/WomRules.Sqlite.Tests/KillTests.cs,
# at 500,000 generated lines and 20 SIGKILLs, in batches of 1,000. Not run in CI: it takes tens of minutes on a
# 2-core machine, most of it in the plain reference runs the test makes after each kill to compare the database with.
# Usage: eng/sqlite-kill-test.sh [lines] [kills] [batch]
set -euo pipefail
cd "$(dirname "$0")/.."
export WOMRULES_KILL_LINES="${1:-500000}"
export WOMRULES_KILL_COUNT="${2:-20}"
export WOMRULES_KILL_BATCH="${3:-1000}"
dotnet test tests/WomRules.Sqlite.Tests -c Release --filter 'FullyQualifiedName~KillTests' --logger 'console;verbosity=detailed'
