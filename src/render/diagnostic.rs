//! Findings as rustc-style diagnostics: code, message, <file:line:column>, the
//! offending line with a caret, and a hint.

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use std::collections::HashMap;
use std::ops::Range;

use crate::finding::{Finding, Severity, Tally};
use crate::i18n::{self, Label, Lang};
use crate::load::Loaded;
use crate::source::{LineCol, SourceFile};

pub(crate) fn renderer(color: bool) -> Renderer {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.decor_style(DecorStyle::Unicode)
}

/// The finding's level, named in the run's language (English keeps the
/// renderer's own names).
fn level(severity: Severity, lang: Lang) -> Level<'static> {
    let level = match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    #[expect(
        clippy::match_wildcard_for_single_variants,
        reason = "every language but English names the levels in its own words"
    )]
    match lang {
        Lang::En => level,
        lang => level.with_name(i18n::severity(severity, lang)),
    }
}

/// A secondary level (note, help) in the run's language.
fn secondary(level: Level<'static>, label: Label, lang: Lang) -> Level<'static> {
    #[expect(
        clippy::match_wildcard_for_single_variants,
        reason = "every language but English names the levels in its own words"
    )]
    match lang {
        Lang::En => level,
        lang => level.with_name(label.text(lang)),
    }
}

/// Renders one finding; `source` is the file it points into, when its text is at hand.
pub(crate) fn render(
    finding: &Finding,
    source: Option<&SourceFile>,
    renderer: &Renderer,
    lang: Lang,
) -> String {
    let path = super::shown_path(&finding.location.file);
    // Made inert before the renderer adds its colours: an escape sequence
    // in a plan must not colour or conceal anything.
    let inert = |text: String| super::printable(&text, false);
    let message = inert(finding.message.render(lang));
    let notes: Vec<String> = finding
        .notes
        .iter()
        .map(|n| inert(n.render(lang)))
        .collect();
    let hint = finding.hint.as_ref().map(|h| inert(h.render(lang)));
    let title = level(finding.severity, lang)
        .primary_title(message.as_str())
        .id(finding.code.code());
    let mut groups = Vec::new();
    let snippet = source.and_then(|s| line_snippet(s, finding));
    match &snippet {
        Some((line_text, span)) => {
            let label = finding.field.as_deref().unwrap_or_default();
            let shown = Snippet::source(line_text.as_str())
                .line_start(finding.location.line)
                .annotation(AnnotationKind::Primary.span(span.clone()).label(label));
            // A cut line would give the column within the cut: name the
            // place from the finding instead.
            let group = if line_text.starts_with('…') {
                title.element(origin(&path, finding)).element(shown)
            } else {
                title.element(shown.path(path))
            };
            groups.push(group);
        }
        None => groups.push(title.element(origin(&path, finding))),
    }
    for note in &notes {
        groups.push(Group::with_title(
            secondary(Level::NOTE, Label::Note, lang).secondary_title(note.as_str()),
        ));
    }
    if let Some(hint) = &hint {
        groups.push(Group::with_title(
            secondary(Level::HELP, Label::Help, lang).secondary_title(hint.as_str()),
        ));
    }
    renderer.render(&groups).clone()
}

fn origin<'a>(path: &'a str, finding: &Finding) -> annotate_snippets::Origin<'a> {
    annotate_snippets::Origin::path(path)
        .line(finding.location.line.max(1))
        .char_column(finding.location.column.max(1))
}

/// The line a finding starts on, and its span within that line (a snippet
/// never runs past its first line: plans have long multi-line values). A
/// long line is cut to a window around the span, marked with `…`: a
/// thousand findings on one line must not draw that line a thousand times.
fn line_snippet(source: &SourceFile, finding: &Finding) -> Option<(String, Range<usize>)> {
    if source.text.trim().is_empty() {
        return None;
    }
    let text = source.text.as_str();
    let span = &finding.location.span;
    let start = text.floor_char_boundary(span.start);
    let line_start = source
        .offset_of(LineCol {
            line: finding.location.line.max(1),
            column: 1,
        })
        .min(start);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    // A position can fall on the line's closing `\r`, which is not shown.
    let line = text[line_start..line_end].trim_end_matches('\r');
    let from = (start - line_start).min(line.len());
    let to = span.end.saturating_sub(line_start).clamp(from, line.len());
    let to = line.floor_char_boundary(to);
    let (shown, span) = window(line, from..to);
    Some(inert_line(&shown, span))
}

/// The line with control characters as escapes (as `printable` shows them),
/// the span moved with the text it covers.
fn inert_line(line: &str, span: Range<usize>) -> (String, Range<usize>) {
    let mut out = String::with_capacity(line.len());
    let (mut start, mut end) = (None, None);
    for (at, c) in line.char_indices() {
        if at == span.start {
            start = Some(out.len());
        }
        if at == span.end {
            end = Some(out.len());
        }
        out.push_str(&super::printable(c.encode_utf8(&mut [0; 4]), false));
    }
    let start = start.unwrap_or(out.len());
    let end = end.unwrap_or(out.len()).max(start);
    (out, start..end)
}

/// Bytes of a line shown before and after the start of a span.
const BEFORE: usize = 60;
const AFTER: usize = 120;

fn window(line: &str, span: Range<usize>) -> (String, Range<usize>) {
    if line.len() <= BEFORE + AFTER {
        return (line.to_owned(), span);
    }
    let first = line.floor_char_boundary(span.start.saturating_sub(BEFORE));
    let last = line.floor_char_boundary((span.start + AFTER).min(line.len()));
    let mut shown = String::new();
    if first > 0 {
        shown.push('…');
    }
    let shift = shown.len();
    shown.push_str(&line[first..last]);
    if last < line.len() {
        shown.push('…');
    }
    let start = span.start - first + shift;
    let end = (span.end.min(last) - first + shift).max(start);
    (shown, start..end)
}

pub(crate) fn summary(tally: Tally, files: usize, lang: Lang) -> String {
    let counts = counts(tally);
    crate::msg!("summary.checked", files, counts).render(lang)
}

/// "0 errors, 1 warning, 2 infos", each word agreeing with its number.
pub(crate) fn counts(tally: Tally) -> crate::i18n::Message {
    let Tally {
        errors,
        warnings,
        infos,
    } = tally;
    crate::msg!("summary.counts", errors, warnings, infos)
}

/// rustc-style diagnostics, each with the offending line, then a summary.
pub(crate) fn all(
    files: &[Loaded],
    status_sources: &[SourceFile],
    findings: &[Finding],
    color: bool,
    lang: Lang,
) -> String {
    let renderer = renderer(color);
    let sources: HashMap<_, _> = files
        .iter()
        .map(|f| &f.source)
        .chain(status_sources)
        .map(|source| (&source.path, source))
        .collect();
    let mut out = String::new();
    // With --accepted, only what the accepted file does not cover.
    let (new, accepted): (Vec<Finding>, Vec<Finding>) =
        findings.iter().cloned().partition(Finding::is_new);
    for f in &new {
        let source = sources.get(&f.location.file).copied();
        out.push_str(&render(f, source, &renderer, lang));
        out.push_str("\n\n");
    }
    out.push_str(&summary(Tally::of(&new), files.len(), lang));
    if !accepted.is_empty() {
        out.push_str(&format!(
            "; {}: {}",
            Label::Accepted.text(lang),
            accepted.len()
        ));
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use proptest::prelude::*;

    use super::*;
    use crate::finding::Rule;
    use crate::i18n::Message;
    use crate::source::Format;

    fn draw(text: &str, span: std::ops::Range<usize>) -> String {
        let source = SourceFile::new(PathBuf::from("x.yaml"), text.to_owned(), Format::Yaml);
        let finding = Finding::new(Rule::Syntax, &source, span, Message::verbatim("bad"));
        render(&finding, Some(&source), &renderer(false), Lang::En)
    }

    /// A position just after a line's closing `\r` (what `d\r\xff` and
    /// `a = "x\r` produced) once made the snippet's range run backwards.
    #[test]
    fn a_position_on_a_closing_carriage_return_is_drawn() {
        assert!(draw("d\r", 2..2).contains("x.yaml"));
        assert!(draw("a = \"x\r", 7..7).contains("x.yaml"));
        assert!(draw("ab\r\ncd", 2..9).contains("x.yaml"));
    }

    proptest! {
        #[test]
        fn any_span_against_any_text_is_drawn(
            text in "[a\r\nệ\t ]{0,12}",
            start in 0usize..20,
            len in 0usize..20,
        ) {
            draw(&text, start..start + len);
        }
    }
}
