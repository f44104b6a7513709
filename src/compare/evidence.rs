//! How sure xhht is of a national figure, for the plan being checked: its
//! flag, how many independent publishers stand behind it, and whether one of
//! them is the very plan it is compared with. A figure read from a plan
//! proves nothing about that plan, and one page alone never fails a build.
//! This is the one place that judges how far a figure, or a fact a verdict
//! rests on, can be trusted, and how severe that makes a finding.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::finding::Severity;
use crate::i18n::Message;
use crate::model::{Level, Plan, Restatement, Target, Verification};
use crate::msg;
use crate::text::fold;

/// How far a finding resting on the figure can be trusted; sets its severity.
/// Declared from the surest to the least sure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Verified in a Vietnamese source, or corroborated by two or more
    /// independent publishers, or a parent plan's own text: an error.
    Sure,
    /// One publisher only, or a summary or restatement nothing else
    /// corroborates: a warning, never a failed build at the default threshold.
    SingleSource,
    /// Unverified, disputed or not found: information only.
    Doubtful,
    /// Every support of the figure is the plan being checked.
    OwnFigure,
}

impl Certainty {
    /// How sure a fact is on its flag alone, before anyone corroborates it.
    pub fn of(flag: Verification) -> Self {
        match flag {
            Verification::Verified | Verification::VerifiedDerived => Self::Sure,
            Verification::VerifiedEn | Verification::VerifiedLocal | Verification::SingleSource => {
                Self::SingleSource
            }
            Verification::Disputed | Verification::Unverified | Verification::NotFound => {
                Self::Doubtful
            }
        }
    }

    /// A verdict is no surer than the weakest fact it rests on.
    pub fn weakest(self, other: Self) -> Self {
        self.max(other)
    }
}

/// What stands behind a figure of the plan above, as seen from `local`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Evidence {
    pub certainty: Certainty,
    /// Independent publishers other than the plan being checked.
    pub publishers: usize,
}

/// How sure xhht is of `theirs`, a figure of `upper`, for the plan `local`.
pub(crate) fn weigh(local: &Plan, upper: &Plan, theirs: &Target) -> Evidence {
    let (publishers, includes_plan) = publishers(local, upper, theirs);
    let certainty = if upper.document.level != Level::National {
        // A parent plan's figures are its own text, taken as written.
        Certainty::Sure
    } else if includes_plan && publishers == 0 {
        Certainty::OwnFigure
    } else {
        match theirs.verification {
            // A summary or a restatement two independent publishers agree on.
            Some(Verification::VerifiedEn | Verification::VerifiedLocal) if publishers >= 2 => {
                Certainty::Sure
            }
            Some(flag) => Certainty::of(flag),
            None => Certainty::Doubtful,
        }
    };
    Evidence {
        certainty,
        publishers,
    }
}

/// A finding on a target's figure is as severe as xhht is sure of the
/// figure, with a note saying why when it is not an error.
pub(crate) fn severity(
    certainty: Certainty,
    flag: Option<Verification>,
) -> (Severity, Option<Message>) {
    match certainty {
        Certainty::Sure => (Severity::Error, None),
        Certainty::SingleSource => (
            Severity::Warning,
            Some(match flag {
                Some(Verification::VerifiedEn) => msg!("compare.evidence.summary-only"),
                Some(Verification::VerifiedLocal) => msg!("compare.evidence.restatement-only"),
                _ => msg!("compare.evidence.single-source"),
            }),
        ),
        Certainty::Doubtful => (
            Severity::Info,
            Some(match flag {
                Some(Verification::Disputed) => msg!("compare.evidence.disputed"),
                _ => msg!("compare.evidence.unverified"),
            }),
        ),
        Certainty::OwnFigure => (Severity::Info, None),
    }
}

/// Duties rest on thinner evidence than targets: the reference found few
/// ministry-by-ministry clauses. A duty no Vietnamese source confirms is
/// information only, with the note saying so; a confirmed one keeps its
/// rule's severity (`None`).
pub(crate) fn duty_severity(flag: Option<Verification>) -> Option<(Severity, Message)> {
    let sure = flag.is_some_and(|f| Certainty::of(f) == Certainty::Sure);
    (!sure).then(|| (Severity::Info, msg!("compare.evidence.duty-unverified")))
}

/// Distinct publishers among the figure's sources, leaving out the plan
/// being checked; and whether it was among them. Two pages of one site (or
/// of one news agency's language services) are one publisher; a local plan
/// restating the figure is one publisher, however many copies of it exist.
fn publishers(local: &Plan, upper: &Plan, theirs: &Target) -> (usize, bool) {
    let mut seen = BTreeSet::new();
    let mut includes_plan = false;
    for source in &theirs.sources {
        let source = source.as_str();
        let restatement = upper
            .document
            .restatements
            .iter()
            .find(|r| r.source.as_str() == source);
        let own = match restatement {
            Some(r) => is_plan(r, local),
            None => local.document.sources.iter().any(|s| s.as_str() == source),
        };
        if own {
            includes_plan = true;
            continue;
        }
        seen.insert(match restatement {
            Some(r) => format!("plan:{}", r.plan),
            None => publisher(source),
        });
    }
    (seen.len(), includes_plan)
}

/// The plan of a restatement is the plan being checked: same id, or same
/// number (its own or its approving decision's) in the same territory.
fn is_plan(restatement: &Restatement, local: &Plan) -> bool {
    if restatement.plan == local.document.id
        || local
            .document
            .sources
            .iter()
            .any(|s| s.as_str() == restatement.source.as_str())
    {
        return true;
    }
    let Some(number) = &restatement.number else {
        return false;
    };
    let numbers = [
        local.document.number.as_ref(),
        local.document.approved_by.as_ref().map(|a| &a.number),
    ];
    place(&restatement.jurisdiction) == place(&local.document.jurisdiction)
        && numbers
            .into_iter()
            .flatten()
            .any(|n| fold(n.as_str()) == fold(number.as_str()))
}

/// A territory's name without "tỉnh" or "thành phố": "tỉnh Vĩnh Long" and
/// "Vĩnh Long" are one place.
fn place(jurisdiction: &crate::text::Text) -> String {
    crate::units::strip_kind(jurisdiction)
}

/// Second-level labels under which a site is registered one level down
/// (`hcmus.edu.vn`, not `edu.vn`).
const SECOND_LEVEL: &[&str] = &["com", "edu", "gov", "org", "net", "ac", "info", "int"];

/// The registrable domain of a URL (`en.vietnamplus.vn` → `vietnamplus.vn`,
/// `stu.edu.vn` stays); anything else is its own publisher.
fn publisher(source: &str) -> String {
    let Some(rest) = source.split_once("://").map(|(_, rest)| rest) else {
        return source.to_owned();
    };
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or(rest)
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let keep = match labels.as_slice() {
        [.., second, _] if SECOND_LEVEL.contains(second) => 3,
        _ => 2,
    };
    labels[labels.len().saturating_sub(keep)..].join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renderers mark a figure by `Verification::is_solid`; a finding's
    /// severity must agree with that mark.
    #[test]
    fn a_flag_alone_is_sure_exactly_when_it_is_solid() {
        use Verification::*;
        for flag in [
            Verified,
            VerifiedDerived,
            VerifiedEn,
            VerifiedLocal,
            SingleSource,
            Unverified,
            Disputed,
            NotFound,
        ] {
            assert_eq!(
                Certainty::of(flag) == Certainty::Sure,
                flag.is_solid(),
                "{flag:?}"
            );
        }
    }

    #[test]
    fn the_weakest_of_two_is_the_less_sure() {
        assert_eq!(
            Certainty::Sure.weakest(Certainty::Doubtful),
            Certainty::Doubtful
        );
        assert_eq!(
            Certainty::OwnFigure.weakest(Certainty::SingleSource),
            Certainty::OwnFigure
        );
    }

    #[test]
    fn language_services_of_one_site_are_one_publisher() {
        assert_eq!(
            publisher("https://en.vietnamplus.vn/project/41370.vnp"),
            "vietnamplus.vn"
        );
        assert_eq!(
            publisher("https://fr.vietnamplus.vn/une-societe/38412.vnp"),
            "vietnamplus.vn"
        );
        assert_eq!(
            publisher("http://stu.edu.vn/en/1/9772/x.html"),
            "stu.edu.vn"
        );
        assert_eq!(
            publisher("https://www.binhduong.gov.vn:443/tin-tuc"),
            "binhduong.gov.vn"
        );
        assert_eq!(
            publisher("seeds/000_57e2ad833bec96c7.txt"),
            "seeds/000_57e2ad833bec96c7.txt"
        );
    }
}
