//! Values left as `TODO`, as `xhht init` writes every one it cannot know:
//! a plan is not finished while one remains, and each is reported where it
//! stands.

use super::{Check, root};
use crate::finding::{Rule, Severity};
use crate::msg;
use crate::source::FieldPath;

/// The marker `xhht init` writes, and the start of any text still to write.
pub(super) const MARKER: &str = "TODO";

impl Check<'_> {
    pub(super) fn blanks(&mut self) {
        if !may_hold_a_marker(&self.source.text) {
            return;
        }
        // The plan as data, so every field is looked at, however the model grows.
        let Ok(value) = serde_json::to_value(self.plan) else {
            return;
        };
        let mut blanks = Vec::new();
        collect(&value, root(), &mut blanks);
        // A dated plan has been issued: its figures are in the document, and
        // a blank left in it would hide a shortfall from every comparison.
        let issued = self.plan.document.date;
        for (path, text) in blanks {
            let field = path.to_string();
            let value = text.to_owned();
            let mut finding = self
                .at(
                    Rule::ToFill,
                    &path,
                    msg!("validate.to-fill.message", field, value),
                )
                .hint(msg!("validate.to-fill.hint"));
            if let Some(date) = issued {
                finding = finding
                    .severity(Severity::Error)
                    .note(msg!("validate.to-fill.issued", date));
            }
            self.push(finding);
        }
    }
}

/// Whether a value of the plan can start with the marker: the text has it,
/// or has an escape (`\u0054ODO`) that could spell it. Looking at the
/// plan as data costs more than reading it did; most plans have neither.
fn may_hold_a_marker(text: &str) -> bool {
    text.contains(MARKER) || text.contains('\\')
}

fn collect<'a>(
    value: &'a serde_json::Value,
    path: FieldPath,
    blanks: &mut Vec<(FieldPath, &'a str)>,
) {
    match value {
        serde_json::Value::String(text) if text.trim_start().starts_with(MARKER) => {
            blanks.push((path, text));
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect(item, path.index(i), blanks);
            }
        }
        serde_json::Value::Object(fields) => {
            for (key, field) in fields {
                collect(field, path.key(key), blanks);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_text_without_the_marker_or_an_escape_is_passed_over() {
        assert!(may_hold_a_marker("title: TODO: tên"));
        assert!(may_hold_a_marker("title: \"\\u0054ODO\""));
        assert!(!may_hold_a_marker("title: Kế hoạch\nnote: todo later"));
    }

    #[test]
    fn every_todo_is_found_with_its_path() {
        let value = serde_json::json!({
            "document": {"title": "TODO: tên kế hoạch", "id": "x"},
            "targets": [{"value": 5}, {"value": "TODO"}],
            "note": "nothing TODO here",
        });
        let mut blanks = Vec::new();
        collect(&value, root(), &mut blanks);
        let found: Vec<(String, &str)> = blanks
            .into_iter()
            .map(|(path, text)| (path.to_string(), text))
            .collect();
        assert_eq!(
            found,
            [
                ("document.title".to_owned(), "TODO: tên kế hoạch"),
                ("targets[1].value".to_owned(), "TODO"),
            ]
        );
    }
}
