//! One message catalogue per language (`catalogue/messages/<lang>.toml`):
//! ids grouped in tables, each a template whose `{name}` placeholders the
//! message's arguments fill. `{{` and `}}` are literal braces.
//! `{count:shortfall|shortfalls}` is a word that agrees with the number
//! `count`: the first form for 1, the second otherwise (English needs it;
//! Vietnamese nouns do not change).

use std::collections::HashMap;

use super::template::{Piece, parse_template};

/// A language's messages, parsed once.
#[derive(Debug)]
pub struct Messages {
    templates: HashMap<String, Template>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Template {
    source: String,
    pieces: Vec<Piece>,
}

/// A catalogue file that is not what the loader expects. The catalogues are
/// compiled in and tested, so this is a build defect, never a user's error.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[cfg(test)]
    #[error("not TOML: {0}")]
    Toml(#[from] toml::de::Error),
    #[cfg(test)]
    #[error("`{0}` is neither a table nor a string")]
    NotText(String),
    #[error("`{id}`: {problem}")]
    Template { id: String, problem: &'static str },
}

impl Messages {
    /// The messages of `(id, template)` pairs, as `build.rs` flattens a
    /// catalogue file.
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Result<Self, CatalogueError> {
        let mut templates = HashMap::with_capacity(pairs.len());
        for &(id, text) in pairs {
            let pieces = parse_template(text).map_err(|problem| CatalogueError::Template {
                id: id.to_owned(),
                problem,
            })?;
            let source = text.to_owned();
            templates.insert(id.to_owned(), Template { source, pieces });
        }
        Ok(Self { templates })
    }

    /// A catalogue's text, as `build.rs` reads it.
    #[cfg(test)]
    pub fn parse(text: &str) -> Result<Self, CatalogueError> {
        let table: toml::Table = toml::from_str(text)?;
        let pairs = super::flatten::flatten(&table).map_err(CatalogueError::NotText)?;
        let pairs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(id, text)| (id.as_str(), text.as_str()))
            .collect();
        Self::from_pairs(&pairs)
    }

    /// The template of `id` with its placeholders filled by `arg`; a
    /// placeholder without an argument stays as written, so a slip shows.
    pub fn fill(&self, id: &str, arg: impl Fn(&str) -> Option<String>) -> String {
        let Some(template) = self.templates.get(id) else {
            return id.to_owned();
        };
        let mut out = String::with_capacity(template.source.len() + 16);
        for piece in &template.pieces {
            match piece {
                Piece::Literal(text) => out.push_str(text),
                Piece::Placeholder(name) => {
                    if let Some(value) = arg(name) {
                        out.push_str(&value);
                    } else {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                Piece::Plural { name, one, other } => {
                    out.push_str(if arg(name).as_deref() == Some("1") {
                        one
                    } else {
                        other
                    });
                }
            }
        }
        out
    }

    /// A template without placeholders, as text that lives as long as the
    /// catalogue (labels, rule summaries).
    pub fn fixed(&self, id: &str) -> Option<&str> {
        let template = self.templates.get(id)?;
        match template.pieces.as_slice() {
            [] => Some(""),
            [Piece::Literal(text)] => Some(text),
            _ => None,
        }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.templates.contains_key(id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.templates.keys().map(String::as_str)
    }

    /// The placeholder names of `id`, sorted.
    pub fn placeholders(&self, id: &str) -> Vec<&str> {
        let mut names: Vec<&str> = self.templates.get(id).map_or_else(Vec::new, |t| {
            t.pieces
                .iter()
                .filter_map(|piece| match piece {
                    Piece::Placeholder(name) | Piece::Plural { name, .. } => Some(name.as_str()),
                    Piece::Literal(_) => None,
                })
                .collect()
        });
        names.sort_unstable();
        names.dedup();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders_and_keeps_escaped_braces() {
        let messages =
            Messages::parse("[a]\nb = \"add `carries_out: [{{plan: {plan}}}]` to {task}\"\n")
                .unwrap();
        let text = messages.fill("a.b", |name| Some(name.to_uppercase()));
        assert_eq!(text, "add `carries_out: [{plan: PLAN}]` to TASK");
        assert_eq!(messages.placeholders("a.b"), ["plan", "task"]);
    }

    #[test]
    fn a_missing_argument_or_id_shows_instead_of_vanishing() {
        let messages = Messages::parse("x = \"due {date}\"").unwrap();
        assert_eq!(messages.fill("x", |_| None), "due {date}");
        assert_eq!(messages.fill("nope", |_| None), "nope");
    }

    #[test]
    fn a_word_agrees_with_its_number() {
        let messages = Messages::parse("x = \"{n} {n:shortfall|shortfalls}\"").unwrap();
        assert_eq!(messages.fill("x", |_| Some("1".into())), "1 shortfall");
        assert_eq!(messages.fill("x", |_| Some("2".into())), "2 shortfalls");
        assert_eq!(messages.fill("x", |_| Some("0".into())), "0 shortfalls");
        assert_eq!(messages.placeholders("x"), ["n"]);
    }

    #[test]
    fn malformed_templates_are_refused() {
        for bad in [
            "x = \"{}\"",
            "x = \"{a b}\"",
            "x = \"a } b\"",
            "x = 3",
            "x = \"{n:one}\"",
        ] {
            assert!(Messages::parse(bad).is_err(), "{bad}");
        }
    }
}
