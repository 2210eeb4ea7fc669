#!/usr/bin/env bash
# Adds every public symbol that RS0016 reports as undeclared to PublicAPI.Unshipped.txt, then sorts it.
# Run after a deliberate change to the public API; review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/WomRules; do
  file="$project/PublicAPI.Unshipped.txt"
  dotnet build "$project" -p:TreatWarningsAsErrors=false 2>&1 \
    | grep -o "RS0016: Symbol '.*' is not part of the declared public API" \
    | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" >> "$file" || true
  { echo '#nullable enable'; grep -v '^#nullable enable$' "$file" | sort -u; } > "$file.tmp" && mv "$file.tmp" "$file"
done
