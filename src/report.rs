//! One findings model for every output: validation, comparison with the plans
//! above, and (later) the schedule, gathered into a versioned report that the
//! table, JSON and Markdown renderers all draw from.

pub mod stream;

use std::path::PathBuf;

use schemars::JsonSchema;
use serde::Serialize;

use crate::baselines;
use crate::compare::{self, Comparison};
use crate::date::CivilDate;
use crate::finding::{self, Finding, Kind, Tally};
use crate::i18n::Lang;
use crate::load::Loaded;
use crate::model::Level;
use crate::registry::Registry;

/// Bumped when a field changes meaning or disappears; additions keep it.
/// 2: a schedule row is a task, no longer one occurrence of it.
pub const REPORT_VERSION: u32 = 2;

/// The most occurrences a run lists with `--occurrences`, all plans together:
/// enough for a plan's recurring reports, not a wall of them.
pub const MAX_OCCURRENCES: usize = 200;

#[derive(Debug, Serialize, JsonSchema)]
pub struct Report {
    pub version: u32,
    pub tool: Tool,
    /// The date deadlines are judged against; given so a report can be reproduced.
    pub as_of: CivilDate,
    pub lang: Lang,
    /// The national schemes the report was made with, by content hash.
    pub baselines: Vec<BaselineUsed>,
    pub plans: Vec<PlanSummary>,
    /// Comparison rows: data, including "meets" and "exceeds", which are never findings.
    pub comparisons: Vec<Comparison>,
    /// Each plan's deadlines as of `as_of`: one row per task.
    pub schedules: Vec<PlanSchedule>,
    /// Each plan's targets against the figures recorded for them, and its
    /// open tasks by owner.
    pub progress: Vec<crate::progress::PlanProgress>,
    pub summary: Summary,
    pub findings: Vec<Finding>,
    /// With `--accepted`: accepted findings that no longer occur, among the
    /// rules and plans this run checked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<Absent>,
    /// The day the report was made (today, unlike `as_of`); printed on the
    /// page, left out of the JSON so the same run gives the same file.
    #[serde(skip)]
    pub generated: CivilDate,
    /// The status files read, so a diagnostic can show the line it points at.
    #[serde(skip)]
    pub status_sources: Vec<crate::source::SourceFile>,
}

/// An accepted finding that went away, known as the accepted file knows it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Absent {
    pub code: String,
    pub plan: String,
    pub subject: String,
    /// How many of the accepted ones with this key are gone.
    pub count: usize,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

impl Tool {
    pub const XHHT: Tool = Tool {
        name: env!("CARGO_PKG_NAME"),
        version: env!("CARGO_PKG_VERSION"),
    };
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct BaselineUsed {
    pub id: String,
    pub file: PathBuf,
    pub sha256: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct PlanSummary {
    pub id: String,
    pub file: PathBuf,
    pub title: String,
    pub level: Level,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<CivilDate>,
    pub issuer: String,
    /// What the plan's unit became on 1 July 2025, for a plan issued before
    /// it: the plan keeps its unit, the reader learns today's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub successor: Option<crate::i18n::Message>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct PlanSchedule {
    pub plan: String,
    /// Where progress was read from, when a status file was found or named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_file: Option<PathBuf>,
    /// The conventions the due dates rest on (e.g. calendar half-years for "định kỳ 6 tháng").
    pub conventions: Vec<crate::i18n::Message>,
    /// One row per task with a deadline, in plan order.
    pub rows: Vec<crate::schedule::Row>,
    /// With `--occurrences`: each occurrence of the rows, as many as the
    /// run's [`MAX_OCCURRENCES`] leaves room for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occurrences: Option<Occurrences>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Occurrences {
    /// In row order, each row's in date order.
    pub listed: Vec<crate::schedule::OccurrenceRow>,
    /// How many more there are: left out once the run had listed its
    /// `MAX_OCCURRENCES` (200).
    pub omitted: usize,
}

#[derive(Debug, Default, Serialize, JsonSchema)]
pub struct Summary {
    pub files: usize,
    /// With `--accepted`: how many findings the accepted file covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted: Option<usize>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub gaps: usize,
    pub shortfalls: usize,
    pub conflicts: usize,
    pub schedule: usize,
}

/// Which sections a report keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Only {
    /// Gaps and shortfalls against the plans above.
    Gaps,
    /// Contradictions inside a plan or with the plans above.
    Conflicts,
    /// Overdue and soon-due items.
    Overdue,
}

impl Only {
    pub fn keeps(self, kind: Kind) -> bool {
        match self {
            Self::Gaps => matches!(kind, Kind::Gap | Kind::Shortfall),
            Self::Conflicts => kind == Kind::Conflict,
            Self::Overdue => kind == Kind::Schedule,
        }
    }
}

pub struct Options<'a> {
    pub as_of: CivilDate,
    pub lang: Lang,
    pub against: Option<&'a str>,
    pub only: Option<Only>,
    /// Deadlines this many days ahead are due soon.
    pub within_days: Option<u32>,
    /// A status file named on the command line, with the plan it is for.
    pub status: Option<(&'a std::path::Path, &'a str)>,
    /// Compare with the plans above and check the schedule; off for `validate`.
    pub compare: bool,
    /// List every occurrence of the deadlines, up to [`MAX_OCCURRENCES`] a run.
    pub occurrences: bool,
    /// Plans the run's plans may be compared with, besides the run's files
    /// and the embedded schemes (`diff` looks beside the plan it compares).
    pub also_known: &'a [Loaded],
}

impl Options<'_> {
    /// A full report as of `as_of`: compared with the plans above, nothing
    /// left out, no status file named.
    pub fn full(as_of: CivilDate, lang: Lang) -> Self {
        Options {
            as_of,
            lang,
            against: None,
            only: None,
            within_days: None,
            status: None,
            compare: true,
            occurrences: false,
            also_known: &[],
        }
    }
}

/// Builds the report of a run: `loaded` are the user's files, already
/// validated into `validation`.
pub fn build(loaded: &[Loaded], validation: Vec<Finding>, options: &Options<'_>) -> Report {
    use rayon::prelude::*;

    let known = compare::chain::known(options.also_known.iter().chain(loaded));
    // Each plan is checked on its own, on every thread; the results are
    // gathered in file order, so the report is the same whatever the
    // thread count.
    let checked: Vec<Checked> = loaded
        .par_iter()
        .filter_map(|file| check_plan(file, options, &known))
        .collect();
    let mut findings = validation;
    let mut comparisons = Vec::new();
    let mut schedules = Vec::new();
    let mut progress = Vec::new();
    let mut status_sources = Vec::new();
    let mut plans = Vec::new();
    let mut listable = MAX_OCCURRENCES;
    for checked in checked {
        plans.push(checked.summary);
        findings.extend(checked.findings);
        status_sources.extend(checked.status_source);
        comparisons.extend(checked.comparisons);
        if let Some((mut schedule, plan_progress)) = checked.scheduled {
            if let Some(occurrences) = &mut schedule.occurrences {
                occurrences.omitted = occurrences.listed.len().saturating_sub(listable);
                occurrences.listed.truncate(listable);
                listable -= occurrences.listed.len();
            }
            schedules.push(schedule);
            progress.push(plan_progress);
        }
    }
    let mut report = assemble(
        loaded.len(),
        plans,
        comparisons,
        schedules,
        keep_only(findings, options.only),
        options.as_of,
        options.lang,
    );
    report.progress = progress;
    report.status_sources = status_sources;
    report
}

/// With `--only`, the findings of that kind; a file that did not load, or a
/// comparison that could not be made, is never filtered away: the checks it
/// stops are not a pass.
fn keep_only(mut findings: Vec<Finding>, only: Option<Only>) -> Vec<Finding> {
    if let Some(only) = only {
        findings
            .retain(|f| only.keeps(f.kind) || f.kind == Kind::Comparison || f.code.is_load_error());
    }
    findings
}

/// What a run found in one plan, gathered in file order afterwards.
pub(crate) struct Checked {
    pub summary: PlanSummary,
    /// With their indicators named in the run's language.
    pub comparisons: Vec<Comparison>,
    /// The plan's schedule and progress; none for `validate`, for a scheme,
    /// and when its status file cannot be read.
    pub scheduled: Option<(PlanSchedule, crate::progress::PlanProgress)>,
    pub findings: Vec<Finding>,
    /// The status file read, for diagnostics that point into it.
    pub status_source: Option<crate::source::SourceFile>,
}

/// Checks one plan of the run as `options` ask; none for a file that did
/// not load (its load errors are validation's).
pub(crate) fn check_plan(
    file: &Loaded,
    options: &Options<'_>,
    known: &compare::chain::Known<'_>,
) -> Option<Checked> {
    let plan = file.plan.as_ref().ok()?;
    let mut checked = Checked {
        summary: PlanSummary::of(file, plan),
        comparisons: Vec::new(),
        scheduled: None,
        findings: Vec::new(),
        status_source: None,
    };
    if !options.compare {
        // `validate` checks the status file beside each plan, not its deadlines.
        (checked.findings, checked.status_source) = status_records(file, plan, options);
        return Some(checked);
    }
    // The schemes themselves are the yardstick, not held to one, and
    // their deadlines are not a local office's to meet.
    if plan.document.level == Level::National && options.against.is_none() {
        return Some(checked);
    }
    match schedule(file, plan, options) {
        Ok(done) => {
            checked.scheduled = Some((done.schedule, done.progress));
            checked.findings = done.findings;
            checked.status_source = done.source;
        }
        Err(finding) => checked.findings.push(*finding),
    }
    let chain = compare::resolve(plan, &file.source, known, options.against);
    // Asked for here, not before the loop: `validate` never compares,
    // and parsing the registry was a quarter of a one-file run.
    let mut diff = compare::diff(plan, &file.source, &chain, Registry::embedded());
    label_rows(&mut diff.comparisons, options.lang);
    checked.findings.extend(diff.findings);
    checked.comparisons = diff.comparisons;
    Some(checked)
}

/// A plan's schedule, its progress, their findings and the status file read.
struct Scheduled {
    schedule: PlanSchedule,
    progress: crate::progress::PlanProgress,
    findings: Vec<Finding>,
    source: Option<crate::source::SourceFile>,
}

/// Names each comparison row's indicator in `lang`: JSON keeps the ids and
/// adds what a reader calls them.
pub(crate) fn label_rows(comparisons: &mut [Comparison], lang: Lang) {
    let catalogue = crate::catalogue::Catalogue::embedded();
    for row in comparisons.iter_mut().flat_map(|c| &mut c.targets) {
        if catalogue.indicator(&row.indicator).is_some() {
            let label = catalogue.indicator_label(&row.indicator, lang);
            row.label = Some(crate::i18n::Message::verbatim(label));
        }
    }
}

/// A plan's schedule, its progress and their findings, every occurrence
/// listed when asked for (the run's allowance is applied in file order
/// afterwards); or, when its status file cannot be read, the finding that
/// says so (nothing was checked then).
fn schedule(
    file: &Loaded,
    plan: &crate::model::Plan,
    options: &Options<'_>,
) -> Result<Scheduled, Box<Finding>> {
    let id = &plan.document.id;
    let named = options
        .status
        .filter(|(_, for_plan)| for_plan == id)
        .map(|(path, _)| path);
    let status = crate::schedule::status::read_for(plan, &file.source.path, named)
        .map_err(|error| Box::new(status_finding(file, id, error)))?;
    let schedule_options = crate::schedule::Options {
        as_of: options.as_of,
        within_days: options.within_days,
    };
    let schedule = crate::schedule::run(
        plan,
        &file.source,
        status.as_ref(),
        &schedule_options,
        Registry::embedded(),
    );
    let occurrences = options.occurrences.then_some(Occurrences {
        listed: schedule.occurrences,
        omitted: 0,
    });
    let merged = crate::schedule::status::merge(plan, status.as_ref().map(|s| &s.status));
    let progress = crate::progress::PlanProgress {
        plan: id.clone(),
        status_file: schedule.status_file.clone(),
        targets: crate::progress::targets(plan, &merged, options.as_of, options.lang),
        owners: crate::progress::owners::by_owner(plan, &schedule.rows),
    };
    let row = PlanSchedule {
        plan: id.clone(),
        status_file: schedule.status_file,
        conventions: schedule.conventions.iter().map(|c| c.message()).collect(),
        rows: schedule.rows,
        occurrences,
    };
    Ok(Scheduled {
        schedule: row,
        progress,
        findings: schedule.findings,
        source: status.map(|loaded| loaded.source),
    })
}

/// What is wrong with the progress recorded for `plan`, beside it or named,
/// and inline.
fn status_records(
    file: &Loaded,
    plan: &crate::model::Plan,
    options: &Options<'_>,
) -> (Vec<Finding>, Option<crate::source::SourceFile>) {
    let id = &plan.document.id;
    let named = options
        .status
        .filter(|(_, for_plan)| for_plan == id)
        .map(|(path, _)| path);
    let status = match crate::schedule::status::read_for(plan, &file.source.path, named) {
        Ok(status) => status,
        Err(error) => return (vec![status_finding(file, id, error)], None),
    };
    let check = |tasks, targets, source, base| {
        crate::schedule::status::check_records(plan, tasks, targets, source, base, options.as_of)
    };
    let root = crate::source::FieldPath::root();
    let mut findings = Vec::new();
    if let Some(loaded) = &status {
        findings.extend(check(
            &loaded.status.tasks[..],
            &loaded.status.targets[..],
            &loaded.source,
            &root,
        ));
    }
    if let Some(inline) = &plan.progress {
        findings.extend(check(
            &inline.tasks[..],
            &inline.targets[..],
            &file.source,
            &root.key("progress"),
        ));
    }
    (findings, status.map(|loaded| loaded.source))
}

fn status_finding(file: &Loaded, plan: &str, error: crate::schedule::StatusError) -> Finding {
    match error {
        crate::schedule::StatusError::Invalid { file, error } => {
            Finding::from_load_error(&file, &error).in_plan(plan)
        }
        other => Finding::new(
            crate::finding::Rule::Syntax,
            &file.source,
            0..0,
            other.message(),
        )
        .in_plan(plan)
        .hint(other.hint()),
    }
}

/// The report of `xhht diff`: one plan's comparisons with the plans above.
pub fn of_diff(file: &Loaded, mut diff: compare::Diff, as_of: CivilDate, lang: Lang) -> Report {
    label_rows(&mut diff.comparisons, lang);
    let plans = file
        .plan
        .as_ref()
        .map(|plan| PlanSummary::of(file, plan))
        .into_iter()
        .collect();
    assemble(
        1,
        plans,
        diff.comparisons,
        Vec::new(),
        diff.findings,
        as_of,
        lang,
    )
}

/// A report of findings alone, for a file that could not be read as a plan.
pub fn of_findings(findings: Vec<Finding>, as_of: CivilDate, lang: Lang) -> Report {
    assemble(1, Vec::new(), Vec::new(), Vec::new(), findings, as_of, lang)
}

fn assemble(
    files: usize,
    plans: Vec<PlanSummary>,
    comparisons: Vec<Comparison>,
    schedules: Vec<PlanSchedule>,
    mut findings: Vec<Finding>,
    as_of: CivilDate,
    lang: Lang,
) -> Report {
    finding::sort(&mut findings);
    findings.dedup();
    Report {
        version: REPORT_VERSION,
        tool: Tool::XHHT,
        as_of,
        lang,
        baselines: baselines_used(),
        plans,
        comparisons,
        schedules,
        progress: Vec::new(),
        summary: Summary::of(files, &findings),
        findings,
        absent: Vec::new(),
        generated: as_of,
        status_sources: Vec::new(),
    }
}

impl PlanSummary {
    fn of(file: &Loaded, plan: &crate::model::Plan) -> Self {
        let doc = &plan.document;
        Self {
            id: doc.id.clone(),
            file: file.source.path.clone(),
            title: doc.title.to_string(),
            level: doc.level,
            number: doc.number.as_ref().map(std::string::ToString::to_string),
            date: doc.date,
            issuer: doc.issuer.to_string(),
            successor: crate::units::successor_note(plan),
        }
    }
}

impl Summary {
    fn of(files: usize, findings: &[Finding]) -> Self {
        let tally = Tally::of(findings);
        let count = |kind: Kind| findings.iter().filter(|f| f.kind == kind).count();
        Self {
            files,
            accepted: None,
            errors: tally.errors,
            warnings: tally.warnings,
            infos: tally.infos,
            gaps: count(Kind::Gap),
            shortfalls: count(Kind::Shortfall),
            conflicts: count(Kind::Conflict),
            schedule: count(Kind::Schedule),
        }
    }
}

/// The embedded schemes, by content hash, so a report can be reproduced.
fn baselines_used() -> Vec<BaselineUsed> {
    baselines::SCHEMES
        .iter()
        .map(|scheme| BaselineUsed {
            id: scheme.id.to_owned(),
            file: scheme.path.into(),
            sha256: scheme.sha256.to_owned(),
        })
        .collect()
}

pub fn report_schema() -> String {
    let schema = schemars::schema_for!(Report);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    text.push('\n');
    text
}
