//! YAML through serde-saphyr (maintained, pure Rust, strict on duplicate keys,
//! budgets against alias bombs and deep nesting); node positions through
//! saphyr's marked tree, built only when a finding needs a location.

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};

use serde::de::DeserializeOwned;

use super::{LoadError, offset_for};
use crate::source::{FieldPath, LineCol, NodeSpan, SourceFile, SpanIndex};
use crate::tr;

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
        let message = &error.message;
        error.message = tr!("`{path}` is {message}", "`{path}` {message}");
        error.span = Some(key);
    }
    if raw.starts_with("duplicate mapping key") {
        error.hint = Some(tr!(
            "remove one of the two; xhht never lets the last one silently win",
            "xóa một trong hai khóa; xhht không bao giờ lặng lẽ lấy giá trị viết sau"
        ));
    }
    // Wrapped: the parser's own words stay, in parentheses.
    let lowered = raw.to_lowercase();
    if lowered.contains("budget") || lowered.contains("alias") && lowered.contains("limit") {
        error.message = tr!(
            "the YAML expands beyond safe limits ({raw})",
            "nội dung YAML khi mở rộng vượt quá giới hạn an toàn ({raw})"
        );
        error.hint = Some(tr!(
            "plans never need this many aliases or nodes; remove the anchors (&) and aliases (*) that repeat each other",
            "kế hoạch không bao giờ cần nhiều bí danh (alias) hoặc nút đến vậy; xóa các neo (&) và bí danh (*) lặp lại nhau"
        ));
    } else if lowered.contains("recursion")
        || lowered.contains("depth")
        || lowered.contains("nesting")
    {
        error.message = tr!(
            "the YAML is nested too deeply ({raw})",
            "nội dung YAML lồng nhau quá sâu ({raw})"
        );
        error.hint = Some(tr!(
            "a plan is at most a few levels deep; check for unclosed brackets",
            "một kế hoạch chỉ lồng nhau vài cấp; kiểm tra các dấu ngoặc chưa đóng"
        ));
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
    match message.as_str() {
        "expected mapping start" => EXPECTED_MAPPING.into(),
        "expected sequence start" => EXPECTED_LIST.into(),
        _ => message,
    }
}

/// The innermost keyed mapping whose text holds `offset`, with its key's span.
fn enclosing_mapping(
    source: &SourceFile,
    offset: usize,
) -> Option<(FieldPath, std::ops::Range<usize>)> {
    span_index(source)
        .into_iter()
        .filter_map(|(path, span)| Some((path, span.key?, span.value)))
        .filter(|(_, _, value)| value.start <= offset && offset <= value.end && !value.is_empty())
        .min_by_key(|(_, _, value)| value.len())
        .map(|(path, key, _)| (path, key))
}

pub(super) fn span_index(source: &SourceFile) -> SpanIndex {
    let mut index = SpanIndex::new();
    if let Ok(docs) = MarkedYaml::load_from_str(&source.text)
        && let Some(root) = docs.first()
    {
        walk(source, root, FieldPath::root(), None, &mut index);
    }
    index
}

fn walk(
    source: &SourceFile,
    node: &MarkedYaml<'_>,
    path: FieldPath,
    key: Option<std::ops::Range<usize>>,
    index: &mut SpanIndex,
) {
    let value = byte_range(source, node);
    match &node.data {
        YamlData::Mapping(map) => {
            for (k, v) in map {
                let name = match &k.data {
                    YamlData::Value(Scalar::String(s)) => s.to_string(),
                    YamlData::Value(other) => scalar_text(other),
                    _ => continue,
                };
                walk(
                    source,
                    v,
                    path.key(&name),
                    Some(byte_range(source, k)),
                    index,
                );
            }
        }
        YamlData::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(source, item, path.index(i), None, index);
            }
        }
        YamlData::Tagged(_, inner) => {
            walk(source, inner, path.clone(), key.clone(), index);
        }
        _ => {}
    }
    index.entry(path).or_insert(NodeSpan { key, value });
}

fn scalar_text(scalar: &Scalar<'_>) -> String {
    match scalar {
        Scalar::Null => "null".into(),
        Scalar::Boolean(b) => b.to_string(),
        Scalar::Integer(i) => i.to_string(),
        Scalar::FloatingPoint(f) => f.to_string(),
        Scalar::String(s) => s.to_string(),
    }
}

// saphyr counts characters; the rest of xhht works in bytes of the text.
fn byte_range(source: &SourceFile, node: &MarkedYaml<'_>) -> std::ops::Range<usize> {
    let at = |m: &saphyr::Marker| {
        source.offset_of(LineCol {
            line: m.line(),
            column: m.col() + 1,
        })
    };
    let start = at(&node.span.start);
    let end = at(&node.span.end).max(start);
    start..end
}
