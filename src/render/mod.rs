//! Renderers: every format draws the same findings and rows.

pub mod baselines;
pub mod ci;
pub mod diagnostic;
pub mod diff;
pub mod html;
pub mod report;

/// Escapes text for HTML and XML: plan text is user input.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
