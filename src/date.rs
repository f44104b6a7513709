//! Calendar dates in plan files. YAML gives them as plain `2020-01-15`, TOML
//! may give a native date (which reaches serde as a private map), so the
//! deserializer accepts both. Day/month order is never guessed: only ISO here;
//! Vietnamese wording is read by the deadline parser.

use std::borrow::Cow;
use std::fmt;

use jiff::civil::Date;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::Message;
use crate::msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CivilDate(pub Date);

/// Why a text is not a date. Its text (English) is what a deserializer
/// passes on; [`DateError::message`] is the same in the run's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not `YYYY-MM-DD` at all: most often a date written day first.
    NotIso { text: String },
    /// `YYYY-MM-DD`, but no such day.
    NoSuchDay { text: String, reason: String },
    /// TOML's native date, given as an empty table.
    EmptyTable,
}

impl DateError {
    pub fn message(&self) -> Message {
        match self {
            Self::NotIso { text } => msg!("date.not-iso", text),
            Self::NoSuchDay { text, reason } => msg!("date.no-such-day", text, reason),
            Self::EmptyTable => msg!("date.empty-table"),
        }
    }

    /// The error whose text a deserializer passed on as `text`, so that
    /// loading can show it in the run's language.
    pub fn from_text(text: &str) -> Option<Self> {
        // The quoted date comes first, the parser's reason after a colon;
        // a candidate counts only if it gives back `text` exactly.
        let (quoted, after) = text
            .strip_prefix('`')
            .and_then(|rest| rest.split_once('`'))
            .unwrap_or_default();
        let reason = after.split_once(": ").map_or("", |(_, reason)| reason);
        let candidates = [
            Self::EmptyTable,
            Self::NotIso {
                text: quoted.to_owned(),
            },
            Self::NoSuchDay {
                text: quoted.to_owned(),
                reason: reason.to_owned(),
            },
        ];
        candidates
            .into_iter()
            .find(|candidate| candidate.to_string() == text)
    }
}

/// English, for clap and logs; a report renders [`DateError::message`] in
/// its language.
impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().render(crate::i18n::Lang::En))
    }
}

impl CivilDate {
    /// A date from numbers as plans write them; none when a number is out
    /// of range or the day does not exist (31 April).
    pub fn from_numbers(year: u16, month: u8, day: u8) -> Option<Self> {
        Self::new(
            i16::try_from(year).ok()?,
            i8::try_from(month).ok()?,
            i8::try_from(day).ok()?,
        )
    }

    pub fn new(year: i16, month: i8, day: i8) -> Option<Self> {
        Date::new(year, month, day).ok().map(Self)
    }

    pub fn parse_iso(s: &str) -> Result<Self, DateError> {
        let s = s.trim();
        let well_formed = s.len() == 10
            && s.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if !well_formed {
            return Err(DateError::NotIso { text: s.to_owned() });
        }
        s.parse::<Date>()
            .map(Self)
            .map_err(|e| DateError::NoSuchDay {
                text: s.to_owned(),
                reason: e.to_string(),
            })
    }

    pub fn year(self) -> i16 {
        self.0.year()
    }

    /// Today in Vietnam (UTC+7, no daylight saving): the default as-of date.
    /// A fixed offset needs no time-zone database on the machine.
    pub fn today_in_vietnam() -> Self {
        let vietnam = jiff::tz::TimeZone::fixed(jiff::tz::offset(7));
        Self(jiff::Timestamp::now().to_zoned(vietnam).date())
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

thread_local! {
    /// Whether dates go out as TOML's native dates: see [`CivilDate::as_toml_dates`].
    static TOML_DATES: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl CivilDate {
    /// Runs `write`, a serialization with the toml crate, with every date
    /// written as a TOML date (`date = 2020-06-02`) rather than a quoted
    /// string: TOML has a date type, and a plan written by hand uses it.
    /// serde gives a value no way to know its serializer, and a TOML date is
    /// a private struct that any other format would write as a map, hence
    /// a switch for this thread only, for the length of the call.
    pub fn as_toml_dates<T>(write: impl FnOnce() -> T) -> T {
        struct Restore(bool);
        impl Drop for Restore {
            fn drop(&mut self) {
                TOML_DATES.set(self.0);
            }
        }
        let _restore = Restore(TOML_DATES.replace(true));
        write()
    }

    /// None for a year before 0, which TOML cannot write as a date.
    fn to_toml(self) -> Option<toml::value::Datetime> {
        let date = toml::value::Date {
            year: u16::try_from(self.0.year()).ok()?,
            month: u8::try_from(self.0.month()).ok()?,
            day: u8::try_from(self.0.day()).ok()?,
        };
        Some(toml::value::Datetime {
            date: Some(date),
            time: None,
            offset: None,
        })
    }
}

impl Serialize for CivilDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if TOML_DATES.get()
            && let Some(date) = self.to_toml()
        {
            date.serialize(serializer)
        } else {
            serializer.collect_str(&self.0)
        }
    }
}

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = CivilDate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date in the form YYYY-MM-DD")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<CivilDate, E> {
        CivilDate::parse_iso(v).map_err(E::custom)
    }

    // TOML hands a native date over as a one-entry map holding its text.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CivilDate, A::Error> {
        let Some((_, text)) = map.next_entry::<String, String>()? else {
            return Err(de::Error::custom(DateError::EmptyTable));
        };
        CivilDate::parse_iso(&text).map_err(de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for CivilDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DateVisitor)
    }
}

impl JsonSchema for CivilDate {
    fn schema_name() -> Cow<'static, str> {
        "CivilDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "A calendar date, YYYY-MM-DD.",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_a_date_in_this_century() {
        assert!((2025..2100).contains(&CivilDate::today_in_vietnam().year()));
    }

    #[test]
    fn iso_only() {
        assert_eq!(
            CivilDate::parse_iso("2020-01-15").unwrap().to_string(),
            "2020-01-15"
        );
        assert!(
            CivilDate::parse_iso("15/01/2020")
                .unwrap_err()
                .to_string()
                .contains("YYYY-MM-DD")
        );
        assert!(
            CivilDate::parse_iso("2025-02-29")
                .unwrap_err()
                .to_string()
                .contains("not a valid date")
        );
    }

    #[test]
    fn a_date_error_is_known_again_from_its_text() {
        for text in ["15/01/2020", "2025-02-29", "2025-13-01"] {
            let error = CivilDate::parse_iso(text).unwrap_err();
            assert_eq!(DateError::from_text(&error.to_string()), Some(error));
        }
        assert_eq!(
            DateError::from_text(&DateError::EmptyTable.to_string()),
            Some(DateError::EmptyTable)
        );
        assert_eq!(DateError::from_text("invalid type: integer `3`"), None);
    }

    #[test]
    fn dates_are_toml_dates_only_when_asked() {
        #[derive(Serialize)]
        struct D {
            a: CivilDate,
        }
        let d = D {
            a: CivilDate::parse_iso("2020-06-02").unwrap(),
        };
        let native = CivilDate::as_toml_dates(|| toml::to_string(&d).unwrap());
        assert_eq!(native, "a = 2020-06-02\n");
        assert_eq!(toml::to_string(&d).unwrap(), "a = \"2020-06-02\"\n");
        assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"a":"2020-06-02"}"#);
    }

    #[test]
    fn toml_native_and_quoted_dates_agree() {
        #[derive(Deserialize)]
        struct D {
            a: CivilDate,
            b: CivilDate,
        }
        let d: D = toml::from_str("a = 2020-06-02\nb = \"2020-06-02\"\n").unwrap();
        assert_eq!(d.a, d.b);
    }
}
