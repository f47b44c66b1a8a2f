#!/usr/bin/env bash
# Fusion at scale (issue 7): the in-memory fusion of about a million synthetic records on one
# core, and `sitrep fuse` on a store — its first run over every record, then incremental runs
# that each fuse 1,000 new records (a second dataset's copies of one day's events, with
# casualty figures shifted) into it.
#
#   bench/fuse_at_scale.sh build/sitrep STORE [INCIDENTS]
#
# STORE is a scratch copy: the script adds records and incidents to it. The one measured in
# bench/README.md is bench/query_suite.py's 10M `sitrep synth` store. INCIDENTS (default
# 330,000: about 1.1M records) sizes the in-memory set.
set -euo pipefail
sitrep=${1:?usage: bench/fuse_at_scale.sh SITREP STORE [INCIDENTS]}
db=${2:?usage: bench/fuse_at_scale.sh SITREP STORE [INCIDENTS]}
incidents=${3:-330000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "$(nproc) cores"

echo "== in memory: sitrep eval fuse --synthetic $incidents (one thread)"
/usr/bin/time -f "whole command %e s, peak %M KB" "$sitrep" eval fuse --synthetic "$incidents" --seed 7

echo "== sitrep fuse --from-scratch on $db"
/usr/bin/time -f "whole command %e s, peak %M KB" "$sitrep" --db "$db" fuse --from-scratch

# Days in the middle of the store's span, each with at least 1,000 events.
first=$(sqlite3 "$db" "SELECT min(date_start) FROM events")
for offset in 400 431 462; do
  day=$(date -d "$first + $offset days" +%F)
  "$sitrep" --db "$db" events "date:$day" --format jsonl --limit 1000 2>/dev/null \
    | python3 -c '
import json, sys
for i, line in enumerate(sys.stdin):
    e = json.loads(line)
    e.pop("id", None); e.pop("revision", None)
    e["dataset"] = "gtd"; e["native_id"] = "BENCH-%s-%d" % (sys.argv[1], i)
    if e.get("fatalities_best") is not None: e["fatalities_best"] += i % 3
    print(json.dumps(e))' "$day" > "$work/new.jsonl"
  "$sitrep" --db "$db" import --quiet "$work/new.jsonl" > /dev/null
  echo "== 1,000 new records of $day"
  /usr/bin/time -f "whole command %e s, peak %M KB" "$sitrep" --db "$db" fuse
done
