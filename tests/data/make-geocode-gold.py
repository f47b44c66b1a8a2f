#!/usr/bin/env python3
"""Build tests/data/geocode-gold.tsv, the geocoder evaluation gold set.

Standard library only. Reads the shared development data (default /work/shared/data,
override with SITREP_SHARED_DATA) and writes geocode-gold.tsv next to this script.

    python3 tests/data/make-geocode-gold.py            # write the TSV, print counts + samples
    python3 tests/data/make-geocode-gold.py --stdout   # print the TSV instead of writing it

Four kinds of rows (see README-geocode-gold.md):
  ucdp       every distinct UCDP GED 23.1 Afghanistan-2020 `where_coordinates` string,
             truth = UCDP's own point, admin1 = point-in-polygon in geoBoundaries AFG ADM1
  variant    hand-written spellings (Latin, Persian/Pashto/Urdu, Cyrillic, misspellings) of
             one GeoNames cities500 row each; checked against the gazetteer below
  ambiguous  names shared by several cities500 rows, with the context that picks one;
             checked: the name really matches several rows and the context leaves one
  region     area phrases; truth = a representative point computed from polygons / borders
Every hand-written row is verified; the script stops with an error if a check fails.
"""

import collections
import csv
import json
import math
import os
import re
import sys
import unicodedata

DATA = os.environ.get("SITREP_SHARED_DATA", "/work/shared/data")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "geocode-gold.tsv")

UCDP_CSV = os.path.join(DATA, "ucdp-ged-23.1-afghanistan-2020.csv")
GN_CITIES = os.path.join(DATA, "gazetteer", "geonames-cities500-AF-PK-TJ-UZ.txt")
GN_ADMIN1 = os.path.join(DATA, "gazetteer", "geonames-admin1-AF-PK-TJ-UZ.tsv")
GB_ADM1 = os.path.join(DATA, "geoboundaries", "AFG-ADM1_simplified.geojson")
WORLD50 = os.path.join(DATA, "gazetteer", "world-atlas-countries-50m.topojson.json")

COLUMNS = ["name", "context", "expected_geonameid", "expected_lat", "expected_lon",
           "expected_admin1", "kind", "note"]

# geoBoundaries AFG ADM1 shapeName -> GeoNames admin1 code. Spellings differ; geoBoundaries
# writes "Ghanzi" for Ghazni. Checked below: all 34 names mapped, codes unique, and every
# Afghan provincial capital (GeoNames PPLA/PPLC) falls inside the polygon of its own code.
GB_TO_GN = {
    "Badakhshan": "AF.01", "Badghis": "AF.02", "Baghlan": "AF.03", "Bamyan": "AF.05",
    "Farah": "AF.06", "Faryab": "AF.07", "Ghanzi": "AF.08", "Ghor": "AF.09",
    "Helmand": "AF.10", "Herat": "AF.11", "Kabul": "AF.13", "Kapisa": "AF.14",
    "Logar": "AF.17", "Nangarhar": "AF.18", "Nimruz": "AF.19", "Kandahar": "AF.23",
    "Kunduz": "AF.24", "Takhar": "AF.26", "Wardak": "AF.27", "Zabul": "AF.28",
    "Paktika": "AF.29", "Balkh": "AF.30", "Jowzjan": "AF.31", "Samangan": "AF.32",
    "Sar-e Pol": "AF.33", "Kunar": "AF.34", "Laghman": "AF.35", "Paktia": "AF.36",
    "Khost": "AF.37", "Nuristan": "AF.38", "Uruzgan": "AF.39", "Parwan": "AF.40",
    "Daykundi": "AF.41", "Panjshir": "AF.42",
}

# Province / region names as reports write them -> GeoNames admin1 code. Used to check the
# `admin1=` context of hand-written rows and to compare UCDP's "(X province)" labels with the
# point-in-polygon result. Keys are compared after norm().
ADMIN1_ALIASES = {
    "AF.01": ["Badakhshan", "Badakhshān"], "AF.02": ["Badghis", "Bādghīs"],
    "AF.03": ["Baghlan"], "AF.05": ["Bamyan", "Bamiyan", "Bāmīān"], "AF.06": ["Farah"],
    "AF.07": ["Faryab", "Fāryāb"], "AF.08": ["Ghazni", "Ghanzi"], "AF.09": ["Ghor", "Ghowr"],
    "AF.10": ["Helmand", "Hilmand"], "AF.11": ["Herat", "Hirat"], "AF.13": ["Kabul"],
    "AF.14": ["Kapisa"], "AF.17": ["Logar"], "AF.18": ["Nangarhar"],
    "AF.19": ["Nimroz", "Nimruz", "Nīmrūz"], "AF.23": ["Kandahar", "Qandahar"],
    "AF.24": ["Kunduz", "Qunduz"], "AF.26": ["Takhar"],
    "AF.27": ["Wardak", "Maidan Wardak", "Maydan Wardak", "Maidan Wardak Province"],
    "AF.28": ["Zabul"], "AF.29": ["Paktika", "Paktīkā"], "AF.30": ["Balkh"],
    "AF.31": ["Jowzjan", "Jawzjan", "Jozjan"], "AF.32": ["Samangan"],
    "AF.33": ["Sar-e Pol", "Sar-e Pul", "Sari Pul", "Sar-i-Pul", "Sar-e Pol Province"],
    "AF.34": ["Kunar", "Konar"], "AF.35": ["Laghman"], "AF.36": ["Paktia", "Paktya", "Paktiya"],
    "AF.37": ["Khost", "Khowst"], "AF.38": ["Nuristan", "Nurestan"],
    "AF.39": ["Uruzgan", "Oruzgan", "Orūzgān"], "AF.40": ["Parwan", "Parvan"],
    "AF.41": ["Daykundi", "Dāykundī", "Daikundi"], "AF.42": ["Panjshir", "Panjshayr"],
    "UZ.03": ["Fergana", "Ferghana", "Farg'ona"], "UZ.06": ["Namangan"],
}

# --------------------------------------------------------------------------- text helpers

_APOS = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02bf\u02be'`\u00b4]")
_ARABIC_FOLD = str.maketrans({"\u0643": "\u06a9", "\u064a": "\u06cc", "\u0649": "\u06cc",
                              "\u0629": "\u0647", "\u200c": " ", "\u0640": None})


def norm(s):
    """Loose comparison key: NFKD, no combining marks, casefold, no apostrophes, Arabic
    kaf/yeh/teh-marbuta folded to Persian forms, hyphens/spaces collapsed to one space."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().translate(_ARABIC_FOLD)
    s = _APOS.sub("", s)
    s = re.sub(r"[\s\-\u2010-\u2015]+", " ", s).strip()
    return s


def compact(s):
    return norm(s).replace(" ", "")


def is_latin(s):
    return all(ord(c) < 0x250 or unicodedata.combining(c) or c in "\u2018\u2019\u02bb\u02bc"
               for c in s)


def osa_distance(a, b):
    """Optimal-string-alignment (Damerau-Levenshtein with adjacent transpositions)."""
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def fmt_coord(x):
    """UCDP's export carries float artefacts (69.70088200000001); print at most 6 decimals."""
    s = "%.6f" % float(x)
    return s.rstrip("0").rstrip(".")


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


class CheckError(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise CheckError(msg)

# --------------------------------------------------------------------------- GeoNames


class Gazetteer:
    def __init__(self):
        self.rows = {}
        with open(GN_CITIES, encoding="utf-8") as f:
            for line in f:
                c = line.rstrip("\n").split("\t")
                if len(c) != 19:
                    continue
                self.rows[c[0]] = {
                    "id": c[0], "name": c[1], "ascii": c[2],
                    "alts": [a for a in c[3].split(",") if a],
                    "lat": c[4], "lon": c[5], "fclass": c[6], "fcode": c[7], "cc": c[8],
                    "admin1": c[8] + "." + c[10], "pop": int(c[14] or 0),
                }
        self.admin1_names = {}
        with open(GN_ADMIN1, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                self.admin1_names[row["code"]] = row["name"]
        self.by_norm = collections.defaultdict(set)
        self.by_compact = collections.defaultdict(set)
        for r in self.rows.values():
            for n in self.names(r):
                self.by_norm[norm(n)].add(r["id"])
                self.by_compact[compact(n)].add(r["id"])
        alias = collections.defaultdict(set)
        for code, names in ADMIN1_ALIASES.items():
            for n in names:
                alias[norm(n)].add(code)
        for code, n in self.admin1_names.items():
            alias[norm(n)].add(code)
        self.admin1_alias = alias

    @staticmethod
    def names(r):
        return [r["name"], r["ascii"]] + r["alts"]

    def match(self, s):
        """Ids whose name / asciiname / alternate name equals s after norm() or compact()."""
        return self.by_norm.get(norm(s), set()) | self.by_compact.get(compact(s), set())

    def match_level(self, s, gid):
        r = self.rows[gid]
        if s in self.names(r):
            return "exact"
        if gid in self.by_norm.get(norm(s), ()):
            return "normalized"
        if gid in self.by_compact.get(compact(s), ()):
            return "spacing"
        return "none"

    def admin1_code(self, name):
        codes = self.admin1_alias.get(norm(name), set())
        check(len(codes) == 1, "admin1 %r maps to %r" % (name, codes))
        return next(iter(codes))

# --------------------------------------------------------------------------- polygons


def load_adm1():
    with open(GB_ADM1, encoding="utf-8") as f:
        fc = json.load(f)
    polys = []
    for feat in fc["features"]:
        name = feat["properties"]["shapeName"]
        g = feat["geometry"]
        parts = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        rings = [[(float(x), float(y)) for x, y in ring[:]] for part in parts for ring in part]
        xs = [p[0] for r in rings for p in r]
        ys = [p[1] for r in rings for p in r]
        polys.append({"name": name, "rings": rings,
                      "bbox": (min(xs), min(ys), max(xs), max(ys))})
    check(len(polys) == 34, "expected 34 ADM1 polygons, got %d" % len(polys))
    names = {p["name"] for p in polys}
    check(names == set(GB_TO_GN), "unmapped geoBoundaries names: %r" % (names ^ set(GB_TO_GN)))
    check(len(set(GB_TO_GN.values())) == 34, "province codes not unique")
    return polys


def in_rings(x, y, rings):
    """Even-odd ray casting over all rings (outer boundaries and holes)."""
    inside = False
    for ring in rings:
        n = len(ring)
        j = n - 1
        for i in range(n):
            xi, yi = ring[i]
            xj, yj = ring[j]
            if (yi > y) != (yj > y):
                xc = xi + (y - yi) * (xj - xi) / (yj - yi)
                if x < xc:
                    inside = not inside
            j = i
    return inside


def dist_to_rings(x, y, rings):
    """Planar distance (degrees, longitude scaled by cos(lat)) from a point to the edges."""
    k = math.cos(math.radians(y))
    best = float("inf")
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            ax, ay, bx, by = (x1 - x) * k, y1 - y, (x2 - x) * k, y2 - y
            dx, dy = bx - ax, by - ay
            L = dx * dx + dy * dy
            t = 0.0 if L == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / L))
            px, py = ax + t * dx, ay + t * dy
            best = min(best, math.hypot(px, py))
    return best


def locate(polys, lat, lon):
    """-> (GeoNames admin1 code, method, km to nearest polygon if outside all)."""
    hits = [p for p in polys
            if p["bbox"][0] <= lon <= p["bbox"][2] and p["bbox"][1] <= lat <= p["bbox"][3]
            and in_rings(lon, lat, p["rings"])]
    if len(hits) == 1:
        return GB_TO_GN[hits[0]["name"]], "pip", 0.0
    if len(hits) > 1:  # overlapping simplified polygons: take the one whose edge is farthest
        best = max(hits, key=lambda p: dist_to_rings(lon, lat, p["rings"]))
        return GB_TO_GN[best["name"]], "pip-overlap", 0.0
    best = min(polys, key=lambda p: dist_to_rings(lon, lat, p["rings"]))
    return GB_TO_GN[best["name"]], "nearest", dist_to_rings(lon, lat, best["rings"]) * 111.2


def ring_area_centroid(ring):
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        f = x1 * y2 - x2 * y1
        a += f
        cx += (x1 + x2) * f
        cy += (y1 + y2) * f
    a /= 2.0
    if a == 0:
        return 0.0, ring[0][0], ring[0][1]
    return a, cx / (6 * a), cy / (6 * a)


def provinces_centroid(polys, codes):
    """Area-weighted centroid (planar lon/lat) of the union of the given provinces."""
    A = X = Y = 0.0
    for p in polys:
        if GB_TO_GN[p["name"]] not in codes:
            continue
        for ring in p["rings"]:
            a, cx, cy = ring_area_centroid(ring)
            A += a
            X += a * cx
            Y += a * cy
    return Y / A, X / A


def load_borders():
    """Decode world-atlas 50m TopoJSON; return {frozenset({iso_a, iso_b}): [polyline, ...]}."""
    with open(WORLD50, encoding="utf-8") as f:
        topo = json.load(f)
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    iso = {"004": "AF", "860": "UZ", "762": "TJ", "586": "PK", "795": "TM", "364": "IR",
           "156": "CN"}
    owner = collections.defaultdict(set)

    def walk(a, cc):
        if isinstance(a, int):
            owner[a if a >= 0 else ~a].add(cc)
        else:
            for b in a:
                walk(b, cc)
    for g in topo["objects"]["countries"]["geometries"]:
        if g.get("id") in iso:
            walk(g["arcs"], iso[g["id"]])
    out = collections.defaultdict(list)
    for idx, ccs in owner.items():
        if len(ccs) == 2:
            out[frozenset(ccs)].append(arcs[idx])
    return out


def line_point(lines, keep=None):
    """Length-weighted centroid of polylines, snapped to the nearest line vertex."""
    L = X = Y = 0.0
    pts = []
    for line in lines:
        for (x1, y1), (x2, y2) in zip(line, line[1:]):
            if keep and not (keep(x1, y1) and keep(x2, y2)):
                continue
            d = math.hypot((x2 - x1) * math.cos(math.radians(y1)), y2 - y1)
            L += d
            X += d * (x1 + x2) / 2
            Y += d * (y1 + y2) / 2
            pts += [(x1, y1), (x2, y2)]
    check(L > 0, "empty border line")
    cx, cy = X / L, Y / L
    sx, sy = min(pts, key=lambda p: (p[0] - cx) ** 2 + (p[1] - cy) ** 2)
    return sy, sx

# --------------------------------------------------------------------------- hand tables

# (name, context, geonameid, note). Every spelling is checked against cities500: the id
# exists, and the spelling does not name (after norm()/compact()) a *different* cities500 row
# unless context disambiguates. note "misspelling" rows are additionally checked to be 1-2
# OSA edits from a name of the target and farther from every other row's names.
MAZAR, TERMEZ, KUNDUZ, JALALABAD = "1133616", "1215957", "1135689", "1139715"
KANDAHAR, HERAT, KABUL, KHOST = "1138336", "1140026", "1138958", "1136469"
LASHKARGAH, PULIKHUMRI, SHEBERGHAN, TALOQAN = "1134720", "1130490", "1125444", "1123004"
FAYZABAD_BDK, DUSHANBE, PESHAWAR, QUETTA, TASHKENT = \
    "1142170", "1221874", "1168197", "1167528", "1512569"

VARIANTS = [
    ("Mazar-i-Sharif", "", MAZAR, ""),
    ("Mazar-e Sharif", "", MAZAR, ""),
    ("Mazār-e Sharīf", "", MAZAR, "GeoNames primary name"),
    ("Mazari Sharif", "", MAZAR, "UCDP spelling"),
    ("Mazar-e-Sharif", "", MAZAR, ""),
    ("مزار شریف", "", MAZAR, "Persian"),
    ("مزار شريف", "", MAZAR, "Arabic yeh"),
    ("Мазари-Шариф", "", MAZAR, "Russian"),
    ("Termez", "", TERMEZ, "GeoNames files it as Tirmiz"),
    ("Termiz", "", TERMEZ, "Uzbek Latin"),
    ("Tirmiz", "", TERMEZ, "GeoNames primary name"),
    ("Термез", "", TERMEZ, "Russian"),
    ("ترمذ", "", TERMEZ, "Persian/Arabic"),
    ("Kunduz", "", KUNDUZ, ""),
    ("Qunduz", "", KUNDUZ, ""),
    ("Konduz", "", KUNDUZ, ""),
    ("Kondoz", "", KUNDUZ, ""),
    ("کندز", "", KUNDUZ, "Persian (GeoNames has Arabic-kaf كندز)"),
    ("قندوز", "", KUNDUZ, "Persian, qaf spelling"),
    ("Кундуз", "", KUNDUZ, "Russian"),
    ("Jalalabad", "", JALALABAD, ""),
    ("Jalal Abad", "", JALALABAD, "split spelling"),
    ("Jalālābād", "", JALALABAD, "GeoNames primary name"),
    ("جلال آباد", "", JALALABAD, "Persian/Pashto"),
    ("جلال‌آباد", "", JALALABAD, "Persian with ZWNJ"),
    ("Джелалабад", "", JALALABAD, "Russian"),
    ("Kandahar", "", KANDAHAR, ""),
    ("Qandahar", "", KANDAHAR, ""),
    ("Kandahār", "", KANDAHAR, "GeoNames primary name"),
    ("قندهار", "", KANDAHAR, "Persian/Pashto"),
    ("Кандагар", "", KANDAHAR, "Russian"),
    ("Herat", "", HERAT, ""),
    ("Hirat", "", HERAT, "UCDP spelling (Hirat town)"),
    ("هرات", "", HERAT, "Persian"),
    ("Герат", "", HERAT, "Russian"),
    ("Kabul", "", KABUL, ""),
    ("Kabol", "", KABUL, ""),
    ("کابل", "", KABUL, "Persian/Pashto"),
    ("Кабул", "", KABUL, "Russian"),
    ("Khost", "", KHOST, ""),
    ("Khowst", "", KHOST, ""),
    ("Khōst", "", KHOST, "GeoNames primary name"),
    ("خوست", "", KHOST, "Pashto/Persian"),
    ("Lashkar Gah", "", LASHKARGAH, ""),
    ("Lashkargah", "", LASHKARGAH, "joined spelling"),
    ("لشکرگاه", "", LASHKARGAH, "Persian (GeoNames has لشكر گاه)"),
    ("Лашкаргах", "", LASHKARGAH, "Russian"),
    ("Pul-i-Khumri", "", PULIKHUMRI, ""),
    ("Pul-e Khumri", "", PULIKHUMRI, ""),
    ("Puli Khumri", "", PULIKHUMRI, "UCDP spelling"),
    ("Pol-e Khomri", "", PULIKHUMRI, ""),
    ("پلخمری", "", PULIKHUMRI, "Persian, joined (GeoNames has پل خمری)"),
    ("Пули-Хумри", "", PULIKHUMRI, "Russian"),
    ("Sheberghan", "", SHEBERGHAN, ""),
    ("Shibirghan", "", SHEBERGHAN, "UCDP spelling"),
    ("Shebergan", "", SHEBERGHAN, ""),
    ("شبرغان", "", SHEBERGHAN, "Persian"),
    ("Шеберган", "", SHEBERGHAN, "Russian"),
    ("Taloqan", "", TALOQAN, ""),
    ("Taluqan", "", TALOQAN, "UCDP spelling"),
    ("Taleqan", "", TALOQAN, ""),
    ("تالقان", "", TALOQAN, "Persian"),
    ("Fayzabad", "admin1=Badakhshan", FAYZABAD_BDK, "provincial capital; name is ambiguous"),
    ("Feyzabad", "admin1=Badakhshan", FAYZABAD_BDK, "name is ambiguous"),
    ("فیض آباد", "admin1=Badakhshan", FAYZABAD_BDK, "Persian; name is ambiguous"),
    ("Файзабад", "admin1=Badakhshan", FAYZABAD_BDK, "Russian"),
    ("Dushanbe", "", DUSHANBE, ""),
    ("Душанбе", "", DUSHANBE, "Russian/Tajik"),
    ("Peshawar", "", PESHAWAR, ""),
    ("پشاور", "", PESHAWAR, "Urdu/Pashto/Persian"),
    ("Пешавар", "", PESHAWAR, "Russian"),
    ("Quetta", "", QUETTA, ""),
    ("کوئٹہ", "", QUETTA, "Urdu"),
    ("Кветта", "", QUETTA, "Russian"),
    ("Tashkent", "", TASHKENT, ""),
    ("Toshkent", "", TASHKENT, "Uzbek Latin"),
    ("Ташкент", "", TASHKENT, "Russian"),
    # other provincial capitals and regional cities
    ("Ghazni", "", "1141269", ""),
    ("غزنی", "", "1141269", "Persian"),
    ("Gardez", "", "1141857", ""),
    ("Gardiz", "", "1141857", ""),
    ("Chaghcharan", "", "1145904", "GeoNames primary name is Fayrōz Kōh"),
    ("Firozkoh", "", "1145904", "official name, joined; GeoNames has Fayroz Koh"),
    ("Tarinkot", "", "1122747", ""),
    ("Tirin Kot", "", "1122747", "UCDP spelling"),
    ("Maymana", "", "1133453", ""),
    ("Meymaneh", "", "1133453", ""),
    ("Qala-i-Naw", "", "1129867", ""),
    ("Zaranj", "", "1120985", ""),
    ("Charikar", "", "1145352", ""),
    ("Chaharikar", "", "1145352", "UCDP spelling"),
    ("Aybak", "", "1127768", ""),
    ("Sari Pul", "", "1127110", "UCDP spelling of the town"),
    ("Asadabad", "", "1148311", ""),
    ("Mihtarlam", "", "1133574", "UCDP spelling; GeoNames has Mehtar Lām, Mitarlam"),
    ("Bamiyan", "", "1147242", ""),
    ("Pul-i-Alam", "", "1130497", ""),
    ("Maidan Shahr", "", "1456960", "GeoNames primary name is Maydanshakhr"),
    ("Khujand", "", "1514879", ""),
    ("Худжанд", "", "1514879", "Russian"),
    ("Samarqand", "", "1216265", "Uzbek Latin"),
    ("Islamabad", "", "1176615", ""),
    ("لاہور", "", "1172451", "Urdu"),
    # misspellings of unambiguous names (checked: 1-2 edits, nothing else closer)
    ("Jalalbad", "", JALALABAD, "misspelling"),
    ("Jallalabad", "", JALALABAD, "misspelling"),
    ("Kandahr", "", KANDAHAR, "misspelling"),
    ("Kandhahar", "", KANDAHAR, "misspelling"),
    ("Mazar-i-Sharef", "", MAZAR, "misspelling"),
    ("Mazar-e Shariff", "", MAZAR, "misspelling"),
    ("Lashkergah", "", LASHKARGAH, "misspelling"),
    ("Pul-i-Kumri", "", PULIKHUMRI, "misspelling"),
    ("Shebarghan", "", SHEBERGHAN, "misspelling"),
    ("Taloquan", "", TALOQAN, "misspelling"),
    ("Peshwar", "", PESHAWAR, "misspelling"),
    ("Tashkennt", "", TASHKENT, "misspelling"),
    ("Kunduzz", "", KUNDUZ, "misspelling"),
    ("Dushanbeh", "", DUSHANBE, "misspelling"),
    ("Chaghcharn", "", "1145904", "misspelling"),
    ("Samarkland", "", "1216265", "misspelling"),
]

# (name, context, geonameid, note, loose). Checked: the name matches >= 2 cities500 rows
# (unless loose/single is stated in the note), the target is one of them, and the context
# (country / admin1 / nearest to the `near` place) leaves exactly the target.
# loose=True: the target's own names do not contain the string (e.g. "Qarabagh" for
# "Qarah Bāgh Bāzār"); the check then only requires the context to pick the target among
# the exact matches plus the target.
AMBIGUOUS = [
    ("Faizabad", "country=AF;admin1=Badakhshan", "1142170", "Badakhshan capital", False),
    ("Faizabad", "country=AF;admin1=Jowzjan", "1142171", "Jowzjan district seat", False),
    ("Faizabad", "country=AF;admin1=Faryab", "1142172", "Faryab place (Fayẕābād)", False),
    ("Fayzobod", "country=TJ", "1221774",
     "Tajik Fayzobod; only cities500 row named Fayzobod (the TJ member of the Faizabad set)",
     False),
    ("Faizabad", "country=TJ", "1221774", "Fayzobod, Tajikistan", False),
    ("Faizabad", "near=Maymana", "1142172", "nearest Faizabad to Maymana is Faryab's", False),
    ("Faizabad", "near=Aqcha", "1142171", "nearest Faizabad to Aqcha is Jowzjan's", False),
    ("Dawlatabad", "country=AF;admin1=Balkh", "1142776", "UCDP: Dawlatabad town (Balkh)", False),
    ("Dawlatabad", "country=AF;admin1=Faryab", "1142777", "UCDP: Dawlatabad town (Faryab)",
     False),
    ("Qarabagh", "country=AF;admin1=Ghazni", "1129680", "", False),
    ("Qarabagh", "country=AF;admin1=Herat", "1129678", "", False),
    ("Qarabagh", "country=AF;admin1=Kabul", "1349709",
     "cities500 calls the Kabul one Qarah Bāgh Bāzār (alt Qarabagh Bazar)", True),
    ("Khanaqah", "country=AF;admin1=Takhar", "1137121", "", False),
    ("Khanaqah", "country=AF;admin1=Jawzjan", "1137160", "admin1 in UCDP spelling", False),
    ("Nayak", "country=AF;admin1=Bamyan", "1132034", "", False),
    ("Nayak", "country=AF;admin1=Zabul", "1132046", "", False),
    ("Dasht-e Qal'ah", "country=AF;admin1=Takhar", "1143814", "", False),
    ("Dasht-e Qal'ah", "country=AF;admin1=Farah", "1143816", "", False),
    ("Sarobi", "country=AF;admin1=Kabul", "1126884", "", False),
    ("Sarobi", "country=AF;admin1=Paktika", "1434016", "cities500: ‘Alāqahdārī Saṟōbī", False),
    ("Langar", "country=AF;admin1=Samangan", "1422873", "", False),
    ("Langar", "country=UZ", "1538293", "Fergana region", False),
    ("Aliabad", "country=AF;admin1=Kunduz", "1467976", "", False),
    ("Aliabad", "country=PK", "1184701", "Gilgit-Baltistan", False),
    ("Khanabad", "country=AF;admin1=Kunduz", "1137168",
     "GeoNames also lists Khanabad as an alternate name of Taloqan (Takhar)", False),
    ("Khanabad", "country=UZ", "1513578", "Xonobod, Andijan region", False),
    ("Kalat", "country=PK", "1175296", "Balochistan", False),
    ("Kalat", "country=AF;admin1=Zabul", "1130131", "Qalāt, Zabul capital", False),
    ("Dangara", "country=TJ", "1221965", "Danghara, Khatlon", False),
    ("Dangara", "country=UZ", "1514178", "Dang‘ara, Fergana region", False),
    ("Yangiqo'rg'on", "country=UZ;admin1=Namangan", "1512350", "", False),
    ("Yangiqo'rg'on", "country=UZ;admin1=Fergana", "1512351", "", False),
    ("Kurgan-Tyube", "country=TJ", "1220747", "old name of Bokhtar", False),
    ("Kurgan-Tyube", "country=UZ", "1513364", "Qo‘rg‘ontepa, Andijan region", False),
]

# (name, spec, note). spec: ("provinces", [codes]) -> area-weighted centroid of the union of
# the geoBoundaries polygons; ("border", "AF", "UZ"[, code]) -> length-weighted centroid of the
# shared country border in world-atlas 50m (optionally only the part whose nearest province is
# `code`), snapped to the nearest border vertex.
NORTH = ["AF.30", "AF.31", "AF.07", "AF.33", "AF.32", "AF.24", "AF.26", "AF.03", "AF.01"]
NORTHEAST = ["AF.01", "AF.03", "AF.24", "AF.26"]
SOUTH = ["AF.10", "AF.23", "AF.19", "AF.39", "AF.28"]
EAST = ["AF.34", "AF.35", "AF.18", "AF.38"]
WEST = ["AF.02", "AF.06", "AF.09", "AF.11"]
SOUTHEAST = ["AF.08", "AF.37", "AF.36", "AF.29"]
CENTRAL = ["AF.13", "AF.14", "AF.17", "AF.42", "AF.40", "AF.27"]
REGIONS = [
    ("northern Afghanistan", ("provinces", NORTH), "region:northern-afghanistan"),
    ("southern Afghanistan", ("provinces", SOUTH), "region:southern-afghanistan"),
    ("eastern Afghanistan", ("provinces", EAST), "region:eastern-afghanistan"),
    ("western Afghanistan", ("provinces", WEST), "region:western-afghanistan"),
    ("north-eastern Afghanistan", ("provinces", NORTHEAST), "region:northeastern-afghanistan"),
    ("south-eastern Afghanistan", ("provinces", SOUTHEAST), "region:southeastern-afghanistan"),
    ("central Afghanistan", ("provinces", CENTRAL), "region:central-afghanistan"),
    ("the Afghan-Uzbek border", ("border", "AF", "UZ", None), "border:AF-UZ"),
    ("the Afghan-Tajik border", ("border", "AF", "TJ", None), "border:AF-TJ"),
    ("the Afghanistan-Pakistan border", ("border", "AF", "PK", None), "border:AF-PK"),
    ("Badakhshan border", ("border", "AF", "TJ", "AF.01"), "AF.01"),
]

# --------------------------------------------------------------------------- builders


def parse_context(ctx):
    out = []
    for part in filter(None, ctx.split(";")):
        k, _, v = part.partition("=")
        check(k in ("country", "admin1", "near") and v, "bad context %r" % ctx)
        out.append((k, v))
    return out


def apply_context(gz, ids, ctx):
    cands = set(ids)
    for k, v in parse_context(ctx):
        if k == "country":
            cands = {i for i in cands if gz.rows[i]["cc"] == v}
        elif k == "admin1":
            code = gz.admin1_code(v)
            cands = {i for i in cands if gz.rows[i]["admin1"] == code}
        elif k == "near":
            near = gz.match(v)
            check(len(near) == 1, "near=%s is not a unique cities500 place: %r" % (v, near))
            n = gz.rows[next(iter(near))]
            d = {i: km(float(n["lat"]), float(n["lon"]), float(gz.rows[i]["lat"]),
                       float(gz.rows[i]["lon"])) for i in cands}
            if d:
                best = min(d, key=d.get)
                others = [x for i, x in d.items() if i != best]
                check(not others or min(others) > 1.5 * d[best],
                      "near=%s does not separate clearly: %r" % (v, d))
                cands = {best}
    return cands


def gn_row(gz, gid, name, ctx, kind, note):
    check(gid in gz.rows, "geonameid %s not in cities500" % gid)
    r = gz.rows[gid]
    return {"name": name, "context": ctx, "expected_geonameid": gid,
            "expected_lat": r["lat"], "expected_lon": r["lon"],
            "expected_admin1": r["admin1"], "kind": kind, "note": note}


# Spellings the issue requires as variant rows (checked present).
REQUIRED_VARIANTS = """Mazar-i-Sharif|Mazar-e Sharif|Mazār-e Sharīf|Mazari Sharif|مزار شریف|Мазари-Шариф|
Termez|Termiz|Tirmiz|Термез|ترمذ|Kunduz|Qunduz|Konduz|کندز|Кундуз|Jalalabad|Jalal Abad|
جلال آباد|Джелалабад|Kandahar|Qandahar|قندهار|Кандагар|Herat|هرات|Герат|Kabul|کابل|Кабул|
Khost|Khowst|خوست|Lashkar Gah|Lashkargah|لشکرگاه|Pul-i-Khumri|Pul-e Khumri|Puli Khumri|
پلخمری|Sheberghan|Shibirghan|Shebergan|شبرغان|Taloqan|Taluqan|تالقان|Fayzabad|Dushanbe|
Душанбе|Peshawar|پشاور|Пешавар|Quetta|کوئٹہ|Tashkent|Toshkent|Ташкент|Jalalbad|Kandahr|
Mazar-i-Sharef"""


def build_variants(gz):
    have = {v[0] for v in VARIANTS}
    for want in REQUIRED_VARIANTS.replace("\n", "").split("|"):
        check(want in have, "required variant %r missing" % want)
    out = []
    seen = set()
    for name, ctx, gid, note in VARIANTS:
        check((name, ctx) not in seen, "duplicate variant %r" % name)
        seen.add((name, ctx))
        check(gid in gz.rows, "variant %r: id %s not in cities500" % (name, gid))
        r = gz.rows[gid]
        level = gz.match_level(name, gid)
        if note == "misspelling":
            check(level == "none", "misspelling %r is a real GeoNames name" % name)
            check(is_latin(name), "misspelling %r: Latin only" % name)
            own = min(osa_distance(norm(name), norm(n)) for n in gz.names(r) if is_latin(n))
            check(1 <= own <= 2, "misspelling %r is %d edits from %s" % (name, own, r["name"]))
            for other in gz.rows.values():
                if other["id"] == gid:
                    continue
                d = min([osa_distance(norm(name), norm(n)) for n in gz.names(other)
                         if is_latin(n) and abs(len(norm(n)) - len(norm(name))) <= own]
                        or [99])
                check(d > own, "misspelling %r is %d edits from %s (%s)"
                      % (name, d, other["name"], other["id"]))
            note = "misspelling; %d edit(s) from %s" % (own, r["name"])
        else:
            others = gz.match(name) - {gid}
            if others:
                left = apply_context(gz, gz.match(name) | {gid}, ctx)
                check(left == {gid}, "variant %r also names %r and context %r does not "
                      "separate" % (name, others, ctx))
            note = "; ".join(filter(None, [note, "gn_match=" + level,
                                           "also names " + ",".join(sorted(others))
                                           if others else ""]))
        out.append(gn_row(gz, gid, name, ctx, "variant", note))
    return out


def build_ambiguous(gz):
    out = []
    for name, ctx, gid, note, loose in AMBIGUOUS:
        check(gid in gz.rows, "ambiguous %r: id %s not in cities500" % (name, gid))
        ids = gz.match(name)
        if loose:
            check(gid not in ids and len(ids) >= 2, "loose row %r: unexpected matches" % name)
            ids = ids | {gid}
        else:
            check(gid in ids, "%r does not name %s" % (name, gid))
            check(len(ids) >= 2 or "only cities500 row" in note,
                  "%r is not ambiguous in cities500: %r" % (name, ids))
        left = apply_context(gz, ids, ctx)
        check(left == {gid}, "%r with %r leaves %r, want %s" % (name, ctx, left, gid))
        cands = ",".join("%s:%s" % (i, gz.rows[i]["admin1"]) for i in sorted(ids))
        note = "; ".join(filter(None, [note, "candidates=" + cands]))
        out.append(gn_row(gz, gid, name, ctx, "ambiguous", note))
    return out


def build_regions(polys, borders):
    out = []
    for name, spec, area in REGIONS:
        if spec[0] == "provinces":
            lat, lon = provinces_centroid(polys, set(spec[1]))
            how = "area-weighted centroid of " + ",".join(spec[1])
            area_note = "area=" + area + "; provinces=" + ",".join(spec[1])
        else:
            _, a, b, code = spec
            lines = borders[frozenset((a, b))]
            keep = None
            if code:
                def keep(x, y, code=code):
                    return locate(polys, y, x)[0] == code
            lat, lon = line_point(lines, keep)
            how = "border-line centroid snapped to the line (world-atlas 50m %s-%s%s)" % (
                a, b, ", part nearest " + code if code else "")
            area_note = "area=" + area
        out.append({"name": name, "context": "country=AF", "expected_geonameid": "",
                    "expected_lat": "%.4f" % lat, "expected_lon": "%.4f" % lon,
                    "expected_admin1": "", "kind": "region",
                    "note": area_note + "; point: " + how})
    return out


def base_name(s):
    s = re.sub(r"\(.*?\)", " ", s)
    s = re.sub(r"\b(district|sub-district|town|city|village|province|area|locality|suburb|"
               r"settlement)\b", " ", s, flags=re.I)
    return re.sub(r"\s+", " ", s).strip()


def build_ucdp(gz, polys, stats):
    with open(UCDP_CSV, encoding="utf-8", newline="") as f:
        events = list(csv.DictReader(f))
    stats["events"] = len(events)
    pairs = collections.OrderedDict()
    dropped = collections.Counter()
    for ev in events:
        w = ev["where_coordinates"]
        if not w.strip() or w.strip() == "Afghanistan":
            dropped[w] += 1
            continue
        pairs.setdefault(w, collections.Counter())[(ev["latitude"], ev["longitude"])] += 1
    stats["dropped"] = dropped
    stats["distinct"] = len(pairs)
    out = []
    for w, cnt in pairs.items():
        (lat_s, lon_s), n = cnt.most_common(1)[0]  # ties: first pair seen in file order
        lat, lon = float(lat_s), float(lon_s)
        code, method, dkm = locate(polys, lat, lon)
        stats["pip_" + method] += 1
        notes = ["events=%d" % sum(cnt.values())]
        if len(cnt) > 1:
            stats["multi"] += 1
            notes.append("kept %d of %d events; other points: %s" % (
                n, sum(cnt.values()), ", ".join("%s,%s(%d)" % (fmt_coord(a), fmt_coord(b), k)
                                                for (a, b), k in cnt.most_common()[1:])))
        if method == "nearest":
            notes.append("outside simplified ADM1 polygons by %.1f km; nearest province" % dkm)
        # province named in the string ("(Ghazni)", "X province", "(Paktya province)")
        for m in re.findall(r"\(([^()]*)\)|([A-Z][\w' -]*?) province", w):
            label = (m[0] or m[1]).replace(" province", "").strip()
            codes = gz.admin1_alias.get(norm(label))
            if codes and len(codes) == 1 and next(iter(codes)).startswith("AF"):
                lc = next(iter(codes))
                stats["label_checked"] += 1
                if lc != code:
                    stats["label_mismatch"].append((w, label, lc, code))
                    notes.append("string names %s (%s) but the point is in %s" % (
                        label, lc, code))
        # hint: a cities500 row with the same base name within 10 km
        b = base_name(w)
        hits = [i for i in gz.match(b) if gz.rows[i]["cc"] == "AF"] if b else []
        near = sorted((km(lat, lon, float(gz.rows[i]["lat"]), float(gz.rows[i]["lon"])), i)
                      for i in hits)
        if near and near[0][0] <= 10:
            notes.append("cities500 %s %.1f km" % (near[0][1], near[0][0]))
            stats["gn_hint"] += 1
        out.append({"name": w, "context": "country=AF", "expected_geonameid": "",
                    "expected_lat": fmt_coord(lat_s), "expected_lon": fmt_coord(lon_s),
                    "expected_admin1": code, "kind": "ucdp",
                    "note": "; ".join(notes), "_n": sum(cnt.values())})
    out.sort(key=lambda r: (-r["_n"], r["name"]))
    for r in out:
        del r["_n"]
    return out


def check_capitals(gz, polys):
    """Every Afghan cities500 PPLA/PPLC must fall in, or within 10 km of, the polygon mapped
    to its own code (the polygons are simplified); returns agreement counts for all Afghan
    cities500 rows and the capitals that are near but outside their polygon (informational)."""
    inv = {v: k for k, v in GB_TO_GN.items()}
    agree = total = 0
    near_miss = []
    for r in gz.rows.values():
        if r["cc"] != "AF":
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        code, _, _ = locate(polys, lat, lon)
        total += 1
        agree += code == r["admin1"]
        if r["fcode"] in ("PPLA", "PPLC") and code != r["admin1"]:
            own = [p for p in polys if p["name"] == inv[r["admin1"]]][0]
            d = dist_to_rings(lon, lat, own["rings"]) * 111.2
            check(d <= 10, "capital %s %s: polygon %s, GeoNames %s (%.1f km away)"
                  % (r["id"], r["name"], code, r["admin1"], d))
            near_miss.append("%s %s in %s, %.1f km outside %s" % (
                r["id"], r["name"], code, d, r["admin1"]))
    return agree, total, near_miss


def tsv_escape(s):
    check("\t" not in s and "\n" not in s, "tab/newline in %r" % s)
    return s


HEADER_COMMENTS = """\
# Geocoder gold set for sitrep. Generated by tests/data/make-geocode-gold.py; see
# tests/data/README-geocode-gold.md. Sources: UCDP GED 23.1 (CC BY 4.0), GeoNames
# cities500/admin1 (CC BY 4.0, geonames.org), geoBoundaries AFG ADM1 (public domain),
# world-atlas/Natural Earth (public domain). context: key=value;... (country, admin1, near).
"""


def main():
    stats = collections.Counter()
    stats["label_mismatch"] = []
    gz = Gazetteer()
    polys = load_adm1()
    agree, total, near_miss = check_capitals(gz, polys)
    borders = load_borders()
    rows = (build_ucdp(gz, polys, stats) + build_variants(gz) + build_ambiguous(gz)
            + build_regions(polys, borders))
    seen = set()
    for r in rows:
        key = (r["name"], r["context"])
        check(key not in seen, "duplicate (name, context) %r" % (key,))
        seen.add(key)
    text = HEADER_COMMENTS + "\t".join(COLUMNS) + "\n" + "".join(
        "\t".join(tsv_escape(r[c]) for c in COLUMNS) + "\n" for r in rows)
    if "--stdout" in sys.argv:
        sys.stdout.write(text)
        return
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    kinds = collections.Counter(r["kind"] for r in rows)
    print("wrote %s: %d rows" % (OUT, len(rows)))
    for k in ("ucdp", "variant", "ambiguous", "region"):
        print("  %-9s %d" % (k, kinds[k]))
    print("UCDP: %d events, %d distinct where_coordinates kept, %d with several points; "
          "dropped %s" % (stats["events"], stats["distinct"], stats["multi"],
                          dict(stats["dropped"])))
    print("UCDP admin1: %d inside a polygon, %d overlap, %d outside (nearest province); "
          "%d with a same-name cities500 row within 10 km"
          % (stats["pip_pip"], stats["pip_pip-overlap"], stats["pip_nearest"],
             stats["gn_hint"]))
    print("UCDP strings naming a province: %d; differing from the point-in-polygon result:"
          % stats["label_checked"])
    for w, label, lc, code in stats["label_mismatch"]:
        print("  %r: label %s=%s, point in %s" % (w, label, lc, code))
    print("cities500 AF rows whose GeoNames admin1 equals the polygon: %d/%d" % (agree, total))
    for x in near_miss:
        print("  capital near but outside its polygon: " + x)
    print("sample rows:")
    for kind, k in (("ucdp", 4), ("variant", 3), ("ambiguous", 2), ("region", 1)):
        of_kind = [r for r in rows if r["kind"] == kind]
        for r in of_kind[::max(1, len(of_kind) // k)][:k]:
            print("  " + " | ".join(r[c] for c in COLUMNS))


if __name__ == "__main__":
    try:
        main()
    except CheckError as e:
        sys.exit("check failed: %s" % e)
