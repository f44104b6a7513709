//! An Excel workbook for analysts: a sheet per section of the report
//! (summary, targets, duties, schedule, progress, findings), headers in the
//! report's language, figures as numbers and dates as dates, so a column
//! sorts, filters and sums. The sheets are laid out here as plain tables;
//! `book` writes them.

pub(crate) mod book;

use crate::render::book::{Cell, Sheet, Tone};

use super::Input;
use crate::compare::{Comparison, DutyStatus, TargetStatus, evidence::Certainty};
use crate::finding::{Finding, Kind, Rule, Severity};
use crate::i18n::{Label, Lang};
use crate::progress::ProgressStatus;
use crate::report::Report;
use crate::schedule::Standing;

pub(super) fn draw(input: &Input<'_>) -> Vec<u8> {
    let report = input.report;
    let sheets = sheets(report, input.view.sections());
    // Every cell is cut to Excel's limits and every sheet named as Excel
    // allows before it is written, which leaves no error to report.
    book::workbook(&sheets, report.as_of, report.lang).expect("the sheets fit Excel's limits")
}

/// The sheets of the sections a command ran, in reading order: a section
/// the command did not run has no sheet (an absent check must not read as a
/// pass); one that ran and found nothing has its header row alone.
fn sheets(report: &Report, sections: &[Kind]) -> Vec<Sheet> {
    let compared = sections
        .iter()
        .any(|k| matches!(k, Kind::Gap | Kind::Shortfall));
    let scheduled = sections.contains(&Kind::Schedule);
    let mut out = vec![summary(report, sections)];
    if compared {
        out.push(targets(report));
        out.push(duties(report));
    }
    if scheduled {
        out.push(schedule(report));
        if report.progress.iter().any(|p| !p.targets.is_empty()) {
            out.push(progress(report));
        }
    }
    out.push(findings(report, sections));
    out
}

fn label(label: Label, lang: Lang) -> String {
    capitalized(label.text(lang))
}

/// A heading of this format's own, from the catalogue's `[xlsx]` table.
fn own(id: &'static str, lang: Lang) -> String {
    lang.fixed(id).to_owned()
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Which findings a summary column counts, and whether the command ran the
/// check at all.
type Column = (Label, &'static [Kind], fn(&Finding) -> bool);

const COUNTED: &[Column] = &[
    (Label::Gap, &[Kind::Gap], |f| f.kind == Kind::Gap),
    (Label::Shortfall, &[Kind::Shortfall], |f| {
        f.kind == Kind::Shortfall
    }),
    (Label::Conflicts, &[Kind::Conflict], |f| {
        f.kind == Kind::Conflict
    }),
    (Label::Overdue, &[Kind::Schedule], |f| {
        matches!(f.code, Rule::Overdue | Rule::MissedOccurrence)
    }),
    (Label::NotComparable, &[Kind::Comparison], |f| {
        f.kind == Kind::Comparison
    }),
    (Label::Errors, &[Kind::Validation], |f| {
        f.kind == Kind::Validation && f.severity == Severity::Error
    }),
];

/// One row per plan reviewed: what it is, then its findings counted by kind
/// (the counts the printed report's first page gives).
fn summary(report: &Report, sections: &[Kind]) -> Sheet {
    let lang = report.lang;
    let columns: Vec<&Column> = COUNTED
        .iter()
        .filter(|(_, kinds, _)| kinds.iter().any(|k| sections.contains(k)))
        .collect();
    let scheduled = sections.contains(&Kind::Schedule);
    let mut header = vec![
        label(Label::Plan, lang),
        label(Label::PlanNumber, lang),
        own("xlsx.title", lang),
        own("xlsx.issuer", lang),
        own("xlsx.date", lang),
        label(Label::AsOf, lang),
    ];
    header.extend(columns.iter().map(|(l, _, _)| label(*l, lang)));
    if scheduled {
        header.push(label(Label::Progress, lang));
    }
    let rows = super::html::reviewed(report)
        .map(|(_, plan)| {
            let mut row = vec![
                Cell::text(&plan.id),
                plan.number.as_ref().map_or(Cell::Empty, Cell::text),
                Cell::text(&plan.title),
                Cell::text(&plan.issuer),
                Cell::date_or_empty(plan.date),
                Cell::Date(report.as_of),
            ];
            row.extend(columns.iter().map(|(_, _, wanted)| {
                let found = report.findings.iter();
                Cell::count(
                    found
                        .filter(|f| f.is_new() && wanted(f) && super::html::belongs(f, plan))
                        .count(),
                )
            }));
            if scheduled {
                let progress = report.progress.iter().find(|p| p.plan == plan.id);
                let counts = progress
                    .map(std::slice::from_ref)
                    .and_then(|p| super::progress::status_counts(p, lang));
                row.push(counts.map_or(Cell::Empty, Cell::Text));
            }
            row
        })
        .collect();
    Sheet {
        name: own("xlsx.sheet-summary", lang),
        header,
        rows,
    }
}

/// One row per comparison row: the plan, what it was compared with, the
/// pair of figures and the verdict.
fn targets(report: &Report) -> Sheet {
    let lang = report.lang;
    let header = vec![
        label(Label::Plan, lang),
        label(Label::ComparedWith, lang),
        own("xlsx.indicator-id", lang),
        label(Label::Indicator, lang),
        label(Label::Year, lang),
        label(Label::Level, lang),
        own("xlsx.condition", lang),
        own("xlsx.scheme-value", lang),
        own("xlsx.scheme-figure", lang),
        own("xlsx.plan-value", lang),
        own("xlsx.plan-figure", lang),
        label(Label::Difference, lang),
        label(Label::Status, lang),
        label(Label::Note, lang),
        own("xlsx.how-sure", lang),
    ];
    let rows = report
        .comparisons
        .iter()
        .flat_map(|c| c.targets.iter().map(move |row| target_row(c, row, lang)))
        .collect();
    Sheet {
        name: own("xlsx.sheet-targets", lang),
        header,
        rows,
    }
}

fn target_row(comparison: &Comparison, row: &crate::compare::TargetRow, lang: Lang) -> Vec<Cell> {
    let catalogue = crate::catalogue::Catalogue::embedded();
    let value =
        |v: Option<&crate::i18n::Message>| v.map_or(Cell::Empty, |v| Cell::Text(v.render(lang)));
    let mut notes = Vec::new();
    if let TargetStatus::NotComparable(why)
    | TargetStatus::NotApplicable(why)
    | TargetStatus::NotCommitted(why) = &row.status
    {
        notes.push(why.render(lang));
    }
    if let Some(flag) = row
        .verification
        .filter(|f| row.scheme_value.is_some() && !f.is_solid())
    {
        notes.push(super::baselines::flag_text(flag, lang).to_owned());
    }
    if let Some(basis) = &row.basis {
        notes.push(basis.render(lang));
    }
    let status = super::report::target_label(&row.status).text(lang);
    vec![
        Cell::text(&comparison.plan),
        Cell::text(comparison.against_label()),
        Cell::text(&row.indicator),
        Cell::Text(catalogue.indicator_label(&row.indicator, lang)),
        Cell::Number(f64::from(row.year)),
        Cell::number_or_empty(row.level.map(f64::from)),
        row.condition.as_ref().map_or(Cell::Empty, |c| {
            Cell::Text(catalogue.condition_label(c, lang))
        }),
        value(row.scheme_value.as_ref()),
        Cell::number_or_empty(row.scheme_figure),
        value(row.plan_value.as_ref()),
        Cell::number_or_empty(row.plan_figure),
        Cell::number_or_empty(row.difference),
        Cell::Status(status.to_owned(), Tone::of_target(&row.status)),
        if notes.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(notes.join("; "))
        },
        row.certainty
            .map_or(Cell::Empty, |c| Cell::text(certainty(c, lang))),
    ]
}

/// How the report's verdicts are coloured, for any sheet that shows them
/// (methods, not functions: callable wherever `render::book::Tone` is).
impl Tone {
    /// A comparison's verdict: shortfall and gap red, met green, what
    /// cannot be compared grey.
    pub(crate) fn of_target(status: &TargetStatus) -> Self {
        match status {
            TargetStatus::Gap | TargetStatus::Shortfall => Tone::Bad,
            TargetStatus::Meets | TargetStatus::Exceeds => Tone::Good,
            TargetStatus::ToFill => Tone::Caution,
            TargetStatus::LocalOnly => Tone::Plain,
            TargetStatus::OwnFigure
            | TargetStatus::NotApplicable(_)
            | TargetStatus::NotCommitted(_)
            | TargetStatus::NotComparable(_)
            | TargetStatus::NoFigures
            | TargetStatus::NoNationalFigure => Tone::Muted,
        }
    }

    /// A deadline's standing: overdue red, due soon amber, done green.
    pub(crate) fn of_standing(standing: Standing) -> Self {
        match standing {
            Standing::Overdue | Standing::Missed | Standing::OwnerGone => Tone::Bad,
            Standing::DueSoon | Standing::DoneLate => Tone::Caution,
            Standing::Done => Tone::Good,
            Standing::Cancelled | Standing::Unscheduled => Tone::Muted,
            Standing::Upcoming | Standing::Ongoing => Tone::Plain,
        }
    }
}

fn certainty(certainty: Certainty, lang: Lang) -> &'static str {
    lang.fixed(match certainty {
        Certainty::Sure => "xlsx.sure",
        Certainty::SingleSource => "xlsx.single-source",
        Certainty::Doubtful => "xlsx.doubtful",
        Certainty::OwnFigure => "xlsx.own-figure",
    })
}

/// One row per duty of the plans above: who leads it nationally, who should
/// locally, and the plan's tasks that take it up.
fn duties(report: &Report) -> Sheet {
    let lang = report.lang;
    let header = vec![
        label(Label::Plan, lang),
        label(Label::ComparedWith, lang),
        own("xlsx.duty-id", lang),
        label(Label::Duty, lang),
        own("xlsx.function", lang),
        label(Label::NationalLead, lang),
        label(Label::ExpectedOwner, lang),
        label(Label::LocalTasks, lang),
        label(Label::Status, lang),
    ];
    let rows = report
        .comparisons
        .iter()
        .flat_map(|c| {
            c.duties.iter().map(move |row| {
                vec![
                    Cell::text(&c.plan),
                    Cell::text(c.against_label()),
                    Cell::text(&row.duty),
                    Cell::text(&row.title),
                    Cell::Text(crate::compare::function_label(row.function).render(lang)),
                    Cell::Text(row.national_leads.join("; ")),
                    Cell::Text(row.expected_owners.join("; ")),
                    Cell::Text(row.local_tasks.join(", ")),
                    Cell::Status(
                        super::report::duty_status(row.status, lang).to_owned(),
                        duty_tone(row.status),
                    ),
                ]
            })
        })
        .collect();
    Sheet {
        name: own("xlsx.sheet-duties", lang),
        header,
        rows,
    }
}

fn duty_tone(status: DutyStatus) -> Tone {
    match status {
        DutyStatus::Gap => Tone::Bad,
        DutyStatus::Owned | DutyStatus::ThisPlan => Tone::Good,
        DutyStatus::Elsewhere | DutyStatus::Unmapped | DutyStatus::NoLead => Tone::Caution,
        DutyStatus::NotInForce | DutyStatus::NotChecked | DutyStatus::NoCounterpart => Tone::Muted,
    }
}

/// One row per task with a deadline, as of the report's date, with how
/// many of its occurrences were missed and are yet to come, as numbers.
fn schedule(report: &Report) -> Sheet {
    let lang = report.lang;
    let header = vec![
        label(Label::Plan, lang),
        own("xlsx.task-id", lang),
        label(Label::Task, lang),
        label(Label::Owner, lang),
        label(Label::Deadline, lang),
        label(Label::Occurrences, lang),
        label(Label::Missed, lang),
        label(Label::Upcoming, lang),
        label(Label::LastMissed, lang),
        label(Label::NextDue, lang),
        label(Label::Status, lang),
    ];
    let rows = report
        .schedules
        .iter()
        .flat_map(|s| {
            s.rows.iter().map(move |row| {
                let owner = match &row.successor {
                    Some(successor) => format!("{}; {}", row.owner, successor.render(lang)),
                    None => row.owner.clone(),
                };
                vec![
                    Cell::text(&s.plan),
                    Cell::text(&row.task),
                    Cell::text(&row.title),
                    Cell::Text(owner),
                    Cell::text(&row.wording),
                    Cell::count(row.occurrences.total),
                    Cell::count(row.occurrences.missed),
                    Cell::count(row.occurrences.upcoming),
                    Cell::date_or_empty(row.last_missed.as_ref().map(|d| d.due)),
                    Cell::date_or_empty(row.next_due.as_ref().map(|d| d.due)),
                    Cell::Status(
                        super::report::standing(row.standing, lang).to_owned(),
                        Tone::of_standing(row.standing),
                    ),
                ]
            })
        })
        .collect();
    Sheet {
        name: own("xlsx.sheet-schedule", lang),
        header,
        rows,
    }
}

/// One row per target of each plan against the figures recorded for it.
fn progress(report: &Report) -> Sheet {
    let lang = report.lang;
    let header = vec![
        label(Label::Plan, lang),
        own("xlsx.target-id", lang),
        own("xlsx.indicator-id", lang),
        label(Label::Indicator, lang),
        label(Label::Level, lang),
        own("xlsx.condition", lang),
        label(Label::Year, lang),
        label(Label::TargetValue, lang),
        label(Label::Baseline, lang),
        own("xlsx.baseline-year", lang),
        label(Label::LatestFigure, lang),
        own("xlsx.latest-year", lang),
        label(Label::GapLeft, lang),
        own("xlsx.needed-per-year", lang),
        own("xlsx.achieved-per-year", lang),
        label(Label::Status, lang),
    ];
    let catalogue = crate::catalogue::Catalogue::embedded();
    let rows = report
        .progress
        .iter()
        .flat_map(|p| {
            p.targets.iter().map(move |row| {
                let figure = |f: &Option<crate::progress::Figure>| {
                    let f = f.as_ref();
                    [
                        Cell::number_or_empty(f.map(|f| f.value)),
                        Cell::number_or_empty(f.map(|f| f64::from(f.year))),
                    ]
                };
                let [baseline, baseline_year] = figure(&row.baseline);
                let [latest, latest_year] = figure(&row.latest);
                let short = matches!(
                    row.status,
                    ProgressStatus::NotAchieved
                        | ProgressStatus::OffTrack
                        | ProgressStatus::TooEarly
                );
                vec![
                    Cell::text(&p.plan),
                    Cell::text(&row.target),
                    Cell::text(&row.indicator),
                    Cell::Text(
                        row.label
                            .as_ref()
                            .map_or_else(|| row.indicator.clone(), |l| l.render(lang)),
                    ),
                    Cell::number_or_empty(row.level.map(f64::from)),
                    row.condition.as_ref().map_or(Cell::Empty, |c| {
                        Cell::Text(catalogue.condition_label(c, lang))
                    }),
                    Cell::Number(f64::from(row.year)),
                    Cell::Text(row.value.render(lang)),
                    baseline,
                    baseline_year,
                    latest,
                    latest_year,
                    Cell::number_or_empty(row.gap.filter(|_| short)),
                    Cell::number_or_empty(row.needed_per_year),
                    Cell::number_or_empty(row.achieved_per_year),
                    Cell::Status(row.status.message().render(lang), progress_tone(row.status)),
                ]
            })
        })
        .collect();
    Sheet {
        name: own("xlsx.sheet-progress", lang),
        header,
        rows,
    }
}

fn progress_tone(status: ProgressStatus) -> Tone {
    match status {
        ProgressStatus::Achieved | ProgressStatus::OnTrack => Tone::Good,
        ProgressStatus::NotAchieved | ProgressStatus::OffTrack => Tone::Bad,
        ProgressStatus::TooEarly => Tone::Caution,
        ProgressStatus::NoData | ProgressStatus::NoFigure => Tone::Muted,
    }
}

/// Every finding the command shows, where it is and what to do.
fn findings(report: &Report, sections: &[Kind]) -> Sheet {
    let lang = report.lang;
    let header = vec![
        own("xlsx.rule", lang),
        label(Label::Severity, lang),
        label(Label::Plan, lang),
        own("xlsx.file", lang),
        own("xlsx.line", lang),
        own("xlsx.column", lang),
        label(Label::Subject, lang),
        label(Label::Message, lang),
        own("xlsx.hint", lang),
    ];
    let rows = report
        .findings
        .iter()
        .filter(|f| f.is_new() && (sections.contains(&f.kind) || f.code.is_load_error()))
        .map(|f| {
            vec![
                Cell::text(f.code.code()),
                Cell::Status(
                    crate::i18n::severity(f.severity, lang).to_owned(),
                    severity_tone(f.severity),
                ),
                f.plan.as_ref().map_or(Cell::Empty, Cell::text),
                Cell::Text(super::display_path(&f.location.file)),
                Cell::count(f.location.line),
                Cell::count(f.location.column),
                f.subject.as_ref().map_or(Cell::Empty, Cell::text),
                Cell::Text(f.message.render(lang)),
                f.hint
                    .as_ref()
                    .map_or(Cell::Empty, |h| Cell::Text(h.render(lang))),
            ]
        })
        .collect();
    Sheet {
        name: own("xlsx.sheet-findings", lang),
        header,
        rows,
    }
}

fn severity_tone(severity: Severity) -> Tone {
    match severity {
        Severity::Error => Tone::Bad,
        Severity::Warning => Tone::Caution,
        Severity::Info => Tone::Muted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_read_red_green_or_grey() {
        let why = crate::i18n::Message::verbatim("counted differently");
        assert_eq!(Tone::of_target(&TargetStatus::Shortfall), Tone::Bad);
        assert_eq!(Tone::of_target(&TargetStatus::Gap), Tone::Bad);
        assert_eq!(Tone::of_target(&TargetStatus::Meets), Tone::Good);
        assert_eq!(Tone::of_target(&TargetStatus::Exceeds), Tone::Good);
        assert_eq!(
            Tone::of_target(&TargetStatus::NotComparable(why)),
            Tone::Muted
        );
        assert_eq!(Tone::of_standing(Standing::Overdue), Tone::Bad);
        assert_eq!(Tone::of_standing(Standing::Done), Tone::Good);
        assert_eq!(duty_tone(DutyStatus::Gap), Tone::Bad);
        assert_eq!(progress_tone(ProgressStatus::OffTrack), Tone::Bad);
        assert_eq!(severity_tone(Severity::Error), Tone::Bad);
    }
}
