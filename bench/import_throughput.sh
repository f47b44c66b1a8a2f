#!/usr/bin/env bash
# Import throughput: sitrep import vs sqlite3's own `.import` of the same CSV into an untyped
# table, measured in the same run on the same machine.
#
# The input replicates the bundled UCDP sample with fresh ids up to ROWS records (default 1M).
# sitrep validates, normalises, resolves actors, digests, indexes (unique ids, dates; full text
# per row, or deferred after a first bulk load) and keeps the verbatim record; .import only
# splits fields. Prints rows/s for each and the ratios.
set -euo pipefail
sitrep=${1:-build/sitrep}
rows=${ROWS:-1000000}
out=${BENCH_DIR:-bench/out}
mkdir -p "$out"
csv="$out/ucdp-replicated-$rows.csv"
sample=data/sample/ucdp-ged-afghanistan-2020.csv

if [ ! -s "$csv" ]; then
  echo "writing $csv ($rows records)…" >&2
  # The sample's first column is a unique integer index: replace it with a running number.
  # Records can span lines (quoted newlines), so count records by lines that start a record.
  awk -v want="$rows" 'NR == 1 { header = $0; next }
       { body[++n] = $0
         comma = index($0, ",")
         head = substr($0, 1, comma - 1)
         starts[n] = comma > 1 && head ~ /^[0-9]+$/
         rest[n] = substr($0, comma) }
       END {
         print header
         id = 0
         while (id < want) {
           for (i = 1; i <= n && id < want; i++) {
             if (starts[i]) { print id rest[i]; id++ } else print body[i]
           }
         }
       }' "$sample" > "$csv"
fi

now() { date +%s.%N; }
rm -f "$out/sqlite-import.db" "$out"/sitrep-bench.db* "$out"/sitrep-incremental.db*
t0=$(now)
sqlite3 "$out/sqlite-import.db" ".import --csv $csv t"
t1=$(now)
# 1. A first load into an empty store (the bulk-load path).
"$sitrep" --db "$out/sitrep-bench.db" import --quiet "$csv" > "$out/sitrep-import.txt"
t2=$(now)
# 2. The first free-text query afterwards builds the full-text index the bulk load deferred.
"$sitrep" --db "$out/sitrep-bench.db" events --limit 1 Kabul > /dev/null 2>&1
t3=$(now)
# 3. The same file into a store that already holds events and a current text index (the
#    row-by-row path: every index, the full-text one included, maintained per row).
"$sitrep" --db "$out/sitrep-incremental.db" import --quiet "$sample" > /dev/null
"$sitrep" --db "$out/sitrep-incremental.db" events --limit 1 Kabul > /dev/null 2>&1  # index current
t4=$(now)
"$sitrep" --db "$out/sitrep-incremental.db" import --quiet "$csv" > "$out/sitrep-incremental.txt"
t5=$(now)
records=$("$sitrep" --db "$out/sitrep-bench.db" stats | head -1 | sed -E 's/.*: ([0-9,]+) events.*/\1/' | tr -d ,)
sqlite_rows=$(sqlite3 "$out/sqlite-import.db" "select count(*) from t")
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v e="$t4" -v f="$t5" -v n="$records" -v m="$sqlite_rows" 'BEGIN {
  s = m / (b - a); r = n / (c - b); i = n / (f - e)
  printf "sqlite3 .import            : %9d rows in %6.2f s = %8.0f rows/s\n", m, b - a, s
  printf "sitrep import (empty store): %9d rows in %6.2f s = %8.0f rows/s   ratio %.2f (target >= 0.70)\n", n, c - b, r, r / s
  printf "  first text query after it: %6.2f s (builds the full-text index)\n", d - c
  printf "sitrep import (store in use): %8d rows in %6.2f s = %8.0f rows/s   ratio %.2f\n", n, f - e, i, i / s
}'
