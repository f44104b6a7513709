//! Findings in the formats CI systems read: SARIF 2.1.0 (code scanning),
//! JUnit XML (test dashboards) and GitHub workflow commands (annotations).
//! Each carries exactly the findings it is given.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use serde::Serialize;

use crate::finding::{Finding, Rule, Severity};

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

/// Paths as people read them, for JUnit and annotations.
fn display(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").unwrap_or(&text).to_owned()
}

pub fn sarif(findings: &[Finding]) -> String {
    let rules: Vec<RuleDescriptor> = Rule::ALL
        .iter()
        .map(|r| RuleDescriptor {
            id: r.code(),
            name: r.name(),
            short_description: Text {
                text: r.summary().to_owned(),
            },
            default_configuration: Configuration {
                level: sarif_level(r.default_severity()),
            },
        })
        .collect();
    let results = findings
        .iter()
        .map(|f| {
            let mut fingerprints = BTreeMap::new();
            // Stable across inserted lines, so code scanning tracks a finding as it moves.
            fingerprints.insert("xhhtSubject/v1", crate::ratchet::Key::of(f).to_string());
            SarifResult {
                rule_id: f.code.code(),
                rule_index: Rule::ALL.iter().position(|r| *r == f.code).unwrap_or(0),
                level: sarif_level(f.severity),
                message: Text { text: with_hint(f) },
                locations: vec![SarifLocation::of(&f.location)],
                related_locations: f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(id, related)| SarifLocation {
                        id: Some(id),
                        message: Some(Text {
                            text: related.message.clone(),
                        }),
                        ..SarifLocation::of(&related.location)
                    })
                    .collect(),
                partial_fingerprints: fingerprints,
            }
        })
        .collect();
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

fn with_hint(f: &Finding) -> String {
    match &f.hint {
        Some(hint) => format!("{} ({hint})", f.message),
        None => f.message.clone(),
    }
}

/// One test suite per file, one test case per rule: failed when a finding of
/// that rule reaches `fail_on`, passed otherwise, so dashboards show what
/// was checked as well as what failed. Findings below the threshold are
/// listed in the case's output. A finding belongs to the suite of the plan
/// it is about (`files` pairs plan ids with files), even when it points into
/// a scheme's file, as a gap does.
pub fn junit(
    files: &[(Option<&str>, &Path)],
    findings: &[Finding],
    fail_on: Option<Severity>,
) -> String {
    let suite_of = |f: &Finding| -> std::path::PathBuf {
        f.plan
            .as_deref()
            .and_then(|id| files.iter().find(|(plan, _)| *plan == Some(id)))
            .map_or_else(|| f.location.file.clone(), |(_, path)| path.to_path_buf())
    };
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let failing = |f: &&Finding| fail_on.is_some_and(|t| f.severity >= t);
    let total_failures = findings
        .iter()
        .filter(failing)
        .map(|f| (suite_of(f), f.code))
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let _ = writeln!(
        out,
        "<testsuites name=\"xhht\" tests=\"{}\" failures=\"{total_failures}\">",
        files.len() * Rule::ALL.len()
    );
    for (_, file) in files {
        let in_file: Vec<&Finding> = findings.iter().filter(|f| suite_of(f) == *file).collect();
        let failures = Rule::ALL
            .iter()
            .filter(|r| in_file.iter().any(|f| f.code == **r && failing(f)))
            .count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\">",
            xml(&display(file)),
            Rule::ALL.len()
        );
        for rule in Rule::ALL {
            let of_rule: Vec<&&Finding> = in_file.iter().filter(|f| f.code == *rule).collect();
            let _ = write!(
                out,
                "    <testcase classname=\"{}\" name=\"{} {}\"",
                xml(&display(file)),
                rule.code(),
                rule.name()
            );
            if of_rule.is_empty() {
                out.push_str("/>\n");
                continue;
            }
            out.push_str(">\n");
            let lines: String = of_rule
                .iter()
                .map(|f| {
                    format!(
                        "{}:{}:{}: {}[{}]: {}\n",
                        display(&f.location.file),
                        f.location.line,
                        f.location.column,
                        f.severity,
                        f.code,
                        f.message
                    )
                })
                .collect();
            if of_rule.iter().any(|f| failing(f)) {
                let _ = writeln!(
                    out,
                    "      <failure type=\"{}\" message=\"{} finding(s)\">{}</failure>",
                    rule.code(),
                    of_rule.len(),
                    xml(&lines)
                );
            } else {
                let _ = writeln!(out, "      <system-out>{}</system-out>", xml(&lines));
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// XML escaping, dropping the control characters XML 1.0 forbids.
fn xml(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|&c| c >= ' ' || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    super::escape_markup(&allowed)
}

/// GitHub Actions workflow commands: one annotation per finding.
pub fn github(findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            property(&display(&f.location.file)),
            f.location.line.max(1),
            f.location.column.max(1),
            property(&format!("{} {}", f.code.code(), f.code.name())),
            data(&with_hint(f))
        );
    }
    out
}

fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
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

    #[test]
    fn workflow_commands_escape_their_delimiters() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }

    #[test]
    fn xml_drops_what_xml_cannot_hold() {
        assert_eq!(xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
