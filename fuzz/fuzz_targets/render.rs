//! Any bytes, as TOML and as YAML: the full report (compared with the plans
//! above, scheduled as of a fixed date, every occurrence listed) must build,
//! and every output format must draw it for every view without a panic. The
//! `JUnit` output must be well-formed XML 1.0, with no character XML 1.0
//! forbids; the JSON and SARIF outputs must be JSON; the XLSX a zip file
//! (its writer returns no error only when every cell fits Excel's limits).
//!
//! Seeds: the bundled plans (`plans/*.yaml`, `plans/*.toml`), which
//! `.ci/fuzz-smoke` copies into `fuzz/corpus/render`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use xhht::date::CivilDate;
use xhht::finding::{Kind, Severity};
use xhht::i18n::Lang;
use xhht::load::load_bytes;
use xhht::render::{Document, Format, Input, View, draw};
use xhht::report::{Options, build};
use xhht::source;

const SECTIONS: &[Kind] = &[
    Kind::Validation,
    Kind::Gap,
    Kind::Shortfall,
    Kind::Conflict,
    Kind::Comparison,
    Kind::Schedule,
];

fuzz_target!(|data: &[u8]| {
    let as_of = CivilDate::from_numbers(2024, 6, 15).expect("a real date");
    // Both languages, one per syntax: each renders every message in its own
    // catalogue.
    for (name, format, lang) in [
        ("fuzz.toml", source::Format::Toml, Lang::En),
        ("fuzz.yaml", source::Format::Yaml, Lang::Vi),
    ] {
        let files = [load_bytes(name.into(), data.to_vec(), format)];
        let options = Options {
            as_of,
            lang,
            against: None,
            only: None,
            within_days: Some(30),
            status: None,
            compare: true,
            occurrences: true,
            also_known: &[],
        };
        let report = build(&files, xhht::check::check_loaded(&files, &[]), &options);
        for (view, color, fail_on) in [
            (View::Diagnostics, true, Some(Severity::Error)),
            (
                View::Report { sections: SECTIONS },
                false,
                Some(Severity::Warning),
            ),
            (View::Diff, false, None),
        ] {
            let input = Input {
                report: &report,
                files: &files,
                view,
                color,
                fail_on,
            };
            for &format in Format::ALL {
                match draw(format, &input) {
                    Document::Text(text) => check(format, &text),
                    Document::Binary(bytes) => assert!(
                        bytes.starts_with(b"PK\x03\x04"),
                        "{} output is not a zip file",
                        format.name()
                    ),
                }
            }
        }
    }
});

fn check(format: Format, text: &str) {
    match format {
        Format::Junit => {
            if let Some(c) = text.chars().find(|&c| !xml_char(c)) {
                panic!(
                    "JUnit output holds U+{:04X}, which XML 1.0 forbids",
                    c as u32
                );
            }
            if let Err(error) = roxmltree::Document::parse(text) {
                panic!("JUnit output is not well-formed XML: {error}");
            }
        }
        Format::Json | Format::Sarif => {
            if let Err(error) = serde_json::from_str::<serde_json::Value>(text) {
                panic!("{} output is not JSON: {error}", format.name());
            }
        }
        _ => {}
    }
}

/// XML 1.0's `Char` production.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}
