//! Every plan shipped in plans/: it loads in its own format and in the other
//! one to the same model, it carries the schema comment editors use, and it
//! validates without errors.

use std::path::{Path, PathBuf};

use xhht::finding::Severity;
use xhht::load::{load_bytes, load_file};
use xhht::source::Format;

fn bundled() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let files = xhht::walk::plan_files(&[root]).unwrap();
    assert!(
        files.len() >= 9,
        "expected the 4 national schemes and 5 seeds, found {files:?}"
    );
    files
}

#[test]
fn every_plan_round_trips_between_yaml_and_toml() {
    for path in bundled() {
        let loaded = load_file(&path).unwrap();
        let plan = loaded
            .plan
            .unwrap_or_else(|e| panic!("{}: {}", path.display(), e.message.english()));
        let (other_format, text) = match loaded.source.format {
            Format::Yaml => (Format::Toml, toml::to_string(&plan).unwrap()),
            Format::Toml => (Format::Yaml, serde_saphyr::to_string(&plan).unwrap()),
        };
        let again = load_bytes(
            path.with_extension("converted"),
            text.into_bytes(),
            other_format,
        )
        .plan
        .unwrap_or_else(|e| panic!("{} converted: {}", path.display(), e.message.english()));
        assert_eq!(plan, again, "{} changes when converted", path.display());
    }
}

#[test]
fn every_plan_names_its_schema() {
    for path in bundled() {
        let text = std::fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap_or_default();
        assert!(
            (first.starts_with("# yaml-language-server: $schema=")
                || first.starts_with("#:schema "))
                && first.ends_with("schemas/plan.schema.json"),
            "{} does not start with the schema comment",
            path.display()
        );
    }
}

#[test]
fn every_plan_validates_without_errors() {
    let checked = xhht::check::check_paths(&bundled()).unwrap();
    let errors: Vec<String> = checked
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| {
            format!(
                "{}:{}:{} {} {}",
                f.location.file.display(),
                f.location.line,
                f.location.column,
                f.code,
                f.message.english()
            )
        })
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
