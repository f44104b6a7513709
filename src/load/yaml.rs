//! YAML through serde-saphyr (maintained, pure Rust, strict on duplicate keys,
//! budgets against alias bombs and deep nesting); node positions through
//! the event stream of granit-parser (serde-saphyr's own parser), read only
//! when a finding needs a location.

use std::ops::Range;

use granit_parser::{Event, Parser, Span, Tag};

use serde::de::DeserializeOwned;

use super::{LoadError, LoadErrorKind, offset_for};
use crate::msg;
use crate::source::{LineCol, NodeSpan, PathHash, SourceFile, SpanIndex};

/// serde-saphyr's "expected mapping start" and "expected sequence start", reworded.
pub(super) const EXPECTED_MAPPING: &str = "expected `key: value` pairs here";
pub(super) const EXPECTED_LIST: &str = "expected a list here";

/// The most YAML nodes (values, lists and mappings, each alias counting the
/// nodes it repeats) xhht reads from one file: serde-saphyr's default,
/// named here so the error can say it. The largest bundled plan has about
/// 3,000.
pub(super) const MAX_NODES: usize = 250_000;

fn options(max_nodes: usize) -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    // YAML 1.1's yes/no/on/off must never turn into booleans.
    options.strict_booleans = true;
    options.reject_unsupported_tags = true;
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = max_nodes;
    options.budget = Some(budget);
    options
}

pub(super) fn parse<T: DeserializeOwned>(source: &SourceFile) -> Result<T, LoadError> {
    parse_within(source, MAX_NODES)
}

fn parse_within<T: DeserializeOwned>(
    source: &SourceFile,
    max_nodes: usize,
) -> Result<T, LoadError> {
    if let Some(span) = binary_value(source) {
        return Err(LoadError {
            kind: LoadErrorKind::WrongType,
            message: msg!("load.yaml.binary"),
            span: Some(span),
            hint: Some(msg!("load.yaml.binary-hint")),
            also: Box::default(),
        });
    }
    serde_saphyr::from_str_with_options(&source.text, options(max_nodes))
        .map_err(|err| to_load_error(source, &err, max_nodes))
}

/// The id a plan file's `document` declares, from the parser's events up to
/// that value only: what indexing a country's plans needs without
/// deserializing each twice. The events are the ones serde-saphyr reads
/// the whole file from, so the id is the one loading the file gives,
/// whenever it loads. None when there is none, or it is written as an
/// alias.
pub(super) fn document_id(text: &str) -> Option<String> {
    let mut open: Vec<Open> = Vec::new();
    let in_document = |open: &[Open]| {
        matches!(
            open,
            [Open::Mapping { key: Some(root), .. }, Open::Mapping { .. }] if root == "document"
        )
    };
    for event in Parser::new_from_str(text) {
        let (event, _) = event.ok()?;
        let scalar = match event {
            Event::Scalar(value, ..) => Some(value.to_string()),
            Event::Alias(_) => None,
            Event::MappingStart(..) => {
                open.push(Open::Mapping {
                    key: None,
                    key_next: true,
                });
                continue;
            }
            Event::SequenceStart(..) => {
                open.push(Open::Sequence);
                continue;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if in_document(&open) {
                    return None;
                }
                open.pop();
                value_read(&mut open);
                continue;
            }
            Event::DocumentEnd => return None,
            _ => continue,
        };
        if let Some(Open::Mapping { key, key_next }) = open.last_mut()
            && *key_next
        {
            *key = scalar;
            *key_next = false;
            continue;
        }
        let is_id =
            matches!(open.last(), Some(Open::Mapping { key: Some(key), .. }) if key == "id");
        if is_id && in_document(&open) {
            return scalar;
        }
        value_read(&mut open);
    }
    None
}

/// After a mapping's value, its next node is a key.
fn value_read(open: &mut [Open]) {
    if let Some(Open::Mapping { key_next, .. }) = open.last_mut() {
        *key_next = true;
    }
}

/// An open collection while [`document_id`] reads: a mapping knows its
/// current key, and whether the next node is a key.
enum Open {
    Mapping { key: Option<String>, key_next: bool },
    Sequence,
}

/// Where the first value tagged `!!binary` is, however the tag is spelt
/// (`!!binary`, `!<tag:yaml.org,2002:binary>`, a `%TAG` handle, `!binary`).
/// serde-saphyr would decode it from base64 into text, which lets a plan
/// carry NUL or ESC that no one wrote; and xhht has no field for bytes.
fn binary_value(source: &SourceFile) -> Option<Range<usize>> {
    // Every tag starts with `!`; plans seldom have one at all, and then
    // the events need not be read.
    if !source.text.contains('!') {
        return None;
    }
    for event in Parser::new_from_str(&source.text) {
        // A file the parser refuses is the deserializer's to report.
        let (event, span) = event.ok()?;
        if let Event::Scalar(.., Some(tag)) = &event
            && is_binary(tag)
        {
            return Some(byte_range(source, &span));
        }
    }
    None
}

/// What one pass over the parser's events (no alias is expanded, so it is
/// linear in the text) tells about a file that did not deserialize.
pub(super) struct Scan {
    /// The text itself is broken somewhere.
    pub syntax_error: bool,
    /// Some value repeats an anchor (`*name`): an item read alone would
    /// miss the anchor it names.
    pub aliases: bool,
}

pub(super) fn scan(source: &SourceFile) -> Scan {
    let mut aliases = false;
    for event in Parser::new_from_str(&source.text) {
        match event {
            Err(_) => {
                return Scan {
                    syntax_error: true,
                    aliases,
                };
            }
            Ok((Event::Alias(_), _)) => aliases = true,
            Ok(_) => {}
        }
    }
    Scan {
        syntax_error: false,
        aliases,
    }
}

/// serde-saphyr's reading of the tag: `binary` in the YAML namespace, or
/// a local `!binary`.
fn is_binary(tag: &Tag) -> bool {
    tag.suffix_in_namespace("tag:yaml.org,2002:")
        .or_else(|| tag.suffix_in_namespace("!"))
        .is_some_and(|name| name.trim_start_matches('!') == "binary")
}

/// The error serde-saphyr wraps in a snippet or an alias's locations, and
/// whether it arose while an alias (`*name`) was being repeated.
fn original(mut err: &serde_saphyr::Error) -> (&serde_saphyr::Error, bool) {
    let mut aliased = false;
    loop {
        match err {
            serde_saphyr::Error::WithSnippet { error, .. } => err = error,
            serde_saphyr::Error::AliasError { error, .. } => {
                aliased = true;
                err = error;
            }
            _ => return (err, aliased),
        }
    }
}

fn to_load_error(source: &SourceFile, err: &serde_saphyr::Error, max_nodes: usize) -> LoadError {
    let span = err.location().and_then(|at| {
        (at.line() > 0).then(|| {
            let offset = offset_for(source, at.line(), at.column());
            offset..offset
        })
    });
    let raw = message_of(err);
    let raw = raw.trim();
    let mut error = LoadError::from_serde_message(raw, span);
    if error.kind == super::LoadErrorKind::MissingField
        && let Some(at) = error.span.as_ref().map(|s| s.start)
        && let Some((path, key)) = enclosing_mapping(source, at)
    {
        // serde-saphyr stops where the mapping ended; point at the mapping's own key.
        error.message = msg!("load.yaml.missing-in", path, message = &error.message);
        error.span = Some(key);
    }
    if raw.starts_with("duplicate mapping key") {
        error.hint = Some(msg!("load.yaml.duplicate-key-hint"));
    }
    // Wrapped: the parser's own words stay, in parentheses.
    let lowered = raw.to_lowercase();
    if let (
        serde_saphyr::Error::Budget {
            breach: serde_saphyr::budget::BudgetBreach::Nodes { .. },
            ..
        },
        aliased,
    ) = original(err)
    {
        // A plan this large is a mistake or many plans in one: say the
        // limit and what to do, not how to write YAML more compactly.
        let limit = max_nodes;
        error.message = if aliased {
            msg!("load.yaml.too-many-nodes-aliased", limit)
        } else {
            msg!("load.yaml.too-many-nodes", limit)
        };
        error.hint = Some(msg!("load.yaml.too-many-nodes-hint"));
    } else if lowered.contains("budget") || lowered.contains("alias") && lowered.contains("limit") {
        error.message = msg!("load.yaml.too-large", raw);
        error.hint = Some(msg!("load.yaml.too-large-hint"));
    } else if lowered.contains("recursion")
        || lowered.contains("depth")
        || lowered.contains("nesting")
    {
        error.message = msg!("load.yaml.too-deep", raw);
        error.hint = Some(msg!("load.yaml.too-deep-hint"));
    } else if error.kind == LoadErrorKind::Syntax
        && let Some(at) = error.span.as_ref().map(|s| s.start)
        && let Some(quote) = runaway_quote(&source.text, at)
    {
        // The parser read the rest of the value as quoted text and failed
        // lines later; the mistake is where the quote opened.
        let line = source.line_col(at).line;
        error.message = msg!("load.yaml.quote-runs-on", line, raw);
        error.hint = Some(msg!("load.yaml.quote-runs-on-hint"));
        error.span = Some(quote..quote);
    }
    if error.kind == LoadErrorKind::Syntax && error.hint.is_none() {
        error.hint = syntax_hint(&lowered);
    }
    error
}

/// What to do about the YAML mistakes people make, by the parser's words.
fn syntax_hint(lowered: &str) -> Option<crate::i18n::Message> {
    if lowered.contains("mapping values are not allowed") {
        Some(msg!("load.yaml.colon-hint"))
    } else if lowered.contains("tabs disallowed") || lowered.contains("tab character") {
        Some(msg!("load.yaml.tab-hint"))
    } else if lowered.contains("did not find expected key")
        || lowered.contains("did not find expected '-'")
    {
        Some(msg!("load.yaml.indentation-hint"))
    } else {
        None
    }
}

/// The opening quote of a quoted value that a syntax error at `at` is
/// likely about: a quote opened on an earlier line than `at` whose value is
/// still open at `at`, or closed on `at`'s own line, and which took in a
/// line indented no deeper than the one it opened on (a sibling key, not
/// text meant to go on). A heuristic over the text, not a parser (see
/// [`last_quoted`]); when the text is not like that it finds nothing
/// rather than guess.
fn runaway_quote(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let at = at.min(bytes.len());
    let error_line = line_start(bytes, at);
    let (start, end) = match last_quoted(bytes, at)? {
        (start, None) => (start, at),
        (start, Some(close)) if close >= error_line => (start, close),
        _ => return None,
    };
    let first_line = line_start(bytes, start);
    if first_line >= error_line {
        return None;
    }
    let opened_at = indent(bytes, first_line);
    let took_in_a_sibling = (start..end)
        .filter(|&n| bytes[n] == b'\n')
        .map(|n| n + 1)
        .any(|line| !blank(bytes, line) && indent(bytes, line) <= opened_at);
    took_in_a_sibling.then_some(start)
}

/// The last quoted value that opened before `at`: where its quote opened,
/// and where it closed unless it is still open at `at`. Quotes count only
/// where a value can begin (so `it's` in plain text is not one); comments
/// and block scalars (`|`, `>`) are skipped. Only ASCII bytes are compared,
/// so every offset found is a character boundary.
fn last_quoted(bytes: &[u8], at: usize) -> Option<(usize, Option<usize>)> {
    let spaced = |i: usize| bytes.get(i).is_none_or(u8::is_ascii_whitespace);
    let mut open: Option<(usize, u8)> = None;
    let mut last = None;
    let mut value_may_start = true;
    let mut flow = 0usize;
    // The indentation of the line a block scalar began on.
    let mut block: Option<usize> = None;
    let mut i = 0;
    while i < at {
        let b = bytes[i];
        if let Some((start, quote)) = open {
            let escaped = b == b'\\' && quote == b'"'
                || b == b'\'' && quote == b'\'' && bytes.get(i + 1) == Some(&b'\'');
            if escaped {
                i += 1;
            } else if b == quote {
                last = Some((start, Some(i)));
                open = None;
                value_may_start = false;
            }
            i += 1;
            continue;
        }
        if i == 0 || bytes[i - 1] == b'\n' {
            if let Some(parent) = block {
                if blank(bytes, i) || indent(bytes, i) > parent {
                    i = line_end(bytes, i).max(i + 1);
                    continue;
                }
                block = None;
            }
            value_may_start = true;
        }
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => {}
            b'#' if i == 0 || bytes[i - 1].is_ascii_whitespace() => {
                i = line_end(bytes, i);
                continue;
            }
            b'"' | b'\'' if value_may_start => open = Some((i, b)),
            b':' if spaced(i + 1) => value_may_start = true,
            b'-' | b'?' if value_may_start && spaced(i + 1) => {}
            b'[' | b'{' if value_may_start => flow += 1,
            b',' if flow > 0 => value_may_start = true,
            b']' | b'}' if flow > 0 => {
                flow -= 1;
                value_may_start = false;
            }
            b'|' | b'>' if value_may_start && flow == 0 => {
                block = Some(indent(bytes, line_start(bytes, i)));
                i = line_end(bytes, i);
                continue;
            }
            // An anchor or a tag before the value.
            b'&' | b'!' if value_may_start => {
                while i < at && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                continue;
            }
            _ => value_may_start = false,
        }
        i += 1;
    }
    open.map(|(start, _)| (start, None)).or(last)
}

fn line_start(bytes: &[u8], i: usize) -> usize {
    bytes[..i]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |n| n + 1)
}

fn line_end(bytes: &[u8], i: usize) -> usize {
    bytes[i..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |n| i + n)
}

fn indent(bytes: &[u8], line: usize) -> usize {
    bytes[line..].iter().take_while(|&&b| b == b' ').count()
}

fn blank(bytes: &[u8], line: usize) -> bool {
    bytes[line..line_end(bytes, line)]
        .iter()
        .all(u8::is_ascii_whitespace)
}

/// The error's own words, without the position and snippet we render
/// ourselves and without advice about serde-saphyr's options.
fn message_of(err: &serde_saphyr::Error) -> String {
    let text = err.without_snippet().to_string();
    let mut message = text.lines().next().unwrap_or_default();
    // "line 3 column 1: duplicate mapping key" → "duplicate mapping key"
    if let Some((prefix, rest)) = message.split_once(": ")
        && prefix.starts_with("line ")
    {
        message = rest;
    }
    if let Some(at) = message.rfind(" at line ") {
        message = &message[..at];
    }
    let message = message.replace(", set DuplicateKeyPolicy in Options if acceptable", "");
    // The library's advice is for programmers; a plan is one document.
    let message = match message.split_once("; use from_str_multiple") {
        Some((head, _)) => format!(
            "{head}: a plan file holds one document; remove the `---` and what follows, or split it into files"
        ),
        None => message,
    };
    match message.as_str() {
        "expected mapping start" => EXPECTED_MAPPING.into(),
        "expected sequence start" => EXPECTED_LIST.into(),
        _ => message,
    }
}

/// The innermost keyed mapping whose text holds `offset`: its key's text and span.
fn enclosing_mapping(source: &SourceFile, offset: usize) -> Option<(String, Range<usize>)> {
    span_index(source)
        .into_values()
        .filter_map(|span| Some((span.key?, span.value)))
        .filter(|(_, value)| value.start <= offset && offset <= value.end && !value.is_empty())
        .min_by_key(|(_, value)| value.len())
        .map(|(key, _)| (source.text[key.clone()].to_owned(), key))
}

/// Walks the parser's events (no tree is built) and records where each
/// path's key and value sit.
pub(super) fn span_index(source: &SourceFile) -> SpanIndex {
    let mut index = SpanIndex::new();
    let mut stack: Vec<Frame> = Vec::new();
    for event in Parser::new_from_str(&source.text) {
        let Ok((event, span)) = event else {
            // The deserializer accepted the text; if the parser does not,
            // findings fall back to the nearest path already recorded.
            break;
        };
        let range = byte_range(source, &span);
        match event {
            Event::Scalar(text, ..) => {
                if let Some((path, key)) = place(&mut stack, Some((&text, range.clone()))) {
                    index.entry(path).or_insert(NodeSpan { key, value: range });
                }
            }
            Event::Alias(_) => {
                if let Some((path, key)) = place(&mut stack, None) {
                    index.entry(path).or_insert(NodeSpan { key, value: range });
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let mapping = matches!(event, Event::MappingStart(..));
                let (path, key) = place(&mut stack, None).unwrap_or((PathHash::ROOT, None));
                stack.push(Frame {
                    path,
                    key,
                    start: range.start,
                    kind: if mapping {
                        FrameKind::Mapping { pending: None }
                    } else {
                        FrameKind::Sequence { next: 0 }
                    },
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some(frame) = stack.pop() {
                    // A flow collection ends after its bracket; a block one
                    // where the next token starts.
                    let closing = source.text[range.start..].starts_with(['}', ']']);
                    let end = range.start + usize::from(closing);
                    let value = frame.start..end.max(frame.start);
                    index.entry(frame.path).or_insert(NodeSpan {
                        key: frame.key,
                        value,
                    });
                }
            }
            Event::DocumentEnd => break,
            _ => {}
        }
    }
    index
}

/// An open mapping or sequence, with where it sits.
struct Frame {
    path: PathHash,
    key: Option<Range<usize>>,
    start: usize,
    kind: FrameKind,
}

enum FrameKind {
    /// A mapping, holding the path and span of the key whose value comes next.
    Mapping {
        pending: Option<(PathHash, Range<usize>)>,
    },
    Sequence {
        next: usize,
    },
}

/// Where the next node goes: its path and its key's span, or `None` when the
/// node is itself a mapping key (`scalar` carries its text).
fn place(
    stack: &mut [Frame],
    scalar: Option<(&str, Range<usize>)>,
) -> Option<(PathHash, Option<Range<usize>>)> {
    let Some(parent) = stack.last_mut() else {
        return Some((PathHash::ROOT, None));
    };
    match &mut parent.kind {
        FrameKind::Sequence { next } => {
            let path = parent.path.index(*next);
            *next += 1;
            Some((path, None))
        }
        FrameKind::Mapping { pending } => {
            if let Some((path, key)) = pending.take() {
                Some((path, Some(key)))
            } else {
                // A key: remember it for the value that follows. A complex
                // (non-scalar) key is not a field name and gets no path.
                let (name, span) = scalar.unwrap_or(("", 0..0));
                *pending = Some((parent.path.key(name), span));
                None
            }
        }
    }
}

fn byte_range(source: &SourceFile, span: &Span) -> Range<usize> {
    // Parsing a &str, the parser knows byte offsets; the fallback counts
    // lines and characters like an editor.
    let at = |m: &granit_parser::Marker| {
        m.byte_offset().unwrap_or_else(|| {
            source.offset_of(LineCol {
                line: m.line(),
                column: m.col() + 1,
            })
        })
    };
    let start = at(&span.start);
    let end = at(&span.end).max(start);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Plan;
    use crate::source::Format;

    #[test]
    fn the_document_id_is_read_as_the_parser_reads_it() {
        for (text, id) in [
            ("document:\n  title: x\n  id: a-1\n", Some("a-1")),
            (
                "links: {}\ndocument: {id: \"a-2\", title: x}\n",
                Some("a-2"),
            ),
            ("\u{feff}document:\r\n  id: a-3\r\n", Some("a-3")),
            // A quoted text running over a line that starts `document:`.
            (
                "links: {note: \"x\ndocument:\n  id: fake\"}\ndocument:\n  id: real\n",
                Some("real"),
            ),
            (
                "targets:\n  - document: {id: inner}\ndocument: {id: outer}\n",
                Some("outer"),
            ),
            ("document:\n  id: &a a-4\n", Some("a-4")),
            ("x: &i a-5\ndocument:\n  id: *i\n", None),
            ("document:\n  title: x\n", None),
            ("document: [\n", None),
        ] {
            assert_eq!(document_id(text).as_deref(), id, "{text}");
        }
    }

    fn source(text: &str) -> SourceFile {
        SourceFile::new("p.yaml".into(), text.to_owned(), Format::Yaml)
    }

    /// The line and column of where an error points.
    fn at(source: &SourceFile, error: &LoadError) -> (usize, usize) {
        let at = source.line_col(error.span.as_ref().unwrap().start);
        (at.line, at.column)
    }

    #[test]
    fn binary_values_are_refused_however_the_tag_is_spelt() {
        for tag in [
            "!!binary",
            "!<tag:yaml.org,2002:binary>",
            "!!bin%61ry",
            "!binary",
            "!b!ary",
        ] {
            let text = format!(
                "%TAG !b! tag:yaml.org,2002:bin\n---\ndocument:\n  title: {tag} YQBiG1s=\n"
            );
            let source = source(&text);
            let error = parse::<Plan>(&source).unwrap_err();
            assert_eq!(error.message.id(), Some("load.yaml.binary"), "{tag}");
            assert_eq!(error.kind, LoadErrorKind::WrongType);
            assert_eq!(at(&source, &error).0, 4, "{tag}");
        }
        // An exclamation mark in text is not a tag.
        let text = "document: {title: \"Học!\", note: Hay quá!}\n";
        assert_eq!(binary_value(&source(text)), None);
    }

    #[test]
    fn too_many_nodes_says_the_limit_whether_or_not_aliases_repeat_them() {
        let plain = format!("document: {{milestones: [{}]}}\n", "2021, ".repeat(200));
        let error = parse_within::<Plan>(&source(&plain), 100).unwrap_err();
        assert_eq!(
            error.message.english(),
            "the file has more than 100 YAML nodes (values, lists and mappings); xhht reads at most 100 from one file"
        );
        let hint = error.hint.unwrap().english();
        assert!(
            hint.contains("split this file") && !hint.contains("anchor"),
            "{hint}"
        );
        let aliased = format!(
            "agencies:\n  - &a {{id: a, name: A, kind: office, level: commune, aliases: [{}]}}\n{}",
            "x, ".repeat(40),
            "  - *a\n".repeat(5)
        );
        let error = parse_within::<Plan>(&source(&aliased), 100).unwrap_err();
        assert_eq!(error.message.id(), Some("load.yaml.too-many-nodes-aliased"));
    }

    /// The title's quote is left open and runs to `jurisdiction`'s.
    const RUNAWAY: &str = "document:\n  id: p\n  title: \"Kế hoạch\n  kind: plan\n  issuer: x\n  jurisdiction: \"J\"\n";

    #[test]
    fn a_quote_left_open_is_pointed_at_where_it_opens() {
        let source = source(RUNAWAY);
        let error = parse::<Plan>(&source).unwrap_err();
        assert_eq!(at(&source, &error), (3, 10));
        assert_eq!(
            error.message.english(),
            "this quote is not closed on its line, so the quoted text runs on to line 6, where reading stopped (invalid trailing content after double-quoted scalar)"
        );
        let single = RUNAWAY.replace('"', "'");
        let source = super::tests::source(&single);
        let error = parse::<Plan>(&source).unwrap_err();
        assert_eq!(at(&source, &error).0, 3, "{:?}", error.message.english());
    }

    #[test]
    fn runaway_quotes_are_found_only_where_they_are_likely() {
        // Where the parser stops in RUNAWAY: after `jurisdiction: "`.
        let stop = RUNAWAY.find("J\"").unwrap();
        let title = RUNAWAY.find("\"Kế").unwrap();
        assert_eq!(runaway_quote(RUNAWAY, stop), Some(title));
        // Still open where the parser stops.
        assert_eq!(runaway_quote(RUNAWAY, stop - 3), Some(title));
        // A sequence item's quote, taking in the next item.
        let text = "tasks:\n  - id: a\n    title: \"A\n  - id: b\n    title: \"B\" x\n";
        let open = text.find("\"A").unwrap();
        assert_eq!(runaway_quote(text, text.find("B\"").unwrap()), Some(open));
        let unlikely = [
            // Text meant to go on, indented deeper than its key.
            "note: \"one\n    two\" x\n",
            // Quotes inside plain text are not quotes.
            "title: it's \"so\nkind: plan\nnote: x: y\n",
            // Nor in a comment, or a block scalar.
            "# it's\nkind: plan\nnote: x: y\n",
            "note: |\n  \"quoted\nkind: plan\nnote: x: y\n",
            // Opened and stopped on the same line.
            "a: x\ntitle: \"abc\n",
        ];
        for text in unlikely {
            let stop = text.rfind(['x', 'c']).unwrap();
            assert_eq!(runaway_quote(text, stop), None, "{text:?}");
        }
        // Past the end, and in the middle of a character, without panicking.
        assert_eq!(runaway_quote("a: \"é\n", 100), None);
        assert_eq!(runaway_quote("a: é", 4), None);
    }

    proptest::proptest! {
        /// Whatever the text and wherever the parser stopped: a quote
        /// before that point, never a panic.
        #[test]
        fn a_runaway_quote_is_a_quote_before_the_stop(
            text in "[a-c:#|>'\"\\\\ \n\t\\-\\[\\]{},é]{0,60}",
            at in 0usize..70,
        ) {
            if let Some(quote) = runaway_quote(&text, at) {
                proptest::prop_assert!(quote < at.min(text.len()));
                proptest::prop_assert!(matches!(text.as_bytes()[quote], b'"' | b'\''));
            }
        }
    }
}
