//! Renderers: every format draws the same report. Each format is one file
//! of this module with a `draw(&Input)` that returns its text (`String`) or,
//! for a binary format, its bytes (`Vec<u8>`), declared once in `formats!`
//! below; nothing else needs to know the list.
//!
//! Public only as far as the fuzz targets need to draw a report: [`draw`],
//! [`Document`], [`Format`], [`Input`] and [`View`]; the rest is the crate's
//! own.

pub(crate) mod baselines;
pub(crate) mod diagnostic;
pub(crate) mod diff;
pub(crate) mod lookup;
pub(crate) mod progress;
pub(crate) mod report;
pub(crate) mod rollup;
/// The workbook writer, for any command with tables to hand to Excel.
pub(crate) use xlsx::book;

use std::fmt::Write as _;
use std::path::Path;

use crate::finding::{Family, Finding, Kind, Rule, Severity};
use crate::load::Loaded;
use crate::report::Report;

/// What every format draws from.
pub struct Input<'a> {
    /// The report, which knows its language (`report.lang`).
    pub report: &'a Report,
    pub files: &'a [Loaded],
    pub view: View<'a>,
    /// Colour, for the table on a terminal.
    pub color: bool,
    /// Where `JUnit` draws the line between a failed and a passed case.
    pub fail_on: Option<Severity>,
}

/// Which command's result it is: the table differs, the other formats draw
/// what the report holds.
#[derive(Debug, Clone, Copy)]
pub enum View<'a> {
    /// `validate`: rustc-style diagnostics with snippets.
    Diagnostics,
    /// `report`: the sections named, as tables.
    Report { sections: &'a [Kind] },
    /// `diff`: each comparison side by side.
    Diff,
}

impl View<'_> {
    /// Whether the command checks `rule`: a format that lists checks (`JUnit`)
    /// must not show one that never ran as passed.
    pub(crate) fn runs(&self, rule: Rule) -> bool {
        match self {
            Self::Report { .. } => true,
            Self::Diagnostics => rule.family() == Family::Plan,
            Self::Diff => rule.family() == Family::Comparison || rule.is_load_error(),
        }
    }

    /// The report sections a document of this view shows.
    pub(crate) fn sections(&self) -> &[Kind] {
        match self {
            Self::Report { sections } => sections,
            Self::Diagnostics => &[Kind::Validation, Kind::Conflict],
            Self::Diff => &[Kind::Gap, Kind::Shortfall, Kind::Conflict, Kind::Comparison],
        }
    }
}

macro_rules! formats {
    ($($(#[doc = $doc:literal])+ $variant:ident = $name:literal in $module:ident;)*) => {
        $(mod $module;)*

        /// Every output format, by the name `--format` takes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Format { $($(#[doc = $doc])+ $variant,)* }

        impl Format {
            pub const ALL: &[Format] = &[$(Format::$variant,)*];

            pub fn name(self) -> &'static str {
                match self { $(Format::$variant => $name,)* }
            }

            /// What the format is for, for `--help`.
            pub fn about(self) -> &'static str {
                match self { $(Format::$variant => concat!($($doc),+),)* }
            }

            /// Whether the format is bytes no terminal can show: known from
            /// what its `draw` returns.
            pub fn is_binary(self) -> bool {
                match self { $(Format::$variant => is_binary($module::draw),)* }
            }
        }

        /// The report in `format`, ready to write: text from a plan is
        /// escaped the way the format needs.
        pub fn draw(format: Format, input: &Input<'_>) -> Document {
            match format { $(Format::$variant => $module::draw(input).into(),)* }
        }
    };
}

formats! {
    /// For people: diagnostics with snippets (validate), tables (report, diff).
    Table = "table" in table;
    /// The versioned JSON report (schemas/report.schema.json).
    Json = "json" in json;
    /// Markdown for a pull-request comment or a CI job summary.
    Markdown = "markdown" in markdown;
    /// A printable, self-contained HTML report (A4).
    Html = "html" in html;
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif = "sarif" in sarif;
    /// JUnit XML: a test suite per plan file, a test case per rule.
    Junit = "junit" in junit;
    /// GitHub Actions workflow commands (annotations).
    Github = "github" in github;
    /// An Excel workbook: a sheet per section, for analysts (binary: give -o).
    Xlsx = "xlsx" in xlsx;
}

/// A drawn report: text, or the bytes of a binary format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Document {
    Text(String),
    Binary(Vec<u8>),
}

impl Document {
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Self::Text(text) => text.as_bytes(),
            Self::Binary(bytes) => bytes,
        }
    }
}

/// What a format's `draw` returns: text or bytes.
trait Drawn: Into<Document> {
    const BINARY: bool;
}

impl Drawn for String {
    const BINARY: bool = false;
}

impl Drawn for Vec<u8> {
    const BINARY: bool = true;
}

fn is_binary<T: Drawn>(_: fn(&Input<'_>) -> T) -> bool {
    T::BINARY
}

impl From<String> for Document {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<Vec<u8>> for Document {
    fn from(bytes: Vec<u8>) -> Self {
        Self::Binary(bytes)
    }
}

/// The JSON report written as it is made (see [`json::write`]).
pub(crate) fn write_json(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    json::write(report, out)
}

/// GitHub's job summary: the Markdown report, saying first which findings
/// did not fit in the step's annotations.
pub(crate) fn job_summary(input: &Input<'_>) -> String {
    github::job_summary(input)
}

/// `file:line:col: severity[code]: message`, the form editors and CI logs
/// parse, with `text` as the message.
pub(crate) fn compiler_line(f: &Finding, text: &str) -> String {
    format!(
        "{}:{}:{}: {}[{}]: {text}",
        display_path(&f.location.file),
        f.location.line,
        f.location.column,
        f.severity,
        f.code,
    )
}

/// A path as a person reads it, with any control character (a newline
/// too) shown as an escape: a file name must not start a line of its own
/// in a CI log or steer a terminal.
pub(crate) fn shown_path(path: &Path) -> String {
    printable(&path.display().to_string(), false).replace('\n', "\\u{a}")
}

/// Paths as people read them, for JUnit and annotations: `/` separators,
/// no leading `./`.
pub(crate) fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let text = text.strip_prefix("./").unwrap_or(&text);
    printable(text, false).replace('\n', "\\u{a}")
}

/// A finding's message with its hint, for formats with one text field.
pub(crate) fn with_hint(f: &Finding, lang: crate::i18n::Lang) -> String {
    let message = f.message.render(lang);
    match &f.hint {
        Some(hint) => format!("{message} ({})", hint.render(lang)),
        None => message,
    }
}

/// Text for a terminal or a page: control characters, which plan text could
/// carry to retitle a terminal or clear it, and the direction overrides that
/// reorder what a reader sees, are shown as `\u{..}` escapes. With `keep_sgr`
/// the colour sequences xhht itself writes (ESC [ … m) pass.
pub(crate) fn printable(text: &str, keep_sgr: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\u{1b}' && keep_sgr {
            let rest = &text[at + 1..];
            if let Some(body) = rest.strip_prefix('[')
                && let Some(end) = body.find(|d: char| !(d.is_ascii_digit() || d == ';'))
                && body[end..].starts_with('m')
            {
                let len = 1 + 1 + end + 1;
                out.push_str(&text[at..at + len]);
                for _ in 0..len - 1 {
                    chars.next();
                }
                continue;
            }
        }
        let hidden = (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if hidden {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A message with its `quoted` ids and fields set as code, not as backticks.
pub(crate) fn markup_message(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut parts = text.split('`').peekable();
    let mut code = false;
    while let Some(part) = parts.next() {
        if code && parts.peek().is_some() {
            let _ = write!(out, "<code>{}</code>", escape_markup(part));
        } else if code {
            // An unpaired backtick: shown as it is.
            let _ = write!(out, "`{}", escape_markup(part));
        } else {
            out.push_str(&escape_markup(part));
        }
        code = !code;
    }
    out
}

/// Escapes text for HTML and XML: plan text is user input.
pub(crate) fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_text_cannot_drive_the_terminal() {
        let hostile = "a\u{1b}]0;pwned\u{7}\u{1b}[2Jb\u{202e}c";
        assert_eq!(
            printable(hostile, true),
            "a\\u{1b}]0;pwned\\u{7}\\u{1b}[2Jb\\u{202e}c"
        );
        // xhht's own colours pass on a terminal, and only there.
        assert_eq!(
            printable("\u{1b}[1;31mE\u{1b}[0m", true),
            "\u{1b}[1;31mE\u{1b}[0m"
        );
        assert_eq!(printable("\u{1b}[31m", false), "\\u{1b}[31m");
        assert_eq!(printable("dòng 1\n\tdòng 2", false), "dòng 1\n\tdòng 2");
    }
}
