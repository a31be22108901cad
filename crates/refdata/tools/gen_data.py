#!/usr/bin/env python3
"""Regenerate crates/refdata/data/ from the raw reference exports.

Run once when a source changes; the crate itself only reads data/ (via include_str!).
Usage: python3 tools/gen_data.py /work/shared/reference/refdata
"""
import csv
import os
import shutil
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference/refdata"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")

# Romanian orthography uses comma-below letters; legacy exports used cedillas.
RO_FIX = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})

# Working languages the NACE source has (no be/uk titles exist in it).
NACE_LANGS = ["en", "pl", "de", "it", "ru", "cs", "hu", "ro", "bg"]

# CLDR territory codes that are not ISO 3166-1 alpha-2 country codes.
# XK (Kosovo, user-assigned) is deliberately kept.
NOT_COUNTRIES = {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"}


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    with open(os.path.join(SRC, "nace_rev2_titles.csv"), encoding="utf-8") as f:
        rows = []
        for r in csv.DictReader(f):
            titles = [r["title_" + l].strip() for l in NACE_LANGS]
            titles[NACE_LANGS.index("ro")] = titles[NACE_LANGS.index("ro")].translate(RO_FIX)
            rows.append([r["level"], r["code"], r["parent_code"], r["section"]] + titles)
    write("nace_rev2.csv", ["level", "code", "parent", "section"] + NACE_LANGS, rows)

    with open(os.path.join(SRC, "nuts2021.csv"), encoding="utf-8") as f:
        rd = csv.reader(f)
        header = next(rd)
        rows = [[c.translate(RO_FIX) if r[1] == "RO" else c for c in r] for r in rd]
    write("nuts2021.csv", header, rows)

    with open(os.path.join(SRC, "cldr48_country_names.csv"), encoding="utf-8") as f:
        rd = csv.reader(f)
        header = next(rd)
        rows = [r for r in rd if r[0] not in NOT_COUNTRIES]
    write("countries_cldr48.csv", header, rows)

    shutil.copyfile(os.path.join(SRC, "cldr48_ui_language_names.csv"), os.path.join(OUT, "language_names_cldr48.csv"))
    shutil.copyfile(os.path.join(SRC, "pl_voivodeships_i18n.csv"), os.path.join(OUT, "pl_voivodeships.csv"))
    shutil.copyfile(os.path.join(SRC, "CLDR-LICENSE"), os.path.join(OUT, "CLDR-LICENSE"))


if __name__ == "__main__":
    main()
