//! `xhht indicators`: the catalogue's indicator ids, for a person writing a
//! plan's targets.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::{EXIT_OK, did_you_mean, localized};
use crate::catalogue::{Catalogue, Indicator};
use crate::cli::IndicatorsArgs;
use crate::model::{Level, wire_name};
use crate::msg;
use crate::render::lookup::{List, draw};
use crate::settings::Settings;

/// One indicator as `--format json` writes it (README, "Looking things up").
#[derive(Debug, Serialize)]
struct Row<'a> {
    id: &'a str,
    vi: &'a str,
    en: &'a str,
    unit: String,
    binds: Vec<String>,
    schemes: &'a [String],
}

const COLUMNS: [&str; 6] = [
    "lookup.indicators.id",
    "lookup.indicators.vi",
    "lookup.indicators.en",
    "lookup.indicators.unit",
    "lookup.indicators.binds",
    "lookup.indicators.schemes",
];

pub(super) fn run(args: &IndicatorsArgs, settings: &Settings) -> anyhow::Result<ExitCode> {
    let set_by_scheme = match &args.scheme {
        Some(scheme) => Some(indicators_of(scheme, settings)?),
        None => None,
    };
    let rows: Vec<Row<'_>> = Catalogue::embedded()
        .indicators
        .iter()
        .filter(|i| set_by_scheme.as_ref().is_none_or(|set| set.contains(&i.id)))
        .filter(|i| args.level.is_none_or(|level| binds(i, level)))
        .map(row)
        .collect();
    let cells = |r: &Row<'_>| {
        [
            r.id.to_owned(),
            r.vi.to_owned(),
            r.en.to_owned(),
            r.unit.clone(),
            r.binds.join(", "),
            r.schemes.join(", "),
        ]
    };
    let (lang, color) = (settings.lang, settings.color());
    let list = List {
        key: "indicators",
        rows: &rows,
        columns: COLUMNS,
        count: msg!("lookup.indicators.count", count = rows.len()),
    };
    let text = draw(&list, cells, args.format, lang, color)?;
    write!(anstream::stdout().lock(), "{text}")?;
    Ok(ExitCode::from(EXIT_OK))
}

/// A national figure for the indicator binds a plan at `level`; at the
/// national level, a scheme sets one.
fn binds(indicator: &Indicator, level: Level) -> bool {
    match level {
        Level::National => !indicator.schemes.is_empty(),
        _ => indicator.binds.contains(&level),
    }
}

fn row(indicator: &Indicator) -> Row<'_> {
    Row {
        id: &indicator.id,
        vi: indicator.vi.as_str(),
        en: &indicator.en,
        unit: wire_name(&indicator.unit),
        binds: indicator.binds.iter().map(wire_name).collect(),
        schemes: &indicator.schemes,
    }
}

/// The indicators an embedded scheme sets a figure for, read from its
/// targets rather than from the catalogue's `schemes`, which a test holds to
/// them.
fn indicators_of(scheme: &str, settings: &Settings) -> anyhow::Result<BTreeSet<String>> {
    let plans: Vec<&crate::model::Plan> = crate::baselines::embedded()
        .filter_map(|l| l.plan.as_ref().ok())
        .collect();
    let Some(plan) = plans.iter().find(|p| p.document.id == scheme) else {
        let ids: Vec<&str> = plans.iter().map(|p| p.document.id.as_str()).collect();
        let suggestion = did_you_mean(scheme, &ids);
        let message = msg!("app.no-scheme", scheme, suggestion, schemes = ids);
        return Err(localized(&message, settings));
    };
    Ok(plan.targets.iter().map(|t| t.indicator.clone()).collect())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// The catalogue's `schemes` is what the table shows; the schemes'
    /// targets are what `--scheme` filters on. They must agree.
    #[test]
    fn catalogue_schemes_are_the_schemes_with_a_target_for_the_indicator() {
        let mut set_by: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for loaded in crate::baselines::embedded() {
            let plan = loaded.plan.as_ref().unwrap();
            for target in &plan.targets {
                set_by
                    .entry(&target.indicator)
                    .or_default()
                    .insert(&plan.document.id);
            }
        }
        for indicator in &Catalogue::embedded().indicators {
            let listed: BTreeSet<&str> = indicator.schemes.iter().map(String::as_str).collect();
            let actual = set_by.remove(indicator.id.as_str()).unwrap_or_default();
            assert_eq!(listed, actual, "{}: `schemes`", indicator.id);
        }
        assert!(
            set_by.is_empty(),
            "targets of unknown indicators: {set_by:?}"
        );
    }
}
