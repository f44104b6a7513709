//! GitHub Actions workflow commands: an annotation per finding, its text
//! escaped so plan text cannot end the command early.

use std::collections::HashMap;
use std::fmt::Write;

use super::{display_path, with_hint};
use crate::finding::{Finding, Severity};
use crate::i18n::Lang;
use crate::msg;

/// GitHub Actions workflow commands: one annotation per finding.
/// GitHub shows this many annotations of each kind (error, warning,
/// notice) per step, and drops the rest without a word.
const SHOWN_PER_KIND: usize = 10;

pub(super) fn draw(input: &super::Input<'_>) -> String {
    github(&input.report.findings, input.report.lang)
}

/// The Markdown report for the job summary, saying first how many findings
/// GitHub could not show as annotations.
pub(super) fn job_summary(input: &super::Input<'_>) -> String {
    let mut out = String::new();
    let left_out = left_out(&input.report.findings);
    if left_out > 0 {
        let note = msg!("render.github.left-out", left_out, shown = SHOWN_PER_KIND);
        out.push_str(&format!("> {}\n\n", note.render(input.report.lang)));
    }
    out.push_str(&super::markdown::draw(input));
    out
}

/// Annotations, the most severe first, as many of each kind as GitHub shows;
/// the others as plain log lines, and a last line saying how many.
fn github(findings: &[Finding], lang: Lang) -> String {
    let mut out = String::new();
    let mut shown = HashMap::new();
    for f in by_severity(findings).into_iter().filter(|f| f.is_new()) {
        let command = command(f.severity);
        let count = shown.entry(command).or_insert(0);
        *count += 1;
        if *count <= SHOWN_PER_KIND {
            let _ = writeln!(
                out,
                "::{command} file={},line={},col={},title={}::{}",
                property(&display_path(&f.location.file)),
                f.location.line.max(1),
                f.location.column.max(1),
                property(&format!("{} {}", f.code.code(), f.code.name())),
                data(&with_hint(f, lang))
            );
        } else {
            // A log line, not a command: shown as read, on one line.
            let text = super::printable(&with_hint(f, lang), false).replace('\n', "\\u{a}");
            let line = super::compiler_line(f, &text);
            let _ = writeln!(out, "{line}");
        }
    }
    let left_out = left_out(findings);
    if left_out > 0 {
        let note = msg!("render.github.left-out", left_out, shown = SHOWN_PER_KIND);
        let _ = writeln!(out, "::notice title=xhht::{}", data(&note.render(lang)));
    }
    out
}

fn by_severity(findings: &[Finding]) -> Vec<&Finding> {
    let mut ordered: Vec<&Finding> = findings.iter().collect();
    // Stable: within a severity, the report's order (file, line, rule).
    ordered.sort_by_key(|f| std::cmp::Reverse(f.severity));
    ordered
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// How many findings GitHub would not show as annotations.
fn left_out(findings: &[Finding]) -> usize {
    [Severity::Error, Severity::Warning, Severity::Info]
        .iter()
        .map(|&s| {
            let n = findings
                .iter()
                .filter(|f| f.severity == s && f.is_new())
                .count();
            n.saturating_sub(SHOWN_PER_KIND)
        })
        .sum()
}

/// Workflow-command data: its delimiters escaped, and the control
/// characters plan text could carry shown as escapes, not run by the log.
fn data(text: &str) -> String {
    super::printable(text, false)
        .replace('%', "%25")
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
    fn workflow_commands_escape_their_delimiters() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
