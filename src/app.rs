//! What each command does, from parsed arguments and resolved settings to an
//! exit code. The only module that writes to standard output.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::baselines;
use crate::check::{Checked, check_found};
use crate::cli::{BaselinesAction, Command, DiffArgs, InputArgs, ReportArgs, SchemaKind};
use crate::finding::{Family, Finding, Kind, Rule, Severity};
use crate::load::{self, Shape};
use crate::msg;
use crate::render::{self, Format, View};
use crate::settings::{Output, Settings};

mod agencies;
mod completions;
mod convert;
mod explain;
mod extract;
mod indicators;
mod init;
mod man;
mod rollup;
mod streamed;

/// No finding at or above `--fail-on`.
pub const EXIT_OK: u8 = 0;
/// Findings at or above `--fail-on`, including files that do not parse.
pub const EXIT_FINDINGS: u8 = 1;
/// Usage errors, and paths that do not exist or cannot be read.
pub const EXIT_USAGE: u8 = 2;

pub fn run(command: Command, settings: &Settings) -> anyhow::Result<ExitCode> {
    match command {
        Command::Validate(args) => {
            validate(&args.input, &output(&args.output, settings)?, settings)
        }
        Command::Diff(args) => diff(&args, settings),
        Command::Baselines(args) => baselines(args.action, settings),
        Command::Report(args) => report(&args, settings),
        Command::Rollup(args) => rollup::run(&args, settings),
        Command::Schema { kind } => {
            let schema = match kind {
                SchemaKind::Plan => crate::schema::plan_schema(),
                SchemaKind::Report => crate::report::report_schema(),
                SchemaKind::Status => crate::schema::status_schema(),
                SchemaKind::Rollup => crate::rollup::schema(),
            };
            // Written, not printed: a reader that stops early (`| head`)
            // ends the run quietly instead of panicking.
            write!(anstream::stdout().lock(), "{schema}")?;
            Ok(ExitCode::from(EXIT_OK))
        }
        Command::Rules => {
            let mut out = anstream::stdout().lock();
            for rule in Rule::ALL {
                writeln!(
                    out,
                    "{}  {:<28} {:<8} {}",
                    rule.code(),
                    rule.name(),
                    rule.default_severity(),
                    rule.summary(settings.lang)
                )?;
            }
            Ok(ExitCode::from(EXIT_OK))
        }
        Command::Indicators(args) => indicators::run(&args, settings),
        Command::Agencies(args) => agencies::run(&args, settings),
        Command::Explain(args) => explain::run(&args, settings),
        Command::Init(args) => init::run(&args, settings),
        Command::Convert(args) => convert::run(&args, settings),
        Command::Extract(args) => extract::run(&args, settings),
        Command::Completions { shell } => completions::run(shell),
        Command::Man { subcommand } => man::run(subcommand.as_deref(), settings),
    }
}

fn check_input(
    input: &InputArgs,
    also_wanted: &[String],
    settings: &Settings,
) -> anyhow::Result<Checked> {
    let files = crate::walk::find(&input.paths, &input.filter())
        .map_err(|e| localized(&e.message(), settings))?;
    let checked = check_found(
        &files,
        input.skip_non_plans,
        &input.plans,
        also_wanted,
        &input.filter(),
    )
    .map_err(|e| localized(&e.message(), settings))?;
    warn_broken_beside(&checked.beside, settings);
    warn_skipped(&checked.skipped, settings);
    let nothing = checked.files.is_empty() && checked.findings.is_empty();
    refuse_nothing_checked(input, &files, nothing, settings)?;
    Ok(checked)
}

fn warn_skipped(skipped: &[(PathBuf, Shape)], settings: &Settings) {
    let names = |wanted: Shape| -> Vec<String> {
        let paths = skipped.iter().filter(|(_, shape)| *shape == wanted);
        paths.map(|(path, _)| path.display().to_string()).collect()
    };
    let (others, status) = (names(Shape::NotAPlan), names(Shape::StatusFile));
    if !others.is_empty() {
        warn(&msg!("app.skipped-not-plans", files = others), settings);
    }
    if !status.is_empty() {
        warn(&msg!("app.skipped-status-files", files = status), settings);
    }
}

/// Checking nothing must not look like a pass; but files named and found
/// not to be plans (pre-commit names every YAML file) were looked at.
fn refuse_nothing_checked(
    input: &InputArgs,
    files: &[crate::walk::Found],
    nothing: bool,
    settings: &Settings,
) -> anyhow::Result<()> {
    let named_and_skipped = input.skip_non_plans && files.iter().any(|f| f.named);
    if nothing && !named_and_skipped {
        let paths: Vec<String> = input
            .paths
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        anyhow::bail!(msg!("app.no-plan-files", paths).render(settings.lang));
    }
    Ok(())
}

/// A file that names a wanted plan but does not load may be the parent the
/// user meant: an "unknown plan" finding alone would hide why.
fn warn_broken_beside(beside: &crate::beside::Beside, settings: &Settings) {
    for path in &beside.broken {
        warn(&msg!("app.broken-beside", path), settings);
    }
    for (id, paths) in &beside.ambiguous {
        let files: Vec<&PathBuf> = paths.iter().collect();
        warn(&msg!("app.ambiguous-beside", id, files), settings);
    }
}

/// An error for the person at the terminal, in the run's language.
/// Where a draft goes (`init`, `extract`): standard output for none or `-`;
/// refused when it is a directory, or exists and `--force` is not given
/// (`exists` says so in the command's words).
fn draft_output<'p>(
    output: Option<&'p Path>,
    force: bool,
    settings: &Settings,
    exists: impl Fn(&Path) -> crate::i18n::Message,
) -> anyhow::Result<Option<&'p Path>> {
    let output = output.filter(|p| p.as_os_str() != "-");
    if let Some(path) = output {
        if path.is_dir() {
            return Err(localized(&msg!("output.is-directory", path), settings));
        }
        if path.exists() && !force {
            return Err(localized(&exists(path), settings));
        }
    }
    Ok(output)
}

/// Where and how a command writes, refused before any check runs when it
/// would send a binary format to a terminal.
fn output(args: &crate::cli::OutputArgs, settings: &Settings) -> anyhow::Result<Output> {
    let output = settings.output(args);
    if output.format.is_binary() && output.file.is_none() && settings.stdout_is_terminal {
        return Err(localized(&msg!("xlsx.binary-to-terminal"), settings));
    }
    Ok(output)
}

fn localized(message: &crate::i18n::Message, settings: &Settings) -> anyhow::Error {
    anyhow::anyhow!(message.render(settings.lang))
}

fn load_file(path: &Path, settings: &Settings) -> anyhow::Result<load::Loaded> {
    load::load_file(path).map_err(|e| localized(&e.message(), settings))
}

fn validate(input: &InputArgs, output: &Output, settings: &Settings) -> anyhow::Result<ExitCode> {
    if streamed::streams(input, output, false) {
        let mut options = report_options(settings, &[]);
        options.compare = false;
        return streamed::run(input, None, output, &options, settings);
    }
    let checked = check_input(input, &[], settings)?;
    let beside = &checked.beside.plans;
    let mut options = report_options(settings, beside);
    options.compare = false;
    let report = crate::report::build(&checked.files, checked.findings.clone(), &options);
    let everything = || {
        let options = report_options(settings, beside);
        crate::report::build(&checked.files, checked.findings.clone(), &options).findings
    };
    let run = Run {
        files: &checked.files,
        beside,
        view: View::Diagnostics,
        holds: &|_| true,
        everything: &everything,
    };
    emit(&run, report, output, settings)
}

/// A full report's options as of today, with the plans found beside the
/// run's: what `--write-accepted` records.
fn report_options<'a>(
    settings: &Settings,
    also_known: &'a [load::Loaded],
) -> crate::report::Options<'a> {
    crate::report::Options {
        also_known,
        ..crate::report::Options::full(settings.today, settings.lang)
    }
}

/// What a command checked, for everything after the checks.
struct Run<'a> {
    files: &'a [load::Loaded],
    /// Plans read to compare with (`diff` reads the plans beside its plan).
    beside: &'a [load::Loaded],
    view: View<'a>,
    /// The rules whose accepted findings the run can say are gone: those it
    /// ran in full (not narrowed by `--only`, nor compared with one plan
    /// only by `--against`).
    holds: &'a dyn Fn(Rule) -> bool,
    /// Every finding xhht produces for these files, whatever the command:
    /// what `--write-accepted` records, so one accepted file serves every
    /// command.
    everything: &'a dyn Fn() -> Vec<Finding>,
}

impl Run<'_> {
    /// The files the run read, which no output may replace: its plans, the
    /// plans beside them it compared with, the status files beside each,
    /// and `also` (the accepted file, the run's other output).
    fn inputs(&self, report: &crate::report::Report, also: &[Option<&Path>]) -> Vec<PathBuf> {
        let plans = self
            .files
            .iter()
            .chain(self.beside)
            .map(|f| f.source.path.clone());
        let status = self.files.iter().filter_map(|f| {
            crate::schedule::status::status_beside(&f.source.path)
                .ok()
                .flatten()
        });
        let named = report
            .schedules
            .iter()
            .filter_map(|s| s.status_file.clone());
        let also = also.iter().flatten().map(|p| p.to_path_buf());
        plans.chain(status).chain(named).chain(also).collect()
    }

    /// What the run looked at: the plans it read, by id, and every file.
    fn scope(&self) -> crate::ratchet::Scope<'_> {
        let plans = self
            .files
            .iter()
            .filter_map(|f| f.plan.as_ref().ok())
            .map(|p| p.document.id.clone());
        let files = self
            .files
            .iter()
            .map(|f| f.source.path.to_string_lossy().replace('\\', "/"));
        crate::ratchet::Scope {
            runs: Box::new(|rule| self.view.runs(rule) && (self.holds)(rule)),
            checked: plans.chain(files).collect(),
        }
    }
}

/// Everything after the checks: the ratchet, the chosen format, the output
/// file or standard output, GitHub's job summary, and the exit code.
fn emit(
    run: &Run<'_>,
    mut report: crate::report::Report,
    output: &Output,
    settings: &Settings,
) -> anyhow::Result<ExitCode> {
    report.generated = settings.today;
    if let Some(path) = &output.accepted {
        let accepted = crate::ratchet::read(path).map_err(|e| localized(&e.message(), settings))?;
        let comparison = crate::ratchet::compare(&report.findings, &accepted, &run.scope());
        for (key, count) in &comparison.gone {
            let fixed = msg!("app.fixed", key = key.to_string(), count = *count);
            warn(&fixed, settings);
        }
        report.absent = comparison
            .gone
            .iter()
            .map(|(key, count)| crate::report::Absent {
                code: key.code.clone(),
                plan: key.plan.clone(),
                subject: key.subject.clone(),
                count: *count,
            })
            .collect();
        for (finding, state) in report.findings.iter_mut().zip(comparison.states) {
            finding.baseline_state = Some(state);
        }
        report.summary.accepted = Some(report.findings.iter().filter(|f| !f.is_new()).count());
    }
    // Written after the accepted file was read, so naming one file for both
    // compares with the old set before replacing it.
    if let Some(path) = &output.write_accepted {
        let accepted = crate::ratchet::accept(&(run.everything)());
        let mut json =
            serde_json::to_string_pretty(&accepted).context("serializing accepted findings")?;
        json.push('\n');
        // The accepted file itself may be rewritten: it was read already.
        let inputs = run.inputs(&report, &[output.file.as_deref()]);
        let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
        crate::output::write_report(path, json.as_bytes(), &inputs)
            .map_err(|e| localized(&e.message(), settings))?;
    }
    let input = render::Input {
        report: &report,
        files: run.files,
        view: run.view,
        color: output.color,
        fail_on: output.fail_on,
    };
    let also = [output.accepted.as_deref(), output.write_accepted.as_deref()];
    let inputs = run.inputs(&report, &also);
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    if output.format == Format::Json {
        // The one output that grows with the corpus (hundreds of megabytes
        // for the country's plans): written as it is made, never held.
        stream_out(
            output.file.as_deref(),
            &|out| render::write_json(&report, out),
            &inputs,
            settings,
        )?;
    } else {
        let drawn = render::draw(output.format, &input);
        write_out(output.file.as_deref(), &drawn, &inputs, settings)?;
    }
    if output.format == Format::Github
        && let Some(summary) = &settings.step_summary
    {
        append_job_summary(summary, &render::job_summary(&input), settings)?;
    }
    // Recording today's findings is the run's purpose, not a failure.
    if output.write_accepted.is_some() {
        return Ok(ExitCode::from(EXIT_OK));
    }
    let failing: Vec<&Finding> = report.findings.iter().filter(|f| f.is_new()).collect();
    Ok(exit_code(&failing, output.fail_on))
}

/// What `contents` writes, to `file` as [`write_out`] writes, else to
/// standard output as it is written.
fn stream_out(
    file: Option<&Path>,
    contents: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    inputs: &[&Path],
    settings: &Settings,
) -> anyhow::Result<()> {
    if let Some(path) = file {
        crate::output::write_report_with(path, contents, inputs)
            .map_err(|e| localized(&e.message(), settings))?;
    } else {
        let mut out = std::io::BufWriter::new(anstream::stdout().lock());
        contents(&mut out)?;
        out.flush()?;
    }
    Ok(())
}

/// A drawn result to `file` (never over one of `inputs`, never half
/// written), else to standard output: text through anstream, bytes as they
/// are. Refusing bytes to a terminal is [`output`]'s, before the run.
fn write_out(
    file: Option<&Path>,
    drawn: &render::Document,
    inputs: &[&Path],
    settings: &Settings,
) -> anyhow::Result<()> {
    match (file, drawn) {
        (Some(path), _) => crate::output::write_report(path, drawn.as_bytes(), inputs)
            .map_err(|e| localized(&e.message(), settings))?,
        (None, render::Document::Text(text)) => write!(anstream::stdout().lock(), "{text}")?,
        // Past anstream, which would strip what looks like an escape
        // sequence from the bytes when standard output is no terminal.
        (None, render::Document::Binary(bytes)) => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
        }
    }
    Ok(())
}

/// A run's error on standard error, on one line with control characters
/// shown as escapes: it can name a path or quote a file.
pub fn print_error(err: &anyhow::Error) {
    let text = render::printable(&format!("{err:#}"), false).replace('\n', "\\n");
    anstream::eprintln!("error: {text}");
}

/// One line on standard error. Text from a plan or an accepted file is shown
/// with control characters as escapes and on one line, so it can neither
/// steer a terminal nor start a workflow command (`::add-mask::`) on a line
/// of its own under GitHub Actions.
fn warn(message: &crate::i18n::Message, settings: &Settings) {
    let text = render::printable(&message.render(settings.lang), false).replace('\n', "\\n");
    anstream::eprintln!("{text}");
}

fn append_job_summary(path: &Path, markdown: &str, settings: &Settings) -> anyhow::Result<()> {
    std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .and_then(|mut file| file.write_all(markdown.as_bytes()))
        .map_err(|error| {
            let error = error.to_string();
            localized(&msg!("app.job-summary", path, error), settings)
        })
}

fn exit_code(findings: &[&Finding], fail_on: Option<Severity>) -> ExitCode {
    let failing = fail_on.is_some_and(|threshold| findings.iter().any(|f| f.severity >= threshold));
    ExitCode::from(if failing { EXIT_FINDINGS } else { EXIT_OK })
}

fn baselines(action: Option<BaselinesAction>, settings: &Settings) -> anyhow::Result<ExitCode> {
    let color = settings.color();
    let plans: Vec<&crate::model::Plan> = baselines::embedded()
        .filter_map(|l| l.plan.as_ref().ok())
        .collect();
    let text = match action {
        None => render::baselines::list(&plans, settings.lang, color),
        Some(BaselinesAction::Show { scheme }) => {
            let from_disk;
            let plan = match plans.iter().find(|p| p.document.id == scheme) {
                Some(plan) => *plan,
                None if Path::new(&scheme).is_file() => {
                    let loaded = load_file(scheme.as_ref(), settings)?;
                    from_disk = loaded.plan.map_err(|e| {
                        let at = e.span.map(|s| loaded.source.line_col(s.start));
                        let at = at.map(|a| format!(":{a}")).unwrap_or_default();
                        anyhow::anyhow!("{scheme}{at}: {}", e.message.render(settings.lang))
                    })?;
                    &from_disk
                }
                None => {
                    let ids: Vec<&str> = plans.iter().map(|p| p.document.id.as_str()).collect();
                    let suggestion = did_you_mean(&scheme, &ids);
                    let message = msg!("app.no-scheme", scheme, suggestion, schemes = ids);
                    return Err(localized(&message, settings));
                }
            };
            render::baselines::show(plan, settings.lang, color)
        }
    };
    let mut out = anstream::stdout().lock();
    write!(out, "{}", render::printable(&text, color))?;
    Ok(ExitCode::from(EXIT_OK))
}

fn did_you_mean(wanted: &str, known: &[&str]) -> crate::i18n::Message {
    crate::suggest::closest(wanted, known.iter().copied()).map_or_else(
        || crate::i18n::Message::verbatim(""),
        |best| msg!("app.did-you-mean", best),
    )
}

fn diff(args: &DiffArgs, settings: &Settings) -> anyhow::Result<ExitCode> {
    let output = output(&args.output, settings)?;
    let target = load::load_named(&args.plan).map_err(|e| localized(&e.message(), settings))?;
    let plan = match &target.plan {
        Ok(plan) => plan,
        Err(error) => {
            // The plan does not load: show why, as `validate` would.
            let findings = Finding::from_load_errors(&target.source, error);
            let report =
                crate::report::of_findings(findings.clone(), settings.today, settings.lang);
            let everything = || findings.clone();
            let run = Run {
                files: std::slice::from_ref(&target),
                beside: &[],
                view: View::Diagnostics,
                holds: &|_| true,
                everything: &everything,
            };
            return emit(&run, report, &output, settings);
        }
    };
    let mut beside = diff_beside(args, &target, settings)?;
    // A plan file named with --against is compared with, whatever its id.
    let chosen = match &args.against {
        Some(against) if Path::new(against).is_file() => {
            let loaded = load_file(against.as_ref(), settings)?;
            match &loaded.plan {
                Ok(p) => Some(p.document.id.clone()),
                Err(e) => anyhow::bail!(
                    "{}: {}",
                    loaded.source.path.display(),
                    e.message.render(settings.lang)
                ),
            }
            .inspect(|_| beside.push(loaded))
        }
        _ => None,
    };
    let known = crate::compare::chain::known(&beside);
    let against = match (&args.against, chosen) {
        (_, Some(id)) => Some(id),
        (Some(id), None) if !known.contains(id) => {
            let ids: Vec<&str> = known.ids().collect();
            let suggestion = did_you_mean(id, &ids);
            return Err(localized(
                &msg!("app.against-unknown-file", id, suggestion),
                settings,
            ));
        }
        (id, None) => id.clone(),
    };
    let chain = crate::compare::resolve(plan, &target.source, &known, against.as_deref());
    let diff = crate::compare::diff(
        plan,
        &target.source,
        &chain,
        crate::registry::Registry::embedded(),
    );
    let report = crate::report::of_diff(&target, diff, settings.today, settings.lang);
    let files = std::slice::from_ref(&target);
    let everything = || {
        // Recorded as a plain run compares: with its parent and schemes.
        let options = report_options(settings, &beside);
        let findings = crate::check::check_loaded(files, &beside);
        crate::report::build(files, findings, &options).findings
    };
    // Compared with one plan only, the run cannot tell a comparison fixed.
    let holds = |rule: Rule| args.against.is_none() || rule.family() != Family::Comparison;
    let run = Run {
        files,
        beside: &beside,
        view: View::Diff,
        holds: &holds,
        everything: &everything,
    };
    emit(&run, report, &output, settings)
}

/// The plans `diff` compares with: found beside the plan, under `--plans`,
/// and the plan named by id with `--against`.
fn diff_beside(
    args: &DiffArgs,
    target: &load::Loaded,
    settings: &Settings,
) -> anyhow::Result<Vec<load::Loaded>> {
    let against_id = args.against.iter().filter(|a| !Path::new(a).is_file());
    let also_wanted: Vec<String> = against_id.cloned().collect();
    let search = crate::beside::Search {
        named: std::slice::from_ref(&args.plan),
        dirs: &args.plans,
        also_wanted: &also_wanted,
        filter: &crate::walk::Filter::default(),
    };
    let found = crate::beside::find(std::slice::from_ref(target), &search)
        .map_err(|e| localized(&e.message(), settings))?;
    warn_broken_beside(&found, settings);
    Ok(found.plans)
}

fn report(args: &ReportArgs, settings: &Settings) -> anyhow::Result<ExitCode> {
    let output = output(&args.output, settings)?;
    let status_plan = args
        .status
        .as_deref()
        .map(|path| crate::schedule::status::load_status(path).map(|status| status.plan))
        .transpose()
        .map_err(|e| localized(&e.message(), settings))?;
    let mut options = crate::report::Options {
        as_of: args.as_of.unwrap_or(settings.today),
        lang: settings.lang,
        against: args.against.as_deref(),
        only: args.only,
        within_days: args.within,
        status: args.status.as_deref().zip(status_plan.as_deref()),
        compare: true,
        occurrences: args.occurrences,
        also_known: &[],
    };
    if streamed::streams(&args.input, &output, args.occurrences) {
        return streamed::run(
            &args.input,
            args.status.as_deref(),
            &output,
            &options,
            settings,
        );
    }
    let against: Vec<String> = args.against.iter().cloned().collect();
    let checked = check_input(&args.input, &against, settings)?;
    if let Some(id) = &args.against {
        let files = checked.beside.plans.iter().chain(&checked.files);
        let ids: Vec<&str> = baselines::SCHEMES
            .iter()
            .map(|s| s.id)
            .chain(files.filter_map(|l| Some(l.plan.as_ref().ok()?.document.id.as_str())))
            .collect();
        if !ids.contains(&id.as_str()) {
            let suggestion = did_you_mean(id, &ids);
            return Err(localized(
                &msg!("app.against-unknown", id, suggestion),
                settings,
            ));
        }
    }
    options.also_known = &checked.beside.plans;
    let report = crate::report::build(&checked.files, checked.findings.clone(), &options);
    // Recorded without --only: the accepted file covers every kind.
    let everything = || {
        let options = crate::report::Options {
            only: None,
            against: None,
            occurrences: false,
            ..options
        };
        crate::report::build(&checked.files, checked.findings.clone(), &options).findings
    };
    let sections: Vec<Kind> = match args.only {
        // What kept the checks from being made shows whatever --only says.
        Some(only) => ALL_KINDS
            .iter()
            .copied()
            .filter(|k| only.keeps(*k) || matches!(k, Kind::Comparison | Kind::Validation))
            .collect(),
        None => ALL_KINDS.to_vec(),
    };
    let holds = |rule: Rule| {
        let kept = args.only.is_none_or(|only| {
            only.keeps(rule.kind()) || rule.kind() == Kind::Comparison || rule.is_load_error()
        });
        kept && (args.against.is_none() || rule.family() != Family::Comparison)
    };
    let run = Run {
        files: &checked.files,
        beside: &checked.beside.plans,
        view: View::Report {
            sections: &sections,
        },
        holds: &holds,
        everything: &everything,
    };
    emit(&run, report, &output, settings)
}

const ALL_KINDS: &[Kind] = &[
    Kind::Gap,
    Kind::Shortfall,
    Kind::Conflict,
    Kind::Schedule,
    Kind::Comparison,
    Kind::Validation,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(stdout_is_terminal: bool) -> Settings {
        Settings::for_test(stdout_is_terminal)
    }

    fn args(format: Format, file: Option<&str>) -> crate::cli::OutputArgs {
        crate::cli::OutputArgs {
            format: Some(format),
            output: file.map(PathBuf::from),
            fail_on: crate::cli::FailOn::Error,
            accepted: None,
            write_accepted: None,
        }
    }

    /// A workbook's bytes would garble a terminal: refused before any check
    /// runs, with what to do; to a file or a pipe it is written.
    #[test]
    fn a_binary_format_is_refused_on_a_terminal_only() {
        for file in [None, Some("-")] {
            let error = output(&args(Format::Xlsx, file), &settings(true)).unwrap_err();
            assert!(error.to_string().contains("-o FILE.xlsx"), "{error}");
        }
        assert!(output(&args(Format::Xlsx, Some("gaps.xlsx")), &settings(true)).is_ok());
        assert!(output(&args(Format::Xlsx, None), &settings(false)).is_ok());
        assert!(output(&args(Format::Table, None), &settings(true)).is_ok());
        let mut vi = settings(true);
        vi.lang = crate::i18n::Lang::Vi;
        let error = output(&args(Format::Xlsx, None), &vi).unwrap_err();
        assert!(error.to_string().contains("tệp nhị phân"), "{error}");
    }
}
