//! `dyad places`: the place mentions of a text, how each was resolved and
//! why, and where each event was placed, for analysts checking locations.

use std::io::Write;

use anyhow::Context;
use clap::Args;
use dyad_model::Document;

/// Arguments of `dyad places`.
#[derive(Debug, Args)]
pub struct PlacesArgs {
    /// The text (several words are joined with spaces); `-` reads stdin.
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
    /// The dateline's place, when the text has it apart ("SAN SALVADOR").
    #[arg(long, value_name = "PLACE")]
    pub dateline: Option<String>,
    #[command(flatten)]
    pub dicts: crate::dict::DictionaryArgs,
}

/// Prints the report for `args` to stdout.
pub fn run(args: PlacesArgs) -> anyhow::Result<()> {
    let pipeline = dyad_coder::Pipeline::new(args.dicts.load()?);
    let text = if args.text == ["-"] {
        std::io::read_to_string(std::io::stdin()).context("cannot read stdin")?
    } else {
        args.text.join(" ")
    };
    let doc = Document {
        dateline: args.dateline,
        ..Document::new("places", text, None)
    };
    let report = pipeline.explain_places(&doc);
    std::io::stdout().lock().write_all(report.as_bytes())?;
    Ok(())
}
