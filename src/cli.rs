//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Checks Vietnamese "learning society" (xã hội học tập) plans against the
/// national schemes.
#[derive(Debug, Parser)]
#[command(name = "xhht", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of labels and messages [default: Vietnamese when LANG says so, else English].
    #[arg(long, global = true, value_enum)]
    pub lang: Option<crate::i18n::Lang>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check plan files for structure and internal consistency.
    Validate(ValidateArgs),
    /// Compare a plan with its parent plan and the schemes it implements.
    Diff(DiffArgs),
    /// List the embedded national schemes, or show one.
    Baselines(BaselinesArgs),
    /// Check plans and report validation findings, gaps, shortfalls,
    /// conflicts and the schedule, in one document.
    Report(ReportArgs),
    /// Many plans against one scheme or parent plan: a row per plan, a column
    /// per target, which units have no plan, and who asks less than its parent.
    Rollup(RollupArgs),
    /// Print a JSON Schema: of plan files, of status files, of the JSON report or roll-up.
    Schema {
        #[arg(value_enum, default_value_t = SchemaKind::Plan)]
        kind: SchemaKind,
    },
    /// List the rules xhht checks, with their codes and default severities
    /// (`xhht explain CODE` says more about one).
    Rules,
    /// List the indicator ids a plan's targets use, with their names, units,
    /// the levels they bind and the schemes that set them.
    Indicators(IndicatorsArgs),
    /// List or search the agency registry: the ids a plan's `registry` field uses.
    Agencies(AgenciesArgs),
    /// Explain a rule: what it checks, why it matters, a wrong and a right
    /// example, and how to silence it.
    Explain(ExplainArgs),
    /// Write a new plan's first draft under a parent plan or a scheme: every
    /// target and duty that applies at its level, the figures left as TODO.
    Init(InitArgs),
    /// Write a plan in the other format (YAML or TOML), proven to read back the same.
    Convert(ConvertArgs),
    /// Draft a plan from the document itself (.txt or .docx), every item with its quote and line.
    Extract(ExtractArgs),
    /// Print a shell completion script for xhht.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print xhht's man page (roff), or one subcommand's.
    Man {
        /// A subcommand whose page to print, e.g. `validate`.
        #[arg(value_name = "SUBCOMMAND")]
        subcommand: Option<String>,
    },
}

#[derive(Debug, clap::Args)]
pub struct RollupArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Hold every plan to this one: a scheme id (`de-an-89`) or a plan id of
    /// the run [default: the --under plan].
    #[arg(long, value_name = "ID")]
    pub against: Option<String>,
    /// Only plans at this level; also the level whose units are counted
    /// [default: provinces; under a plan, the level most plans under it are at].
    #[arg(long, value_enum)]
    pub level: Option<crate::model::Level>,
    /// Only plans issued under this plan (its id), directly or through the
    /// plans between; the units counted are its own.
    #[arg(long, value_name = "ID")]
    pub under: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RollupFormat::Table, help_heading = "Output")]
    pub format: RollupFormat,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,
}

/// How `rollup` writes the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RollupFormat {
    /// Tables for people: the matrix, each target's counts, the units without a plan.
    Table,
    /// JSON for programs (schemas/rollup.schema.json).
    Json,
    /// One line per plan, two columns per target (figure, status), for a spreadsheet.
    Csv,
    /// Markdown, for a pull-request comment or a wiki page.
    Markdown,
    /// A printable HTML heat map (A4 landscape).
    Html,
    /// An Excel workbook: the matrix with figures as numbers, the targets, the units without a plan.
    Xlsx,
}

#[derive(Debug, clap::Args)]
pub struct IndicatorsArgs {
    /// Keep the indicators this scheme sets a figure for, e.g. `de-an-1373`.
    #[arg(long, value_name = "ID")]
    pub scheme: Option<String>,
    /// Keep the indicators whose national figure binds a plan at this level
    /// (`national`: those a national scheme sets a figure for).
    #[arg(long, value_enum)]
    pub level: Option<crate::model::Level>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub struct AgenciesArgs {
    /// Words to look for in the id, the names and the other spellings,
    /// with or without diacritics (`so giao duc` finds Sở Giáo dục và Đào tạo).
    #[arg(value_name = "SEARCH")]
    pub search: Option<String>,
    /// Keep the bodies at this level.
    #[arg(long, value_enum)]
    pub level: Option<crate::model::Level>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A rule code (`XH030`) or name (`lead-count`), in any case.
    #[arg(value_name = "CODE")]
    pub code: String,
}

/// How a look-up command writes its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// A table for people.
    Table,
    /// JSON for programs (the shape is in README, "Looking things up").
    Json,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The level of the new plan.
    #[arg(long, value_enum)]
    pub level: crate::model::Level,
    /// The plan it is issued under: a plan file, or an embedded scheme id (`de-an-1373`).
    #[arg(long, value_name = "PLAN|SCHEME")]
    pub under: String,
    /// The territory, as the document names it, e.g. "xã Vũ Phúc".
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// The years it covers, e.g. `2021-2025` [default: the parent's].
    #[arg(long, value_name = "START-END")]
    pub period: Option<String>,
    /// YAML or TOML.
    #[arg(long, value_enum, default_value_t = crate::source::Format::Yaml)]
    pub format: crate::source::Format,
    /// Write to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
    /// Also look here for the plans the parent is issued under (repeatable).
    #[arg(long, value_name = "DIR")]
    pub plans: Vec<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The plan as the province issued it: text (UTF-8 or UTF-16), Word (.docx) or PDF with a text layer.
    #[arg(value_name = "DOCUMENT")]
    pub document: PathBuf,
    /// Write the draft to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
    /// The plan's level, when the document does not say it plainly.
    #[arg(long, value_enum)]
    pub level: Option<crate::model::Level>,
    /// The plan it is issued under: a plan file, or the id of a plan beside
    /// DOCUMENT or under --plans [default: the one its "Thực hiện" line cites, not looked up].
    #[arg(long, value_name = "PLAN|ID")]
    pub under: Option<String>,
    /// Also look here for the plan named with --under (repeatable).
    #[arg(long, value_name = "DIR")]
    pub plans: Vec<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// The plan to convert.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// The format to write [default: the extension of --output, else the
    /// other format of PLAN].
    #[arg(long, value_enum)]
    pub to: Option<crate::source::Format>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists (its comments are lost).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Plan files, or directories to search for *.yaml, *.yml and *.toml
    /// (honouring .gitignore); `-` reads a plan from standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Only search directories for files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB", help_heading = "Input")]
    pub include: Vec<String>,
    /// Skip files and directories matching this glob (repeatable).
    #[arg(long, value_name = "GLOB", help_heading = "Input")]
    pub exclude: Vec<String>,
    /// Skip a file named on the command line that is plainly not a plan
    /// (another tool's YAML or TOML, a status file), as a directory search
    /// does; for pre-commit, which names every file.
    #[arg(long, help_heading = "Input")]
    pub skip_non_plans: bool,
    /// Also look in this directory for the plans the checked ones name as
    /// parent or scheme (repeatable); the directory of each plan file named
    /// is always looked in.
    #[arg(long, value_name = "DIR", help_heading = "Input")]
    pub plans: Vec<PathBuf>,
}

impl InputArgs {
    pub fn filter(&self) -> crate::walk::Filter {
        crate::walk::Filter {
            include: self.include.clone(),
            exclude: self.exclude.clone(),
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Output format [default: table; github when `GITHUB_ACTIONS=true`].
    #[arg(long, value_enum, help_heading = "Output")]
    pub format: Option<crate::render::Format>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,
    /// Exit with 1 when a finding at or above this severity exists.
    #[arg(long, value_enum, default_value_t = FailOn::Error, help_heading = "Output")]
    pub fail_on: FailOn,
    /// Fail only on findings not recorded in this file (see --write-accepted).
    #[arg(long, value_name = "FILE", help_heading = "Ratchet")]
    pub accepted: Option<PathBuf>,
    /// Record today's findings as accepted, for later runs with --accepted.
    #[arg(long, value_name = "FILE", help_heading = "Ratchet")]
    pub write_accepted: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct BaselinesArgs {
    #[command(subcommand)]
    pub action: Option<BaselinesAction>,
}

#[derive(Debug, Subcommand)]
pub enum BaselinesAction {
    /// Show a scheme's targets and how far each figure can be trusted.
    Show {
        /// A scheme id (e.g. `de-an-89`) or a plan file.
        scheme: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The plan to compare (`-` reads it from standard input).
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Compare with this plan only: a scheme id (`de-an-89`), a plan id found
    /// under --plans, or a plan file.
    #[arg(long, value_name = "ID|FILE")]
    pub against: Option<String>,
    /// Also look in this directory for the plans it names as parent or
    /// scheme (repeatable); the plan's own directory is always looked in.
    #[arg(long, value_name = "DIR")]
    pub plans: Vec<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    Plan,
    Report,
    /// The JSON roll-up (`xhht rollup --format json`).
    Rollup,
    /// A status file: progress recorded beside a plan.
    Status,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Compare every plan with this one only: a scheme id or a plan id of the run.
    #[arg(long, value_name = "ID")]
    pub against: Option<String>,
    /// Judge deadlines as of this date [default: today in Vietnam, UTC+7].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<crate::date::CivilDate>,
    /// Report deadlines within this many days as due soon, e.g. `30d`.
    #[arg(long, value_name = "DAYS", value_parser = parse_days)]
    pub within: Option<u32>,
    /// Progress from this status file instead of the one beside its plan.
    #[arg(long, value_name = "FILE")]
    pub status: Option<PathBuf>,
    /// Keep only these findings.
    #[arg(long, value_enum)]
    pub only: Option<crate::report::Only>,
    /// Also list every occurrence of each deadline, not only one row per
    /// task (up to a cap per run; the report says when the list is cut).
    #[arg(long)]
    pub occurrences: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

fn parse_date(s: &str) -> Result<crate::date::CivilDate, crate::date::DateError> {
    crate::date::CivilDate::parse_iso(s)
}

/// "30d" or "30": a number of days.
fn parse_days(s: &str) -> Result<u32, String> {
    s.strip_suffix('d')
        .unwrap_or(s)
        .parse()
        .map_err(|_| format!("`{s}` is not a number of days; write it as 30d"))
}

/// Every language with a catalogue is a `--lang` value, by its code.
impl ValueEnum for crate::i18n::Lang {
    fn value_variants<'a>() -> &'a [Self] {
        Self::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.code()).help(self.name()))
    }
}

impl ValueEnum for crate::render::Format {
    fn value_variants<'a>() -> &'a [Self] {
        Self::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let value = clap::builder::PossibleValue::new(self.name()).help(self.about().trim());
        // `human` is what the first release called the table.
        Some(match self {
            Self::Table => value.alias("human"),
            _ => value,
        })
    }
}

impl ValueEnum for crate::source::Format {
    fn value_variants<'a>() -> &'a [Self] {
        &[Self::Yaml, Self::Toml]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(match self {
            Self::Yaml => clap::builder::PossibleValue::new("yaml"),
            Self::Toml => clap::builder::PossibleValue::new("toml"),
        })
    }
}

impl ValueEnum for crate::report::Only {
    fn value_variants<'a>() -> &'a [Self] {
        &[Self::Gaps, Self::Conflicts, Self::Overdue]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(match self {
            Self::Gaps => clap::builder::PossibleValue::new("gaps")
                .help("Gaps and shortfalls against the plans above"),
            Self::Conflicts => clap::builder::PossibleValue::new("conflicts")
                .help("Contradictions inside a plan or with the plans above"),
            Self::Overdue => {
                clap::builder::PossibleValue::new("overdue").help("Overdue and soon-due items")
            }
        })
    }
}

impl ValueEnum for crate::model::Level {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            Self::National,
            Self::Province,
            Self::District,
            Self::Commune,
        ]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(match self {
            Self::National => "national",
            Self::Province => "province",
            Self::District => "district",
            Self::Commune => "commune",
        }))
    }
}
