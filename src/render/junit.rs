//! JUnit XML for test dashboards: a suite per plan file, a case per rule.

use std::fmt::Write;
use std::path::Path;

use super::{Input, display_path};
use crate::finding::{Finding, Rule, Severity};
/// JUnit for a run: each file's suite, keyed by the plan it holds.
pub fn render(input: &Input<'_>) -> String {
    let files: Vec<(Option<&str>, &Path)> = input
        .files
        .iter()
        .map(|f| {
            (
                f.plan.as_ref().ok().map(|p| p.document.id.as_str()),
                f.source.path.as_path(),
            )
        })
        .collect();
    junit(&files, &input.report.findings, input.fail_on)
}

/// One test suite per file, one test case per rule: failed when a finding of
/// that rule reaches `fail_on`, passed otherwise, so dashboards show what
/// was checked as well as what failed. Findings below the threshold are
/// listed in the case's output. A finding belongs to the suite of the plan
/// it is about (`files` pairs plan ids with files), even when it points into
/// a scheme's file, as a gap does.
fn junit(
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
            xml(&display_path(file)),
            Rule::ALL.len()
        );
        for rule in Rule::ALL {
            let of_rule: Vec<&&Finding> = in_file.iter().filter(|f| f.code == *rule).collect();
            let _ = write!(
                out,
                "    <testcase classname=\"{}\" name=\"{} {}\"",
                xml(&display_path(file)),
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
                        display_path(&f.location.file),
                        f.location.line,
                        f.location.column,
                        f.severity,
                        f.code,
                        f.message.render(crate::i18n::lang())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_drops_what_xml_cannot_hold() {
        assert_eq!(xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
