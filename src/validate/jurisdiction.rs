//! `document.jurisdiction` names a unit of the General Statistics Office's
//! list of the plan's time, at the plan's level (XH017).

use super::{Check, root};
use crate::finding::Rule;
use crate::i18n::Message;
use crate::model::Level;
use crate::msg;
use crate::suggest::did_you_mean;
use crate::units::registry::{self, Map, Resolution, Tier, Unit};
use crate::units::{Units, issued_after_merger};

impl Check<'_> {
    pub(super) fn jurisdiction(&mut self) {
        let tier = match self.plan.document.level {
            Level::National => return,
            Level::Province => Tier::Province,
            Level::District => Tier::District,
            Level::Commune => Tier::Commune,
        };
        let written = self.plan.document.jurisdiction.as_str();
        // A name still to write is XH023's to report.
        if written.trim_start().starts_with(super::to_fill::MARKER) {
            return;
        }
        let after = issued_after_merger(self.plan);
        let (map, other) = if after {
            (registry::after(), registry::before())
        } else {
            (registry::before(), registry::after())
        };
        // A province id of the other map is XH016's to report; the name is
        // then looked for in every province rather than in none.
        let within = self
            .plan
            .document
            .province
            .as_deref()
            .filter(|id| map.has_province(id));
        // Read only when a province's name is compared.
        let aliases = |id: &str| Units::embedded().province_names(id);
        let jurisdiction = written;
        let path = root().key("document").key("jurisdiction");
        let finding = match map.resolve(tier, written, within, &aliases) {
            Resolution::Found(_) => return,
            Resolution::Ambiguous(found) => self
                .at(
                    Rule::UnknownJurisdiction,
                    &path,
                    msg!(
                        "units.jurisdiction.ambiguous",
                        jurisdiction,
                        places = places(map, &found)
                    ),
                )
                .hint(msg!("units.jurisdiction.ambiguous-hint")),
            Resolution::NotFound => {
                let era = era(after);
                let message = match within.and_then(|id| map.province(id)) {
                    Some(province) => msg!(
                        "units.jurisdiction.not-in-province",
                        jurisdiction,
                        province = province.written(),
                        era
                    ),
                    None => msg!("units.jurisdiction.unknown", jurisdiction, era),
                };
                let mut finding = self.at(Rule::UnknownJurisdiction, &path, message);
                let counterparts = counterparts(other, tier, written, within, after);
                // An old commune's name is no typo of a new one's: what it
                // became is the name to write.
                let hint = (after && tier == Tier::Commune)
                    .then(|| successor_hint(&counterparts))
                    .flatten()
                    .or_else(|| {
                        let best = map.closest(tier, written, within)?;
                        Some(did_you_mean(&map.path(best)))
                    });
                if let Some(hint) = hint {
                    finding = finding.hint(hint);
                }
                if after && tier == Tier::District {
                    finding = finding.note(msg!("units.jurisdiction.no-districts"));
                }
                for note in elsewhere(map, other, tier, written, within, after, &counterparts) {
                    finding = finding.note(note);
                }
                finding.note(msg!("units.jurisdiction.source"))
            }
        };
        self.push(finding);
    }
}

/// The units of the other map that bear the name, within the provinces
/// there that the plan's province corresponds to: those it was formed from
/// (a plan of 2026 giving `hung-yen` may name a commune of Thái Bình), or
/// the one it became part of.
fn counterparts(
    other: &'static Map,
    tier: Tier,
    written: &str,
    within: Option<&str>,
    after: bool,
) -> Vec<&'static Unit> {
    let units = Units::embedded();
    let aliases = |id: &str| units.province_names(id);
    let scopes: Vec<Option<&str>> = match within {
        None => vec![None],
        Some(id) if after => units
            .province_2025(id)
            .map(|p| p.formed_from.iter().map(|old| Some(old.as_str())).collect())
            .unwrap_or_default(),
        Some(id) => units
            .successor(id)
            .map(|p| Some(p.id.as_str()))
            .into_iter()
            .collect(),
    };
    let mut found: Vec<&'static Unit> = Vec::new();
    for scope in scopes {
        if let Resolution::Found(units) | Resolution::Ambiguous(units) =
            other.resolve(tier, written, scope, &aliases)
        {
            for unit in units {
                if !found.iter().any(|f| std::ptr::eq(*f, unit)) {
                    found.push(unit);
                }
            }
        }
    }
    found
}

/// The name a plan of 2026 should write for an old commune it names: the
/// one commune of the list after that the unit(s) went into, else a choice
/// among those the notes name; none when the record has no successor.
fn successor_hint(old: &[&Unit]) -> Option<Message> {
    let units = Units::embedded();
    let mut successors: Vec<&Unit> = old
        .iter()
        .flat_map(|unit| units.successors_of(unit))
        .map(|(new, _)| new)
        .collect();
    successors.sort_by_key(|unit| unit.code);
    successors.dedup_by_key(|unit| unit.code);
    match successors[..] {
        [] => None,
        [one] => Some(msg!(
            "units.successor-hint.one",
            successor = registry::after().path(one)
        )),
        _ => Some(msg!("units.successor-hint.choose")),
    }
}

/// Where else the name is found: in another province of the plan's map,
/// or on the other map (`counterparts`, with what an old unit became).
fn elsewhere(
    map: &Map,
    other: &Map,
    tier: Tier,
    written: &str,
    within: Option<&str>,
    after: bool,
    counterparts: &[&Unit],
) -> Vec<Message> {
    let aliases = |id: &str| Units::embedded().province_names(id);
    let mut notes = Vec::new();
    if within.is_some()
        && let Resolution::Found(found) | Resolution::Ambiguous(found) =
            map.resolve(tier, written, None, &aliases)
    {
        notes.push(msg!(
            "units.jurisdiction.elsewhere",
            places = places(map, &found)
        ));
    }
    for &unit in counterparts {
        let unit_path = other.path(unit);
        notes.push(if after {
            crate::units::became(unit_path, unit)
        } else {
            msg!("units.jurisdiction.new-unit", unit = unit_path)
        });
    }
    notes
}

/// Each unit with the units it lies in, "; " between them: a path has
/// commas of its own.
fn places(map: &Map, found: &[&Unit]) -> String {
    found
        .iter()
        .map(|u| map.path(u))
        .collect::<Vec<_>>()
        .join("; ")
}

fn era(after: bool) -> Message {
    if after {
        msg!("units.jurisdiction.after")
    } else {
        msg!("units.jurisdiction.before")
    }
}
