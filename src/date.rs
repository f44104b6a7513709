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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CivilDate(pub Date);

impl CivilDate {
    pub fn new(year: i16, month: i8, day: i8) -> Option<Self> {
        Date::new(year, month, day).ok().map(Self)
    }

    pub fn parse_iso(s: &str) -> Result<Self, String> {
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
            return Err(crate::tr!(
                "`{s}` is not a date in the form YYYY-MM-DD (write 15/01/2020 as 2020-01-15)",
                "`{s}` không phải là ngày theo dạng YYYY-MM-DD (ghi 15/01/2020 thành 2020-01-15)"
            ));
        }
        // Every message keeps "YYYY-MM-DD": loading sorts them by it.
        s.parse::<Date>().map(Self).map_err(|e| {
            crate::tr!(
                "`{s}` is not a valid date: {e}",
                "`{s}` không phải là ngày hợp lệ theo dạng YYYY-MM-DD: {e}"
            )
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

impl Serialize for CivilDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
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
            return Err(de::Error::custom(crate::tr!(
                "expected a date, found an empty table",
                "cần một ngày theo dạng YYYY-MM-DD, nhưng gặp một bảng rỗng"
            )));
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
                .contains("YYYY-MM-DD")
        );
        assert!(
            CivilDate::parse_iso("2025-02-29")
                .unwrap_err()
                .contains("not a valid date")
        );
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
