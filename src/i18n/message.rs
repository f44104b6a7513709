//! A message as data: an id in the language catalogues and its arguments.
//! Checks build messages; only a renderer, knowing the run's language, turns
//! one into text. So findings and rows are the same whatever `--lang` says.

use serde::Serialize;

use super::Lang;

/// A message of the catalogues (`msg!("schedule.overdue", task = id)`), or
/// text that has no translation: a parser's error, a name from a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Catalogued {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    Verbatim(String),
}

/// What fills a placeholder: text as it is, a figure or a date (written as
/// the language writes them), another message (rendered in the same
/// language), or a list of these (joined with ", ").
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
    Date(crate::date::CivilDate),
    /// An indicator of the catalogue, by id: written as its name in the
    /// run's language, so a reader never meets `literacy.rate.age_15_60`.
    Indicator(String),
    /// A condition of the catalogue ("vùng khó khăn"), by id.
    Condition(String),
    /// An occurrence's key ("2026-H1"), written as the language names the
    /// period ("6 tháng đầu năm 2026").
    Period(String),
    Message(Box<Message>),
    List(Vec<Arg>),
}

impl Arg {
    pub fn indicator(id: &str) -> Self {
        Self::Indicator(id.to_owned())
    }

    pub fn condition(id: &str) -> Self {
        Self::Condition(id.to_owned())
    }

    pub fn period(key: &str) -> Self {
        Self::Period(key.to_owned())
    }
}

// Figures in messages are finite: a NaN never reaches one.
impl Eq for Arg {}

impl Message {
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        Self::Catalogued { id, args }
    }

    /// Text shown as it is in every language.
    pub fn verbatim(text: impl Into<String>) -> Self {
        Self::Verbatim(text.into())
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Self::Verbatim(text) => text.clone(),
            Self::Catalogued { id, args } => lang.messages().fill(id, |name| {
                args.iter()
                    .find(|(arg, _)| *arg == name)
                    .map(|(_, value)| value.render(lang))
            }),
        }
    }

    /// The message in English: for logs and tests, which must not depend on
    /// a user's language. Reports use [`Message::render`].
    pub fn english(&self) -> String {
        self.render(Lang::En)
    }

    /// The catalogue id, for tests and for tools that match on it.
    pub fn id(&self) -> Option<&'static str> {
        match self {
            Self::Catalogued { id, .. } => Some(id),
            Self::Verbatim(_) => None,
        }
    }
}

/// Text a renderer shows in the run's language: a message is rendered, plain
/// text (an id, a name from a plan) shown as it is.
pub trait Localize {
    fn localize(&self, lang: Lang) -> std::borrow::Cow<'_, str>;
}

impl Localize for Message {
    fn localize(&self, lang: Lang) -> std::borrow::Cow<'_, str> {
        match self {
            Self::Verbatim(text) => std::borrow::Cow::Borrowed(text),
            Self::Catalogued { .. } => std::borrow::Cow::Owned(self.render(lang)),
        }
    }
}

impl Localize for String {
    fn localize(&self, _: Lang) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(self)
    }
}

impl Arg {
    fn render(&self, lang: Lang) -> String {
        match self {
            Self::Text(text) => text.clone(),
            Self::Number(value) => super::format::number(*value, lang),
            Self::Date(date) => super::format::date(*date, lang),
            Self::Indicator(id) => {
                crate::catalogue::Catalogue::embedded().indicator_label(id, lang)
            }
            Self::Condition(id) => {
                crate::catalogue::Catalogue::embedded().condition_label(id, lang)
            }
            Self::Period(key) => super::format::period(key, lang),
            Self::Message(message) => message.render(lang),
            Self::List(items) => items
                .iter()
                .map(|item| item.render(lang))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// What can fill a placeholder. Numbers, ids and names are written the same
/// in every language; a message is rendered in the run's.
pub trait IntoArg {
    fn into_arg(self) -> Arg;
}

impl IntoArg for Arg {
    fn into_arg(self) -> Arg {
        self
    }
}

impl IntoArg for Message {
    fn into_arg(self) -> Arg {
        Arg::Message(Box::new(self))
    }
}

impl IntoArg for &Message {
    fn into_arg(self) -> Arg {
        Arg::Message(Box::new(self.clone()))
    }
}

impl<T: IntoArg> IntoArg for Vec<T> {
    fn into_arg(self) -> Arg {
        Arg::List(self.into_iter().map(IntoArg::into_arg).collect())
    }
}

macro_rules! display_args {
    ($($t:ty),*) => {
        $(impl IntoArg for $t {
            fn into_arg(self) -> Arg {
                Arg::Text(self.to_string())
            }
        })*
    };
}

display_args!(
    &str,
    String,
    &String,
    char,
    u8,
    u16,
    u32,
    u64,
    usize,
    i32,
    i64,
    &crate::text::Text
);

impl IntoArg for f64 {
    fn into_arg(self) -> Arg {
        Arg::Number(self)
    }
}

impl IntoArg for crate::date::CivilDate {
    fn into_arg(self) -> Arg {
        Arg::Date(self)
    }
}

impl IntoArg for &crate::date::CivilDate {
    fn into_arg(self) -> Arg {
        Arg::Date(*self)
    }
}

impl IntoArg for &std::path::Path {
    fn into_arg(self) -> Arg {
        Arg::Text(self.display().to_string())
    }
}

impl IntoArg for &std::path::PathBuf {
    fn into_arg(self) -> Arg {
        Arg::Text(self.display().to_string())
    }
}

/// A message of the catalogues: `msg!("validate.duplicate-id", kind, id = item.id)`.
/// A bare name passes the variable of that name.
#[macro_export]
macro_rules! msg {
    ($id:literal $(,)?) => {
        $crate::i18n::Message::new($id, Vec::new())
    };
    ($id:literal, $($rest:tt)+) => {
        $crate::i18n::Message::new($id, $crate::msg!(@args [] $($rest)+))
    };
    (@args [$($done:tt)*] $name:ident = $value:expr, $($rest:tt)*) => {
        $crate::msg!(@args [$($done)* (stringify!($name), $crate::i18n::IntoArg::into_arg($value)),] $($rest)*)
    };
    (@args [$($done:tt)*] $name:ident = $value:expr) => {
        $crate::msg!(@args [$($done)* (stringify!($name), $crate::i18n::IntoArg::into_arg($value)),])
    };
    (@args [$($done:tt)*] $name:ident, $($rest:tt)*) => {
        $crate::msg!(@args [$($done)* (stringify!($name), $crate::i18n::IntoArg::into_arg($name)),] $($rest)*)
    };
    (@args [$($done:tt)*] $name:ident) => {
        $crate::msg!(@args [$($done)* (stringify!($name), $crate::i18n::IntoArg::into_arg($name)),])
    };
    (@args [$($done:tt)*]) => {
        vec![$($done)*]
    };
}

/// In JSON a message is written as data (`{"$message": {"id", "args"}}`),
/// so serializing needs no language; the JSON renderer writes each as its
/// text in the run's language instead ([`to_localized_json`]).
impl Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if let Some(lang) = LOCALIZING.get() {
            return serializer.serialize_str(&self.render(lang));
        }
        match self {
            Self::Verbatim(text) => serializer.serialize_str(text),
            Self::Catalogued { id, args } => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry(MARKER, &Catalogued { id, args })?;
                map.end()
            }
        }
    }
}

const MARKER: &str = "$message";
const NUMBER: &str = "$number";
const DATE: &str = "$date";
const INDICATOR: &str = "$indicator";
const CONDITION: &str = "$condition";
const PERIOD: &str = "$period";

#[derive(Serialize)]
struct Catalogued<'a> {
    id: &'a str,
    #[serde(serialize_with = "args_as_map")]
    args: &'a [(&'static str, Arg)],
}

fn args_as_map<S: serde::Serializer>(
    args: &&[(&'static str, Arg)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(args.iter().map(|(name, value)| (*name, value)))
}

impl Serialize for Arg {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Text(text) => serializer.serialize_str(text),
            // Marked, so the JSON renderer writes them in the run's language.
            Self::Number(value) => serializer.collect_map([(NUMBER, value)]),
            Self::Date(date) => serializer.collect_map([(DATE, date)]),
            Self::Indicator(id) => serializer.collect_map([(INDICATOR, id)]),
            Self::Condition(id) => serializer.collect_map([(CONDITION, id)]),
            Self::Period(key) => serializer.collect_map([(PERIOD, key)]),
            Self::Message(message) => message.serialize(serializer),
            Self::List(items) => serializer.collect_seq(items),
        }
    }
}

thread_local! {
    /// The language messages are written in while [`to_localized_json`]
    /// serializes on this thread; none otherwise, when they are data.
    static LOCALIZING: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// `value` as pretty JSON with every message written as its text in `lang`,
/// straight from the value: no JSON tree of the whole report is built
/// first (on a national corpus that tree was a gigabyte and the slowest
/// single-threaded step of `report`).
pub fn to_localized_json<T: Serialize>(value: &T, lang: Lang) -> serde_json::Result<String> {
    localizing(lang, || serde_json::to_string_pretty(value))
}

/// [`to_localized_json`] written to `writer` as it is made, so a report of
/// hundreds of megabytes is never held whole in memory.
pub fn write_localized_json<W: std::io::Write, T: Serialize>(
    writer: W,
    value: &T,
    lang: Lang,
) -> serde_json::Result<()> {
    localizing(lang, || serde_json::to_writer_pretty(writer, value))
}

fn localizing<R>(lang: Lang, serialize: impl FnOnce() -> R) -> R {
    /// Takes the language back off even when serializing fails or panics.
    struct Reset(Option<Lang>);
    impl Drop for Reset {
        fn drop(&mut self) {
            LOCALIZING.set(self.0);
        }
    }
    let _reset = Reset(LOCALIZING.replace(Some(lang)));
    serialize()
}

impl schemars::JsonSchema for Message {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Message".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "Text in the report's language (`lang`)."
        })
    }
}
