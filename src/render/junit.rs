//! `JUnit` XML for test dashboards: a suite per plan file, a case per rule.

use std::fmt::Write;
use std::path::Path;

use super::{Input, display_path};
use crate::finding::{Finding, Rule, Severity};
use crate::i18n::Lang;

/// `JUnit` for a run: each file's suite, keyed by the plan it holds.
pub(super) fn draw(input: &Input<'_>) -> String {
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
    let rules: Vec<Rule> = Rule::ALL
        .iter()
        .copied()
        .filter(|&rule| input.view.runs(rule))
        .collect();
    let run = Run {
        rules: &rules,
        fail_on: input.fail_on,
        lang: input.report.lang,
    };
    junit(&files, &input.report.findings, &run)
}

/// What a run checked and where it draws the line.
struct Run<'a> {
    /// The rules the command ran: one test case each.
    rules: &'a [Rule],
    fail_on: Option<Severity>,
    lang: Lang,
}

impl Run<'_> {
    fn fails(&self, f: &Finding) -> bool {
        f.is_new() && self.fail_on.is_some_and(|t| f.severity >= t)
    }
}

/// One test suite per file, one test case per rule the command ran: failed
/// when a finding of that rule reaches `fail_on`, passed otherwise, so
/// dashboards show what was checked as well as what failed. Findings below
/// the threshold are listed in the case's output. A finding belongs to the
/// suite of the plan it is about (`files` pairs plan ids with files), even
/// when it points into a scheme's file, as a gap does.
fn junit(files: &[(Option<&str>, &Path)], findings: &[Finding], run: &Run<'_>) -> String {
    let suite_of = |f: &Finding| -> std::path::PathBuf {
        f.plan
            .as_deref()
            .and_then(|id| files.iter().find(|(plan, _)| *plan == Some(id)))
            .map_or_else(|| f.location.file.clone(), |(_, path)| path.to_path_buf())
    };
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let total_failures = findings
        .iter()
        .filter(|f| run.fails(f))
        .map(|f| (suite_of(f), f.code))
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let _ = writeln!(
        out,
        "<testsuites name=\"xhht\" tests=\"{}\" failures=\"{total_failures}\">",
        files.len() * run.rules.len()
    );
    for (_, file) in files {
        let in_file: Vec<&Finding> = findings.iter().filter(|f| suite_of(f) == *file).collect();
        suite(&mut out, file, &in_file, run);
    }
    out.push_str("</testsuites>\n");
    out
}

fn suite(out: &mut String, file: &Path, findings: &[&Finding], run: &Run<'_>) {
    let failures = run
        .rules
        .iter()
        .filter(|r| findings.iter().any(|f| f.code == **r && run.fails(f)))
        .count();
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\">",
        xml(&display_path(file)),
        run.rules.len()
    );
    for &rule in run.rules {
        let of_rule: Vec<&Finding> = findings.iter().copied().filter(|f| f.code == rule).collect();
        case(out, file, rule, &of_rule, run);
    }
    out.push_str("  </testsuite>\n");
}

fn case(out: &mut String, file: &Path, rule: Rule, findings: &[&Finding], run: &Run<'_>) {
    let _ = write!(
        out,
        "    <testcase classname=\"{}\" name=\"{} {}\"",
        xml(&display_path(file)),
        rule.code(),
        rule.name()
    );
    if findings.is_empty() {
        out.push_str("/>\n");
        return;
    }
    out.push_str(">\n");
    let lines = findings.iter().fold(String::new(), |mut lines, f| {
        let _ = writeln!(
            lines,
            "{}:{}:{}: {}[{}]: {}",
            display_path(&f.location.file),
            f.location.line,
            f.location.column,
            f.severity,
            f.code,
            f.message.render(run.lang)
        );
        lines
    });
    if findings.iter().any(|f| run.fails(f)) {
        let _ = writeln!(
            out,
            "      <failure type=\"{}\" message=\"{} finding(s)\">{}</failure>",
            rule.code(),
            findings.len(),
            xml(&lines)
        );
    } else {
        let _ = writeln!(out, "      <system-out>{}</system-out>", xml(&lines));
    }
    out.push_str("    </testcase>\n");
}

/// XML escaping, dropping the characters XML 1.0 forbids: the control
/// characters but tab, line feed and carriage return, and the noncharacters
/// U+FFFE and U+FFFF (a `char` is never a surrogate, the other gap).
fn xml(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|&c| {
            (c >= ' ' || matches!(c, '\t' | '\n' | '\r')) && !matches!(c, '\u{fffe}' | '\u{ffff}')
        })
        .collect();
    super::escape_markup(&allowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_drops_what_xml_cannot_hold() {
        assert_eq!(xml("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
        // Found by the render fuzz target: `"\uFFFF" = 1` named an unknown
        // field XML cannot hold.
        assert_eq!(xml("a\u{fffe}b\u{ffff}c\u{fffd}\u{10000}"), "abc\u{fffd}\u{10000}");
    }
}
