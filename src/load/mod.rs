//! Reading plan files into the model. Each format deserializes straight into
//! the typed model (never through an untyped value, so "no" and "on" stay
//! text) and builds a path → span index on demand for findings.

mod toml;
mod yaml;

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::i18n::Lang;
use crate::model::Plan;
use crate::source::{Format, LineCol, PathHash, SourceFile, SpanIndex};
use crate::tr;

/// Plans are a few dozen kilobytes; anything this large is not a plan.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Why a file could not be turned into a plan, with where and what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub kind: LoadErrorKind,
    pub message: String,
    /// Byte range in the text, when the parser gave one.
    pub span: Option<std::ops::Range<usize>>,
    pub hint: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The file cannot be read as text of a known format.
    Syntax,
    UnknownField,
    MissingField,
    WrongType,
}

impl LoadError {
    fn syntax(message: impl Into<String>) -> Self {
        Self {
            kind: LoadErrorKind::Syntax,
            message: message.into(),
            span: None,
            hint: None,
        }
    }

    fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Sorts a serde message into the rule it breaks and, for an unknown
    /// name, suggests the closest one the model accepts.
    fn from_serde_message(message: &str, span: Option<std::ops::Range<usize>>) -> Self {
        let kind = if message.contains("unknown field") || message.contains("unknown variant") {
            LoadErrorKind::UnknownField
        } else if message.contains("missing field") {
            LoadErrorKind::MissingField
        } else if message == yaml::EXPECTED_MAPPING
            || message == yaml::EXPECTED_LIST
            || message.contains("invalid type")
            || message.contains("invalid value")
            || message.contains("invalid length")
            || message.contains("not a date")
            || message.contains("not a valid date")
            || message.contains("invalid boolean")
            // A date's own messages, in either language (crate::date).
            || message.contains("YYYY-MM-DD")
            // serde-saphyr's "invalid u32" and the like; a TOML "invalid
            // basic string" is syntax.
            || NUMBER_TYPES.iter().any(|t| message.starts_with(&format!("invalid {t}")))
        {
            LoadErrorKind::WrongType
        } else {
            LoadErrorKind::Syntax
        };
        let suggestion = match kind {
            LoadErrorKind::UnknownField => suggestion_from_message(message),
            _ => None,
        };
        let hint = match (kind, &suggestion) {
            (LoadErrorKind::UnknownField, Some(suggestion)) => Some(suggestion.hint()),
            (LoadErrorKind::MissingField, _) => Some(tr!(
                "add the field; `xhht schema` prints every field a plan may have",
                "bổ sung trường này; lệnh `xhht schema` liệt kê mọi trường mà một kế hoạch có thể có"
            )),
            _ => None,
        };
        // The hint carries the suggestion or the list of names; the
        // message need not repeat it.
        let message = match suggestion {
            Some(_) => message.split(", expected").next().unwrap_or(message),
            None => message,
        };
        let message = message.trim();
        Self {
            kind,
            message: match crate::i18n::lang() {
                Lang::Vi => in_vietnamese(kind, message),
                _ => message.to_owned(),
            },
            span,
            hint,
        }
    }
}

/// A parser's English message with a Vietnamese lead-in by kind; the name
/// it is about, quoted in backticks, is kept, and the rest of the parser's
/// words with it where there is no name to take.
fn in_vietnamese(kind: LoadErrorKind, message: &str) -> String {
    let quoted = message
        .split('`')
        .nth(1)
        .filter(|_| message.matches('`').count() >= 2);
    match (kind, quoted) {
        (LoadErrorKind::UnknownField, Some(name)) if message.starts_with("unknown variant") => {
            format!("tên giá trị không hợp lệ: `{name}`")
        }
        (LoadErrorKind::UnknownField, Some(name)) if message.starts_with("unknown field") => {
            format!("trường không hợp lệ: `{name}`")
        }
        (LoadErrorKind::UnknownField, _) => format!("trường không hợp lệ: {message}"),
        (LoadErrorKind::MissingField, Some(name)) if message.starts_with("missing field") => {
            format!("thiếu trường `{name}`")
        }
        (LoadErrorKind::MissingField, _) => format!("thiếu trường: {message}"),
        (LoadErrorKind::WrongType, _) => match message {
            yaml::EXPECTED_MAPPING => {
                "giá trị không hợp lệ: cần các cặp `khóa: giá trị` ở đây".into()
            }
            yaml::EXPECTED_LIST => "giá trị không hợp lệ: cần một danh sách ở đây".into(),
            _ => format!("giá trị không hợp lệ: {message}"),
        },
        (LoadErrorKind::Syntax, _) => format!("lỗi cú pháp: {message}"),
    }
}

/// What to offer for an unknown name: the likely one, or every one there is.
enum Suggestion {
    Closest(String),
    OneOf(Vec<String>),
}

impl Suggestion {
    fn hint(&self) -> String {
        match self {
            Self::Closest(best) => crate::suggest::did_you_mean(best),
            Self::OneOf(candidates) => {
                let list = candidates
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                tr!(
                    "expected one of {list}",
                    "chỉ chấp nhận một trong các tên: {list}"
                )
            }
        }
    }
}

/// serde words it "unknown field `nmae`, expected one of `name`, `id`"; some
/// deserializers leave the candidates unquoted.
fn suggestion_from_message(message: &str) -> Option<Suggestion> {
    let unknown = message.split('`').nth(1)?;
    let (_, expected) = message.split_once("expected ")?;
    let expected = expected.strip_prefix("one of ").unwrap_or(expected);
    let candidates: Vec<&str> = expected
        .split([',', ' '])
        .map(|c| c.trim_matches(|ch: char| ch == '`' || ch.is_whitespace()))
        .filter(|c| !c.is_empty() && *c != "or")
        .collect();
    match crate::suggest::closest(unknown, candidates.iter().copied()) {
        Some(best) => Some(Suggestion::Closest(best.to_owned())),
        None if !candidates.is_empty() => Some(Suggestion::OneOf(
            candidates.iter().map(|c| (*c).to_owned()).collect(),
        )),
        None => None,
    }
}

const NUMBER_TYPES: &[&str] = &[
    "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "f32", "f64",
];

/// A file as read from disk: its text, and the plan if it parsed.
pub struct Loaded {
    pub source: SourceFile,
    pub plan: Result<Plan, LoadError>,
}

/// Reading failures that are about the path, not the content: the user named
/// something that is not there or cannot be opened.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    UnknownFormat {
        path: PathBuf,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            Self::Io { path, source } => {
                let path = path.display();
                tr!(
                    "{path}: cannot read: {source}",
                    "{path}: không đọc được tệp: {source}"
                )
            }
            Self::UnknownFormat { path } => {
                let path = path.display();
                tr!(
                    "{path}: not a plan or status file: expected a .yaml, .yml or .toml extension",
                    "{path}: không phải tệp kế hoạch hoặc tệp theo dõi tiến độ: phần mở rộng phải là .yaml, .yml hoặc .toml"
                )
            }
        })
    }
}

pub fn load_file(path: &Path) -> Result<Loaded, ReadError> {
    let (bytes, format) = read(path)?;
    Ok(load_bytes(path.to_owned(), bytes, format))
}

pub fn load_bytes(path: PathBuf, bytes: Vec<u8>, format: Format) -> Loaded {
    let (source, undecodable) = decode(path, bytes, format);
    let plan = match undecodable {
        Some(error) => Err(error),
        None => parse(&source),
    };
    Loaded { source, plan }
}

/// A file of another kind than a plan (a status file), with its text for
/// findings and the value if it parsed.
pub struct Parsed<T> {
    pub source: SourceFile,
    pub value: Result<T, LoadError>,
}

/// Reads a file that is not a plan with the same limits, decoding and
/// parser options as plans, straight into its typed model.
pub fn load_file_as<T: DeserializeOwned>(path: &Path) -> Result<Parsed<T>, ReadError> {
    let (bytes, format) = read(path)?;
    let (source, undecodable) = decode(path.to_owned(), bytes, format);
    let value = match undecodable {
        Some(error) => Err(error),
        None => parse_as(&source),
    };
    Ok(Parsed { source, value })
}

fn read(path: &Path) -> Result<(Vec<u8>, Format), ReadError> {
    let format = Format::from_path(path).ok_or_else(|| ReadError::UnknownFormat {
        path: path.to_owned(),
    })?;
    let bytes = fs::read(path).map_err(|source| ReadError::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok((bytes, format))
}

/// The file's text, and why it is not text xhht reads if it is not (the
/// text then holds as much as could be decoded, for the finding's location).
fn decode(path: PathBuf, bytes: Vec<u8>, format: Format) -> (SourceFile, Option<LoadError>) {
    if bytes.len() > MAX_FILE_BYTES {
        let size = bytes.len();
        return (
            SourceFile::new(path, String::new(), format),
            Some(
                LoadError::syntax(tr!(
                    "the file is {size} bytes; plan files are limited to {MAX_FILE_BYTES} bytes",
                    "tệp có dung lượng {size} byte; tệp kế hoạch không được vượt quá {MAX_FILE_BYTES} byte"
                ))
                .with_hint(tr!(
                    "split the plan or check that this is the file you meant",
                    "tách kế hoạch thành nhiều tệp, hoặc kiểm tra lại đây có đúng là tệp cần kiểm tra"
                )),
            ),
        );
    }
    match String::from_utf8(bytes) {
        Ok(text) => (SourceFile::new(path, text, format), None),
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let text = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let source = SourceFile::new(path, text, format);
            let at = source.line_col(valid);
            let mut error = LoadError::syntax(tr!(
                "the file is not valid UTF-8: byte {valid} (line {}, column {}) is not part of a UTF-8 character",
                "tệp không được mã hóa UTF-8 hợp lệ: byte {valid} (dòng {}, cột {}) không thuộc ký tự UTF-8 nào",
                at.line,
                at.column
            ))
            .with_hint(tr!(
                "save the file as UTF-8; legacy Vietnamese encodings (TCVN3, VNI) are not supported",
                "lưu tệp với mã hóa UTF-8; xhht không hỗ trợ các bảng mã tiếng Việt cũ (TCVN3, VNI)"
            ));
            error.span = Some(source.text.len()..source.text.len());
            (source, Some(error))
        }
    }
}

pub fn parse(source: &SourceFile) -> Result<Plan, LoadError> {
    if source.text.trim().is_empty() {
        return Err(
            LoadError::syntax(tr!("the file is empty", "tệp trống")).with_hint(tr!(
                "a plan needs at least a `document` section; see examples/ for one",
                "một kế hoạch cần ít nhất mục `document`; xem ví dụ trong thư mục examples/"
            )),
        );
    }
    parse_as(source).map_err(|error| {
        let structural = matches!(error.kind, LoadErrorKind::UnknownField | LoadErrorKind::MissingField);
        if structural && !span_index(source).contains_key(&PathHash::ROOT.key("document")) {
            // A CI workflow or other YAML in a searched directory, most likely.
            error.with_hint(tr!(
                "this file has no `document` section, so it may not be a plan at all; leave it out with `--exclude`",
                "tệp này không có mục `document`, có thể không phải là kế hoạch; loại tệp khỏi lần kiểm tra bằng `--exclude`"
            ))
        } else {
            error
        }
    })
}

/// Deserializes the file straight into `T` (never through an untyped value).
pub fn parse_as<T: DeserializeOwned>(source: &SourceFile) -> Result<T, LoadError> {
    match source.format {
        Format::Yaml => yaml::parse(source),
        Format::Toml => toml::parse(source),
    }
}

/// Builds the path → span index of a file that already parsed. Returns an
/// empty index if the structural parser disagrees with the deserializer, so
/// findings fall back to the file rather than fail.
pub(crate) fn span_index(source: &SourceFile) -> SpanIndex {
    match source.format {
        Format::Yaml => yaml::span_index(source),
        Format::Toml => toml::span_index(source),
    }
}

/// A location for errors the YAML parser reports by line and column.
fn offset_for(source: &SourceFile, line: u64, column: u64) -> usize {
    source.offset_of(LineCol {
        line: line as usize,
        column: column as usize,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_messages_get_a_vietnamese_lead_in_by_kind() {
        let vi = |kind, message| in_vietnamese(kind, message);
        assert_eq!(
            vi(LoadErrorKind::MissingField, "missing field `issuer`"),
            "thiếu trường `issuer`"
        );
        assert_eq!(
            vi(LoadErrorKind::UnknownField, "unknown field `nmae`"),
            "trường không hợp lệ: `nmae`"
        );
        assert_eq!(
            vi(
                LoadErrorKind::UnknownField,
                "unknown variant `planz`, expected one of `plan`, `scheme`"
            ),
            "tên giá trị không hợp lệ: `planz`"
        );
        assert_eq!(
            vi(
                LoadErrorKind::WrongType,
                "invalid type: string \"x\", expected u16"
            ),
            "giá trị không hợp lệ: invalid type: string \"x\", expected u16"
        );
        assert_eq!(
            vi(LoadErrorKind::WrongType, yaml::EXPECTED_LIST),
            "giá trị không hợp lệ: cần một danh sách ở đây"
        );
        assert_eq!(
            vi(
                LoadErrorKind::Syntax,
                "mapping values are not allowed in this context"
            ),
            "lỗi cú pháp: mapping values are not allowed in this context"
        );
    }

    #[test]
    fn a_suggestion_cuts_the_list_of_names() {
        let error = LoadError::from_serde_message(
            "unknown field `nmae`, expected one of `name`, `id`",
            None,
        );
        assert_eq!(error.kind, LoadErrorKind::UnknownField);
        assert_eq!(error.message, "unknown field `nmae`");
        assert_eq!(error.hint.as_deref(), Some("did you mean `name`?"));
        let error = LoadError::from_serde_message(
            "unknown field `zzz`, expected one of `name`, `id`",
            None,
        );
        assert_eq!(error.hint.as_deref(), Some("expected one of `name`, `id`"));
    }
}
