//! The draft as YAML: the plan as `xhht convert` writes it (proven to read
//! back the same), with a comment on each item saying the line it came
//! from and, where xhht is unsure, `# REVIEW:` and why. Targets with no
//! indicator follow, commented out, for the author to complete.

use std::path::Path;

use crate::i18n::{Lang, Message};
use crate::msg;
use crate::source::Format;

use super::{Draft, Note};

pub fn yaml(
    draft: &Draft,
    path: &Path,
    lang: Lang,
) -> Result<String, crate::convert::ConvertError> {
    let body = crate::convert::convert(&draft.plan, Format::Yaml, None, path)?;
    let mut out = String::new();
    if let Some(note) = draft.notes.iter().find(|n| n.id == "document") {
        for reason in &note.review {
            comment(&mut out, "", &review(reason, lang));
        }
    }
    let mut section = "";
    for line in body.lines() {
        if !line.starts_with(' ') && !line.starts_with('-') {
            section = line.split(':').next().unwrap_or("");
        }
        if let Some((indent, id)) = item_id(line, section)
            && let Some(note) = draft.notes.iter().find(|n| n.id == id)
        {
            annotate(&mut out, indent, note, lang);
        }
        out.push_str(line);
        out.push('\n');
    }
    set_aside(&mut out, draft, lang);
    Ok(out)
}

/// The id an item's first line names, with the indent for a comment above it.
fn item_id<'a>(line: &'a str, section: &str) -> Option<(&'a str, &'a str)> {
    let trimmed = line.trim_start();
    let indent = &line[..line.len() - trimmed.len()];
    let key = match section {
        "links" => ["- plan: ", "plan: "]
            .iter()
            .find(|k| trimmed.starts_with(*k))?,
        "agencies" | "targets" | "tasks" => ["- id: "].iter().find(|k| trimmed.starts_with(*k))?,
        _ => return None,
    };
    let id = trimmed[key.len()..].trim_matches('"');
    Some((indent, id))
}

fn annotate(out: &mut String, indent: &str, note: &Note, lang: Lang) {
    let line = note.line;
    comment(
        out,
        indent,
        &msg!("extract.comment.line", line).render(lang),
    );
    for reason in &note.review {
        comment(out, indent, &review(reason, lang));
    }
}

fn review(reason: &Message, lang: Lang) -> String {
    format!("REVIEW: {}", reason.render(lang))
}

fn comment(out: &mut String, indent: &str, text: &str) {
    for line in text.lines() {
        out.push_str(indent);
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
}

fn set_aside(out: &mut String, draft: &Draft, lang: Lang) {
    if draft.set_aside.is_empty() {
        return;
    }
    let count = draft.set_aside.len();
    out.push('\n');
    comment(
        out,
        "",
        &review(&msg!("extract.comment.set-aside", count), lang),
    );
    for found in &draft.set_aside {
        let Ok(text) = serde_saphyr::to_string(&vec![&found.target]) else {
            continue;
        };
        let line = found.line;
        comment(out, "", &msg!("extract.comment.line", line).render(lang));
        for reason in &found.review {
            comment(out, "", &review(reason, lang));
        }
        comment(out, "", &text);
    }
}
