#!/usr/bin/env bash
# Import throughput: sitrep import against sqlite3's own `.import` of the same CSV into an
# untyped table, measured in the same run on the same machine.
#
# The input replicates the bundled UCDP sample with fresh ids up to ROWS records (default 1M).
# sitrep validates, normalises, resolves actors, digests, checks ids, indexes and keeps the
# verbatim record; .import only splits fields. Four cases, each with its ratio to .import:
#   1. a first load into an empty store (bulk load);
#   2. the first free-text query after it (it builds the deferred full-text index);
#   3. the same file into a store holding the sample (larger than the store: the date and
#      full-text indexes are deferred, the unique id index is kept);
#   4. ROWS/10 new records into the store of case 1 (row by row: every index per row).
set -euo pipefail
sitrep=${1:-build/sitrep}
rows=${ROWS:-1000000}
out=${BENCH_DIR:-bench/out}
mkdir -p "$out"
sample=data/sample/ucdp-ged-afghanistan-2020.csv

# replicate FILE RECORDS FIRST_ID: the sample with running ids from FIRST_ID. The sample's first
# column is a unique integer index; records can span lines, so only lines that start a record
# (an integer, then a comma) get a new id.
replicate() {
  [ -s "$1" ] && return
  echo "writing $1 ($2 records)…" >&2
  awk -v want="$2" -v first="$3" 'NR == 1 { header = $0; next }
       { body[++n] = $0
         comma = index($0, ",")
         head = substr($0, 1, comma - 1)
         starts[n] = comma > 1 && head ~ /^[0-9]+$/
         rest[n] = substr($0, comma) }
       END {
         print header
         made = 0
         while (made < want) {
           for (i = 1; i <= n && made < want; i++) {
             if (starts[i]) { print first + made rest[i]; made++ } else print body[i]
           }
         }
       }' "$sample" > "$1"
}
csv="$out/ucdp-replicated-$rows.csv"
more="$out/ucdp-replicated-$((rows / 10))-from-$rows.csv"
replicate "$csv" "$rows" 0
replicate "$more" "$((rows / 10))" "$rows"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
rm -f "$out"/*.db "$out"/*.db-*
# Start every case from the same state: old stores flushed away, the inputs in the page cache.
sync
cat "$csv" "$more" > /dev/null

t0=$(now); sqlite3 "$out/peer.db" ".import --csv $csv t"; t1=$(now)
peer=$(seconds "$t0" "$t1")
t0=$(now); sqlite3 "$out/peer-more.db" ".import --csv $more t"; t1=$(now)
peer_more=$(seconds "$t0" "$t1")

t0=$(now); "$sitrep" --db "$out/first.db" import --quiet "$csv" > /dev/null; t1=$(now)
first=$(seconds "$t0" "$t1")
t0=$(now); "$sitrep" --db "$out/first.db" events --limit 1 Kabul > /dev/null 2>&1; t1=$(now)
text=$(seconds "$t0" "$t1")

"$sitrep" --db "$out/in-use.db" import --quiet "$sample" > /dev/null
"$sitrep" --db "$out/in-use.db" events --limit 1 Kabul > /dev/null 2>&1  # text index current
t0=$(now); "$sitrep" --db "$out/in-use.db" import --quiet "$csv" > /dev/null; t1=$(now)
large=$(seconds "$t0" "$t1")

t0=$(now); "$sitrep" --db "$out/first.db" import --quiet "$more" > /dev/null; t1=$(now)
rowwise=$(seconds "$t0" "$t1")

n=$(sqlite3 "$out/first.db" "select count(*) from events")
awk -v rows="$rows" -v n="$n" -v peer="$peer" -v peer_more="$peer_more" -v first="$first" \
    -v text="$text" -v large="$large" -v rowwise="$rowwise" 'BEGIN {
  more = rows / 10
  printf "sqlite3 .import, %d rows                    %7.2f s  %8.0f rows/s\n", rows, peer, rows / peer
  printf "1. sitrep, first load into an empty store     %7.2f s  %8.0f rows/s  ratio %.2f (target >= 0.70)\n", first, rows / first, peer / first
  printf "2. first text query after it                  %7.2f s  (builds the full-text index)\n", text
  printf "3. sitrep, same file into a store in use      %7.2f s  %8.0f rows/s  ratio %.2f\n", large, rows / large, peer / large
  printf "sqlite3 .import, %d rows                     %7.2f s  %8.0f rows/s\n", more, peer_more, more / peer_more
  printf "4. sitrep, %d new rows into the loaded store %7.2f s  %8.0f rows/s  ratio %.2f (row by row)\n", more, rowwise, more / rowwise, peer_more / rowwise
  if (n != rows + more) printf "warning: the store holds %d events, expected %d\n", n, rows + more
}'
