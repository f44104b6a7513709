#!/usr/bin/env python3
"""Regenerate the registries of administrative units from the PyPI package
`vietnam-provinces` (the General Statistics Office's list, Tổng cục Thống kê),
and which new commune each old commune became part of from the PyPI package
`vietnamadminunits`.

The packages are read as facts, never used at run time. Unzip a wheel and
point this script at it:

    python3 catalogue/units/import.py after  WHEEL_DIR 2025.10.1 > catalogue/units/after-2025.tsv
    python3 catalogue/units/import.py before WHEEL_DIR 0.6.0     > catalogue/units/before-2025.tsv
    python3 catalogue/units/import.py successors WHEEL_DIR 1.0.4 > catalogue/units/successors.tsv

`successors` reads the two lists above (regenerate them first) and keys the
package's conversion table by their codes; see `successors_main`.

`after` reads release 2025.10.1 (34 provinces, 3,321 communes since 1 July
2025); `before` reads release 0.6.0 (63 provinces, their districts and
communes, as listed on 4 January 2025). Provinces are linked to the ids of
catalogue/units.yaml by folded name; the script fails when one is not.
Standard library only.
"""

import collections
import datetime
import json
import pathlib
import re
import sqlite3
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
    return found[0].lstrip(": ") if found else "none declared in the wheel's METADATA"


def match_key(name, folded=False):
    """A name as compared across the two packages, which write "Chân Mây - Lăng
    Cô" and "Chân Mây – Lăng Cô", "Ea H'Leo" and "Ea H’leo"; `folded` also
    drops the diacritics, which tell apart two communes of a province
    (Văn Lang and Vân Lang)."""
    name = fold(name) if folded else unicodedata.normalize("NFC", name).lower()
    return " ".join(re.sub(r"[-–'’.]", " ", name).split())


def listed(file_name):
    """The rows of one of our lists, by row kind (P, D, C)."""
    rows = {"P": [], "D": [], "C": []}
    for line in (HERE / file_name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            row = line.split("\t")
            rows[row[0]].append(row)
    return rows


def package_units(wheel):
    """The package's units before and after the reform, by the keys its
    conversion table uses: "province_district_ward" (a district without
    communes ends with "_") and (province, ward)."""
    db = sqlite3.connect(wheel / "vietnamadminunits/data/dataset.db")
    old = {
        f"{p}_{d}_{w or ''}": (int(district), ward, ward_code and int(ward_code))
        for p, d, w, district, ward, ward_code in db.execute(
            "SELECT provinceKey, districtKey, wardKey, districtCode, ward, wardCode FROM admin_units_legacy"
        )
    }
    new = {
        (p, w): (int(province), ward, int(ward_code))
        for p, w, province, ward, ward_code in db.execute(
            "SELECT provinceKey, wardKey, provinceCode, ward, wardCode FROM admin_units"
        )
    }
    return old, new


def conversions(wheel):
    """(old key, new key, whole) for each pair of the package's table: an old
    commune that went whole into one new commune, or each part of one split."""
    table = json.loads((wheel / "vietnamadminunits/data/converter_2025.json").read_text(encoding="utf-8"))
    for province, wards in table["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward, olds in wards.items():
            for old in olds:
                yield old, (province, ward), True
    for province, olds in table["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            for part in parts:
                yield old, (province, part["newWardKey"]), False


class Matcher:
    """Finds the package's units on our lists, counting where they differ."""

    def __init__(self):
        before, after = listed("before-2025.tsv"), listed("after-2025.tsv")
        self.communes = {int(r[1]): r for r in before["C"]}
        self.districts = {int(r[1]): r for r in before["D"]}
        self.districts_with_communes = {int(r[2]) for r in before["C"]}
        self.old_by_name = {(int(r[2]), r[3], match_key(r[4])): int(r[1]) for r in before["C"]}
        self.new_by_name = {}
        for r in after["C"]:
            for key in {(folded, int(r[2]), r[3], match_key(r[4], folded)) for folded in (False, True)}:
                # A folded name two communes share finds neither.
                self.new_by_name[key] = None if key in self.new_by_name else int(r[1])
        self.after_codes = {int(r[1]) for r in after["C"]}
        self.spelt_otherwise, self.old_recoded, self.new_recoded = set(), set(), set()

    def old(self, district, ward, code):
        """("C", code) of an old commune on before-2025.tsv, ("D", code) of a
        district without communes, None when the list does not have it."""
        if ward is None:
            if district in self.districts_with_communes or district not in self.districts:
                raise SystemExit(f"district {district} has communes or is not on before-2025.tsv")
            return "D", district
        kind, name = split_kind(ward)
        if code in self.communes:
            if match_key(name, folded=True) != match_key(self.communes[code][4], folded=True):
                self.spelt_otherwise.add(code)
            return "C", code
        ours = self.old_by_name.get((district, kind, match_key(name)))
        if ours is None:
            return None
        self.old_recoded.add((code, ours))
        return "C", ours

    def new(self, province, ward, code):
        kind, name = split_kind(ward)
        ours = self.new_by_name.get((False, province, kind, match_key(name))) or self.new_by_name.get(
            (True, province, kind, match_key(name, folded=True))
        )
        if ours is None:
            raise SystemExit(f"{ward} (province {province}) is not on after-2025.tsv")
        if ours != code:
            self.new_recoded.add((code, ours))
        return ours


def untangle_namesakes(pairs, package_names, matcher):
    """The package's table gives communes of one name in one new province
    the same new communes (phường 4 of thành phố Tây Ninh and of thành phố
    Tân An both go in part to phường Tân Ninh and phường Long An): its
    source, sapnhap.bando.com.vn, names the old communes of a new one without
    their district where it thinks the province enough, and the package joined
    those names to its old units by (new province, name) alone. A new commune
    so shared goes back to the namesakes whose old district it draws its
    other, unshared units from; one that no namesake's district reaches stays
    with all of them, nothing telling them apart. An old commune left with one
    new commune lies wholly in it. Returns the pairs, the new communes taken
    from each old commune (by code) and the new communes still shared (with
    their namesakes)."""
    successors = collections.defaultdict(set)
    for old, new, _ in pairs:
        successors[old].add(new)

    def district(old):
        return int(matcher.communes[old[1]][2]) if old[0] == "C" else old[1]

    namesakes = collections.defaultdict(list)
    for old in successors:
        if old[0] == "C":
            namesakes[package_names[old]].append(old)
    shared = collections.defaultdict(lambda: collections.defaultdict(set))
    for group in namesakes.values():
        for a in group:
            for b in group:
                for new in successors[a] & successors[b] if district(a) != district(b) else ():
                    shared[new][a].add(b)
    reaches = collections.defaultdict(set)
    for old, new_codes in successors.items():
        for new in new_codes:
            if old not in shared[new]:
                reaches[new].add(district(old))
    kept = {old: set(new_codes) for old, new_codes in successors.items()}
    settled = None
    while settled != reaches:
        settled = {new: set(districts) for new, districts in reaches.items()}
        for new, claimants in shared.items():
            for old in claimants:
                if district(old) not in reaches[new] and any(district(o) in reaches[new] for o in claimants[old]):
                    kept[old].discard(new)
        # An old commune left with one new commune surely reaches it, which may settle its namesakes.
        for old, new_codes in kept.items():
            if len(new_codes) == 1:
                reaches[min(new_codes)].add(district(old))
    dropped = {old[1]: sorted(successors[old] - kept[old]) for old in kept if kept[old] != successors[old]}
    undecided = {
        new: sorted(a[1] for a, others in claimants.items() if new in kept[a] and any(new in kept[b] for b in others))
        for new, claimants in shared.items()
    }
    undecided = {new: olds for new, olds in undecided.items() if olds}
    untangled = {(old, new, whole or len(kept[old]) == 1) for old, new, whole in pairs if new in kept[old]}
    return untangled, dropped, undecided


def successors_main(wheel, release):
    """successors.tsv: for each old commune the package's table converts, the
    new commune(s) it became part of, keyed by the codes of our two lists."""
    old_units, new_units = package_units(wheel)
    matcher = Matcher()
    pairs, absent, package_names = set(), set(), {}
    for old_key, new_key, whole in conversions(wheel):
        old = matcher.old(*old_units[old_key])
        if old is None:
            absent.add(old_units[old_key][1:])
            continue
        pairs.add((old, matcher.new(*new_units[new_key]), whole))
        # The package's own keys, "tinhtayninh" and "phuong4", by which it confused namesakes.
        package_names[old] = (new_key[0], old_key.split("_")[2])
    pairs, dropped, undecided = untangle_namesakes(pairs, package_names, matcher)
    mapped = {old for old, _, _ in pairs}
    rows = collections.Counter(old for old, _, _ in pairs)
    for old, _, whole in pairs:
        if whole and rows[old] > 1:
            raise SystemExit(f"{old} went whole into one commune and in part into others")
    unmapped = sorted(set(matcher.communes) - {code for tier, code in mapped if tier == "C"})
    reached = {new for _, new, _ in pairs}
    split = {old for old, _, whole in pairs if not whole}
    out = [
        "# Which commune of 1 July 2025 each commune (and each district without communes) before it became part of,",
        "# keyed by the codes of before-2025.tsv and after-2025.tsv (the General Statistics Office's).",
        f"# Source: PyPI package vietnamadminunits {release}, https://pypi.org/project/vietnamadminunits/ ,",
        "# https://github.com/tranngocminhhieu/vietnamadminunits (its data/converter_2025.json and data/dataset.db).",
        "# Its author built the table from the merger lookup sapnhap.bando.com.vn (17 July 2025) and the GSO's",
        "# list danhmuchanhchinh.gso.gov.vn (18 July 2025); its split communes come from that lookup too.",
        f"# Licence: {licence(wheel)} (the package); the units and what they became are public record.",
        f"# Imported {datetime.date.today().isoformat()} by catalogue/units/import.py; do not edit by hand.",
        "# Rows, tab-separated:",
        "#   C  old commune code  new commune code  whole|part",
        "#   D  old district code new commune code  whole   (a district without communes, e.g. huyện Côn Đảo)",
        "# whole: the old unit lies entirely in the new commune; part: it was split, one row per new commune.",
        f"# {len(mapped & {('C', c) for c in matcher.communes})} of the {len(matcher.communes)} communes of before-2025.tsv"
        f" are here ({len(split)} split); {len(reached)} of the {len(matcher.after_codes)} communes of after-2025.tsv"
        " are reached.",
        f"# Matched by name in the same district where the package's old code differs: {len(matcher.old_recoded)}"
        + "".join(f" {a}->{b}" for a, b in sorted(matcher.old_recoded))
        + f"; old codes whose name the package spells otherwise: {len(matcher.spelt_otherwise)}.",
        f"# New communes matched by province, kind and name; the package's code differs for {len(matcher.new_recoded)}"
        " (ours are the GSO's of 2025.10.1).",
        f"# Not in the package's table, being absent from its list of units before 1 July 2025 (the GSO's of 18 July 2025;"
        f" before-2025.tsv is of 4 January 2025): {len(unmapped)}",
    ]
    out += [f"#   {c} {matcher.communes[c][3]} {matcher.communes[c][4]} (district {matcher.communes[c][2]})" for c in unmapped]
    out.append(
        "# Namesakes the package gave each other's new communes, given back by old district (import.py,"
        f" untangle_namesakes): {len(dropped)} old communes, the new communes taken from each:"
    )
    out += [f"#   {old} -{','.join(map(str, news))}" for old, news in sorted(dropped.items())]
    out.append(f"# New communes still shared by namesakes, no old district telling them apart: {len(undecided)}")
    out += [f"#   {new} <- {' '.join(map(str, olds))}" for new, olds in sorted(undecided.items())]
    out.append(f"# Units of the package's old list not on before-2025.tsv, left out: {len(absent)}")
    out += [f"#   {ward} ({code})" for ward, code in sorted(absent, key=lambda a: a[1])]
    out += [
        "\t".join([tier, str(code), str(new), "whole" if whole else "part"])
        for (tier, code), new, whole in sorted(pairs, key=lambda p: (p[0][0] != "C", p[0][1], p[1]))
    ]
    sys.stdout.write("\n".join(out) + "\n")


def main():
    which, wheel, release = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
    if which == "successors":
        successors_main(wheel, release)
        return
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
