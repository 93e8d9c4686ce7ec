//! `dyad eval`: reads gold annotations or unlabelled corpora, hands them to
//! `dyad-eval` with the pipeline, and prints the report as a table or JSON.
//! Owns arguments and output only; every figure comes from `dyad-eval`.

use std::io::{self, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;

use anyhow::Context;
use clap::{ArgGroup, Args, ValueEnum};
use dyad_coder::Pipeline;
use dyad_eval::{evaluate, render_profile, render_report, GoldFormat, GoldSet, Profile};
use dyad_input::{read_inputs, Input, InputOptions};

use crate::parallel::map_ordered;

/// Documents coded together when profiling.
const PROFILE_BATCH: usize = 256;

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["gold", "profile"])))]
pub struct EvalArgs {
    /// Gold annotations to score against (format told from the first record
    /// unless --format is given).
    #[arg(long, value_name = "FILE")]
    pub gold: Option<PathBuf>,
    /// Format of the gold file.
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with = "profile")]
    pub format: Option<FormatArg>,
    /// Documents of a dyad-format gold file, instead of the file its header names.
    #[arg(long, value_name = "FILE", conflicts_with = "profile")]
    pub documents: Option<PathBuf>,
    /// Profile unlabelled corpora instead: events per 1,000 sentences by type,
    /// events without actor or recipient, the most frequent rules.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub profile: Vec<PathBuf>,
    /// Rules listed in a profile.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub top_rules: usize,
    /// Worker threads for a profile [default: the number of cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<NonZeroUsize>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub dicts: crate::dict::DictionaryArgs,
}

/// Gold file formats, as named on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// PLOVER gold standard records.
    PloverGsr,
    /// PETRARCH2 unit-test records.
    Petrarch,
    /// dyad's own annotations (README.md).
    Dyad,
}

impl From<FormatArg> for GoldFormat {
    fn from(f: FormatArg) -> GoldFormat {
        match f {
            FormatArg::PloverGsr => GoldFormat::PloverGsr,
            FormatArg::Petrarch => GoldFormat::Petrarch,
            FormatArg::Dyad => GoldFormat::Dyad,
        }
    }
}

/// Runs `dyad eval` with `pipeline`, writing the report to stdout.
pub fn run(args: &EvalArgs, pipeline: &Pipeline) -> anyhow::Result<()> {
    let mut stdout = io::stdout().lock();
    if let Some(path) = &args.gold {
        let gold = GoldSet::read(
            path,
            args.format.map(GoldFormat::from),
            args.documents.as_deref(),
        )
        .with_context(|| format!("cannot read the gold file {}", path.display()))?;
        let report = evaluate(pipeline, &gold);
        if args.json {
            serde_json::to_writer_pretty(&mut stdout, &report)?;
            writeln!(stdout)?;
        } else {
            stdout.write_all(render_report(&report).as_bytes())?;
        }
        return Ok(());
    }
    let threads = args
        .threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let mut profile = Profile::default();
    let mut rejected = 0;
    let mut batch = Vec::with_capacity(PROFILE_BATCH);
    let code_batch = |batch: &mut Vec<dyad_model::Document>, profile: &mut Profile| {
        for (events, stats) in
            map_ordered(batch, threads, |doc| pipeline.code_document_with_stats(doc))
        {
            profile.add(&events, stats.sentences);
        }
        batch.clear();
    };
    for input in read_inputs(&args.profile, InputOptions::default()) {
        match input {
            Input::Doc(doc) => {
                batch.push(doc.value);
                if batch.len() == PROFILE_BATCH {
                    code_batch(&mut batch, &mut profile);
                }
            }
            Input::Reject(reject) => {
                rejected += 1;
                eprintln!("dyad: rejected {reject}");
            }
        }
    }
    code_batch(&mut batch, &mut profile);
    let mut report = profile.report(args.top_rules);
    report.rejected = rejected;
    if args.json {
        serde_json::to_writer_pretty(&mut stdout, &report)?;
        writeln!(stdout)?;
    } else {
        stdout.write_all(render_profile(&report).as_bytes())?;
    }
    Ok(())
}
