#!/usr/bin/env python3
"""The query-engine benchmark of issue 3: one suite of analyst queries answered by sitrep's
columnar index, by SQLite (sitrep's own SQL path over the store, `--engine sql`) and by DuckDB.

Usage: bench/query_suite.py [EVENTS] [--runs N] [--sitrep-runs N] [--sql-runs N] [--skip-sql]
                            [--work DIR]

Builds (once, then reuses) in DIR (default /tmp/sitrep-bench-EVENTS): a synthetic ACLED file
from `sitrep synth`, a store imported from it, the store's events exported as CSV, and a DuckDB
database loaded from that CSV. DuckDB comes from npm's @duckdb/node-api, installed under
bench/.duckdb (git-ignored): sitrep never depends on it. Each engine runs every query in one
process (warm: snapshot open, DuckDB table loaded) and the table shows medians: DuckDB RUNS times
after a warm-up run, sitrep SITREP_RUNS times (21: its queries take a millisecond or two, and on
this VM the first ten or so of a process run up to twice as slow while the cores wake up); sitrep's
time is measured in-process (`sitrep query --timing --repeat`: filter and aggregation, nothing
cached between runs), DuckDB's by the node client around runAndReadAll, SQLite's by sitrep around
its SQL statements (`--engine sql`).
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SITREP = os.path.join(ROOT, "build", "sitrep")

# name -> sitrep query arguments (the DuckDB SQL of each is in duckdb_suite.mjs, same names)
SUITE = [
    ("date_window_by_week", ["date:2021-04-17..2021-07-01", "--by", "week"]),
    ("actor_by_admin1", ["actor:IS-KP", "--by", "admin1"]),
    ("countries_subtype_fatalities",
     ["country:AF,PK", 'subtype:"Remote explosive/landmine/IED"', "fatalities:>=5", "--by", "country"]),
    ("near_50km_by_month", ["near:34.43,70.45/50km", "--by", "month"]),
    ("unclaimed_by_month", ["claimed:no", "--by", "month"]),
    ("top20_admin2_fatalities", ["--by", "admin2", "--measure", "fatalities", "--top", "20"]),
    ("two_window_comparison",
     ["actor:IS-KP", "date:2022-01..2022-06", "--by", "admin1", "--compare", "2021-01..2021-06"]),
    ("free_text_word", ["mosque", "--by", "year"]),
    ("negation", ["-type:Battles", "--by", "country"]),
    ("count_by_type", ["--by", "type"]),
    ("civilians_by_admin1_2022",
     ["target:civilians", "date:2022", "--by", "admin1", "--measure", "count,fatalities"]),
]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, **kw)


def sitrep(db, args, **kw):
    return run([SITREP, "--db", db] + args, **kw)


def prepare(work, events):
    os.makedirs(work, exist_ok=True)
    csv = os.path.join(work, "synth.csv")
    db = os.path.join(work, "store.db")
    if not os.path.exists(db):
        if not os.path.exists(csv):
            print(f"synth: {events:,} events", file=sys.stderr)
            sitrep(db, ["synth", "--events", str(events), "--seed", "7", "--format", "acled",
                        "--out", csv])
        print("import", file=sys.stderr)
        sitrep(db, ["import", "--quiet", csv])
        # Sensible indexes for the SQLite peer, beyond the store's date and id indexes.
        run(["sqlite3", db, "CREATE INDEX IF NOT EXISTS bench_actor1 ON events(actor1);"
             "CREATE INDEX IF NOT EXISTS bench_country ON events(country, date_start);"
             "CREATE INDEX IF NOT EXISTS bench_type ON events(event_type);"])
    return db


def index_figures(db):
    """Build time (a forced rebuild), snapshot open time and size."""
    snapshot = db + "-index"
    if os.path.exists(snapshot):
        os.remove(snapshot)
    t = time.perf_counter()
    sitrep(db, ["query", "id:1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    build = time.perf_counter() - t
    opens = []
    for _ in range(5):
        t = time.perf_counter()
        sitrep(db, ["query", "id:1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        opens.append(time.perf_counter() - t)
    out = sitrep(db, ["query", "id:1", "--timing"], capture_output=True).stderr
    return build, statistics.median(opens), os.path.getsize(snapshot), out


def time_sitrep(db, args, engine, runs):
    """Median in-process time of `runs` + 1 runs (sitrep query --repeat)."""
    # Rows, as SQLite and DuckDB count them, even in a store that `sitrep fuse` has run on.
    err = sitrep(db, ["query"] + args + ["--engine", engine, "--unit", "records", "--timing",
                                         "--format", "csv",
                                         "--repeat", str(runs + 1)], capture_output=True).stderr
    m = re.search(r"([\d,]+) groups in ([\d.]+) ms", err)
    return float(m.group(2)), int(m.group(1).replace(",", ""))


# The whole-table scans and the columns they read (for GB/s against the memory-scan bound).
WHOLE_TABLE = {"count_by_type": ["type"], "top20_admin2_fatalities": ["place", "fatalities"]}


def memory_bound():
    out = run([os.path.join(ROOT, "build", "sitrep_bench_memory")], capture_output=True).stdout
    return {int(c): float(g) for c, g in (line.split() for line in out.splitlines())}


def column_widths(info):
    m = re.search(r"column bytes per event: (.*)", info)
    return {name: int(width) for name, width in (p.split() for p in m.group(1).split(", "))}


def duckdb_suite(work, db, runs):
    here = os.path.join(ROOT, "bench", ".duckdb")
    if not os.path.exists(os.path.join(here, "node_modules", "@duckdb", "node-api")):
        os.makedirs(here, exist_ok=True)
        run(["npm", "install", "--silent", "--prefix", here, "@duckdb/node-api"])
    shutil.copy(os.path.join(ROOT, "bench", "duckdb_suite.mjs"), here)
    csv = os.path.join(work, "events.csv")
    if not os.path.exists(csv):
        with open(csv, "w") as out:
            run(["sqlite3", "-csv", "-header", db,
                 "SELECT id, date_start, country, admin1, admin2, location, latitude, longitude, "
                 "event_type, sub_event_type, target, weapon, actor1, actor2, claim, "
                 "fatalities_best, dataset, notes FROM events"], stdout=out)
    out = run(["node", os.path.join(here, "duckdb_suite.mjs"), csv,
               os.path.join(work, "events.duckdb"), str(runs)], capture_output=True).stdout
    return {r["name"]: r for r in map(json.loads, out.splitlines())}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("events", nargs="?", type=int, default=10_000_000)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--sitrep-runs", type=int, default=21)
    p.add_argument("--sql-runs", type=int, default=1)
    p.add_argument("--skip-sql", action="store_true")
    p.add_argument("--skip-duckdb", action="store_true")
    p.add_argument("--work")
    a = p.parse_args()
    work = a.work or f"/tmp/sitrep-bench-{a.events}"
    db = prepare(work, a.events)
    build, open_s, size, info = index_figures(db)
    duck = {} if a.skip_duckdb else duckdb_suite(work, db, a.runs)
    print(f"{a.events:,} synthetic events, {os.cpu_count()} cores")
    print(f"index build {build:.1f} s (whole command, {a.events / build / 1e6:.2f} M events/s); "
          f"snapshot {size / 1e6:.0f} MB = {size / a.events:.1f} B/event; "
          f"open + query id:1 (whole command) {open_s * 1000:.0f} ms")
    print(info.strip())
    bound = memory_bound()
    widths = column_widths(info)
    print("memory-scan bound (1 GiB, summing words): " +
          ", ".join(f"{c} core{'s' if c > 1 else ''} {g:.1f} GB/s" for c, g in sorted(bound.items())))
    header = f"{'query':30} {'sitrep ms':>10} {'SQLite ms':>10} {'DuckDB ms':>10} " \
             f"{'SQLite/sitrep':>14} {'DuckDB/sitrep':>14} {'groups s/d':>11}"
    print(header)
    print("-" * len(header))
    scanned = {}
    for name, args in SUITE:
        ours, groups = time_sitrep(db, args, "index", a.sitrep_runs)
        sql = None if a.skip_sql else time_sitrep(db, args, "sql", a.sql_runs)[0]
        d = duck.get(name)
        dms = d["median_ms"] if d else None
        fmt = lambda v: f"{v:10.2f}" if v is not None else f"{'-':>10}"
        ratio = lambda v: f"{v / ours:13.1f}x" if v is not None and ours > 0 else f"{'-':>14}"
        print(f"{name:30} {fmt(ours)} {fmt(sql)} {fmt(dms)} {ratio(sql)} {ratio(dms)} "
              f"{groups:>5}/{d['rows'] if d else '-':<5}")
        if name in WHOLE_TABLE:
            scanned[name] = (sum(widths[c] for c in WHOLE_TABLE[name]) * a.events, ours)
    for name, (bytes_read, ms) in scanned.items():
        rate = bytes_read / (ms / 1000) / 1e9
        # The scans run on every core, so the bound is every core's; one core's is printed too
        # (issue 3 states its bound as one core's scan rate).
        top = max(bound.values())
        one = bound.get(1)
        single = f"; {one / rate:.1f}x from one core's {one:.1f} GB/s" if one else ""
        print(f"{name}: reads {bytes_read / 1e6:.0f} MB in {ms:.2f} ms = {rate:.1f} GB/s, "
              f"{top / rate:.1f}x from the {top:.1f} GB/s bound{single}")


if __name__ == "__main__":
    main()
