//! The report as a sequence of headings, paragraphs and tables, laid out once
//! and drawn in the terminal (comfy-table), as Markdown or as HTML.

use std::fmt::Write as _;

use crate::compare::Comparison;
use crate::compare::{DutyStatus, TargetStatus, function_label};
use crate::finding::{Finding, Kind};
use crate::i18n::{self, Label, Lang};
use crate::render::baselines::table;
use crate::report::{PlanSchedule, Report};
use crate::schedule::{Counts, Dated, Standing};

pub(crate) enum Block {
    Heading(u8, String),
    Para(String),
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

/// The report's sections in reading order; a section the command did not
/// run, or `--only` left out, is not drawn at all (an absent check must not
/// read as a pass); an empty one says so.
pub(crate) fn blocks(report: &Report, sections: &[Kind]) -> Vec<Block> {
    let lang = report.lang;
    let mut out = plans_blocks(report);
    out.push(Block::Heading(2, Label::Summary.text(lang).to_owned()));
    out.push(summary_block(report, sections));
    for (section, kinds) in SECTIONS {
        if kinds.iter().any(|k| sections.contains(k)) {
            out.extend(section_blocks(report, *section, kinds));
        }
        if *section == Label::OverdueAndDueSoon && sections.contains(&Kind::Schedule) {
            out.extend(progress_blocks(report));
        }
    }
    out.extend(closing_blocks(report));
    out
}

const SECTIONS: &[(Label, &[Kind])] = &[
    (Label::GapsAndShortfalls, &[Kind::Gap, Kind::Shortfall]),
    (Label::Conflicts, &[Kind::Conflict]),
    (Label::OverdueAndDueSoon, &[Kind::Schedule]),
    (Label::ComparisonNotices, &[Kind::Comparison]),
    (Label::ValidationFindings, &[Kind::Validation]),
];

/// The title and the plans the report covers.
fn plans_blocks(report: &Report) -> Vec<Block> {
    let l = |label: Label| label.text(report.lang).to_owned();
    let title = format!(
        "{} — {} {}",
        l(Label::ReportTitle),
        l(Label::AsOf),
        crate::i18n::format::date(report.as_of, report.lang)
    );
    let rows = report
        .plans
        .iter()
        .map(|p| {
            let date = p.date.map(|d| crate::i18n::format::date(d, report.lang));
            let number = match (&p.number, date) {
                (Some(n), Some(d)) => format!("{n}, {d}"),
                (Some(n), None) => n.clone(),
                (None, Some(d)) => d,
                (None, None) => "—".into(),
            };
            let mut subject = format!("{} ({}; {number})", p.title, p.issuer);
            if let Some(successor) = &p.successor {
                subject.push_str(&format!(". {}", successor.render(report.lang)));
            }
            vec![p.id.clone(), subject, super::shown_path(&p.file)]
        })
        .collect();
    vec![
        Block::Heading(1, title),
        Block::Heading(2, l(Label::Plans)),
        Block::Table {
            header: vec![l(Label::Plans), l(Label::Subject), l(Label::Location)],
            rows,
        },
    ]
}

/// Counts by severity, then by each section the command ran.
fn summary_block(report: &Report, sections: &[Kind]) -> Block {
    let l = |label: Label| label.text(report.lang);
    let s = &report.summary;
    let tally = crate::finding::Tally {
        errors: s.errors,
        warnings: s.warnings,
        infos: s.infos,
    };
    let mut text = super::diagnostic::counts(tally).render(report.lang);
    if let Some(accepted) = s.accepted {
        text.push_str(&format!(" · {}: {accepted}", l(Label::Accepted)));
    }
    for (label, kind, count) in [
        (Label::GapsAndShortfalls, Kind::Gap, s.gaps + s.shortfalls),
        (Label::Conflicts, Kind::Conflict, s.conflicts),
        (Label::OverdueAndDueSoon, Kind::Schedule, s.schedule),
    ] {
        if sections.contains(&kind) {
            text.push_str(&format!(" · {}: {count}", l(label)));
        }
    }
    if sections.contains(&Kind::Schedule)
        && let Some(counts) = super::progress::status_counts(&report.progress, report.lang)
    {
        text.push_str(&format!(" · {}: {counts}", l(Label::Progress)));
    }
    Block::Para(text)
}

/// One section: its findings, then the rows that back them.
fn section_blocks(report: &Report, section: Label, kinds: &[Kind]) -> Vec<Block> {
    let lang = report.lang;
    let mut out = vec![Block::Heading(2, section.text(lang).to_owned())];
    let findings: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| kinds.contains(&f.kind) && f.is_new())
        .collect();
    if findings.is_empty() {
        out.push(Block::Para(Label::NoFindings.text(lang).to_owned()));
    } else {
        out.push(findings_table(&findings, lang));
    }
    if section == Label::GapsAndShortfalls {
        for comparison in &report.comparisons {
            out.extend(comparison_blocks(comparison, lang));
        }
    }
    if section == Label::OverdueAndDueSoon {
        for schedule in &report.schedules {
            out.extend(schedule_blocks(schedule, lang));
        }
    }
    out
}

/// Each plan's targets against their recorded figures, then its open tasks
/// by lead: drawn with the schedule, whose rows the second rests on.
pub(crate) fn progress_blocks(report: &Report) -> Vec<Block> {
    let lang = report.lang;
    let l = |label: Label| label.text(lang).to_owned();
    let mut out = Vec::new();
    if report.progress.is_empty() {
        return out;
    }
    out.push(Block::Heading(2, l(Label::Progress)));
    for progress in &report.progress {
        out.push(Block::Heading(
            3,
            format!("{}: {}", progress.plan, l(Label::Progress)),
        ));
        out.extend(super::progress::target_blocks(
            progress,
            u16::try_from(report.as_of.year()).unwrap_or_default(),
            lang,
        ));
    }
    out.push(Block::Heading(2, l(Label::Responsibilities)));
    for progress in &report.progress {
        out.push(Block::Heading(
            3,
            format!("{}: {}", progress.plan, l(Label::Responsibilities)),
        ));
        out.extend(super::progress::owner_blocks(&progress.owners, lang));
    }
    out
}

/// The schemes the report was made with, and what made it.
fn closing_blocks(report: &Report) -> Vec<Block> {
    let l = |label: Label| label.text(report.lang).to_owned();
    let rows = report
        .baselines
        .iter()
        .map(|b| {
            vec![
                b.id.clone(),
                super::shown_path(&b.file),
                b.sha256[..16].to_owned(),
            ]
        })
        .collect();
    vec![
        Block::Heading(2, l(Label::Baselines)),
        Block::Table {
            header: vec![l(Label::Scheme), l(Label::Location), "sha256".into()],
            rows,
        },
        Block::Para(format!(
            "{} {} {}",
            l(Label::Generated),
            report.tool.name,
            report.tool.version
        )),
    ]
}

fn findings_table(findings: &[&Finding], lang: Lang) -> Block {
    let l = |label: Label| label.text(lang).to_owned();
    Block::Table {
        header: vec![
            l(Label::Severity),
            l(Label::Code),
            l(Label::Location),
            l(Label::Subject),
            l(Label::Message),
        ],
        rows: findings
            .iter()
            .map(|f| {
                let mut message = f.message.render(lang);
                if let (Some(reference), Some(flag)) = (&f.reference, f.verification) {
                    message.push_str(&format!(
                        " ({} {reference}: {})",
                        l(Label::RestsOn),
                        flag_text(flag, lang)
                    ));
                }
                vec![
                    i18n::severity(f.severity, lang).to_owned(),
                    f.code.code().to_owned(),
                    format!(
                        "{}:{}:{}",
                        super::shown_path(&f.location.file),
                        f.location.line,
                        f.location.column
                    ),
                    f.subject.clone().unwrap_or_default(),
                    message,
                ]
            })
            .collect(),
    }
}

/// "+3", or "−20 / +0" for a range: its lower and its upper end.
pub(crate) fn difference_text(row: &crate::compare::TargetRow, lang: Lang) -> String {
    let signed = |d: f64| super::progress::signed(d, lang);
    match (row.difference, row.difference_upper) {
        (Some(low), Some(high)) => format!("{} / {}", signed(low), signed(high)),
        (Some(d), None) => signed(d),
        _ => String::new(),
    }
}

fn flag_text(flag: crate::model::Verification, lang: Lang) -> &'static str {
    super::baselines::flag_text(flag, lang)
}

pub(crate) fn target_status(status: &TargetStatus, lang: Lang) -> String {
    let label = target_label(status);
    match status {
        TargetStatus::NotComparable(why)
        | TargetStatus::NotApplicable(why)
        | TargetStatus::NotCommitted(why) => format!("{}: {}", label.text(lang), why.render(lang)),
        _ => label.text(lang).to_owned(),
    }
}

/// A target row's verdict in a word, without its reason.
pub(crate) fn target_label(status: &TargetStatus) -> Label {
    match status {
        TargetStatus::Gap => Label::Gap,
        TargetStatus::Shortfall => Label::Shortfall,
        TargetStatus::Meets => Label::Meets,
        TargetStatus::Exceeds => Label::Exceeds,
        TargetStatus::NotComparable(_) => Label::NotComparable,
        TargetStatus::NoFigures => Label::NoFigures,
        TargetStatus::ToFill => Label::ToFill,
        TargetStatus::NoNationalFigure => Label::NoNationalFigure,
        TargetStatus::LocalOnly => Label::LocalOnly,
        TargetStatus::OwnFigure => Label::OwnFigure,
        TargetStatus::NotApplicable(_) => Label::NotApplicable,
        TargetStatus::NotCommitted(_) => Label::NotCommitted,
    }
}

pub(crate) fn duty_status(status: DutyStatus, lang: Lang) -> &'static str {
    match status {
        DutyStatus::Owned => Label::Owned,
        DutyStatus::Elsewhere => Label::Elsewhere,
        DutyStatus::Gap => Label::NoOwner,
        DutyStatus::Unmapped => Label::Unmapped,
        DutyStatus::NoLead => Label::NoLead,
        DutyStatus::ThisPlan => Label::ThisPlan,
        DutyStatus::NotInForce => Label::NotInForce,
        DutyStatus::NotChecked => Label::NotChecked,
        DutyStatus::NoCounterpart => Label::NoCounterpart,
    }
    .text(lang)
}

pub(crate) fn comparison_blocks(comparison: &Comparison, lang: Lang) -> Vec<Block> {
    let heading = |label: Label| {
        let against = comparison.against_label();
        Block::Heading(
            3,
            format!("{}: {} {against}", comparison.plan, label.text(lang)),
        )
    };
    let mut out = Vec::new();
    if !comparison.targets.is_empty() {
        out.push(heading(Label::Comparison));
        out.push(targets_table(comparison, lang));
    }
    if !comparison.duties.is_empty() {
        out.push(heading(Label::Duties));
        out.push(duties_table(comparison, lang));
    }
    out
}

fn header(labels: &[Label], lang: Lang) -> Vec<String> {
    labels.iter().map(|l| l.text(lang).to_owned()).collect()
}

fn targets_table(comparison: &Comparison, lang: Lang) -> Block {
    let value = |v: Option<&crate::i18n::Message>| v.map_or_else(|| "—".into(), |v| v.render(lang));
    let rows = comparison
        .targets
        .iter()
        .map(|row| {
            let catalogue = crate::catalogue::Catalogue::embedded();
            let mut indicator = catalogue.indicator_label(&row.indicator, lang);
            if let Some(condition) = &row.condition {
                let condition = catalogue.condition_label(condition, lang);
                indicator.push_str(&format!(" [{condition}]"));
            }
            let mut status = target_status(&row.status, lang);
            if let Some(flag) = row
                .verification
                .filter(|f| row.scheme_value.is_some() && !f.is_solid())
            {
                status.push_str(&format!(" ({})", flag_text(flag, lang)));
            }
            if let Some(basis) = &row.basis {
                status.push_str(&format!("; {}", basis.render(lang)));
            }
            vec![
                indicator,
                row.level.map(|l| l.to_string()).unwrap_or_default(),
                row.year.to_string(),
                value(row.scheme_value.as_ref()),
                value(row.plan_value.as_ref()),
                difference_text(row, lang),
                status,
            ]
        })
        .collect();
    Block::Table {
        header: header(
            &[
                Label::Indicator,
                Label::Level,
                Label::Year,
                Label::Scheme,
                Label::PlanValue,
                Label::Difference,
                Label::Status,
            ],
            lang,
        ),
        rows,
    }
}

fn duties_table(comparison: &Comparison, lang: Lang) -> Block {
    let rows = comparison
        .duties
        .iter()
        .map(|row| {
            vec![
                format!(
                    "{} ({})",
                    row.title,
                    function_label(row.function).render(lang)
                ),
                row.national_leads.join("; "),
                row.expected_owners.join("; "),
                abbreviate(&row.local_tasks),
                duty_status(row.status, lang).to_owned(),
            ]
        })
        .collect();
    Block::Table {
        header: header(
            &[
                Label::Duty,
                Label::NationalLead,
                Label::ExpectedOwner,
                Label::LocalTasks,
                Label::Status,
            ],
            lang,
        ),
        rows,
    }
}

/// The schedule view: one row per task with a deadline, the conventions the
/// due dates rest on, then, with `--occurrences`, each occurrence and how
/// many the run's cap left out.
pub(crate) fn schedule_blocks(schedule: &PlanSchedule, lang: Lang) -> Vec<Block> {
    let l = |label: Label| label.text(lang).to_owned();
    let mut out = vec![Block::Heading(
        3,
        format!("{}: {}", schedule.plan, l(Label::Schedule)),
    )];
    if schedule.rows.is_empty() {
        out.push(Block::Para(l(Label::NoDeadlines)));
    } else {
        out.push(schedule_table(schedule, lang));
    }
    if !schedule.conventions.is_empty() {
        let conventions: Vec<String> = schedule
            .conventions
            .iter()
            .map(|c| c.render(lang))
            .collect();
        out.push(Block::Para(format!(
            "{}: {}",
            l(Label::Conventions),
            conventions.join("; ")
        )));
    }
    if let Some(occurrences) = &schedule.occurrences {
        out.push(Block::Heading(
            3,
            format!("{}: {}", schedule.plan, l(Label::EachOccurrence)),
        ));
        out.push(occurrences_table(occurrences, lang));
        if occurrences.omitted > 0 {
            out.push(Block::Para(format!(
                "{}: {} ({} {})",
                l(Label::NotListed),
                occurrences.omitted,
                l(Label::AtMostPerRun),
                crate::report::MAX_OCCURRENCES
            )));
        }
    }
    out
}

fn schedule_table(schedule: &PlanSchedule, lang: Lang) -> Block {
    let rows = schedule
        .rows
        .iter()
        .map(|row| {
            vec![
                format!("{}: {}", row.task, row.title),
                match &row.successor {
                    Some(successor) => format!("{}; {}", row.owner, successor.render(lang)),
                    None => row.owner.clone(),
                },
                row.wording.clone(),
                counts(&row.occurrences, lang),
                row.last_missed
                    .as_ref()
                    .map(|d| dated(d, lang))
                    .unwrap_or_default(),
                row.next_due
                    .as_ref()
                    .map(|d| dated(d, lang))
                    .unwrap_or_default(),
                standing(row.standing, lang).to_owned(),
            ]
        })
        .collect();
    Block::Table {
        header: header(
            &[
                Label::Task,
                Label::Owner,
                Label::Deadline,
                Label::Occurrences,
                Label::LastMissed,
                Label::NextDue,
                Label::Status,
            ],
            lang,
        ),
        rows,
    }
}

fn occurrences_table(occurrences: &crate::report::Occurrences, lang: Lang) -> Block {
    let rows = occurrences
        .listed
        .iter()
        .map(|o| {
            vec![
                o.task.clone(),
                crate::i18n::format::period(&o.period, lang),
                crate::i18n::format::date(o.due, lang),
                o.days.map(|d| format!("{d:+}")).unwrap_or_default(),
                standing(o.standing, lang).to_owned(),
            ]
        })
        .collect();
    Block::Table {
        header: header(
            &[
                Label::Task,
                Label::Period,
                Label::Due,
                Label::DaysLate,
                Label::Status,
            ],
            lang,
        ),
        rows,
    }
}

pub(crate) fn standing(standing: Standing, lang: Lang) -> &'static str {
    match standing {
        Standing::Upcoming => Label::Upcoming,
        Standing::DueSoon => Label::DueSoon,
        Standing::Overdue => Label::Overdue,
        Standing::Missed => Label::Missed,
        Standing::Done => Label::Done,
        Standing::DoneLate => Label::DoneLate,
        Standing::Cancelled => Label::Cancelled,
        Standing::OwnerGone => Label::OwnerGone,
        Standing::Ongoing => Label::Ongoing,
        Standing::Unscheduled => Label::Unscheduled,
    }
    .text(lang)
}

/// "9: 5 missed, 4 upcoming": how a recurring deadline's occurrences stand.
/// A one-off's single occurrence is its status, said in the next columns.
fn counts(counts: &Counts, lang: Lang) -> String {
    if counts.total <= 1 {
        return "—".into();
    }
    let parts: Vec<String> = [
        (counts.done, Label::Done),
        (counts.done_late, Label::DoneLate),
        (counts.missed, Label::Missed),
        (counts.owner_gone, Label::WithoutOwner),
        (counts.upcoming, Label::Upcoming),
        (counts.cancelled, Label::Cancelled),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, label)| format!("{n} {}", label.text(lang)))
    .collect();
    format!("{}: {}", counts.total, parts.join(", "))
}

/// "6 tháng cuối năm 2020 (31/12/2020, +2160)": an occurrence, its due date
/// and the days past it, as the run's language writes them.
fn dated(dated: &Dated, lang: Lang) -> String {
    format!(
        "{} ({}, {:+})",
        crate::i18n::format::period(&dated.period, lang),
        crate::i18n::format::date(dated.due, lang),
        dated.days
    )
}

/// The first few ids and a count, so a long list does not swamp a table.
pub(crate) fn abbreviate(ids: &[String]) -> String {
    const SHOWN: usize = 3;
    match ids.len() {
        0 => "—".into(),
        n if n <= SHOWN => ids.join(", "),
        n => format!("{} (+{})", ids[..SHOWN].join(", "), n - SHOWN),
    }
}

pub(crate) fn terminal(blocks: &[Block], color: bool) -> String {
    // Text is made inert before xhht adds its own colours, so an escape
    // sequence in a plan can neither colour nor conceal a finding.
    let inert = |text: &str| super::printable(text, false);
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                let text = inert(text);
                let underline = if *level == 1 { '=' } else { '-' };
                let width = text.chars().count();
                out.push_str(&format!(
                    "\n{text}\n{}\n",
                    underline.to_string().repeat(width)
                ));
            }
            Block::Para(text) => out.push_str(&format!("{}\n", inert(text))),
            Block::Table { header, rows } => {
                let mut t = table(color);
                t.set_header(header.iter().map(|cell| inert(cell)));
                for row in rows {
                    t.add_row(row.iter().map(|cell| inert(cell)));
                }
                out.push_str(&format!("{t}\n"));
            }
        }
    }
    out
}

pub(crate) fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                out.push_str(&format!(
                    "{} {}\n\n",
                    "#".repeat(*level as usize),
                    escape(text)
                ));
            }
            Block::Para(text) => out.push_str(&format!("{}\n\n", escape(text))),
            Block::Table { header, rows } => {
                let line = |cells: &[String]| {
                    format!(
                        "| {} |\n",
                        cells
                            .iter()
                            .map(|c| escape(c))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    )
                };
                out.push_str(&line(header));
                out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
                for row in rows {
                    out.push_str(&line(row));
                }
                out.push('\n');
            }
        }
    }
    out
}

/// Blocks as HTML, for a page with its own style.
pub(crate) fn html<'b>(out: &mut String, blocks: impl IntoIterator<Item = &'b Block>) {
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                let _ = writeln!(out, "<h{level}>{}</h{level}>", super::escape_markup(text));
            }
            Block::Para(text) => {
                let _ = writeln!(
                    out,
                    "<p class=\"legend\">{}</p>",
                    super::markup_message(text)
                );
            }
            Block::Table { header, rows } => {
                out.push_str("<table>\n<thead><tr>");
                for cell in header {
                    let _ = write!(out, "<th>{}</th>", super::escape_markup(cell));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        let _ = write!(out, "<td>{}</td>", super::markup_message(cell));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
}

/// Keeps cell text from breaking a Markdown table or being read as HTML or
/// as a link (a plan's "[click](…)" in a pull-request comment).
/// Backticks stay: messages quote ids in them, which Markdown shows as code.
fn escape(text: &str) -> String {
    text.replace('|', "\\|")
        .replace('[', "\\[")
        .replace('<', "&lt;")
        .replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// With colour on, xhht's own SGR sequences pass the final filter; a
    /// plan's once passed with them and could colour or conceal a finding.
    #[test]
    fn a_plans_escape_sequences_stay_inert_in_colour() {
        let cell = "\u{1b}[8mhidden\u{1b}[0m".to_owned();
        let blocks = [
            Block::Para(cell.clone()),
            Block::Table {
                header: vec!["h".into()],
                rows: vec![vec![cell]],
            },
        ];
        let text = super::super::printable(&terminal(&blocks, true), true);
        assert!(!text.contains("\u{1b}[8m"), "{text:?}");
        assert!(text.contains("\\u{1b}[8mhidden"));
    }
}
