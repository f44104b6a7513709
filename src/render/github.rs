//! GitHub Actions workflow commands: an annotation per finding, its text
//! escaped so plan text cannot end the command early.

use std::fmt::Write;

use super::{display_path, with_hint};
use crate::finding::{Finding, Severity};

/// GitHub Actions workflow commands: one annotation per finding.
pub(super) fn draw(input: &super::Input<'_>) -> anyhow::Result<String> {
    Ok(github(&input.report.findings, input.report.lang))
}

fn github(findings: &[Finding], lang: crate::i18n::Lang) -> String {
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
            property(&display_path(&f.location.file)),
            f.location.line.max(1),
            f.location.column.max(1),
            property(&format!("{} {}", f.code.code(), f.code.name())),
            data(&with_hint(f, lang))
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
    fn workflow_commands_escape_their_delimiters() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
