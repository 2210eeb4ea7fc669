#!/usr/bin/env python3
"""Writes an events file for the memory measurement (docs/performance.md, "Memory and the lateness horizon").

usage: generate.py LINES PARTICIPANTS OUT.jsonl

Events arrive in time order, 10,000 a day (so a longer file is a longer history at the same rate, as a campaign
that runs longer), one in fifty up to a day late; a fifth are
referrals, a quarter check-ins, the rest reviews; one in two hundred reverses an earlier event. Seeded, so the same
arguments give the same file.
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

lines, participants, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(12)
start = datetime(2025, 1, 1, tzinfo=timezone.utc)
step = timedelta(days=1) / 10000
with open(out, "w", encoding="utf-8") as f:
    for i in range(lines):
        at = start + step * i
        if rng.randrange(50) == 0:
            at -= timedelta(hours=rng.randrange(24))
        actor = f"p{rng.randrange(participants)}"
        kind = rng.randrange(200)
        if kind == 0 and i > 0:
            event = {"id": f"e{i}", "type": "event.reversed", "at": None, "actor": actor, "attributes": {"target": f"e{rng.randrange(max(1, i - 1000), i)}"}}
        elif kind < 40:
            event = {"id": f"e{i}", "type": "referral.converted", "at": None, "actor": actor, "referrer": f"p{rng.randrange(participants)}",
                     "attributes": {"basket_total": round(rng.uniform(5, 120), 2)}}
        elif kind < 90:
            event = {"id": f"e{i}", "type": "daily.checkin", "at": None, "actor": actor, "attributes": {}}
        else:
            event = {"id": f"e{i}", "type": "review.posted", "at": None, "actor": actor, "attributes": {"rating": rng.randrange(1, 6)}}
        event["at"] = at.strftime("%Y-%m-%dT%H:%M:%SZ")
        f.write(json.dumps(event, separators=(",", ":")) + "\n")
