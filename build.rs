//! Reads embedded data at build time, so a run does not: each national
//! scheme's id and SHA-256 (a run neither parses every scheme to learn which
//! ones there are nor hashes them to say which it used); the GSO's unit
//! lists as Rust data with their name index sorted (reading and sorting
//! them was a third of a one-file `validate`); the message catalogues as
//! `(id, template)` pairs (their TOML was a fifth). The files stay the
//! source of truth; `baselines::tests` and `units::registry::tests` check what is
//! written here against them.

use std::fmt::Write as _;
use std::path::Path;

use sha2::{Digest, Sha256};

#[path = "src/i18n/flatten.rs"]
mod flatten;
#[path = "src/i18n/template.rs"]
mod template;

/// The schemes, in the order `xhht baselines` lists them.
const SCHEMES: &[&str] = &[
    "plans/national/de-an-89.yaml",
    "plans/national/de-an-1373.yaml",
    "plans/national/de-an-281.yaml",
    "plans/national/qd-489.yaml",
];

fn main() {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo::rerun-if-changed=build.rs");
    let mut table = String::from("&[\n");
    for path in SCHEMES {
        println!("cargo::rerun-if-changed={path}");
        let full = Path::new(&root).join(path);
        let text =
            std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()));
        let id = document_id(&text).unwrap_or_else(|| panic!("{path}: no document.id"));
        let sha256 = Sha256::digest(text.as_bytes())
            .iter()
            .fold(String::new(), |mut hex, byte| {
                let _ = write!(hex, "{byte:02x}");
                hex
            });
        let _ = writeln!(
            table,
            "    Scheme {{ id: {id:?}, path: {path:?}, text: include_str!({full:?}), sha256: {sha256:?} }},",
            full = full.display().to_string(),
        );
    }
    table.push_str("]\n");
    std::fs::write(Path::new(&out).join("schemes.rs"), table).expect("OUT_DIR is writable");
    for map in ["before-2025", "after-2025"] {
        let path = format!("catalogue/units/{map}.tsv");
        println!("cargo::rerun-if-changed={path}");
        let text = std::fs::read_to_string(Path::new(&root).join(&path))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let code = units_map(&text);
        std::fs::write(Path::new(&out).join(format!("units-{map}.rs")), code)
            .expect("OUT_DIR is writable");
    }
    for lang in ["en", "vi"] {
        let path = format!("catalogue/messages/{lang}.toml");
        println!("cargo::rerun-if-changed={path}");
        let text = std::fs::read_to_string(Path::new(&root).join(&path))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        std::fs::write(
            Path::new(&out).join(format!("messages-{lang}.rs")),
            messages(&path, &text),
        )
        .expect("OUT_DIR is writable");
    }
}

/// A catalogue's `(id, template)` pairs, sorted by id, as a Rust slice:
/// parsing its TOML was a fifth of a one-file `validate`.
fn messages(path: &str, text: &str) -> String {
    let table: toml::Table = text.parse().unwrap_or_else(|e| panic!("{path}: {e}"));
    let pairs = flatten::flatten(&table)
        .unwrap_or_else(|id| panic!("{path}: `{id}` is neither a table nor a string"));
    let mut code = String::from("&[\n");
    for (id, template) in pairs {
        if let Err(problem) = template::parse_template(&template) {
            panic!("{path}: `{id}`: {problem}");
        }
        let _ = writeln!(code, "    ({id:?}, {template:?}),");
    }
    code.push_str("]\n");
    code
}

/// A row of a unit list: see the header of `catalogue/units/*.tsv`.
struct Unit<'t> {
    code: u32,
    /// 0 for a province, 1 a district, 2 a commune: `Tier`'s order.
    tier: u8,
    kind: &'t str,
    name: &'t str,
    province: &'t str,
    parent: Option<usize>,
}

const TIERS: [&str; 3] = ["Tier::Province", "Tier::District", "Tier::Commune"];

/// `units::registry::Map` of one list, as a Rust expression. The lists are
/// in the package's nested order: each province, then its districts and
/// communes, each district before its communes; a unit's parent is the
/// last one read above it.
fn units_map(text: &str) -> String {
    let mut units: Vec<Unit<'_>> = Vec::new();
    let (mut province, mut district) = (None, None);
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut fields = line.split('\t');
        let mut field = || fields.next().expect("catalogue/units: five fields a row");
        let (row, code, up, kind, name) = (field(), field(), field(), field(), field());
        let code: u32 = code.parse().expect("catalogue/units: a numeric code");
        let (tier, parent) = match row {
            "P" => (0, None),
            "D" => (1, province),
            // Before 2025 a commune lies in a district; after, in its province.
            "C" => (2, district.or(province)),
            _ => panic!("catalogue/units: unknown row {row}"),
        };
        if let Some(p) = parent {
            let unit: &Unit<'_> = &units[p];
            assert_eq!(
                unit.code.to_string(),
                up,
                "catalogue/units: out of order at {line}"
            );
        }
        match row {
            "P" => (province, district) = (Some(units.len()), None),
            "D" => district = Some(units.len()),
            _ => {}
        }
        units.push(Unit {
            code,
            tier,
            kind,
            name,
            province: parent.map_or(up, |p| units[p].province),
            parent,
        });
    }
    let mut by_name: Vec<(u8, String, usize)> = units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.tier, fold_listed(u.name), i))
        .collect();
    by_name.sort_unstable();
    let mut code = String::from("Map {\n    units: &[\n");
    for u in &units {
        let _ = writeln!(
            code,
            "        Unit {{ code: {}, tier: {}, kind: {:?}, name: {:?}, province: {:?}, parent: {:?} }},",
            u.code,
            TIERS[usize::from(u.tier)],
            u.kind,
            u.name,
            u.province,
            u.parent
        );
    }
    code.push_str("    ],\n    by_name: &[\n");
    for (tier, key, i) in &by_name {
        let _ = writeln!(
            code,
            "        ({}, {key:?}, {i}),",
            TIERS[usize::from(*tier)]
        );
    }
    code.push_str("    ],\n}\n");
    code
}

/// xhht's `text::fold` for a name of the lists, which are NFC with single
/// spaces: lower case, without diacritics, đ as d. The registry's tests
/// check it against `fold` for every name.
fn fold_listed(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii() {
            key.push(c.to_ascii_lowercase());
        } else if matches!(c, 'đ' | 'Đ') {
            key.push('d');
        } else {
            let mut base = None;
            unicode_normalization::char::decompose_canonical(c, |d| {
                base.get_or_insert(d);
            });
            key.extend(base.unwrap_or(c).to_lowercase());
        }
    }
    key
}

/// The value of `id:` in the scheme's `document:` block. The schemes are
/// written by this project in one layout; a test compares the result with
/// the id the YAML parser reads.
fn document_id(text: &str) -> Option<String> {
    let value = text
        .lines()
        .skip_while(|line| *line != "document:")
        .skip(1)
        .take_while(|line| line.starts_with(' '))
        .find_map(|line| line.strip_prefix("  id:"))?;
    Some(value.trim().trim_matches('"').to_owned())
}
