#!/usr/bin/env python3
"""Writes tests/data/fusion-gold-ucdp-2020.jsonl: a real labelled set for `sitrep eval fuse`.

The records are the UCDP GED 23.1 Afghanistan events of a span of 2020 (the bundled sample) and the events sitrep reads from the news headlines UCDP cites for them (its
source_article column: outlet, publication date, headline), each headline ingested as a report
of its own (`sitrep ingest --country AF`). A headline's events are labelled with the UCDP event
that cites it; a headline that several UCDP events cite may rightly join any one of them
("alternatives": the hard cases). Monthly casualty compilations (headlines cited by more than
five events) tell no single event and are left out.

A UCDP row's notes are its own source headlines: they are dropped from its words, so that a
headline is never matched to its event by its own text.

    scripts/make-fusion-ucdp-gold.py [SITREP [FIRST_DAY LAST_DAY [OUT]]]

The defaults write tests/data/fusion-gold-ucdp-2020-04.jsonl (April 2020, measured, never tuned
on). bench/README.md also gives the first quarter (tuned on) and the second (not tuned on).

UCDP GED is CC BY 4.0 (Sundberg & Melander 2013; Davies, Pettersson & Oberg 2023).
"""
import csv
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
SAMPLE = os.path.join(ROOT, "data", "sample", "ucdp-ged-afghanistan-2020.csv")
OUT = os.path.join(ROOT, "tests", "data", "fusion-gold-ucdp-2020-04.jsonl")
MOST_CITATIONS = 5


def citations(field):
    for entry in field.split('";"'):
        m = re.match(r"^([^,]+),(\d{4}-\d{2}-\d{2}),(.*)$", entry.strip('"'))
        if m:
            yield m.group(1).strip(), m.group(2), m.group(3).strip().replace('\\"', '"')


def main():
    sitrep = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "sitrep")
    first_day = sys.argv[2] if len(sys.argv) > 2 else "2020-04-01"
    last_day = sys.argv[3] if len(sys.argv) > 3 else "2020-04-30"
    out_path = sys.argv[4] if len(sys.argv) > 4 else OUT
    within = lambda day: first_day <= day[:10] <= last_day
    work = tempfile.mkdtemp()
    rows = [r for r in csv.DictReader(open(SAMPLE, encoding="utf-8")) if within(r["date_start"])]
    sample = os.path.join(work, "ucdp.csv")
    with open(SAMPLE, encoding="utf-8") as src, open(sample, "w", encoding="utf-8", newline="") as dst:
        reader = csv.reader(src)
        writer = csv.writer(dst)
        header = next(reader)
        writer.writerow(header)
        start = header.index("date_start")
        for row in reader:
            if within(row[start]):
                writer.writerow(row)
    cited_by = {}
    for r in rows:
        for c in citations(r["source_article"]):
            cited_by.setdefault(c, []).append(r[""])
    headlines = {c: ids for c, ids in cited_by.items() if len(ids) <= MOST_CITATIONS}
    news = os.path.join(work, "headlines.jsonl")
    doc_ids = {}
    with open(news, "w", encoding="utf-8") as out:
        for n, (outlet, published, headline) in enumerate(sorted(headlines)):
            doc_id = f"h{n + 1}"
            doc_ids[doc_id] = headlines[(outlet, published, headline)]
            out.write(json.dumps({"id": doc_id, "published": published, "source": outlet,
                                  "title": headline, "text": headline}) + "\n")
    db = os.path.join(work, "store.db")
    run = lambda *args: subprocess.run([sitrep, "--db", db, *args], check=True,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    run("import", "--quiet", sample)
    run("ingest", "--quiet", "--country", "AF", news)
    records_file = os.path.join(work, "records.jsonl")
    run("fuse", "--write-records", records_file)
    con = sqlite3.connect(db)
    native = dict(con.execute("SELECT id, native_id FROM events"))
    doc_of_report = dict(con.execute("SELECT id, doc_id FROM reports"))
    written = several = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for line in open(records_file, encoding="utf-8"):
            r = json.loads(line)
            kind, number = r.pop("record").split(":")
            if kind == "event":
                r["incident"] = "u" + native[int(number)]
                r.pop("words", None)
            else:
                ids = doc_ids[doc_of_report[int(r["exclusive"].split(":")[1])]]
                r["incident"] = "u" + ids[0]
                if len(ids) > 1:
                    r["alternatives"] = ["u" + i for i in ids[1:]]
                    several += 1
            out.write(json.dumps(r, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")
            written += 1
    print(f"{out_path}: {written} records ({len(rows)} UCDP events {first_day}..{last_day}, {len(headlines)} "
          f"headlines, {several} events read from headlines several UCDP events cite)")


if __name__ == "__main__":
    main()
