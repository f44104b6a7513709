//! `xhht convert`: every bundled plan goes to the other format and back as
//! the same plan with the same findings; dates stay dates, Vietnamese stays
//! readable; a plan that does not load is reported as `validate` reports
//! it, and nothing is ever written over the plan.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common::{root, run, run_in};
use xhht::load::load_file;
use xhht::model::Plan;
use xhht::source::Format;

fn plan_of(path: &Path) -> Plan {
    load_file(path)
        .unwrap()
        .plan
        .unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message.english()))
}

fn ok(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn path_arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The codes `validate` finds in a file, in order.
fn finding_codes(path: &Path) -> Vec<String> {
    let out = run(&[
        "validate",
        path_arg(path),
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    ok(&out, &format!("validate {}", path.display()));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

fn bundled() -> Vec<PathBuf> {
    let files = xhht::walk::plan_files(&[root().join("plans")]).unwrap();
    assert!(
        files.len() >= 9,
        "expected every bundled plan, found {files:?}"
    );
    assert!(
        files
            .iter()
            .any(|f| f.ends_with("plans/national/de-an-89.yaml"))
    );
    files
}

/// Dates written as text (`date = "2020-01-15"`, `date: '2020-01-15'`)
/// rather than as dates.
fn quoted_iso_date(text: &str) -> Option<&str> {
    text.lines().find(|line| {
        let value = line.split_once(['=', ':']).map(|(_, v)| v.trim());
        value.is_some_and(|v| {
            let inner = v.trim_matches(|c| c == '"' || c == '\'');
            inner.len() == 10 && inner != v && xhht::date::CivilDate::parse_iso(inner).is_ok()
        })
    })
}

#[test]
fn every_bundled_plan_converts_to_the_other_format_and_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    for path in bundled() {
        let original = plan_of(&path);
        let format = Format::from_path(&path).unwrap();
        let (there, back) = match format {
            Format::Yaml => ("toml", "yaml"),
            Format::Toml => ("yaml", "toml"),
        };
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let converted = dir.path().join(format!("{stem}.{there}"));
        let out = run(&["convert", path_arg(&path), "-o", path_arg(&converted)]);
        ok(&out, &format!("convert {}", path.display()));
        let text = std::fs::read_to_string(&converted).unwrap();
        assert_eq!(plan_of(&converted), original, "{}", path.display());
        assert_eq!(quoted_iso_date(&text), None, "{}", converted.display());
        assert!(
            !text.contains("\\u") && !text.contains("\\x") && text.contains("ạ"),
            "{}: Vietnamese is escaped or missing",
            converted.display()
        );
        assert_eq!(
            finding_codes(&converted),
            finding_codes(&path),
            "{} and its conversion are found different things",
            path.display()
        );
        let again = dir.path().join(format!("{stem}.again.{back}"));
        let out = run(&["convert", path_arg(&converted), "-o", path_arg(&again)]);
        ok(&out, &format!("convert {}", converted.display()));
        assert_eq!(plan_of(&again), original, "{} and back", path.display());
    }
}

#[test]
fn a_yaml_plan_is_written_as_toml_on_standard_output() {
    let out = run(&["convert", "examples/commune-plan.yaml"]);
    ok(&out, "convert");
    let text = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!("commune-plan-toml", text);
    let written = tempfile::tempdir().unwrap();
    let file = written.path().join("commune-plan.toml");
    std::fs::write(&file, &text).unwrap();
    assert_eq!(
        plan_of(&file),
        plan_of(&root().join("examples/commune-plan.yaml"))
    );
}

#[test]
fn standard_output_and_the_output_file_get_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ninh-thuan.yaml");
    let plan = "plans/ninh-thuan-1960-2020.toml";
    let to_stdout = run(&["convert", plan]);
    ok(&to_stdout, "convert to standard output");
    ok(
        &run(&["convert", plan, "-o", path_arg(&file)]),
        "convert -o",
    );
    assert_eq!(std::fs::read(&file).unwrap(), to_stdout.stdout);
    let text = String::from_utf8(to_stdout.stdout).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=../schemas/plan.schema.json\n"));
    assert!(text.contains("\n  date: 2020-06-02\n"), "{text}");
}

#[test]
fn the_note_on_what_is_not_carried_over_is_in_the_runs_language() {
    let plan = "examples/commune-plan.yaml";
    let en = run(&["convert", plan]);
    ok(&en, "convert");
    assert_eq!(
        String::from_utf8(en.stderr).unwrap(),
        "examples/commune-plan.yaml: comments (other than the schema line) and the original \
         layout are not carried over; the TOML written holds the same plan, set out afresh\n"
    );
    let vi = run(&["convert", plan, "--lang", "vi"]);
    ok(&vi, "convert --lang vi");
    assert_eq!(vi.stdout, en.stdout);
    assert_eq!(
        String::from_utf8(vi.stderr).unwrap(),
        "examples/commune-plan.yaml: các dòng chú thích (comment), trừ dòng khai báo schema, \
         và cách trình bày của tệp gốc không được giữ lại; tệp TOML được ghi có cùng nội dung \
         kế hoạch, trình bày lại từ đầu\n"
    );
}

#[test]
fn a_plan_that_does_not_load_is_reported_as_validate_reports_it() {
    let plan = "tests/fixtures/validate/missing-field.yaml";
    for lang in ["en", "vi"] {
        let validate = run(&["validate", plan, "--lang", lang]);
        let convert = run(&["convert", plan, "--lang", lang]);
        assert_eq!(convert.status.code(), Some(1));
        assert_eq!(validate.status.code(), Some(1));
        assert!(convert.stdout.is_empty(), "the plan's channel stays empty");
        assert!(!validate.stdout.is_empty());
        assert_eq!(convert.stderr, validate.stdout, "--lang {lang}");
    }
}

#[test]
fn the_plan_itself_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::copy(root().join("examples/commune-plan.yaml"), &plan).unwrap();
    let before = std::fs::read(&plan).unwrap();
    let out = run_in(
        dir.path(),
        &["convert", "plan.yaml", "-o", "./plan.yaml", "--force"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("this is one of the files the run reads"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(&plan).unwrap(), before);
}

#[test]
fn to_and_the_output_files_extension_must_agree() {
    let dir = tempfile::tempdir().unwrap();
    let plan = root().join("examples/commune-plan.yaml");
    let args = ["convert", path_arg(&plan), "--to", "toml", "-o", "out.yaml"];
    let en = run_in(dir.path(), &args, &[]);
    assert_eq!(en.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(en.stderr).unwrap(),
        "error: --to toml: out.yaml is named as a YAML file; leave out --to, or give the file \
         the extension .toml\n"
    );
    let vi = run_in(dir.path(), &args, &[("LANG", "vi_VN.UTF-8")]);
    assert_eq!(
        String::from_utf8(vi.stderr).unwrap(),
        "error: --to toml: tệp out.yaml mang phần mở rộng của tệp YAML; hãy bỏ --to, hoặc đặt \
         phần mở rộng .toml cho tệp\n"
    );
    assert!(!dir.path().join("out.yaml").exists());
    // Without --to, the file's extension chooses the format.
    let same = run_in(
        dir.path(),
        &["convert", path_arg(&plan), "-o", "same.yaml"],
        &[],
    );
    ok(&same, "convert -o same.yaml");
    assert_eq!(plan_of(&dir.path().join("same.yaml")), plan_of(&plan));
}

/// ESC and BEL, which retitle or clear a terminal, are written as escapes
/// by both formats; what stays raw in a redirected file (C1 controls, the
/// direction overrides) is escaped on a terminal (`app::convert::shown`).
#[test]
fn control_characters_in_a_plan_are_written_as_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    let text = std::fs::read_to_string(root().join("examples/commune-plan.yaml")).unwrap();
    let hostile = text.replacen(
        "  id: vi-du-2021-2025",
        "  id: vi-du-2021-2025\n  note: \"\\e]0;owned\\a\\e[2J tiêu đề\\u009b31m\"",
        1,
    );
    std::fs::write(&plan, hostile).unwrap();
    for to in ["toml", "yaml"] {
        let out = run_in(dir.path(), &["convert", "plan.yaml", "--to", to], &[]);
        ok(&out, to);
        let written = String::from_utf8(out.stdout).unwrap();
        assert!(!written.contains(['\u{1b}', '\u{7}']), "{to}: {written}");
        let file = dir.path().join(format!("converted.{to}"));
        std::fs::write(&file, &written).unwrap();
        assert_eq!(plan_of(&file), plan_of(&plan), "{to}");
    }
}

/// The names under every `properties` of a JSON Schema, or every key of a
/// document.
fn names(value: &serde_json::Value, of_properties: bool, into: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, inner) in map {
                match (of_properties, inner) {
                    (true, serde_json::Value::Object(properties)) if key == "properties" => {
                        into.extend(properties.keys().cloned());
                    }
                    (false, _) => {
                        into.insert(key.clone());
                    }
                    _ => {}
                }
                names(inner, of_properties, into);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                names(item, of_properties, into);
            }
        }
        _ => {}
    }
}

#[test]
fn a_plan_with_every_field_converts_both_ways_unchanged() {
    let fixture = root().join("tests/fixtures/convert/every-field.yaml");
    let text = std::fs::read_to_string(&fixture).unwrap();
    let (mut fields, mut written) = (BTreeSet::new(), BTreeSet::new());
    let schema: serde_json::Value = serde_json::from_str(&xhht::schema::plan_schema()).unwrap();
    names(&schema, true, &mut fields);
    let document: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    names(&document, false, &mut written);
    let missing: Vec<&String> = fields.difference(&written).collect();
    assert!(missing.is_empty(), "the fixture leaves out {missing:?}");

    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("every-field.toml");
    let yaml = dir.path().join("every-field.yaml");
    ok(
        &run(&["convert", path_arg(&fixture), "-o", path_arg(&toml)]),
        "to TOML",
    );
    ok(
        &run(&["convert", path_arg(&toml), "-o", path_arg(&yaml)]),
        "to YAML",
    );
    let original = plan_of(&fixture);
    assert_eq!(plan_of(&toml), original);
    assert_eq!(plan_of(&yaml), original);
    assert_eq!(finding_codes(&toml), finding_codes(&fixture));
}

/// Another plan named as the output is not replaced without `--force`:
/// its comments would be lost.
#[test]
fn another_plan_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("examples/commune-plan.yaml"),
        dir.path().join("plan.yaml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("other.toml"), "# kept\n").unwrap();
    let out = run_in(
        dir.path(),
        &["convert", "plan.yaml", "-o", "other.toml"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("other.toml")).unwrap(),
        "# kept\n"
    );
    let out = run_in(
        dir.path(),
        &["convert", "plan.yaml", "-o", "other.toml", "--force"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}
