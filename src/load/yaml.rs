//! YAML through serde-saphyr (maintained, pure Rust, strict on duplicate keys,
//! budgets against alias bombs and deep nesting); node positions through
//! the event stream of granit-parser (serde-saphyr's own parser), read only
//! when a finding needs a location.

use std::ops::Range;

use granit_parser::{Event, Parser, Span};

use serde::de::DeserializeOwned;

use super::{LoadError, offset_for};
use crate::msg;
use crate::source::{LineCol, NodeSpan, PathHash, SourceFile, SpanIndex};

/// serde-saphyr's "expected mapping start" and "expected sequence start", reworded.
pub(super) const EXPECTED_MAPPING: &str = "expected `key: value` pairs here";
pub(super) const EXPECTED_LIST: &str = "expected a list here";

fn options() -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    // YAML 1.1's yes/no/on/off must never turn into booleans.
    options.strict_booleans = true;
    options.reject_unsupported_tags = true;
    options
}

pub(super) fn parse<T: DeserializeOwned>(source: &SourceFile) -> Result<T, LoadError> {
    serde_saphyr::from_str_with_options(&source.text, options())
        .map_err(|err| to_load_error(source, &err))
}

fn to_load_error(source: &SourceFile, err: &serde_saphyr::Error) -> LoadError {
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
    if lowered.contains("budget") || lowered.contains("alias") && lowered.contains("limit") {
        error.message = msg!("load.yaml.too-large", raw);
        error.hint = Some(msg!("load.yaml.too-large-hint"));
    } else if lowered.contains("recursion")
        || lowered.contains("depth")
        || lowered.contains("nesting")
    {
        error.message = msg!("load.yaml.too-deep", raw);
        error.hint = Some(msg!("load.yaml.too-deep-hint"));
    }
    error
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
