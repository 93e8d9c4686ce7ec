//! dyad's evaluation: how well the coder does against gold annotations, and
//! what it codes from text nobody annotated.
//!
//! [`GoldSet::read`] reads PLOVER gold records, PETRARCH2 unit-test records
//! or dyad's own annotations; [`evaluate`] codes them with a [`Pipeline`]
//! and measures event types, CAMEO codes, actors, dates, places,
//! attribution and modality into a [`Report`]; [`Profile`] counts what the
//! coder produces on unlabelled corpora; [`floors`] holds the accuracy the
//! tests hold the coder to. This crate never changes the coding: it takes
//! whatever pipeline it is given.
//!
//! ```no_run
//! use dyad_coder::Pipeline;
//! use dyad_eval::{evaluate, GoldSet};
//!
//! let gold = GoldSet::read("plover_gsr_dev.jsonl".as_ref(), None, None).unwrap();
//! let report = evaluate(&Pipeline::builtin().unwrap(), &gold);
//! println!("{}", dyad_eval::render_report(&report));
//! ```
//!
//! [`Pipeline`]: dyad_coder::Pipeline

pub mod floors;
mod gold;
mod profile;
mod score;
mod table;

use std::path::PathBuf;

pub use gold::{
    plover_type, GoldActor, GoldAttribution, GoldDate, GoldDocument, GoldEvent, GoldFormat,
    GoldPlace, GoldSet, Skipped,
};
pub use profile::{Profile, ProfileReport, RuleCount, TypeRate};
pub use score::{
    evaluate, top_event, ActorLevels, CodedSummary, Miss, PetrarchScores, Ratio, Report, TypeScore,
    Unexpected,
};
pub use table::{render_profile, render_report};

/// Why a gold file could not be read at all. Single bad records do not
/// stop reading: they are listed in [`GoldSet::skipped`].
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The gold file is not usable as a whole.
    #[error("{}:{line}: {message}", path.display())]
    Gold {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What was expected.
        message: String,
    },
    /// The first record fits none of the formats.
    #[error("{}: cannot tell the gold format from the first record (expected PLOVER records, PETRARCH2 unit-test records or dyad gold); give --format", path.display())]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
}
