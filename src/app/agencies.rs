//! `xhht agencies`: the registry's bodies, searchable without diacritics, for
//! a person filling in a plan's `agencies[].registry`.

use std::io::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::{EXIT_FINDINGS, EXIT_OK, warn};
use crate::cli::AgenciesArgs;
use crate::model::wire_name;
use crate::msg;
use crate::registry::{Body, Registry, compact};
use crate::render::lookup::{List, draw};
use crate::settings::Settings;

/// One body as `--format json` writes it (README, "Looking things up").
#[derive(Debug, Serialize)]
struct Row<'a> {
    id: &'a str,
    vi: &'a str,
    en: &'a str,
    level: String,
    kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    valid_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    valid_until: Option<String>,
}

const COLUMNS: [&str; 6] = [
    "lookup.agencies.id",
    "lookup.agencies.vi",
    "lookup.agencies.en",
    "lookup.agencies.level",
    "lookup.agencies.kind",
    "lookup.agencies.valid",
];

pub(super) fn run(args: &AgenciesArgs, settings: &Settings) -> anyhow::Result<ExitCode> {
    let registry = Registry::embedded();
    let wanted = args.search.as_deref().map(compact);
    let rows: Vec<Row<'_>> = registry
        .bodies
        .iter()
        .filter(|b| args.level.is_none_or(|level| b.level == level))
        .filter(|b| wanted.as_deref().is_none_or(|w| matches(b, w)))
        .map(row)
        .collect();
    if rows.is_empty() {
        // Like `rg`: a search that finds nothing exits 1, so a script can tell.
        warn(&nothing_found(args, registry), settings);
        return Ok(ExitCode::from(EXIT_FINDINGS));
    }
    let cells = |r: &Row<'_>| {
        [
            r.id.to_owned(),
            r.vi.to_owned(),
            r.en.to_owned(),
            r.level.clone(),
            r.kind.clone(),
            valid(r),
        ]
    };
    let (lang, color) = (settings.lang, settings.color());
    let list = List {
        key: "agencies",
        rows: &rows,
        columns: COLUMNS,
        count: msg!("lookup.agencies.count", count = rows.len()),
    };
    let text = draw(&list, cells, args.format, lang, color)?;
    write!(anstream::stdout().lock(), "{text}")?;
    Ok(ExitCode::from(EXIT_OK))
}

/// `wanted` is compacted: case, diacritics, spaces and punctuation do not
/// count, so "so giao duc" finds "Sở Giáo dục" and "gd-dt" finds "GD&ĐT".
fn matches(body: &Body, wanted: &str) -> bool {
    [body.id.as_str(), body.name.as_str(), body.en.as_str()]
        .into_iter()
        .chain(body.aliases.iter().map(crate::text::Text::as_str))
        .any(|field| compact(field).contains(wanted))
}

fn row(body: &Body) -> Row<'_> {
    Row {
        id: &body.id,
        vi: body.name.as_str(),
        en: &body.en,
        level: wire_name(&body.level),
        kind: wire_name(&body.kind),
        valid_from: body.valid_from.map(|d| d.to_string()),
        valid_until: body.valid_until.map(|d| d.to_string()),
    }
}

/// "2025-03-01 –", "– 2025-06-30", or both ends.
fn valid(row: &Row<'_>) -> String {
    match (&row.valid_from, &row.valid_until) {
        (None, None) => String::new(),
        (from, until) => format!(
            "{} – {}",
            from.as_deref().unwrap_or(""),
            until.as_deref().unwrap_or("")
        )
        .trim()
        .to_owned(),
    }
}

/// What was asked, and the nearest id, so the next try is a better one.
fn nothing_found(args: &AgenciesArgs, registry: &Registry) -> crate::i18n::Message {
    let search = args.search.clone().unwrap_or_default();
    let level = args.level.map(|l| wire_name(&l)).unwrap_or_default();
    let ids = registry.bodies.iter().map(|b| b.id.as_str());
    let suggestion = crate::suggest::closest(&search.to_lowercase(), ids).map_or_else(
        || crate::i18n::Message::verbatim(""),
        |best| msg!("lookup.agencies.closest", best),
    );
    match (search.is_empty(), level.is_empty()) {
        (true, _) => msg!("lookup.agencies.none-at-level", level),
        (false, true) => msg!("lookup.agencies.none", search, suggestion),
        (false, false) => msg!("lookup.agencies.none-at", search, level, suggestion),
    }
}
