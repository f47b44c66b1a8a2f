#!/usr/bin/env bash
# sitrep assess on a large store: the whole command's wall time for a set of subjects and
# windows, median of RUNS, against the issue's target of one second on 10M events; and the
# steps of the slowest run (--timings).
#
#   bench/assess_at_scale.sh build/sitrep /tmp/sitrep-bench-10000000/store.db [RUNS]
#
# The store is the one bench/query_suite.py builds (10M `sitrep synth` events, seed 7), or any
# other. The first run of a subject warms the page cache; the median is of the runs after it.
set -euo pipefail
sitrep=${1:?usage: bench/assess_at_scale.sh SITREP STORE [RUNS]}
db=${2:?usage: bench/assess_at_scale.sh SITREP STORE [RUNS]}
runs=${3:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

events=$("$sitrep" --db "$db" query --format csv 2>/dev/null | tail -1 | cut -d, -f2)
echo "store $db: $events events; $(nproc) cores; median of $runs warm runs"
printf '%-58s %10s\n' "assessment" "seconds"
measure() {
  local label=$1; shift
  "$sitrep" --db "$db" assess "$@" -o "$out/brief" 2>/dev/null  # warm-up
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$sitrep" --db "$db" assess "$@" -o "$out/brief" 2>/dev/null
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-58s %10.3f\n' "$label" "$median"
}
measure "IS-KP, one month (2022-06), default baseline" --actor IS-KP --from 2022-06 --to 2022-06
measure "IS-KP, the last 30 days of data" --actor IS-KP
measure "Taliban, one quarter (2022-04..06)" --actor Taliban --from 2022-04 --to 2022-06
measure "country:AF type:Battles, one month (a filter subject)" country:AF type:Battles --from 2022-06 --to 2022-06
measure "IS-KP, one month, HTML with map and charts" --actor IS-KP --from 2022-06 --to 2022-06 --format html
echo
echo "Steps of one run (IS-KP, one month):"
"$sitrep" --db "$db" assess --actor IS-KP --from 2022-06 --to 2022-06 -o "$out/brief" --timings 2>&1
