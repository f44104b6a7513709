//! Writing a plan by hand (issue 16): every structural mistake of a file in
//! one run, each at its own line and column; a syntax error reported as
//! such where it is; a hint for each mistake people make.

use serde_json::Value;

use crate::common::{finding_codes, root, run_in};

/// (rule, line, column) of each finding of `validate FILE --format json`.
fn places(dir: &std::path::Path, file: &str) -> Vec<(String, u64, u64)> {
    let out = run_in(dir, &["validate", file, "--format", "json"], &[]);
    let json: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {out:?}"));
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let at = &f["location"];
            (
                f["code"].as_str().unwrap().to_owned(),
                at["line"].as_u64().unwrap(),
                at["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn owned(places: &[(&str, u64, u64)]) -> Vec<(String, u64, u64)> {
    places
        .iter()
        .map(|(code, line, column)| ((*code).to_owned(), *line, *column))
        .collect()
}

fn hint_of(dir: &std::path::Path, file: &str, text: &str) -> String {
    std::fs::write(dir.join(file), text).unwrap();
    let out = run_in(dir, &["validate", file, "--format", "json"], &[]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = &json["findings"][0];
    format!("{} | {}", finding["message"], finding["hint"])
}

#[test]
fn five_mistakes_are_five_findings_each_where_it_is() {
    let dir = root().join("tests/fixtures/authoring");
    let found = places(&dir, "five-mistakes.yaml");
    let expected = [
        ("XH002", 15, 12), // value: 45
        ("XH002", 20, 17), // population: peoples
        ("XH003", 23, 5),  // the third target has no year
        ("XH002", 31, 5),  // leadz
        ("XH004", 34, 12), // leads: ubnd, not a list
    ];
    assert_eq!(found, owned(&expected));
}

/// TOML too: each item read from the parsed document, at its own place.
#[test]
fn four_mistakes_in_toml_are_four_findings() {
    let dir = root().join("tests/fixtures/authoring");
    let found = places(&dir, "four-mistakes.toml");
    let expected = [
        ("XH004", 16, 9),  // value = 45
        ("XH002", 23, 14), // population = "peoples"
        ("XH003", 27, 1),  // the third target has no year
        ("XH002", 37, 1),  // leadz
    ];
    assert_eq!(found, owned(&expected));
}

/// The indentation fault at 3:2 was once reported as "missing field
/// `title`" at 1:1.
#[test]
fn a_syntax_error_is_reported_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), "document:\n  id: x\n title: y\n").unwrap();
    assert_eq!(places(dir.path(), "a.yaml"), [("XH001".to_owned(), 3, 2)]);
    assert!(
        hint_of(dir.path(), "a.yaml", "document:\n  id: x\n title: y\n").contains("indentation")
    );
}

#[test]
fn the_mistakes_people_make_get_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let document = "document:\n  id: x\n  title: t\n  kind: plan\n  issuer: u\n  level: commune\n  jurisdiction: xã Vũ Phúc\n  period: {start: 2021, end: 2025}\n";
    let cases = [
        (
            "colon.yaml",
            "document:\n  id: x\n  title: Kế hoạch: xây dựng\n".to_owned(),
            "must be quoted",
        ),
        ("tab.yaml", "document:\n\tid: x\n".to_owned(), "spaces only"),
        (
            "toml.yaml",
            "[document]\nid = \"x\"\n".to_owned(),
            "save the file with a .toml extension",
        ),
        (
            "yaml.toml",
            "document:\n  id: x\n".to_owned(),
            "save the file with a .yaml extension",
        ),
        (
            "comments.yaml",
            "# a plan\n# to come\n".to_owned(),
            "the file has only comments",
        ),
        (
            "bare.yaml",
            format!(
                "{document}targets:\n  - {{id: a, indicator: model.learning_citizen, unit: percent, population: people, value: \"45%\", year: 2025}}\n"
            ),
            "`value: {point: 45}`",
        ),
        (
            "name.yaml",
            format!(
                "{document}agencies:\n  - {{id: ubnd-xa, name: Ủy ban nhân dân xã, kind: peoples_committee, level: commune}}\ntasks:\n  - {{id: k, title: t, leads: [UBND xa]}}\n"
            ),
            "",
        ),
    ];
    for (file, text, said) in cases {
        let got = hint_of(dir.path(), file, &text);
        assert!(got.contains(said), "{file}: {got}");
    }
    // A lead written as the agency's name is pointed to its id.
    let named = format!(
        "{document}agencies:\n  - {{id: ubnd-xa, name: Ủy ban nhân dân xã, aliases: [UBND xã], kind: peoples_committee, level: commune}}\ntasks:\n  - {{id: k, title: t, leads: [UBND xã]}}\n"
    );
    let got = hint_of(dir.path(), "name.yaml", &named);
    assert!(got.contains("is the name of agency `ubnd-xa`"), "{got}");
}

/// A reversed period is one finding: the years held to it are not each
/// reported as outside it too (once six findings for one typo).
#[test]
fn a_reversed_period_is_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    let plan = "document:\n  id: x\n  title: t\n  kind: plan\n  issuer: u\n  level: commune\n  jurisdiction: xã Vũ Phúc\n  province: thai-binh\n  period: {start: 2025, end: 2021}\n  milestones: [2023, 2025]\ntargets:\n  - {id: a, indicator: model.learning_citizen, unit: percent, population: people, value: {point: 45}, year: 2025}\ntasks:\n  - {id: k, title: t, leads: [u], deadline: {wording: \"năm 2024\", due: {year: 2024}}}\nagencies:\n  - {id: u, name: UBND, kind: peoples_committee, level: commune}\n";
    std::fs::write(dir.path().join("p.yaml"), plan).unwrap();
    let found: Vec<String> = places(dir.path(), "p.yaml")
        .into_iter()
        .map(|(code, ..)| code)
        .collect();
    assert_eq!(found, ["XH020"]);
    let out = run_in(dir.path(), &["report", "p.yaml", "--format", "json"], &[]);
    let codes = finding_codes(&out);
    assert!(
        !codes.iter().any(|c| c == "XH021" || c == "XH205"),
        "{codes:?}"
    );
}

/// A file's name, its text, and the (rule, line, column) of each finding.
type Case = (&'static str, String, Vec<(&'static str, u64, u64)>);

/// Cases a second review found in the item-by-item reading; each once lost
/// a fault, invented one, or put it in the wrong place.
#[test]
fn the_item_by_item_reading_neither_loses_nor_invents_faults() {
    let dir = tempfile::tempdir().unwrap();
    let document = "document:\n  id: x\n  title: t\n  kind: plan\n  issuer: u\n  level: commune\n  jurisdiction: xã Vũ Phúc\n  province: thai-binh\n  period: {start: 2021, end: 2025}\n";
    let task = "  - {id: k, title: t, leadz: [u]}\n";
    let cases: [Case; 5] = [
        // Items of one flow list on one line: each read from where it starts.
        (
            "flow.yaml",
            format!(
                "{document}tasks: [{{id: a, title: t}}, {{id: b, title: t}}, {{id: c, title: t, leadz: [u]}}]\n"
            ),
            vec![("XH002", 10, 65)],
        ),
        // An empty list is a fault of its own, beside an item's.
        (
            "null-list.yaml",
            format!("{document}targets:\ntasks:\n{task}"),
            vec![("XH004", 10, 8), ("XH002", 12, 23)],
        ),
        // `progress: ~` is allowed; only the task's fault is one.
        (
            "null-progress.yaml",
            format!("{document}progress: ~\ntasks:\n{task}"),
            vec![("XH002", 12, 23)],
        ),
        // An empty item is not a syntax error.
        (
            "empty-item.yaml",
            format!("{document}targets:\n  - \n"),
            vec![("XH004", 11, 5)],
        ),
        // A reversed phase is reported beside a reversed period.
        (
            "phase.yaml",
            document.replace(
                "end: 2025}",
                "end: 2019}\n  phases: [{id: p1, name: n, start: 2024, end: 2022}]",
            ),
            vec![("XH020", 9, 30), ("XH020", 10, 48)],
        ),
    ];
    for (file, text, expected) in cases {
        std::fs::write(dir.path().join(file), &text).unwrap();
        assert_eq!(
            places(dir.path(), file),
            owned(&expected),
            "{file}:\n{text}"
        );
    }
}

/// A period starting after 2100 with no end is reported, and does not
/// silence the years held to it (it once gave no finding at all).
#[test]
fn an_open_period_starting_after_2100_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let plan = "document:\n  id: x\n  title: t\n  kind: plan\n  issuer: u\n  level: commune\n  jurisdiction: xã Vũ Phúc\n  province: thai-binh\n  period: {start: 2205}\n";
    std::fs::write(dir.path().join("p.yaml"), plan).unwrap();
    let codes: Vec<String> = places(dir.path(), "p.yaml")
        .into_iter()
        .map(|(c, ..)| c)
        .collect();
    assert!(codes.iter().any(|c| c == "XH020"), "{codes:?}");
}

/// The tab hint is for tabs: a tag that merely contains "tab" gets none.
#[test]
fn a_tag_is_not_taken_for_a_tab() {
    let dir = tempfile::tempdir().unwrap();
    let got = hint_of(dir.path(), "tag.yaml", "document:\n  title: !table x\n");
    assert!(!got.contains("spaces only"), "{got}");
}

/// A file whose lines end with a bare CR (no line feed) is read as a whole:
/// its items cannot be told apart cheaply, and reading them apart once
/// invented six missing fields and lost the real fault.
#[test]
fn a_file_without_line_feeds_keeps_its_first_fault() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("tests/fixtures/authoring/five-mistakes.yaml"))
        .unwrap()
        .replace('\n', "\r");
    std::fs::write(dir.path().join("cr.yaml"), text).unwrap();
    let out = run_in(
        dir.path(),
        &["validate", "cr.yaml", "--format", "json"],
        &[],
    );
    assert_eq!(finding_codes(&out), ["XH002"]);
}
