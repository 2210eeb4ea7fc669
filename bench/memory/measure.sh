#!/usr/bin/env bash
# Peak memory (max RSS) of `womrules run` on generated events files, with and without accept_late
# (docs/performance.md, "Memory and the lateness horizon"). Not part of the test suite.
# usage: bench/memory/measure.sh [LINES...]   (default: 1000000 4000000); PARTICIPANTS=100000 by default.
set -euo pipefail
cd "$(dirname "$0")/../.."
participants="${PARTICIPANTS:-100000}"
out=bench/memory/out   # generated files; ignored by git
mkdir -p "$out"
dotnet build src/WomRules.Cli -c Release -o "$out/cli" -v quiet -nologo > /dev/null
for lines in "${@:-1000000 4000000}"; do
  for n in $lines; do
    events="$out/events-$n.jsonl"
    [ -f "$events" ] || python3 bench/memory/generate.py "$n" "$participants" "$events"
    for campaign in campaign.yaml campaign-horizon.yaml; do
      /usr/bin/time -v "$out/cli/WomRules.Cli" run "bench/memory/$campaign" "$events" > /dev/null 2> "$out/time.txt"
      rss=$(grep 'Maximum resident set size' "$out/time.txt" | awk '{print $NF}')
      secs=$(grep 'Elapsed (wall clock)' "$out/time.txt" | awk '{print $NF}')
      echo "$n lines, $participants participants, $campaign: max RSS $((rss / 1024)) MiB, wall $secs"
    done
  done
done
