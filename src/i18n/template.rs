//! A message template's pieces: text, `{name}` placeholders, and
//! `{count:one|other}` words that agree with a number. Shared by the
//! catalogue and by `build.rs`, which refuses a catalogue whose template
//! does not parse, so a slip fails the build rather than a run.

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    Literal(String),
    Placeholder(String),
    /// The form of a word that agrees with the placeholder's number.
    Plural {
        name: String,
        one: String,
        other: String,
    },
}

/// The pieces of `text`, or what is wrong with it.
pub(crate) fn parse_template(text: &str) -> Result<Vec<Piece>, &'static str> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                literal.push('}');
            }
            '{' => {
                let inside: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let (name, forms) = match inside.split_once(':') {
                    Some((name, forms)) => (name.to_owned(), Some(forms)),
                    None => (inside.clone(), None),
                };
                let valid =
                    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if !valid {
                    return Err("a placeholder is not `{name}` (write `{{` for a brace)");
                }
                if !literal.is_empty() {
                    pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                }
                pieces.push(match forms {
                    None => Piece::Placeholder(name),
                    Some(forms) => {
                        let Some((one, other)) = forms.split_once('|') else {
                            return Err("a plural is not `{count:one|other}`");
                        };
                        Piece::Plural {
                            name,
                            one: one.to_owned(),
                            other: other.to_owned(),
                        }
                    }
                });
            }
            '}' => return Err("a lone `}` (write `}}` for a brace)"),
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    Ok(pieces)
}
