//! SARIF 2.1.0 for code-scanning tools: rule metadata, one result per
//! finding with its related locations, columns in Unicode code points and a
//! fingerprint that survives inserted lines.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::with_hint;
use crate::finding::{BaselineState, Finding, Rule, Severity};
use crate::i18n::Lang;

const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Sarif {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    /// Columns count characters of the line, as xhht counts them.
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    partial_fingerprints: BTreeMap<&'static str, String>,
    /// With `--accepted`: `new` or `unchanged`.
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_state: Option<SarifBaseline>,
}

/// SARIF's `baselineState`: a finding's, or `absent` for one that went away.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum SarifBaseline {
    New,
    Unchanged,
    Absent,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

impl SarifLocation {
    fn of(location: &crate::finding::Location) -> Self {
        Self {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: uri(&location.file),
                },
                region: Region {
                    start_line: location.line.max(1),
                    start_column: location.column.max(1),
                },
            },
            message: None,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Paths as URIs relative to the repository: forward slashes, no `./`,
/// and everything but unreserved characters percent-encoded (a `#` in a
/// file name would otherwise start a fragment).
fn uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let text = text.strip_prefix("./").unwrap_or(&text);
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

pub(super) fn draw(input: &super::Input<'_>) -> String {
    sarif(&input.report.findings, &input.report.absent, input.report.lang)
}

fn sarif(findings: &[Finding], absent: &[crate::report::Absent], lang: Lang) -> String {
    let rules: Vec<RuleDescriptor> = Rule::ALL
        .iter()
        .map(|r| RuleDescriptor {
            id: r.code(),
            name: r.name(),
            short_description: Text {
                text: r.summary(lang).to_owned(),
            },
            default_configuration: Configuration {
                level: sarif_level(r.default_severity()),
            },
        })
        .collect();
    let results: Vec<SarifResult> = findings
        .iter()
        .map(|f| {
            let mut fingerprints = BTreeMap::new();
            // Stable across inserted lines, so code scanning tracks a finding as it moves.
            fingerprints.insert("xhhtSubject/v1", crate::ratchet::Key::of(f).to_string());
            SarifResult {
                rule_id: f.code.code(),
                rule_index: Rule::ALL.iter().position(|r| *r == f.code).unwrap_or(0),
                level: sarif_level(f.severity),
                message: Text {
                    text: with_hint(f, lang),
                },
                locations: vec![SarifLocation::of(&f.location)],
                related_locations: f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(id, related)| SarifLocation {
                        id: Some(id),
                        message: Some(Text {
                            text: related.message.render(lang),
                        }),
                        ..SarifLocation::of(&related.location)
                    })
                    .collect(),
                partial_fingerprints: fingerprints,
                baseline_state: f.baseline_state.map(|state| match state {
                    BaselineState::New => SarifBaseline::New,
                    BaselineState::Unchanged => SarifBaseline::Unchanged,
                }),
            }
        })
        .collect();
    let results = results.into_iter().chain(absent_results(absent)).collect();
    let doc = Sarif {
        schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "xhht",
                    version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut text = serde_json::to_string_pretty(&doc).expect("SARIF always serializes");
    text.push('\n');
    text
}

/// Accepted findings that went away, as SARIF's `absent` results: known by
/// rule, plan and subject, with no place left to point at.
fn absent_results(absent: &[crate::report::Absent]) -> impl Iterator<Item = SarifResult> + '_ {
    absent.iter().filter_map(|gone| {
        let rule = Rule::from_code(&gone.code)?;
        let mut fingerprints = BTreeMap::new();
        let key = format!("{} {} {}", gone.code, gone.plan, gone.subject);
        fingerprints.insert("xhhtSubject/v1", key.clone());
        Some(SarifResult {
            rule_id: rule.code(),
            rule_index: Rule::ALL.iter().position(|r| *r == rule).unwrap_or(0),
            level: "none",
            message: Text { text: key },
            locations: Vec::new(),
            related_locations: Vec::new(),
            partial_fingerprints: fingerprints,
            baseline_state: Some(SarifBaseline::Absent),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sarif_uris_are_percent_encoded() {
        assert_eq!(
            uri(Path::new("./plans/kế hoạch #1.yaml")),
            "plans/k%E1%BA%BF%20ho%E1%BA%A1ch%20%231.yaml"
        );
    }
}
