// The query suite on DuckDB (the peer sitrep is measured against; not a sitrep dependency).
// Usage: node duckdb_suite.mjs EVENTS.csv DB.duckdb RUNS
// Loads the CSV (sitrep's event columns, exported from the store by query_suite.sh) once into
// DB.duckdb, then runs each query RUNS times after a warm-up and prints one JSON line per query:
// {"name", "median_ms", "rows"}.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';

const [csv, dbPath, runsText] = process.argv.slice(2);
const runs = Number(runsText || 5);
const fresh = !fs.existsSync(dbPath);
const instance = await DuckDBInstance.create(dbPath);
const db = await instance.connect();
if (fresh) {
  const t = performance.now();
  await db.run(`CREATE TABLE events AS SELECT * FROM read_csv('${csv}', header = true,
    types = {'date_start': 'DATE', 'latitude': 'DOUBLE', 'longitude': 'DOUBLE',
             'fatalities_best': 'BIGINT', 'id': 'BIGINT'})`);
  console.error(`duckdb: loaded ${csv} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

const haversine = (lat, lon) => `2 * 6371.0088 * asin(sqrt(pow(sin(radians(latitude - ${lat}) / 2), 2)
  + cos(radians(${lat})) * cos(radians(latitude)) * pow(sin(radians(longitude - ${lon}) / 2), 2)))`;
const iskp = `(actor1 = 'IS-KP' OR actor2 = 'IS-KP')`;
const queries = {
  date_window_by_week: `SELECT date_trunc('week', date_start) AS k, count(*) FROM events
    WHERE date_start BETWEEN DATE '2021-04-17' AND DATE '2021-07-01' GROUP BY k ORDER BY k`,
  actor_by_admin1: `SELECT country, admin1, count(*) FROM events WHERE ${iskp} GROUP BY ALL`,
  countries_subtype_fatalities: `SELECT country, count(*) FROM events WHERE country IN ('AF', 'PK')
    AND sub_event_type = 'Remote explosive/landmine/IED' AND fatalities_best >= 5 GROUP BY ALL`,
  near_50km_by_month: `SELECT strftime(date_start, '%Y-%m') AS k, count(*) FROM events
    WHERE latitude BETWEEN 34.43 - 50 / 111.0 AND 34.43 + 50 / 111.0
      AND ${haversine(34.43, 70.45)} <= 50 GROUP BY k ORDER BY k`,
  unclaimed_by_month: `SELECT strftime(date_start, '%Y-%m') AS k, count(*) FROM events
    WHERE claim IN ('unclaimed', 'unknown', 'denied') GROUP BY k ORDER BY k`,
  top20_admin2_fatalities: `SELECT country, admin1, admin2, sum(fatalities_best) AS s FROM events
    GROUP BY ALL ORDER BY s DESC LIMIT 20`,
  two_window_comparison: `SELECT country, admin1,
      count(*) FILTER (WHERE date_start BETWEEN DATE '2022-01-01' AND DATE '2022-06-30') AS now,
      count(*) FILTER (WHERE date_start BETWEEN DATE '2021-01-01' AND DATE '2021-06-30') AS before
    FROM events WHERE ${iskp} AND (date_start BETWEEN DATE '2022-01-01' AND DATE '2022-06-30'
      OR date_start BETWEEN DATE '2021-01-01' AND DATE '2021-06-30') GROUP BY ALL`,
  free_text_word: `SELECT year(date_start) AS k, count(*) FROM events WHERE notes ILIKE '%mosque%'
    GROUP BY k ORDER BY k`,
  negation: `SELECT country, count(*) FROM events WHERE NOT coalesce(event_type = 'Battles', false)
    GROUP BY ALL`,
  count_by_type: `SELECT event_type, count(*) FROM events GROUP BY ALL`,
  civilians_by_admin1_2022: `SELECT country, admin1, count(*), sum(fatalities_best) FROM events
    WHERE target = 'civilians' AND date_start BETWEEN DATE '2022-01-01' AND DATE '2022-12-31'
    GROUP BY ALL`,
};

const only = process.env.SUITE_ONLY ? process.env.SUITE_ONLY.split(',') : null;
for (const [name, sql] of Object.entries(queries)) {
  if (only && !only.includes(name)) continue;
  let rows = 0;
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    const reader = await db.runAndReadAll(sql);
    const ms = performance.now() - t;
    rows = reader.getRows().length;
    if (i > 0) times.push(ms);  // the first run warms the cache
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ name, median_ms: times[Math.floor(times.length / 2)], rows }));
}
