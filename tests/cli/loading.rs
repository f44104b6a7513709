//! Loading: bad input gives a located error and never a panic; encodings and
//! line endings do not change the result; YAML and TOML load to one model.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use unicode_normalization::UnicodeNormalization;
use xhht::load::{LoadErrorKind, load_bytes};
use xhht::source::Format;

const MINIMAL_YAML: &str = "\
document:
  id: thu-nghiem
  title: Kế hoạch xây dựng xã hội học tập
  kind: plan
  issuer: Ủy ban nhân dân huyện Thử
  level: district
  jurisdiction: huyện Thử
  period: {start: 2019, end: 2020}
agencies:
  - id: phong-gddt
    name: Phòng Giáo dục và Đào tạo
    kind: office
    level: district
";

fn load(name: &str, bytes: impl Into<Vec<u8>>) -> xhht::load::Loaded {
    let format = Format::from_path(name.as_ref()).unwrap();
    load_bytes(PathBuf::from(name), bytes.into(), format)
}

/// Loads `bytes`, expecting a load error; returns its kind, message and line.
fn load_err(name: &str, bytes: impl Into<Vec<u8>>) -> (LoadErrorKind, String, Option<usize>) {
    let started = Instant::now();
    let loaded = load(name, bytes);
    // A hang detector for hostile input, not a speed check: benches/ measure speed.
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{name} took {:?}",
        started.elapsed()
    );
    let err = loaded.plan.expect_err("expected a load error");
    let line = err
        .span
        .as_ref()
        .map(|s| loaded.source.line_col(s.start).line);
    (err.kind, err.message.english(), line)
}

#[test]
fn malformed_yaml_names_the_line() {
    let (kind, message, line) = load_err("bad.yaml", "document:\n  id: x\n  title: \"Kế hoạch\n");
    assert_eq!(kind, LoadErrorKind::Syntax);
    assert!(message.contains("quote"), "{message}");
    assert_eq!(line, Some(3));
}

#[test]
fn malformed_toml_names_the_line() {
    let (kind, message, line) = load_err("bad.toml", "[document]\nid = \"x\"\ntitle = Kế hoạch\n");
    assert_eq!(kind, LoadErrorKind::Syntax);
    assert!(message.contains("quoted"), "{message}");
    assert_eq!(line, Some(3));
}

#[test]
fn empty_files_say_so() {
    for name in ["empty.yaml", "empty.toml"] {
        let (kind, message, _) = load_err(name, " \n\n");
        assert_eq!(kind, LoadErrorKind::Syntax);
        assert_eq!(message, "the file is empty");
    }
}

#[test]
fn invalid_utf8_names_line_and_column() {
    let (_, message, line) = load_err("latin.yaml", b"document:\n  title: Ke\xff hoach\n".to_vec());
    assert!(message.contains("not valid UTF-8"), "{message}");
    assert!(message.contains("line 2, column 12"), "{message}");
    assert_eq!(line, Some(2));
}

#[test]
fn alias_bomb_is_refused_quickly() {
    let mut yaml = String::from(
        "citations:\n  - &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n",
    );
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        let refs = vec![format!("*{prev}"); 9].join(",");
        yaml.push_str(&format!("  - &{name} [{refs}]\n"));
    }
    let (_, _, line) = load_err("bomb.yaml", yaml);
    assert!(line.is_some());
}

#[test]
fn ten_thousand_deep_nesting_is_refused() {
    let deep = |open: &str, close: &str| {
        format!(
            "citations = {}{}\n",
            open.repeat(10_000),
            close.repeat(10_000)
        )
    };
    let (_, message, line) = load_err("deep.toml", deep("[", "]"));
    assert!(message.contains("recurs"), "{message}");
    assert_eq!(line, Some(1));
    let (_, message, line) = load_err(
        "deep.yaml",
        format!("citations: {}{}\n", "[".repeat(10_000), "]".repeat(10_000)),
    );
    assert!(message.contains("nested too deeply"), "{message}");
    assert_eq!(line, Some(1));
    let (_, _, line) = load_err(
        "deep-map.yaml",
        format!(
            "document: {}1{}\n",
            "{a: ".repeat(10_000),
            "}".repeat(10_000)
        ),
    );
    assert_eq!(line, Some(1));
}

#[test]
fn duplicate_keys_are_errors_in_both_formats() {
    let (_, message, line) = load_err("dup.yaml", "document:\n  id: a\n  id: b\n");
    assert!(message.contains("duplicate"), "{message}");
    assert_eq!(line, Some(3));
    let (_, message, line) = load_err("dup.toml", "[document]\nid = \"a\"\nid = \"b\"\n");
    assert!(message.contains("duplicate"), "{message}");
    assert_eq!(line, Some(3));
}

#[test]
fn yaml_11_booleans_are_never_booleans() {
    // `id: no` must stay the text "no"; a boolean field refuses "yes".
    let plan = load(
        "norway.yaml",
        MINIMAL_YAML.replace("id: thu-nghiem", "id: no"),
    )
    .plan
    .unwrap();
    assert_eq!(plan.document.id, "no");
    let yaml =
        format!("{MINIMAL_YAML}links:\n  parent: {{plan: x, number: \"1/KH\", available: no}}\n");
    let (kind, _, line) = load_err("bool.yaml", yaml);
    assert_eq!(kind, LoadErrorKind::WrongType);
    assert_eq!(line, Some(15));
}

#[test]
fn bom_crlf_and_nfd_load_like_the_plain_file() {
    let plain = load("plain.yaml", MINIMAL_YAML).plan.unwrap();
    let bom = load("bom.yaml", format!("\u{feff}{MINIMAL_YAML}"))
        .plan
        .unwrap();
    let crlf = load("crlf.yaml", MINIMAL_YAML.replace('\n', "\r\n"))
        .plan
        .unwrap();
    let nfd = load("nfd.yaml", MINIMAL_YAML.nfd().collect::<String>())
        .plan
        .unwrap();
    assert_eq!(plain, bom);
    assert_eq!(plain, crlf);
    assert_eq!(plain, nfd);
}

#[test]
fn unknown_fields_suggest_the_right_name() {
    let loaded = load(
        "typo.yaml",
        MINIMAL_YAML.replace("  jurisdiction:", "  jurisdicton:"),
    );
    let err = loaded.plan.unwrap_err();
    assert_eq!(err.kind, LoadErrorKind::UnknownField);
    assert_eq!(
        err.hint.map(|h| h.english()).as_deref(),
        Some("did you mean `jurisdiction`?")
    );
    assert_eq!(loaded.source.line_col(err.span.unwrap().start).line, 7);
}

#[test]
fn arbitrary_bytes_never_panic() {
    use proptest::prelude::*;
    // Each case validates against the embedded schemes; 64 keep it quick.
    proptest!(ProptestConfig::with_cases(64), |(bytes in proptest::collection::vec(any::<u8>(), 0..400))| {
        for name in ["fuzz.yaml", "fuzz.toml"] {
            // Validation locates its findings, which builds the span index.
            let loaded = load(name, bytes.clone());
            let len = loaded.source.text.len();
            for finding in xhht::check::check_loaded(std::slice::from_ref(&loaded), &[]) {
                prop_assert!(finding.location.span.start <= len);
            }
        }
    });
}

#[test]
fn plans_that_load_never_panic_when_located() {
    use proptest::prelude::*;
    // Mutations of a real plan load more often than random bytes do, so the
    // span index and every rule run on them.
    proptest!(|(cut in 0usize..MINIMAL_YAML.len(), junk in "[ -~\n]{0,12}")| {
        let cut = (0..=cut).rev().find(|i| MINIMAL_YAML.is_char_boundary(*i)).unwrap_or(0);
        let text = format!("{}{junk}{}", &MINIMAL_YAML[..cut], &MINIMAL_YAML[cut..]);
        let loaded = load("mutated.yaml", text);
        let len = loaded.source.text.len();
        for finding in xhht::check::check_loaded(std::slice::from_ref(&loaded), &[]) {
            prop_assert!(finding.location.span.start <= len);
        }
    });
}
