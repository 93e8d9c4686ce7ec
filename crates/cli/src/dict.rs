//! `dyad dict`: tools for analysts who edit the dictionaries: `lookup`
//! (how a name or phrase is coded), `lint` (every problem in the files) and
//! `test` (a table of sentences with expected events). Also loads the
//! dictionaries for every command: shipped, `--dictionaries DIR`, and a
//! `--user-dict` on top.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use dyad_dict::lint::{self, Severity};
use dyad_dict::{Dictionaries, Sources};

use crate::dict_test;

/// The format of the files given with --dictionaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum DictFormat {
    /// dyad's own formats (data/README.md), overlaid on the built-in files.
    #[default]
    Dyad,
    /// TABARI/PETRARCH dictionaries, used on their own (dyad's cue words and
    /// CAMEO table complete them).
    Petrarch,
}

/// Where the dictionaries come from; shared by every command that codes.
#[derive(Debug, Clone, Default, Args)]
pub struct DictionaryArgs {
    /// Use the dictionaries in DIR (same layout as data/; files it lacks
    /// come from the built-in ones).
    #[arg(long, value_name = "DIR")]
    pub dictionaries: Option<PathBuf>,
    /// Format of the --dictionaries folder.
    #[arg(
        long,
        value_enum,
        value_name = "FORMAT",
        default_value_t,
        requires = "dictionaries"
    )]
    pub dict_format: DictFormat,
    /// Extend the dictionaries with a user dictionary: a folder with any of
    /// the data/ files, or one actors-format file. Its entries win ties.
    #[arg(long, value_name = "PATH")]
    pub user_dict: Option<PathBuf>,
}

impl DictionaryArgs {
    /// The dictionary files before any user dictionary: the built-in ones,
    /// overlaid with `--dictionaries DIR`.
    fn base_sources(&self) -> anyhow::Result<Sources> {
        match &self.dictionaries {
            // A mistyped path would otherwise silently mean "built-in only".
            Some(dir) if !dir.is_dir() => {
                bail!(
                    "cannot load the dictionaries in {}: not a directory",
                    dir.display()
                )
            }
            Some(dir) if self.dict_format == DictFormat::Petrarch => {
                let converted = dyad_dict::petrarch::import_dir(dir).with_context(|| {
                    format!("cannot load the PETRARCH dictionaries in {}", dir.display())
                })?;
                Ok(converted.into_sources(&Sources::builtin()))
            }
            Some(dir) => Ok(Sources::builtin().overlay(
                Sources::from_dir(dir).with_context(|| {
                    format!("cannot load the dictionaries in {}", dir.display())
                })?,
            )),
            None => Ok(Sources::builtin()),
        }
    }

    /// Compiles the dictionaries these arguments name.
    pub fn load(&self) -> anyhow::Result<Dictionaries> {
        if self.dictionaries.is_none() && self.user_dict.is_none() {
            // The shipped files alone were compiled when dyad was built.
            return Ok(dyad_coder::Pipeline::builtin_dictionaries());
        }
        let base = self.base_sources()?;
        let what = self.dictionaries.as_ref().map_or_else(
            || "the built-in dictionaries".to_string(),
            |dir| format!("the dictionaries in {}", dir.display()),
        );
        match &self.user_dict {
            None => Dictionaries::compile(&base).with_context(|| format!("cannot load {what}")),
            Some(path) if !path.exists() => {
                bail!(
                    "cannot load the user dictionary {}: no such file or directory",
                    path.display()
                )
            }
            Some(path) => {
                let user = Sources::user(path).with_context(|| {
                    format!("cannot load the user dictionary {}", path.display())
                })?;
                Dictionaries::compile_with_user(&base, &user)
                    .with_context(|| format!("cannot load the user dictionary {}", path.display()))
            }
        }
    }
}

/// `dyad dict` and its subcommands.
#[derive(Debug, Args)]
pub struct DictArgs {
    #[command(subcommand)]
    command: DictCommand,
}

#[derive(Debug, Subcommand)]
enum DictCommand {
    /// How a name or phrase is coded: actor and agent entries, verb patterns.
    Lookup(LookupArgs),
    /// Check the dictionary files; exit status 1 when there are errors.
    Lint(LintArgs),
    /// Code a table of sentences and compare with the expected events.
    Test(TestArgs),
    /// Convert TABARI/PETRARCH dictionaries (verbs, actors, agents, discards,
    /// issues) into dyad's formats, and report what was left out.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// Folder with the PETRARCH dictionary files.
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// Folder to write the dyad files into (laid out like data/).
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
}

#[derive(Debug, Args)]
struct LookupArgs {
    /// The name or phrase (several words are joined with spaces).
    #[arg(required = true, value_name = "NAME")]
    name: Vec<String>,
    /// The date the codes are for.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = crate::parse_published)]
    date: Option<NaiveDate>,
    #[command(flatten)]
    dicts: DictionaryArgs,
}

#[derive(Debug, Args)]
struct LintArgs {
    /// Check the files in DIR (same layout as data/) instead of the
    /// built-in ones; files it lacks are reported missing.
    #[arg(long, value_name = "DIR")]
    dictionaries: Option<PathBuf>,
    /// Print errors only.
    #[arg(long)]
    errors_only: bool,
}

#[derive(Debug, Args)]
struct TestArgs {
    /// The table: TSV (id, date, sentence, expected events) or JSON Lines
    /// records with text, date and expected.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Print failing lines only (and the summary).
    #[arg(long)]
    failures_only: bool,
    #[command(flatten)]
    dicts: DictionaryArgs,
}

/// Runs `dyad dict ...`.
pub fn run(args: DictArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        DictCommand::Lookup(a) => {
            let dict = a.dicts.load()?;
            let found = dyad_dict::lookup::lookup(&dict, &a.name.join(" "), a.date);
            io::stdout()
                .lock()
                .write_all(found.render(&dict).as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        DictCommand::Lint(a) => lint_command(a.dictionaries.as_deref(), a.errors_only),
        DictCommand::Test(a) => {
            let dict = a.dicts.load()?;
            dict_test::run(dict, &a.file, a.failures_only)
        }
        DictCommand::Import(a) => {
            crate::import::import(&a.dir, &a.output, &mut io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn lint_command(dir: Option<&Path>, errors_only: bool) -> anyhow::Result<ExitCode> {
    let sources = match dir {
        Some(dir) if !dir.is_dir() => bail!("{}: not a directory", dir.display()),
        Some(dir) => Sources::from_dir(dir)
            .with_context(|| format!("cannot read the dictionaries in {}", dir.display()))?,
        None => Sources::builtin(),
    };
    let findings = lint::lint(&sources);
    let mut stdout = io::stdout().lock();
    for f in &findings {
        if !errors_only || f.severity == Severity::Error {
            writeln!(stdout, "{f}")?;
        }
    }
    let (errors, warnings) = lint::counts(&findings);
    let mut by_check: Vec<(&str, usize)> = Vec::new();
    for f in &findings {
        match by_check.iter_mut().find(|(n, _)| *n == f.check.name()) {
            Some((_, c)) => *c += 1,
            None => by_check.push((f.check.name(), 1)),
        }
    }
    by_check.sort();
    let detail: Vec<String> = by_check.iter().map(|(n, c)| format!("{n} {c}")).collect();
    let where_ = dir.map_or("built-in dictionaries".to_string(), |d| {
        d.display().to_string()
    });
    write!(stdout, "{where_}: {errors} error(s), {warnings} warning(s)")?;
    if !detail.is_empty() {
        write!(stdout, " ({})", detail.join(", "))?;
    }
    writeln!(stdout)?;
    Ok(if errors > 0 {
        ExitCode::from(crate::EXIT_FATAL)
    } else {
        ExitCode::SUCCESS
    })
}
