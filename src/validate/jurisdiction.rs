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
                if let Some(best) = map.closest(tier, written, within) {
                    finding = finding.hint(did_you_mean(&map.path(best)));
                }
                if after && tier == Tier::District {
                    finding = finding.note(msg!("units.jurisdiction.no-districts"));
                }
                for note in elsewhere(map, other, tier, written, within, after) {
                    finding = finding.note(note);
                }
                finding.note(msg!("units.jurisdiction.source"))
            }
        };
        self.push(finding);
    }
}

/// Where else the name is found: in another province of the plan's map,
/// or on the other map (with what an old unit became).
fn elsewhere(
    map: &Map,
    other: &Map,
    tier: Tier,
    written: &str,
    within: Option<&str>,
    after: bool,
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
    let (Resolution::Found(found) | Resolution::Ambiguous(found)) =
        other.resolve(tier, written, within, &aliases)
    else {
        return notes;
    };
    for unit in found {
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
