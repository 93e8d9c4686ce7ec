//! `dyad`: the command line. Parses arguments and calls the library crates;
//! the work of `dyad code` (batches, threads, resume) is in `code`, the
//! dictionary tools (`dyad dict`) and dictionary loading in `dict`, `dyad
//! eval` in `eval`.
//!
//! Exit status: 0 all went well; 1 fatal error (output not writable,
//! dictionaries broken); 2 usage error; 3 the run finished but some input
//! was rejected.

mod bar;
mod checkpoint;
mod code;
mod dict;
mod dict_test;
mod eval;
mod import;
mod parallel;
mod places;
mod summary;

use std::io::{self, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use dyad_coder::{Pipeline, CODER_VERSION};
use dyad_input::{parse_date, InputOptions, StdinFormat, DEFAULT_MAX_DOC_BYTES};
use dyad_model::Document;

use crate::code::{check_job, code_all, CodeJob, Coded, UsageError, BATCH_DOCUMENTS};
use crate::dict::DictionaryArgs;
use crate::summary::summary_line;

/// Dictionaries compile into many small allocations and coding makes more
/// per sentence; mimalloc serves both much faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub(crate) const EXIT_FATAL: u8 = 1;
const EXIT_USAGE: u8 = 2;
const EXIT_REJECTED: u8 = 3;

/// Political event coder: news text in, PLOVER/CAMEO events out as JSON Lines.
#[derive(Debug, Parser)]
#[command(name = "dyad", version, about, propagate_version = true)]
#[command(
    after_help = "Exit status: 0 success, 1 fatal error, 2 usage error, 3 finished but some input was rejected."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Code documents into events, written as JSON Lines.
    Code(CodeArgs),
    /// Show how one sentence is coded, step by step.
    Explain(ExplainArgs),
    /// Dictionary tools: lookup, lint, test.
    Dict(dict::DictArgs),
    /// Measure coding accuracy against gold annotations, or profile what is
    /// coded from unlabelled corpora.
    Eval(eval::EvalArgs),
    /// List the place mentions of a text, how each was resolved and why.
    Places(places::PlacesArgs),
    /// Print the version of dyad and its coder.
    Version,
}

#[derive(Debug, Args)]
struct CodeArgs {
    /// Inputs: .jsonl/.json (one document a line), .txt (one document), either
    /// gzipped as .gz; directories (searched recursively); - for stdin.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Write events here instead of stdout (- for stdout).
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Also write rejected input here, as JSON Lines (file, line, reason, excerpt).
    #[arg(long, value_name = "FILE")]
    rejects: Option<PathBuf>,
    /// Publication date of documents that have none (all .txt input; JSON
    /// records without `published`).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
    published: Option<NaiveDate>,
    /// Id of .txt documents (default: the file name without its extension).
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    /// What stdin (-) holds.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = StdinArg::Jsonl)]
    stdin_format: StdinArg,
    #[command(flatten)]
    dicts: DictionaryArgs,
    /// Code no locations (every event's `location` is null); a little faster.
    #[arg(long)]
    no_places: bool,
    /// Worker threads [default: the number of cores].
    #[arg(long, value_name = "N")]
    threads: Option<NonZeroUsize>,
    /// Reject documents (a JSON line, a .txt file) longer than N bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_DOC_BYTES, value_parser = clap::value_parser!(u64).range(1..))]
    max_doc_bytes: u64,
    /// Carry on an interrupted run from OUT.progress (needs -o OUT).
    #[arg(long, requires = "output")]
    resume: bool,
    /// No progress bar and no summary (rejects are still reported).
    #[arg(short, long)]
    quiet: bool,
    /// Stop after N documents as if interrupted (for testing --resume).
    #[arg(long, value_name = "N", hide = true)]
    stop_after_docs: Option<u64>,
    /// Documents coded together between checkpoints.
    #[arg(long, value_name = "N", hide = true, default_value_t = NonZeroUsize::new(BATCH_DOCUMENTS).expect("not zero"))]
    batch_size: NonZeroUsize,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum StdinArg {
    /// JSON Lines.
    Jsonl,
    /// Plain text, one document.
    Txt,
}

#[derive(Debug, Args)]
struct ExplainArgs {
    /// The sentence (several words are joined with spaces).
    #[arg(required = true, value_name = "SENTENCE")]
    sentence: Vec<String>,
    /// Publication date, for resolving relative dates.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
    published: Option<NaiveDate>,
    #[command(flatten)]
    dicts: DictionaryArgs,
}

pub(crate) fn parse_published(value: &str) -> Result<NaiveDate, String> {
    parse_date(value).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let status = if err.is::<UsageError>() {
                EXIT_USAGE
            } else {
                EXIT_FATAL
            };
            let _ = writeln!(io::stderr(), "dyad: error: {err:#}");
            ExitCode::from(status)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Code(args) => code(args),
        Command::Explain(args) => {
            let pipeline = Pipeline::new(args.dicts.load()?);
            let explanation = pipeline.explain(&args.sentence.join(" "), args.published);
            let mut stdout = io::stdout().lock();
            stdout.write_all(explanation.as_bytes())?;
            if !explanation.ends_with('\n') {
                stdout.write_all(b"\n")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Dict(args) => dict::run(args),
        Command::Eval(args) => {
            let pipeline = Pipeline::new(args.dicts.load()?);
            eval::run(&args, &pipeline)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Places(args) => {
            places::run(args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Version => {
            println!(
                "dyad {} (coder: {CODER_VERSION})",
                env!("CARGO_PKG_VERSION")
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn code(args: CodeArgs) -> anyhow::Result<ExitCode> {
    let job = CodeJob {
        inputs: args.files,
        input_options: InputOptions {
            max_doc_bytes: args.max_doc_bytes,
            id: args.id,
            published: args.published,
            stdin_format: match args.stdin_format {
                StdinArg::Jsonl => StdinFormat::Jsonl,
                StdinArg::Txt => StdinFormat::Txt,
            },
        },
        output: args.output.filter(|p| p != Path::new("-")),
        rejects: args.rejects,
        threads: args
            .threads
            .or_else(|| std::thread::available_parallelism().ok())
            .map_or(1, NonZeroUsize::get),
        resume: args.resume,
        quiet: args.quiet,
        stderr_is_terminal: io::stderr().is_terminal(),
        batch_documents: args.batch_size.get(),
        stop_after_documents: args.stop_after_docs,
        coder_version: CODER_VERSION.to_string(),
        dictionaries: args.dicts.dictionaries.clone(),
    };
    check_job(&job)?;
    // The gazetteer loads beside the dictionaries: start-up takes the
    // longer of the two, not their sum.
    let pipeline = std::thread::scope(|scope| -> anyhow::Result<Pipeline> {
        let places = (!args.no_places).then(|| scope.spawn(Pipeline::builtin_places));
        let dict = args.dicts.load()?;
        Ok(match places {
            Some(p) => Pipeline::with_places(dict, p.join().expect("gazetteer loading panicked")),
            None => Pipeline::without_gazetteer(dict),
        })
    })?;
    let cameo = &pipeline.dictionaries().cameo;
    let coder = |doc: &Document| {
        let (mut events, stats) = pipeline.code_document_with_stats(doc);
        // Codes CAMEO does not define (from imported dictionaries) cannot
        // make a valid record; `dyad dict test` still sees them.
        events.retain(|e| cameo.get(&e.cameo).is_some_and(|c| !c.foreign));
        if let (Some(warning), false) = (&stats.publication_warning, job.quiet) {
            eprintln!("warning: {}: {warning}", doc.id);
        }
        Coded {
            events,
            sentences: stats.sentences as u64,
        }
    };
    // Not `stderr().lock()`: the progress bar's own thread writes to stderr too.
    let outcome = code_all(&job, &coder, &mut io::stderr())?;
    if !job.quiet {
        let line = summary_line(
            &outcome.totals,
            &outcome.run,
            outcome.elapsed,
            job.rejects.as_deref(),
        );
        let _ = writeln!(io::stderr(), "{line}");
    }
    // The process ends here: the operating system takes the pipeline's
    // memory back at once, while freeing its half a million allocations one
    // by one would cost a third of start-up.
    std::mem::forget(pipeline);
    Ok(if outcome.totals.rejected > 0 {
        ExitCode::from(EXIT_REJECTED)
    } else {
        ExitCode::SUCCESS
    })
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("dyad").chain(args.iter().copied()))
    }

    #[test]
    fn usage_errors() {
        for args in [
            &["code"][..],
            &["code", "a.jsonl", "--published", "13/02/2017"],
            &["code", "a.jsonl", "--published", "2017-02-30"],
            &["code", "a.jsonl", "--threads", "0"],
            &["code", "a.jsonl", "--max-doc-bytes", "0"],
            &["code", "a.jsonl", "--resume"],
            &["code", "a.jsonl", "--stdin-format", "csv"],
            &["code", "a.jsonl", "--frobnicate"],
            &["explain"],
            &["dict"],
            &["dict", "lookup"],
            &["dict", "test"],
            &["dict", "lookup", "x", "--date", "2017-13-01"],
            &["eval"],
            &["eval", "--gold", "g.jsonl", "--profile", "corpus"],
            &["eval", "--gold", "g.jsonl", "--format", "csv"],
            &["eval", "--profile", "corpus", "--format", "dyad"],
            &["frobnicate"],
        ] {
            let err = parse(args).unwrap_err();
            assert_eq!(err.exit_code(), i32::from(EXIT_USAGE), "{args:?}: {err}");
        }
    }

    #[test]
    fn code_arguments() {
        let cli = parse(&[
            "code",
            "a.jsonl",
            "dir",
            "-",
            "-o",
            "out.jsonl",
            "--rejects",
            "bad.jsonl",
            "--published",
            "2017-02-13T10:00:00Z",
            "--threads",
            "3",
            "--resume",
            "--quiet",
        ])
        .unwrap();
        let Command::Code(args) = cli.command else {
            panic!("{cli:?}")
        };
        assert_eq!(
            args.files,
            [PathBuf::from("a.jsonl"), "dir".into(), "-".into()]
        );
        assert_eq!(args.published, NaiveDate::from_ymd_opt(2017, 2, 13));
        assert_eq!(args.threads.map(NonZeroUsize::get), Some(3));
        assert_eq!(args.max_doc_bytes, DEFAULT_MAX_DOC_BYTES);
        assert!(args.resume && args.quiet);
        assert_eq!(args.batch_size.get(), BATCH_DOCUMENTS);
    }

    #[test]
    fn explain_joins_words() {
        let cli = parse(&[
            "explain",
            "Rebels",
            "accused",
            "Russia",
            "--published",
            "2017-02-13",
        ])
        .unwrap();
        let Command::Explain(args) = cli.command else {
            panic!("{cli:?}")
        };
        assert_eq!(args.sentence.join(" "), "Rebels accused Russia");
    }
}
