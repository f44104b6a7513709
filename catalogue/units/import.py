#!/usr/bin/env python3
"""Regenerate the registries of administrative units from the PyPI package
`vietnam-provinces` (the General Statistics Office's list, Tổng cục Thống kê).

The package is read as facts, never used at run time. Unzip a wheel and point
this script at it:

    python3 catalogue/units/import.py after  WHEEL_DIR 2025.10.1 > catalogue/units/after-2025.tsv
    python3 catalogue/units/import.py before WHEEL_DIR 0.6.0     > catalogue/units/before-2025.tsv

`after` reads release 2025.10.1 (34 provinces, 3,321 communes since 1 July
2025); `before` reads release 0.6.0 (63 provinces, their districts and
communes, as listed on 4 January 2025). Provinces are linked to the ids of
catalogue/units.yaml by folded name; the script fails when one is not.
Standard library only.
"""

import datetime
import json
import pathlib
import re
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent

# How a unit's name starts, longest first: the package's `division_type` is
# coarse in release 0.6.0 ("huyện" for a quận or thị xã), the name is not.
KINDS = ["thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã"]

# Release 0.6.0 already names Huế as the city it became on 1 January 2025;
# catalogue/units.yaml keeps the province's name before 2025.
UNITS_YAML_NAME = {"huế": "thừa thiên huế"}


def fold(name):
    name = unicodedata.normalize("NFD", name.lower().replace("đ", "d").replace("Đ", "d"))
    return " ".join("".join(c for c in name if not unicodedata.combining(c)).split())


def split_kind(name):
    lowered = unicodedata.normalize("NFC", name).lower()
    for kind in KINDS:
        if lowered.startswith(kind + " "):
            return kind, unicodedata.normalize("NFC", name[len(kind) + 1 :]).strip()
    raise SystemExit(f"no kind in the name {name!r}")


def units_yaml_ids(section):
    """`id` by folded `name` in one top-level list of catalogue/units.yaml."""
    text = (HERE.parent / "units.yaml").read_text(encoding="utf-8")
    body = re.split(r"^(\w+):\s*$", text, flags=re.M)
    entries = dict(zip(body[1::2], body[2::2]))[section]
    pairs = re.findall(r'- id: (\S+)\n\s+name: "([^"]+)"', entries)
    return {fold(name): id_ for id_, name in pairs}


def province_row(province, ids):
    if province["division_type"] == "tỉnh" and not province["name"].lower().startswith(("tỉnh ", "thành phố ")):
        kind, name = "tỉnh", province["name"]
    elif province["division_type"] == "thành phố trung ương":
        kind, name = "thành phố", split_kind(province["name"])[1]
    else:
        kind, name = split_kind(province["name"])
    key = fold(name)
    id_ = ids.get(key) or ids.get(fold(UNITS_YAML_NAME.get(name.lower(), "")))
    if id_ is None:
        raise SystemExit(f"{province['name']} is not in catalogue/units.yaml")
    return ["P", str(province["code"]), id_, kind, name]


def rows(which, data):
    ids = units_yaml_ids("provinces_2025" if which == "after" else "provinces")
    for province in data:
        yield province_row(province, ids)
        if which == "after":
            for ward in province["wards"]:
                yield ["C", str(ward["code"]), str(province["code"]), *split_kind(ward["name"])]
            continue
        for district in province["districts"]:
            yield ["D", str(district["code"]), str(province["code"]), *split_kind(district["name"])]
            for ward in district["wards"]:
                yield ["C", str(ward["code"]), str(district["code"]), *split_kind(ward["name"])]


def licence(wheel):
    metadata = next(wheel.glob("*.dist-info/METADATA")).read_text(encoding="utf-8")
    found = re.findall(r"^(?:License(?:-Expression)?|Classifier: License :: .*?): ?(.*)$", metadata, flags=re.M)
    return found[0] if found else "none declared in the wheel's METADATA"


def main():
    which, wheel, release = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
    version = re.search(r"__data_version__ = '([^']+)'", (wheel / "vietnam_provinces/__init__.py").read_text())[1]
    data = json.loads((wheel / "vietnam_provinces/data/nested-divisions.json").read_text(encoding="utf-8"))
    out = [
        "# Administrative units of Viet Nam "
        + ("in force from 1 July 2025" if which == "after" else "before 1 July 2025"),
        "# with the General Statistics Office's codes (Tổng cục Thống kê, https://danhmuchanhchinh.gso.gov.vn/).",
        f"# Source: PyPI package vietnam-provinces {release} (data version {version}),",
        "# https://pypi.org/project/vietnam-provinces/ , https://github.com/sunshine-tech/VietnamProvinces",
        f"# Licence: {licence(wheel)}; the codes and names are the GSO's public list.",
        f"# Imported {datetime.date.today().isoformat()} by catalogue/units/import.py; do not edit by hand.",
        "# Rows, tab-separated:",
        "#   P  code  units.yaml id  kind  name   (a province)",
        "#   D  code  province code  kind  name   (a district)",
        "#   C  code  parent code    kind  name   (a commune; parent: district before 2025, province after)",
        "# kind is how the name is prefixed in Vietnamese (tỉnh, thành phố, quận, huyện, thị xã, xã, phường,",
        "# thị trấn, đặc khu); name is NFC, without that prefix.",
    ]
    out += ["\t".join(row) for row in rows(which, data)]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
