#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt from what RS0016 reports as undeclared, so the file lists exactly the
# public API that is not in PublicAPI.Shipped.txt. Run after a deliberate API change; review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/WomRules src/WomRules.CSharp src/WomRules.Sqlite src/WomRules.PostgreSql src/WomRules.Hosting; do
  file="$project/PublicAPI.Unshipped.txt"
  echo '#nullable enable' > "$file"
  dotnet build "$project" -p:TreatWarningsAsErrors=false --no-incremental 2>&1 \
    | grep -o "RS0016: Symbol '.*' is not part of the declared public API" \
    | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" | sort -u >> "$file" || true
done
