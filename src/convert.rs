//! A plan in the other format: the typed model written out afresh, then read
//! back through the loader and compared with the plan it came from, so that
//! a conversion that would change the plan is refused, never written.
//! Comments and layout are not in the model, so they are not carried over;
//! only the schema line editors read is written again.

use std::path::Path;

use serde_json::Value;

use crate::date::CivilDate;
use crate::i18n::Message;
use crate::load;
use crate::model::Plan;
use crate::msg;
use crate::source::{FieldPath, Format};

/// Why a plan that loads could not be converted. Each is a fault of xhht,
/// not of the plan: the model is meant to write out exactly as it reads.
#[derive(Debug)]
pub enum ConvertError {
    /// The serializer refused the model.
    Unwritable { format: Format, error: String },
    /// The text written does not load; `at` is its line and column there.
    Unreadable {
        format: Format,
        error: Message,
        at: String,
    },
    /// The text written loads to another plan, first differing at `field`.
    Differs { format: Format, field: FieldPath },
}

impl ConvertError {
    /// What went wrong and what to do, for the run's language; `path` is
    /// the plan converted.
    pub fn message(&self, path: &Path) -> Message {
        match self {
            Self::Unwritable { format, error } => {
                msg!(
                    "convert.unwritable",
                    path,
                    format = name(*format),
                    error = error.as_str()
                )
            }
            Self::Unreadable { format, error, at } => {
                msg!(
                    "convert.unreadable",
                    path,
                    format = name(*format),
                    error,
                    at = at.as_str()
                )
            }
            Self::Differs { format, field } => msg!(
                "convert.differs",
                path,
                format = name(*format),
                field = field.to_string()
            ),
        }
    }
}

/// The format's name as a reader writes it.
pub fn name(format: Format) -> &'static str {
    match format {
        Format::Yaml => "YAML",
        Format::Toml => "TOML",
    }
}

/// The other of the two plan formats.
pub fn other(format: Format) -> Format {
    match format {
        Format::Yaml => Format::Toml,
        Format::Toml => Format::Yaml,
    }
}

/// `plan` as text in `format`, headed by `schema` (where the plan schema
/// is, from [`schema_of`] the original) in the comment editors read.
/// Proven before it is returned: loaded back from memory as `path`, it is
/// equal to `plan`.
pub fn convert(
    plan: &Plan,
    format: Format,
    schema: Option<&str>,
    path: &Path,
) -> Result<String, ConvertError> {
    let body = match format {
        Format::Yaml => {
            serde_saphyr::to_string_with_options(plan, yaml_options()).map_err(|e| e.to_string())
        }
        Format::Toml => {
            CivilDate::as_toml_dates(|| toml::to_string(plan)).map_err(|e| e.to_string())
        }
    }
    .map_err(|error| ConvertError::Unwritable { format, error })?;
    let text = match schema {
        Some(schema) => format!("{}\n\n{body}", schema_comment(format, schema)),
        None => body,
    };
    let again = load::load_bytes(path.to_owned(), text.clone().into_bytes(), format);
    match again.plan {
        Ok(again) if same(&again, plan) => Ok(text),
        Ok(again) => Err(ConvertError::Differs {
            format,
            field: first_difference(plan, &again),
        }),
        Err(error) => Err(ConvertError::Unreadable {
            format,
            at: again
                .source
                .line_col(error.span.map_or(0, |span| span.start))
                .to_string(),
            error: error.message,
        }),
    }
}

/// Equal, or equal but for a NaN: a figure that is not a number is
/// unequal to itself, yet a plan may hold one (XH020 reports it), and it
/// converts like any other. Debug text writes every `f64` exactly.
fn same(a: &Plan, b: &Plan) -> bool {
    a == b || format!("{a:?}") == format!("{b:?}")
}

/// YAML as plans are written by hand: YAML 1.2, where `2020-06-02` is plain
/// text that xhht reads as a date, so dates are not quoted; with no
/// `%YAML` directive, which the bundled plans do not carry either.
fn yaml_options() -> serde_saphyr::SerializerOptions {
    serde_saphyr::ser_options! {
        yaml_12: true,
        no_lang_directive: true,
    }
}

/// Where the plan schema is, as the file's first line tells editors:
/// `# yaml-language-server: $schema=…` in YAML, `#:schema …` in TOML.
pub fn schema_of(text: &str) -> Option<&str> {
    let first = text.lines().next()?.trim();
    first
        .strip_prefix("# yaml-language-server: $schema=")
        .or_else(|| first.strip_prefix("#:schema "))
        .map(str::trim)
        .filter(|schema| !schema.is_empty())
}

fn schema_comment(format: Format, schema: &str) -> String {
    match format {
        Format::Yaml => format!("# yaml-language-server: $schema={schema}"),
        Format::Toml => format!("#:schema {schema}"),
    }
}

/// The first field at which two plans differ, as written in a plan file.
fn first_difference(a: &Plan, b: &Plan) -> FieldPath {
    let value = |plan| serde_json::to_value(plan).unwrap_or(Value::Null);
    difference(&value(a), &value(b), FieldPath::root()).unwrap_or_default()
}

fn difference(a: &Value, b: &Value, at: FieldPath) -> Option<FieldPath> {
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => {
            let mut keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)));
            keys.find_map(|key| match (a.get(key), b.get(key)) {
                (Some(x), Some(y)) => difference(x, y, at.key(key)),
                _ => Some(at.key(key)),
            })
        }
        (Value::Array(a), Value::Array(b)) => {
            (0..a.len().max(b.len())).find_map(|i| match (a.get(i), b.get(i)) {
                (Some(x), Some(y)) => difference(x, y, at.index(i)),
                _ => Some(at.index(i)),
            })
        }
        _ => (a != b).then_some(at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(text: &str) -> Plan {
        load::load_bytes("plan.yaml".into(), text.as_bytes().to_vec(), Format::Yaml)
            .plan
            .unwrap()
    }

    const PLAN: &str = "document:
  id: thu
  title: Kế hoạch thử
  kind: plan
  issuer: Ủy ban nhân dân xã
  level: commune
  jurisdiction: xã Thử
  date: 2024-03-01
  period: {start: 2024, end: 2025}
tasks:
  - id: t1
    title: Mở lớp xóa mù chữ
    leads: [ubnd]
    deadline: {wording: trước 15/01/2025, due: {date: 2025-01-15}}
";

    #[test]
    fn a_plan_converts_both_ways_with_dates_as_dates_and_vietnamese_as_written() {
        let original = plan(PLAN);
        let toml = convert(&original, Format::Toml, None, Path::new("p.toml")).unwrap();
        assert!(toml.contains("date = 2024-03-01\n"), "{toml}");
        assert!(toml.contains("date = 2025-01-15"), "{toml}");
        assert!(toml.contains("Mở lớp xóa mù chữ"), "{toml}");
        let back = load::load_bytes("p.toml".into(), toml.into_bytes(), Format::Toml);
        let yaml = convert(&back.plan.unwrap(), Format::Yaml, None, Path::new("p.yaml")).unwrap();
        assert!(yaml.contains("  date: 2024-03-01\n"), "{yaml}");
        assert!(yaml.contains("Ủy ban nhân dân xã"), "{yaml}");
        assert_eq!(plan(&yaml), original);
    }

    #[test]
    fn the_schema_line_is_written_in_the_other_formats_spelling() {
        let yaml = "# yaml-language-server: $schema=../schemas/plan.schema.json\n";
        let toml = "#:schema ../schemas/plan.schema.json\n";
        assert_eq!(schema_of(yaml), Some("../schemas/plan.schema.json"));
        assert_eq!(schema_of(toml), Some("../schemas/plan.schema.json"));
        assert_eq!(schema_of("# a comment\n"), None);
        let text = convert(
            &plan(PLAN),
            Format::Toml,
            schema_of(yaml),
            Path::new("p.toml"),
        )
        .unwrap();
        assert!(text.starts_with(toml), "{text}");
    }

    #[test]
    fn the_first_differing_field_is_named_by_its_path() {
        let a = plan(PLAN);
        let mut b = a.clone();
        b.tasks[0].leads.push("hoi-khuyen-hoc".into());
        assert_eq!(first_difference(&a, &b).as_str(), "tasks[0].leads[1]");
        b = a.clone();
        b.document.note = Some("ghi chú".into());
        assert_eq!(first_difference(&a, &b).as_str(), "document.note");
    }
}
