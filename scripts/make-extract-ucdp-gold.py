#!/usr/bin/env python3
"""Writes tests/data/extract-ucdp-gold.tsv: real news headlines from the UCDP GED 23.1
Afghanistan 2020 sample (../shared/data), each with UCDP's own labels for the event it reports
(sides, coordinates, deaths), for `sitrep eval extract --headlines`.

One row per UCDP event: its first cited headline, with the outlet and publication date UCDP gives.
All events where IS is a side, then a seeded random sample of the others, to 600 rows.
UCDP often splits one report's toll over several events (one per district), so each row also
carries headline_low/best/high: the sums of low, best and high over every event of the whole file
that cites the headline, which is what a number in the headline should be compared with.
UCDP GED is CC BY 4.0 (Sundberg & Melander 2013; Davies, Pettersson & Oberg 2023).
"""
import csv
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "shared", "data", "ucdp-ged-23.1-afghanistan-2020.csv")
OUT = os.path.join(HERE, "..", "tests", "data", "extract-ucdp-gold.tsv")
ROWS = 600


def first_headline(field):
    entry = field.split('";"')[0].strip('"')
    m = re.match(r"^([^,]+),(\d{4}-\d{2}-\d{2}),(.*)$", entry)
    return (m.group(1), m.group(2), m.group(3).strip()) if m else None


def cited_headlines(field):
    out = set()
    for entry in field.split('";"'):
        m = re.match(r"^([^,]+),(\d{4}-\d{2}-\d{2}),(.*)$", entry.strip('"'))
        if m:
            out.add((m.group(1), m.group(2), m.group(3).strip()))
    return out


def tolls_by_headline(rows):
    tolls = {}
    for r in rows:
        for h in cited_headlines(r["source_article"]):
            t = tolls.setdefault(h, [0, 0, 0])
            for n, column in enumerate(("low", "best", "high")):
                t[n] += int(r[column])
    return tolls


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else SOURCE
    rows = list(csv.DictReader(open(source, encoding="utf-8")))
    tolls = tolls_by_headline(rows)
    picked = [i for i, r in enumerate(rows) if "IS" in (r["side_a"], r["side_b"])]
    others = [i for i in range(len(rows)) if i not in set(picked)]
    random.Random(2020).shuffle(others)
    picked = sorted(picked + others[: ROWS - len(picked)])
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        out.write("# Real news headlines cited by UCDP GED 23.1 (Afghanistan, 2020), with UCDP's labels for\n"
                  "# the event each reports. Made by scripts/make-extract-ucdp-gold.py; CC BY 4.0, UCDP.\n")
        def writerow(cells):
            out.write("\t".join(str(c).replace("\t", " ") for c in cells) + "\n")
        writerow(["row", "outlet", "published", "headline", "type_of_violence", "side_a", "side_b",
                    "where", "latitude", "longitude", "date_start", "best", "headline_low", "headline_best",
                    "headline_high"])
        for i in picked:
            r = rows[i]
            h = first_headline(r["source_article"])
            if not h:
                continue
            outlet, published, headline = h
            writerow([i + 2, outlet, published, headline.replace('\\"', '"'), r["type_of_violence"],
                        r["side_a"], r["side_b"], r["where_coordinates"], r["latitude"], r["longitude"],
                        r["date_start"][:10], r["best"]] + tolls[h])
    print(f"{OUT}: {len(picked)} rows")


if __name__ == "__main__":
    main()
