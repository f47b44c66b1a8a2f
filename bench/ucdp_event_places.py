#!/usr/bin/env python3
"""How near UCDP's point sitrep places the events of tests/data/extract-ucdp-gold.tsv when it
reads every headline UCDP cites for an event, not only the first (the gold set's one).

For each of the gold set's 600 events, every headline of its `source_article` is extracted
(`sitrep extract --format jsonl --country AF`, the headline as the report's title and text), and
the place of each headline's first mention is taken; the event's answer is the most precise of
them (point, district, province, region, country; the first among equals). Prints how many
events got a place, how many of those are within 50 km of UCDP's point, and by what precision,
for the first headline alone (what `sitrep eval extract --headlines` scores) and for all of them.

Usage: bench/ucdp_event_places.py [SITREP] [UCDP_CSV]
  SITREP    the sitrep binary (build/sitrep)
  UCDP_CSV  ../shared/data/ucdp-ged-23.1-afghanistan-2020.csv
UCDP GED is CC BY 4.0 (Sundberg & Melander 2013; Davies, Pettersson & Oberg 2023).
"""
import collections
import csv
import json
import math
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.join(HERE, "..")
GOLD = os.path.join(REPO, "tests", "data", "extract-ucdp-gold.tsv")
PRECISION_RANK = {"point": 4, "admin2": 3, "admin1": 2, "region": 1, "country": 0}


def cited_headlines(field):
    out = []
    for entry in field.split('";"'):
        m = re.match(r"^([^,]+),(\d{4}-\d{2}-\d{2}),(.*)$", entry.strip('"'))
        if m:
            out.append((m.group(1), m.group(2), m.group(3).strip().replace('\\"', '"')))
    return out


def km(lat1, lon1, lat2, lon2):
    r = math.radians
    h = (math.sin(r(lat2 - lat1) / 2) ** 2 +
         math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def first_place(report):
    for mention in report["mentions"]:
        for place in mention["places"]:
            if place.get("found") and not place.get("reference"):
                return place
    return None


def score(events, places_of):
    placed, near, by_precision = 0, 0, collections.Counter()
    for e in events:
        candidates = [p for p in places_of(e) if p]
        if not candidates:
            continue
        best = max(candidates, key=lambda p: PRECISION_RANK.get(p["precision"], 0))
        placed += 1
        near += km(e["lat"], e["lon"], best["latitude"], best["longitude"]) <= 50
        by_precision[best["precision"]] += 1
    return placed, near, by_precision


def main():
    sitrep = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "build", "sitrep")
    source = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        REPO, "..", "shared", "data", "ucdp-ged-23.1-afghanistan-2020.csv")
    rows = list(csv.DictReader(open(source, encoding="utf-8")))
    gold = list(csv.DictReader((line for line in open(GOLD, encoding="utf-8")
                                if not line.startswith("#")), delimiter="\t"))
    documents, events = {}, []
    for g in gold:
        row = rows[int(g["row"]) - 2]  # the gold's row is the CSV's line (no field spans lines)
        assert abs(float(row["latitude"]) - float(g["latitude"])) < 1e-6, g["row"]
        ids = []
        for outlet, published, headline in cited_headlines(row["source_article"]):
            key = (outlet, published, headline)
            if key not in documents:
                documents[key] = {"id": "h%d" % len(documents), "source": outlet,
                                  "published": published, "title": headline, "text": headline}
            ids.append(documents[key]["id"])
        if ids:  # an event whose citations hold no headline this script can parse is left out
            events.append({"lat": float(g["latitude"]), "lon": float(g["longitude"]), "ids": ids})
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as f:
        for d in documents.values():
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
        f.flush()
        out = subprocess.run([sitrep, "extract", f.name, "--format", "jsonl", "--country", "AF"],
                             check=True, capture_output=True, text=True).stdout
    reports = {r["id"]: r for r in map(json.loads, out.splitlines())}
    place = {i: first_place(r) for i, r in reports.items()}
    cited = collections.Counter(min(len(e["ids"]), 5) for e in events)
    print("%d events, %d headlines; events citing 1, 2, 3, 4, 5+ headlines: %s" %
          (len(events), len(documents), [cited[n] for n in range(1, 6)]))
    for name, places_of in (("first headline", lambda e: [place[e["ids"][0]]]),
                            ("every cited headline", lambda e: [place[i] for i in e["ids"]])):
        placed, near, by_precision = score(events, places_of)
        print("%-21s placed %d, within 50 km %d = %.3f; answers by precision: %s" %
              (name, placed, near, near / max(placed, 1), dict(by_precision.most_common())))


if __name__ == "__main__":
    main()
