//! Reading plan files into the model. Each format deserializes straight into
//! the typed model (never through an untyped value, so "no" and "on" stay
//! text) and builds a path → span index on demand for findings.

mod items;
mod toml;
mod yaml;

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::date::DateError;
use crate::i18n::Message;
use crate::model::Plan;
use crate::msg;
use crate::source::{Format, LineCol, PathHash, SourceFile, SpanIndex};

/// Plans are a few dozen kilobytes; anything this large is not a plan.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Why a file could not be turned into a plan, with where and what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub kind: LoadErrorKind,
    pub message: Message,
    /// Byte range in the text, when the parser gave one.
    pub span: Option<std::ops::Range<usize>>,
    pub hint: Option<Message>,
    /// The other faults found in the same file, in the order of the text:
    /// a bad target must not hide a bad task.
    pub also: Box<[LoadError]>,
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
    fn syntax(message: Message) -> Self {
        Self {
            kind: LoadErrorKind::Syntax,
            message,
            span: None,
            hint: None,
            also: Box::default(),
        }
    }

    /// This fault and the others of its file, in the order of the text.
    pub fn all(&self) -> impl Iterator<Item = &LoadError> {
        std::iter::once(self).chain(self.also.iter())
    }

    fn with_hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint);
        self
    }

    /// Sorts a serde message into the rule it breaks and, for an unknown
    /// name, suggests the closest one the model accepts.
    fn from_serde_message(message: &str, span: Option<std::ops::Range<usize>>) -> Self {
        let kind = kind_of(message);
        let suggestion = match kind {
            LoadErrorKind::UnknownField => suggestion_from_message(message),
            _ => None,
        };
        // A figure written bare (`value: 45`, `value: "45%"`) is read as
        // the name of a value form: show the forms, not the list of names.
        let value_forms = kind == LoadErrorKind::UnknownField
            && message.contains("unknown variant")
            && message.contains("at_least");
        let hint = match (kind, &suggestion) {
            _ if value_forms => Some(msg!("load.hint.value-forms")),
            (LoadErrorKind::UnknownField, Some(suggestion)) => Some(suggestion.hint()),
            (LoadErrorKind::MissingField, _) => Some(msg!("load.hint.add-field")),
            _ => None,
        };
        // The hint carries the suggestion or the list of names; the
        // message need not repeat it.
        let message = match suggestion {
            Some(_) => message.split(", expected").next().unwrap_or(message),
            None => message,
        };
        Self {
            kind,
            message: parser_message(kind, message.trim()),
            span,
            hint,
            also: Box::default(),
        }
    }
}

/// The rule a serde message breaks, by its wording.
fn kind_of(message: &str) -> LoadErrorKind {
    if message.contains("unknown field") || message.contains("unknown variant") {
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
        // The toml crate's "wanted string or table" and the like.
        || message.starts_with("wanted ")
        || DateError::from_text(message).is_some()
        // serde-saphyr's "invalid u32" and the like; a TOML "invalid
        // basic string" is syntax.
        || NUMBER_TYPES.iter().any(|t| message.starts_with(&format!("invalid {t}")))
    {
        LoadErrorKind::WrongType
    } else {
        LoadErrorKind::Syntax
    }
}

/// A parser's message as it is in English and with a lead-in by kind in
/// Vietnamese; the name it is about, quoted in backticks, is kept, and the
/// rest of the parser's words with it where there is no name to take.
fn parser_message(kind: LoadErrorKind, message: &str) -> Message {
    let quoted = |lead: &str| {
        message
            .strip_prefix(lead)?
            .strip_prefix('`')?
            .split_once('`')
    };
    match kind {
        LoadErrorKind::UnknownField => {
            if let Some((name, rest)) = quoted("unknown variant ") {
                msg!("load.parser.unknown-variant", name, rest)
            } else if let Some((name, rest)) = quoted("unknown field ") {
                msg!("load.parser.unknown-field", name, rest)
            } else {
                msg!("load.parser.unknown", message)
            }
        }
        LoadErrorKind::MissingField => match quoted("missing field ") {
            Some((name, rest)) => msg!("load.parser.missing-field", name, rest),
            None => msg!("load.parser.missing", message),
        },
        LoadErrorKind::WrongType => match message {
            yaml::EXPECTED_MAPPING => msg!("load.parser.expected-mapping"),
            yaml::EXPECTED_LIST => msg!("load.parser.expected-list"),
            _ => match DateError::from_text(message) {
                Some(date) => msg!("load.parser.wrong-type", message = date.message()),
                None => msg!("load.parser.wrong-type", message),
            },
        },
        LoadErrorKind::Syntax => msg!("load.parser.syntax", message),
    }
}

/// What to offer for an unknown name: the likely one, or every one there is.
enum Suggestion {
    Closest(String),
    OneOf(Vec<String>),
}

impl Suggestion {
    fn hint(&self) -> Message {
        match self {
            Self::Closest(best) => crate::suggest::did_you_mean(best),
            Self::OneOf(candidates) => {
                let names: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
                msg!("load.hint.one-of", names)
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
/// something that is not there or cannot be opened. The cause is part of the
/// message rather than a `source`, so an error chain does not say it twice.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    UnknownFormat {
        path: PathBuf,
    },
    /// A directory, named pipe, device or socket where a file was expected:
    /// reading one could block forever (a pipe) or never end (`/dev/zero`).
    NotAFile {
        path: PathBuf,
        kind: FileKind,
        /// The path is a symbolic link to it.
        link: bool,
    },
    /// Over [`MAX_FILE_BYTES`], found without reading the file whole: its
    /// size when the file system gives it (a file that grew while it was
    /// read, or one in `/proc`, may not say).
    TooLarge {
        path: PathBuf,
        size: Option<u64>,
        limit: usize,
    },
}

/// What a path that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    Other,
}

impl FileKind {
    fn of(file_type: fs::FileType) -> Self {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            if file_type.is_fifo() {
                return Self::Fifo;
            } else if file_type.is_char_device() {
                return Self::CharDevice;
            } else if file_type.is_block_device() {
                return Self::BlockDevice;
            } else if file_type.is_socket() {
                return Self::Socket;
            }
        }
        if file_type.is_dir() {
            Self::Directory
        } else {
            Self::Other
        }
    }

    fn message(self) -> Message {
        match self {
            Self::Directory => msg!("load.read.kind.directory"),
            Self::Fifo => msg!("load.read.kind.fifo"),
            Self::CharDevice => msg!("load.read.kind.char-device"),
            Self::BlockDevice => msg!("load.read.kind.block-device"),
            Self::Socket => msg!("load.read.kind.socket"),
            Self::Other => msg!("load.read.kind.other"),
        }
    }
}

impl ReadError {
    /// The error in the run's language, for whoever reports it.
    pub fn message(&self) -> Message {
        match self {
            Self::Io { path, error } => {
                msg!("load.read.cannot-read", path, error = error.to_string())
            }
            Self::UnknownFormat { path } => msg!("load.read.unknown-format", path),
            Self::TooLarge { path, size, limit } => {
                let limit = *limit;
                match size {
                    Some(size) => msg!("load.read.too-large", path, size = *size, limit),
                    None => msg!("load.read.over-limit", path, limit),
                }
            }
            Self::NotAFile { path, kind, link } => {
                let advice = match kind {
                    FileKind::Directory => msg!("load.read.advice.directory"),
                    _ => msg!("load.read.advice.stream"),
                };
                let kind = kind.message();
                if *link {
                    msg!("load.read.links-to-not-a-file", path, kind, advice)
                } else {
                    msg!("load.read.not-a-file", path, kind, advice)
                }
            }
        }
    }

    /// The path that could not be read.
    pub fn path(&self) -> &Path {
        match self {
            Self::Io { path, .. }
            | Self::UnknownFormat { path }
            | Self::NotAFile { path, .. }
            | Self::TooLarge { path, .. } => path,
        }
    }
}

/// English, for logs; the command line renders [`ReadError::message`] in
/// the run's language.
impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().render(crate::i18n::Lang::En))
    }
}

pub fn load_file(path: &Path) -> Result<Loaded, ReadError> {
    let (bytes, format) = read(path)?;
    Ok(load_bytes(path.to_owned(), bytes, format))
}

/// The path that names standard input on the command line.
pub const STDIN: &str = "-";
/// How a plan read from standard input is named in findings.
pub const STDIN_NAME: &str = "<stdin>";

/// A plan piped in (`xhht extract doc.txt | xhht diff -`), read within the
/// same bound as a file; YAML unless its first line opens a TOML table.
pub fn load_stdin() -> Result<Loaded, ReadError> {
    use std::io::Read as _;
    let path = PathBuf::from(STDIN_NAME);
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| ReadError::Io {
            path: path.clone(),
            error,
        })?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            path,
            size: None,
            limit: MAX_FILE_BYTES,
        });
    }
    let first = bytes
        .split(|b| *b == b'\n')
        .map(<[u8]>::trim_ascii)
        .find(|line| !line.is_empty() && !line.starts_with(b"#"));
    let format = if first.is_some_and(|line| line.starts_with(b"[")) {
        Format::Toml
    } else {
        Format::Yaml
    };
    Ok(load_bytes(path, bytes, format))
}

/// A plan named on the command line: a file, or standard input for `-`.
pub fn load_named(path: &Path) -> Result<Loaded, ReadError> {
    if path.as_os_str() == STDIN {
        load_stdin()
    } else {
        load_file(path)
    }
}

pub fn load_bytes(path: PathBuf, bytes: Vec<u8>, format: Format) -> Loaded {
    let (source, undecodable) = decode(path, bytes, format);
    let plan = match undecodable {
        Some(error) => Err(error),
        None => parse(&source),
    };
    Loaded { source, plan }
}

/// The document id a plan file declares, or none when it declares none or
/// does not load. A YAML file is read only up to that value (see
/// `yaml::document_id`); else the whole file is loaded. The id is the one
/// loading the file gives, whenever the file loads.
pub fn declared_id(path: &Path) -> Option<String> {
    let format = Format::from_path(path)?;
    let bytes = read_regular_file(path, MAX_FILE_BYTES).ok()?;
    if format == Format::Yaml
        && let Ok(text) = std::str::from_utf8(&bytes)
        && let Some(id) = yaml::document_id(text)
    {
        return Some(id);
    }
    load_bytes(path.to_owned(), bytes, format)
        .plan
        .ok()
        .map(|plan| plan.document.id)
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

/// Reads a regular file of a known format, at most one byte past
/// [`MAX_FILE_BYTES`]: a larger one is refused without being read whole.
fn read(path: &Path) -> Result<(Vec<u8>, Format), ReadError> {
    let format = Format::from_path(path).ok_or_else(|| ReadError::UnknownFormat {
        path: path.to_owned(),
    })?;
    Ok((read_regular_file(path, MAX_FILE_BYTES)?, format))
}

/// Reads a regular file of at most `limit` bytes, reading no more than one
/// byte past it. Anything else a path can name is refused before it is
/// opened: opening a named pipe blocks until something writes to it, and a
/// device such as `/dev/zero` never ends.
pub fn read_regular_file(path: &Path, limit: usize) -> Result<Vec<u8>, ReadError> {
    let io = |error| ReadError::Io {
        path: path.to_owned(),
        error,
    };
    let not_a_file = |meta: &fs::Metadata| ReadError::NotAFile {
        path: path.to_owned(),
        kind: FileKind::of(meta.file_type()),
        link: fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()),
    };
    // Follows links: a link to a plan is a plan.
    let meta = fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(not_a_file(&meta));
    }
    let too_large = |size: u64| ReadError::TooLarge {
        path: path.to_owned(),
        size: (size > limit as u64).then_some(size),
        limit,
    };
    if meta.len() > limit as u64 {
        return Err(too_large(meta.len()));
    }
    let file = fs::File::open(path).map_err(io)?;
    // The path may have been replaced since it was looked at.
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(not_a_file(&meta));
    }
    // A file that grew, or one whose size the file system does not report
    // (`/proc`), is read no further than the limit and a byte.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > limit {
        return Err(too_large(meta.len()));
    }
    Ok(bytes)
}

/// The file's text, and why it is not text xhht reads if it is not (the
/// text then holds as much as could be decoded, for the finding's location).
fn decode(path: PathBuf, bytes: Vec<u8>, format: Format) -> (SourceFile, Option<LoadError>) {
    if bytes.len() > MAX_FILE_BYTES {
        let size = bytes.len();
        return (
            SourceFile::new(path, String::new(), format),
            Some(
                LoadError::syntax(msg!("load.file.too-large", size, limit = MAX_FILE_BYTES))
                    .with_hint(msg!("load.file.too-large-hint")),
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
            let mut error = LoadError::syntax(msg!(
                "load.file.not-utf8",
                byte = valid,
                line = at.line,
                column = at.column
            ))
            .with_hint(msg!("load.file.not-utf8-hint"));
            error.span = Some(source.text.len()..source.text.len());
            (source, Some(error))
        }
    }
}

pub fn parse(source: &SourceFile) -> Result<Plan, LoadError> {
    if source.text.trim().is_empty() {
        return Err(
            LoadError::syntax(msg!("load.file.empty")).with_hint(msg!("load.file.empty-hint"))
        );
    }
    let only_comments = source.text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    });
    if only_comments {
        let error = LoadError::syntax(msg!("load.file.only-comments"));
        return Err(error.with_hint(msg!("load.file.empty-hint")));
    }
    parse_as(source).map_err(|error| {
        let mut error = items::every_fault(source, error);
        if error.kind == LoadErrorKind::Syntax
            && let Some(hint) = other_format(source)
        {
            error.hint = Some(hint);
        }
        let structural = matches!(
            error.kind,
            LoadErrorKind::UnknownField | LoadErrorKind::MissingField
        );
        if structural && !span_index(source).contains_key(&PathHash::ROOT.key("document")) {
            // A CI workflow or other YAML in a searched directory, most likely.
            error.with_hint(msg!("load.file.no-document"))
        } else {
            error
        }
    })
}

/// Advice for a file whose text is in the other format than its extension
/// says: TOML saved as `.yaml`, or YAML as `.toml`.
fn other_format(source: &SourceFile) -> Option<Message> {
    let first = source
        .text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with('#'))?;
    // A bare key (`document`, `document.id`) and what follows it.
    let key_end = first
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .unwrap_or(first.len());
    let after_key = first[key_end..].trim_start();
    let toml_like = first.starts_with('[') && first.ends_with(']') && !first.contains(": ")
        || key_end > 0 && after_key.starts_with('=');
    let yaml_like = key_end > 0 && (after_key == ":" || after_key.starts_with(": "));
    match source.format {
        Format::Yaml if toml_like => Some(msg!("load.hint.toml-as-yaml")),
        Format::Toml if yaml_like && !toml_like => Some(msg!("load.hint.yaml-as-toml")),
        _ => None,
    }
}

/// Deserializes the file straight into `T` (never through an untyped value).
/// The top-level keys of a plan (`model::Plan`'s fields; a test holds the
/// two together).
pub const PLAN_KEYS: &[&str] = &[
    "document",
    "links",
    "citations",
    "agencies",
    "targets",
    "tasks",
    "not_applicable",
    "progress",
];

/// What a file that does not load as a plan looks like from its top-level
/// keys: only a file that parses and has none of a plan's keys may be
/// skipped; one with a misspelt key beside plan keys is a broken plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Does not parse, or has some of a plan's keys: a plan with a mistake.
    BrokenPlan,
    /// A progress file (`plan:` with `tasks`/`targets` records).
    StatusFile,
    /// YAML or TOML of another tool (a CI workflow, `docker-compose.yml`).
    NotAPlan,
}

#[expect(
    clippy::zero_sized_map_values,
    reason = "only the keys are read: `IgnoredAny` skips each value without building it"
)]
pub fn shape(source: &SourceFile) -> Shape {
    use std::collections::BTreeMap;
    let Ok(keys) = parse_as::<BTreeMap<String, serde::de::IgnoredAny>>(source) else {
        return Shape::BrokenPlan;
    };
    let status = keys.contains_key("plan")
        && keys
            .keys()
            .all(|key| matches!(key.as_str(), "plan" | "tasks" | "targets"));
    if status {
        Shape::StatusFile
    } else if keys.keys().any(|key| looks_like_a_plan_key(key)) || keys.is_empty() {
        Shape::BrokenPlan
    } else {
        Shape::NotAPlan
    }
}

/// A plan key, or one a person meant as one: `Targets`, `target`,
/// `documnet`. Doubt keeps a file checked, never skipped.
fn looks_like_a_plan_key(key: &str) -> bool {
    let key = key.to_lowercase();
    PLAN_KEYS.contains(&key.as_str())
        || crate::suggest::closest(&key, PLAN_KEYS.iter().copied()).is_some()
}

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
        line: usize::try_from(line).unwrap_or(usize::MAX),
        column: usize::try_from(column).unwrap_or(usize::MAX),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape_of(name: &str, text: &str) -> Shape {
        let format = Format::from_path(Path::new(name)).unwrap();
        shape(&SourceFile::new(name.into(), text.to_owned(), format))
    }

    #[test]
    fn plan_keys_are_the_plan_schemas_top_level_properties() {
        let schema: serde_json::Value =
            serde_json::from_str(&crate::schema::plan_schema()).unwrap();
        let mut properties: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut keys = PLAN_KEYS.to_vec();
        properties.sort_unstable();
        keys.sort_unstable();
        assert_eq!(keys, properties);
    }

    /// Only a file that parses and has none of a plan's keys is not a plan;
    /// a misspelt `documnet:` beside `targets:` is a broken plan.
    #[test]
    fn files_are_told_apart_by_their_top_level_keys() {
        assert_eq!(
            shape_of("docker-compose.yml", "services: {db: {image: postgres}}\n"),
            Shape::NotAPlan
        );
        assert_eq!(
            shape_of("pyproject.toml", "[project]\nname = \"x\"\n"),
            Shape::NotAPlan
        );
        assert_eq!(
            shape_of("a.yaml", "documnet: {id: a}\ntargets: []\n"),
            Shape::BrokenPlan
        );
        assert_eq!(shape_of("a.yaml", "document: [\n"), Shape::BrokenPlan);
        assert_eq!(shape_of("a.yaml", "- a list\n"), Shape::BrokenPlan);
        assert_eq!(shape_of("a.yaml", ""), Shape::BrokenPlan);
        assert_eq!(
            shape_of("a.yaml", "plan: p\ntasks: []\n"),
            Shape::StatusFile
        );
    }
    use crate::date::CivilDate;
    use crate::i18n::Lang;

    #[test]
    fn parser_messages_get_a_vietnamese_lead_in_by_kind() {
        let vi = |message| {
            LoadError::from_serde_message(message, None)
                .message
                .render(Lang::Vi)
        };
        assert_eq!(vi("missing field `issuer`"), "thiếu trường `issuer`");
        assert_eq!(vi("unknown field `nmae`"), "trường không hợp lệ: `nmae`");
        assert_eq!(
            vi("unknown variant `planz`, expected one of `plan`, `scheme`"),
            "tên giá trị không hợp lệ: `planz`"
        );
        assert_eq!(
            vi("invalid type: string \"x\", expected u16"),
            "giá trị không hợp lệ: invalid type: string \"x\", expected u16"
        );
        assert_eq!(
            vi(yaml::EXPECTED_LIST),
            "giá trị không hợp lệ: cần một danh sách ở đây"
        );
        assert_eq!(
            vi("mapping values are not allowed in this context"),
            "lỗi cú pháp: mapping values are not allowed in this context"
        );
        let date = CivilDate::parse_iso("15/01/2020").unwrap_err().to_string();
        let error = LoadError::from_serde_message(&date, None);
        assert_eq!(
            (error.kind, error.message.english()),
            (LoadErrorKind::WrongType, date.clone())
        );
        assert_eq!(
            vi(&date),
            "giá trị không hợp lệ: `15/01/2020` không phải là ngày theo dạng YYYY-MM-DD (ghi 15/01/2020 thành 2020-01-15)"
        );
    }

    #[test]
    fn a_suggestion_cuts_the_list_of_names() {
        let error = LoadError::from_serde_message(
            "unknown field `nmae`, expected one of `name`, `id`",
            None,
        );
        assert_eq!(error.kind, LoadErrorKind::UnknownField);
        assert_eq!(error.message.english(), "unknown field `nmae`");
        assert_eq!(error.hint.unwrap().english(), "did you mean `name`?");
        let error = LoadError::from_serde_message(
            "unknown field `zzz`, expected one of `name`, `id`",
            None,
        );
        assert_eq!(
            error.hint.unwrap().english(),
            "expected one of `name`, `id`"
        );
    }
}
