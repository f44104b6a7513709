//! What each command does, from parsed arguments to an exit code.

use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;

use crate::baselines;
use crate::catalogue::Catalogue;
use crate::cli::{
    BaselinesAction, Cli, Command, DiffArgs, DiffFormat, FailOn, Format, ReportArgs, SchemaKind,
    ValidateArgs,
};
use crate::finding::{self, Finding, Rule};
use crate::load::{self, Loaded};
use crate::render::diagnostic;
use crate::validate::{self, Context};

/// No finding at or above `--fail-on`.
pub const EXIT_OK: u8 = 0;
/// Findings at or above `--fail-on`, including files that do not parse.
pub const EXIT_FINDINGS: u8 = 1;
/// Usage errors, and paths that do not exist or cannot be read.
pub const EXIT_USAGE: u8 = 2;

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Validate(args) => validate(&args),
        Command::Diff(args) => diff_command(&args),
        Command::Baselines(args) => baselines_command(args.action),
        Command::Report(args) => report_command(&args),
        Command::Schema { kind } => {
            let schema = match kind {
                SchemaKind::Plan => crate::schema::plan_schema(),
                SchemaKind::Report => crate::report::report_schema(),
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
                    rule.summary(crate::i18n::lang())
                )?;
            }
            Ok(ExitCode::from(EXIT_OK))
        }
    }
}

/// Every file of a run, loaded, with the findings of loading and validating.
pub struct Checked {
    pub files: Vec<Loaded>,
    pub findings: Vec<Finding>,
}

/// Loads and validates every plan file under `paths`, in parallel, in a
/// deterministic order.
pub fn check_paths(paths: &[std::path::PathBuf]) -> anyhow::Result<Checked> {
    check_files(crate::walk::plan_files(paths)?)
}

fn check_input(input: &crate::cli::InputArgs) -> anyhow::Result<Checked> {
    let files = crate::walk::filtered_plan_files(&input.paths, &input.filter())?;
    // Checking nothing must not look like a pass.
    if files.is_empty() {
        let paths: Vec<String> = input
            .paths
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        anyhow::bail!(crate::tr!(
            "no plan files (*.yaml, *.yml, *.toml) under {}",
            "không có tệp kế hoạch (*.yaml, *.yml, *.toml) nào trong {}",
            paths.join(", ")
        ));
    }
    check_files(files)
}

fn check_files(files: Vec<std::path::PathBuf>) -> anyhow::Result<Checked> {
    use rayon::prelude::*;
    let loaded = files
        .par_iter()
        .map(|path| load::load_file(path))
        .collect::<Result<Vec<_>, _>>()?;
    let findings = check_loaded(&loaded);
    Ok(Checked {
        files: loaded,
        findings,
    })
}

/// Validates the run's files. References may point at any file of the run
/// and at the embedded national schemes; a file of the run wins over the
/// embedded scheme of the same id, so an edited copy is checked as edited.
pub fn check_loaded(loaded: &[Loaded]) -> Vec<Finding> {
    let embedded = baselines::embedded();
    let plans: HashMap<&str, &crate::model::Plan> = embedded
        .iter()
        .chain(loaded)
        .filter_map(|l| l.plan.as_ref().ok())
        .map(|p| (p.document.id.as_str(), p))
        .collect();
    let cx = Context {
        catalogue: Catalogue::embedded(),
        plans,
    };
    // Validation builds each file's span index when it has findings: the
    // costly part, so it runs in parallel like loading.
    use rayon::prelude::*;
    let mut findings: Vec<Finding> = loaded
        .par_iter()
        .flat_map_iter(|file| match &file.plan {
            Ok(plan) => validate::validate(plan, &file.source, &cx),
            Err(error) => vec![Finding::from_load_error(&file.source, error)],
        })
        .collect();
    findings.extend(duplicate_plan_ids(loaded));
    finding::sort(&mut findings);
    findings
}

/// Two files of one run claiming one document id: references to it would
/// silently reach only one of them, so both comparisons are suspect.
fn duplicate_plan_ids(loaded: &[Loaded]) -> Vec<Finding> {
    let mut first: HashMap<&str, &Loaded> = HashMap::new();
    let mut findings = Vec::new();
    for file in loaded {
        let Ok(plan) = &file.plan else { continue };
        let id = plan.document.id.as_str();
        match first.get(id) {
            None => {
                first.insert(id, file);
            }
            Some(earlier) => {
                let path = crate::source::FieldPath::root().key("document").key("id");
                let other = earlier.source.path.display();
                findings.push(
                    Finding::at(
                        Rule::DuplicateId,
                        &file.source,
                        &path,
                        finding::Anchor::Value,
                        crate::tr!(
                            "plan id `{id}` is also the id of {other}",
                            "mã kế hoạch `{id}` trùng với mã của {other}"
                        ),
                    )
                    .in_plan(id)
                    .hint(crate::tr!(
                        "give each plan file its own `document.id`",
                        "đặt cho mỗi tệp kế hoạch một `document.id` riêng"
                    )),
                );
            }
        }
    }
    findings
}

fn validate(args: &ValidateArgs) -> anyhow::Result<ExitCode> {
    let checked = check_input(&args.input)?;
    let options = crate::report::Options {
        as_of: crate::date::CivilDate::today_in_vietnam(),
        lang: crate::i18n::lang(),
        against: None,
        only: None,
        within_days: None,
        status: None,
        compare: false,
        occurrences: false,
    };
    let report = crate::report::build(&checked.files, checked.findings.clone(), &options);
    emit(
        &checked,
        report,
        &args.output,
        &[
            crate::finding::Kind::Validation,
            crate::finding::Kind::Conflict,
        ],
        true,
    )
}

/// Everything after the checks: the ratchet, the chosen format, the output
/// file or standard output, GitHub's job summary, and the exit code.
fn emit(
    checked: &Checked,
    mut report: crate::report::Report,
    output: &crate::cli::OutputArgs,
    sections: &[crate::finding::Kind],
    diagnostics: bool,
) -> anyhow::Result<ExitCode> {
    let mut failing = report.findings.clone();
    if let Some(path) = &output.accepted {
        let accepted = crate::ratchet::read(path)?;
        let comparison = crate::ratchet::compare(&report.findings, &accepted);
        for (key, count) in &comparison.gone {
            anstream::eprintln!(
                "{}",
                crate::tr!(
                    "fixed: {key} (accepted {count} more than occur now)",
                    "đã khắc phục: {key} (đã chấp nhận nhiều hơn hiện có {count})"
                )
            );
        }
        report.summary.accepted = Some(report.findings.len() - comparison.new.len());
        failing = comparison.new;
    }
    // Written after the accepted file was read, so naming one file for both
    // compares with the old set before replacing it.
    if let Some(path) = &output.write_accepted {
        let accepted = crate::ratchet::accept(&report.findings);
        let mut json =
            serde_json::to_string_pretty(&accepted).context("serializing accepted findings")?;
        json.push('\n');
        write_atomically(path, json.as_bytes())?;
    }
    let format = output.format();
    let to_terminal =
        output.output.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout());
    let input = crate::render::Input {
        report: &report,
        files: &checked.files,
        sections,
        diagnostics,
        color: to_terminal,
        fail_on: output.fail_on.threshold(),
    };
    let text = crate::render::draw(format, &input)?;
    // Formats for people carry plan text as it is; machine formats escape
    // it their own way.
    let text = match format {
        Format::Table | Format::Markdown | Format::Html => {
            crate::render::printable(&text, to_terminal && format == Format::Table)
        }
        Format::Json | Format::Sarif | Format::Junit | Format::Github => text,
    };
    match &output.output {
        Some(path) => write_atomically(path, text.as_bytes())?,
        None => write!(anstream::stdout().lock(), "{text}")?,
    }
    if format == Format::Github
        && let Some(summary) = std::env::var_os("GITHUB_STEP_SUMMARY")
    {
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(&summary)
            .with_context(|| {
                format!(
                    "{}: cannot append the job summary",
                    summary.to_string_lossy()
                )
            })?;
        file.write_all(crate::render::draw(Format::Markdown, &input)?.as_bytes())?;
    }
    Ok(exit_code(&failing, output.fail_on))
}

pub fn exit_code(findings: &[Finding], fail_on: FailOn) -> ExitCode {
    let failing = fail_on
        .threshold()
        .is_some_and(|threshold| findings.iter().any(|f| f.severity >= threshold));
    ExitCode::from(if failing { EXIT_FINDINGS } else { EXIT_OK })
}

fn baselines_command(action: Option<BaselinesAction>) -> anyhow::Result<ExitCode> {
    let color = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let embedded = baselines::embedded();
    let plans: Vec<&crate::model::Plan> = embedded
        .iter()
        .filter_map(|l| l.plan.as_ref().ok())
        .collect();
    let text = match action {
        None => crate::render::baselines::list(&plans, color),
        Some(BaselinesAction::Show { scheme }) => {
            let from_disk;
            let plan = match plans.iter().find(|p| p.document.id == scheme) {
                Some(plan) => *plan,
                None if std::path::Path::new(&scheme).is_file() => {
                    let loaded = load::load_file(scheme.as_ref())?;
                    from_disk = loaded.plan.map_err(|e| {
                        let at = e.span.map(|s| loaded.source.line_col(s.start));
                        let at = at.map(|a| format!(":{a}")).unwrap_or_default();
                        anyhow::anyhow!("{scheme}{at}: {}", e.message.render(crate::i18n::lang()))
                    })?;
                    &from_disk
                }
                None => {
                    let ids: Vec<&str> = plans.iter().map(|p| p.document.id.as_str()).collect();
                    let hint = crate::suggest::closest(&scheme, ids.iter().copied())
                        .map(|best| format!(" (did you mean `{best}`?)"))
                        .unwrap_or_default();
                    anyhow::bail!(
                        "no scheme `{scheme}`{hint}; the embedded ones are {}",
                        ids.join(", ")
                    );
                }
            };
            crate::render::baselines::show(plan, color)
        }
    };
    let mut out = anstream::stdout().lock();
    write!(out, "{}", crate::render::printable(&text, color))?;
    Ok(ExitCode::from(EXIT_OK))
}

fn diff_command(args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let target = load::load_file(&args.plan)?;
    let plan = match &target.plan {
        Ok(plan) => plan,
        Err(error) => {
            let finding = Finding::from_load_error(&target.source, error);
            let renderer = diagnostic::renderer(true);
            let text = diagnostic::render(&finding, Some(&target.source), &renderer);
            writeln!(
                anstream::stdout().lock(),
                "{}",
                crate::render::printable(&text, true)
            )?;
            return Ok(ExitCode::from(EXIT_FINDINGS));
        }
    };
    let search = args
        .plans
        .clone()
        .or_else(|| {
            args.plan
                .parent()
                .filter(|dir| !dir.as_os_str().is_empty())
                .map(std::path::Path::to_path_buf)
        })
        .unwrap_or_else(|| ".".into());
    let mut neighbours = Vec::new();
    for path in crate::walk::plan_files(&[search])? {
        if !same_file(&path, &args.plan) {
            neighbours.push(load::load_file(&path)?);
        }
    }
    let chosen = match &args.against {
        Some(against) if std::path::Path::new(against).is_file() => {
            Some(load::load_file(against.as_ref())?)
        }
        _ => None,
    };
    let embedded = baselines::embedded();
    let mut known: crate::compare::chain::Known<'_> = HashMap::new();
    for loaded in embedded.iter().chain(&neighbours).chain(&chosen) {
        if let Ok(p) = &loaded.plan {
            known.insert(p.document.id.as_str(), (p, &loaded.source));
        }
    }
    let against = match (&args.against, &chosen) {
        (_, Some(loaded)) => Some(match &loaded.plan {
            Ok(p) => p.document.id.clone(),
            Err(e) => anyhow::bail!(
                "{}: {}",
                loaded.source.path.display(),
                e.message.render(crate::i18n::lang())
            ),
        }),
        (Some(id), None) if !known.contains_key(id.as_str()) => {
            let hint = crate::suggest::closest(id, known.keys().copied())
                .map(|best| format!(" (did you mean `{best}`?)"))
                .unwrap_or_default();
            anyhow::bail!("--against {id}: no such plan or file{hint}")
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
    let mut out = anstream::stdout().lock();
    match args.format {
        DiffFormat::Table => {
            let color = std::io::IsTerminal::is_terminal(&std::io::stdout());
            let text = crate::render::diff::render(&diff, color);
            write!(out, "{}", crate::render::printable(&text, color))?;
        }
        DiffFormat::Json => {
            let mut value = serde_json::to_value(&diff).context("serializing the diff")?;
            crate::i18n::localize_json(&mut value, crate::i18n::lang());
            serde_json::to_writer_pretty(&mut out, &value).context("writing JSON")?;
            writeln!(out)?;
        }
    }
    Ok(exit_code(&diff.findings, args.fail_on))
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn report_command(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let checked = check_input(&args.input)?;
    if let Some(id) = &args.against {
        let embedded = baselines::embedded();
        let ids: Vec<&str> = embedded
            .iter()
            .chain(&checked.files)
            .filter_map(|l| l.plan.as_ref().ok())
            .map(|p| p.document.id.as_str())
            .collect();
        if !ids.contains(&id.as_str()) {
            let hint = crate::suggest::closest(id, ids.iter().copied())
                .map(|best| format!(" (did you mean `{best}`?)"))
                .unwrap_or_default();
            anyhow::bail!(
                "--against {id}: no such plan among the run's files and the embedded schemes{hint}"
            );
        }
    }
    let status_plan = match &args.status {
        Some(path) => Some(
            crate::schedule::status::load_status(path)
                .map_err(|e| anyhow::anyhow!("{e}"))?
                .plan,
        ),
        None => None,
    };
    let options = crate::report::Options {
        as_of: args
            .as_of
            .unwrap_or_else(crate::date::CivilDate::today_in_vietnam),
        lang: crate::i18n::lang(),
        against: args.against.as_deref(),
        only: args.only,
        within_days: args.within,
        status: args.status.as_deref().zip(status_plan.as_deref()),
        compare: true,
        occurrences: args.occurrences,
    };
    let report = crate::report::build(&checked.files, checked.findings.clone(), &options);
    let sections: Vec<crate::finding::Kind> = match args.only {
        Some(only) => ALL_KINDS
            .iter()
            .copied()
            // What kept the checks from being made shows whatever --only says.
            .filter(|k| {
                only.keeps(*k)
                    || matches!(
                        k,
                        crate::finding::Kind::Comparison | crate::finding::Kind::Validation
                    )
            })
            .collect(),
        None => ALL_KINDS.to_vec(),
    };
    emit(&checked, report, &args.output, &sections, false)
}

const ALL_KINDS: &[crate::finding::Kind] = &[
    crate::finding::Kind::Gap,
    crate::finding::Kind::Shortfall,
    crate::finding::Kind::Conflict,
    crate::finding::Kind::Schedule,
    crate::finding::Kind::Comparison,
    crate::finding::Kind::Validation,
];

/// Writes through a temporary file in the same directory and renames it into
/// place, so a reader never sees half a report.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| std::path::Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("{}: cannot create a file in this directory", dir.display()))?;
    file.write_all(bytes)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    // A temporary file is private to its owner; a report is not.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .with_context(|| format!("{}: cannot set permissions", path.display()))?;
    }
    file.persist(path)
        .with_context(|| format!("{}: cannot replace", path.display()))?;
    Ok(())
}
