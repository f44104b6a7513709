//! `xhht explain CODE`: one rule at length, from the catalogue's
//! `[explain.<rule name>]` tables, for the person who has to fix the plan.

use std::io::Write as _;
use std::process::ExitCode;

use super::{EXIT_OK, did_you_mean, localized};
use crate::cli::ExplainArgs;
use crate::finding::Rule;
use crate::i18n::Lang;
use crate::msg;
use crate::settings::Settings;

/// The parts of an explanation, in the order they are shown: each is
/// `explain.<rule name>.<part>` in the catalogues, under the heading
/// `lookup.explain.<part>`.
const PARTS: [&str; 5] = ["checks", "why", "wrong", "right", "silence"];

/// The parts that are YAML, shown indented as a block.
const EXAMPLES: [&str; 2] = ["wrong", "right"];

pub(super) fn run(args: &ExplainArgs, settings: &Settings) -> anyhow::Result<ExitCode> {
    let Some(rule) = find(&args.code) else {
        let known: Vec<&str> = Rule::ALL
            .iter()
            .flat_map(|r| [r.code(), r.name()])
            .collect();
        let wanted = if args.code.to_ascii_lowercase().starts_with("xh") {
            args.code.to_ascii_uppercase()
        } else {
            args.code.to_ascii_lowercase()
        };
        let suggestion = did_you_mean(&wanted, &known);
        let code = args.code.as_str();
        return Err(localized(
            &msg!("lookup.explain.unknown", code, suggestion),
            settings,
        ));
    };
    let text = explanation(rule, settings.lang);
    let color = settings.color();
    write!(
        anstream::stdout().lock(),
        "{}",
        crate::render::printable(&text, color)
    )?;
    Ok(ExitCode::from(EXIT_OK))
}

/// The rule a code (`XH030`, `xh030`) or a name (`lead-count`) names.
fn find(code: &str) -> Option<Rule> {
    Rule::from_code(&code.to_ascii_uppercase()).or_else(|| {
        Rule::ALL
            .iter()
            .copied()
            .find(|r| r.name().eq_ignore_ascii_case(code))
    })
}

fn explanation(rule: Rule, lang: Lang) -> String {
    let severity = crate::i18n::severity(rule.default_severity(), lang);
    let mut out = format!(
        "{} {} ({severity}): {}\n",
        rule.code(),
        rule.name(),
        rule.summary(lang)
    );
    for part in PARTS {
        let heading = lang
            .messages()
            .fixed(&format!("lookup.explain.{part}"))
            .unwrap_or(part);
        let body = part_text(rule, part, lang);
        out.push('\n');
        out.push_str(heading);
        out.push('\n');
        let indent = if EXAMPLES.contains(&part) {
            "    "
        } else {
            "  "
        };
        for line in body.trim_end().lines() {
            if !line.is_empty() {
                out.push_str(indent);
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push('\n');
    out.push_str(&msg!("lookup.explain.more", code = rule.code()).render(lang));
    out.push('\n');
    out
}

/// One part of a rule's explanation; the id itself if the catalogue lacks
/// it, which the tests below rule out.
fn part_text(rule: Rule, part: &str, lang: Lang) -> String {
    let id = format!("explain.{}.{part}", rule.name());
    lang.messages().fixed(&id).unwrap_or(&id).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_explained_in_every_language() {
        for &lang in Lang::ALL {
            for &rule in Rule::ALL {
                for part in PARTS {
                    let id = format!("explain.{}.{part}", rule.name());
                    let text = lang.messages().fixed(&id);
                    assert!(
                        text.is_some_and(|t| !t.trim().is_empty()),
                        "{id} is missing or empty in {lang:?}"
                    );
                }
            }
        }
    }

    /// No explanation is left for a rule that no longer exists.
    #[test]
    fn every_explanation_is_of_a_rule() {
        for &lang in Lang::ALL {
            for id in lang.messages().ids() {
                let Some(rest) = id.strip_prefix("explain.") else {
                    continue;
                };
                let (name, part) = rest.rsplit_once('.').unwrap();
                assert!(
                    Rule::ALL.iter().any(|r| r.name() == name) && PARTS.contains(&part),
                    "{id} in {lang:?} explains no rule part"
                );
            }
        }
    }

    /// The examples are plan fragments a reader may paste: they must be
    /// YAML, but for the one that shows what is not.
    #[test]
    fn examples_are_yaml() {
        for &lang in Lang::ALL {
            for &rule in Rule::ALL {
                for part in EXAMPLES {
                    if (rule, part) == (Rule::Syntax, "wrong") {
                        continue;
                    }
                    let text = part_text(rule, part, lang);
                    let parsed: Result<serde_json::Value, _> = serde_saphyr::from_str(&text);
                    assert!(
                        parsed.is_ok(),
                        "explain.{}.{part} in {lang:?} is not YAML: {parsed:?}\n{text}",
                        rule.name()
                    );
                }
            }
        }
    }

    #[test]
    fn codes_and_names_find_their_rule_in_any_case() {
        assert_eq!(find("XH030"), Some(Rule::LeadCount));
        assert_eq!(find("xh030"), Some(Rule::LeadCount));
        assert_eq!(find("Lead-Count"), Some(Rule::LeadCount));
        assert_eq!(find("XH999"), None);
    }
}
