//! The accuracy the coder is held to: the one place where floors are
//! recorded. `crates/eval/tests/floors.rs` runs `evaluate` on the gold
//! files named here and fails when a figure falls below its floor by more
//! than [`TOLERANCE`], or when the coder produces more events per sentence
//! than the ceiling allows.
//!
//! Raising a floor is part of every accuracy improvement: measure with
//! `dyad eval --gold FILE`, then set the floor to the new figure.

use crate::score::Report;

/// How far a figure may fall below its floor (in gold events or sentences)
/// before the test fails: room for a change that trades one record for
/// another, not for a regression.
pub const TOLERANCE: usize = 2;

/// Floors for one gold file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Floor {
    /// The gold file, relative to `../shared` beside the repository.
    pub gold: &'static str,
    /// Gold sentences the file must yield (a changed file needs new floors).
    pub sentences: usize,
    /// Sentences whose most confident event has the gold type.
    pub top1_type: usize,
    /// Gold events whose source is coded with the right country or
    /// organisation.
    pub source_country: usize,
    /// At most this many coded events per gold sentence.
    pub max_events_per_sentence: f64,
}

/// PLOVER gold standard records, development subset.
pub const PLOVER_DEV: Floor = Floor {
    gold: "peer/plover/plover_gsr_dev.jsonl",
    sentences: 215,
    top1_type: 183,
    source_country: 175,
    max_events_per_sentence: 1.5,
};

impl Floor {
    /// What in `report` falls below this floor (less the tolerance), one
    /// line each; empty when it holds.
    pub fn check(&self, report: &Report) -> Vec<String> {
        let mut broken = Vec::new();
        if report.sentences != self.sentences {
            broken.push(format!(
                "{}: {} gold sentences, the floor was recorded on {}",
                self.gold, report.sentences, self.sentences
            ));
        }
        let below = |got: usize, floor: usize| got + TOLERANCE < floor;
        if below(report.top1_type.hits, self.top1_type) {
            broken.push(format!(
                "{}: top-1 event type {}/{} is below the floor {} (tolerance {TOLERANCE})",
                self.gold, report.top1_type.hits, report.top1_type.total, self.top1_type
            ));
        }
        if below(report.source.country.hits, self.source_country) {
            broken.push(format!(
                "{}: source country or organisation {}/{} is below the floor {} (tolerance {TOLERANCE})",
                self.gold,
                report.source.country.hits,
                report.source.country.total,
                self.source_country
            ));
        }
        if let Some(rate) = report.events_per_sentence {
            if rate > self.max_events_per_sentence {
                broken.push(format!(
                    "{}: {rate:.2} events per gold sentence, more than {}",
                    self.gold, self.max_events_per_sentence
                ));
            }
        }
        broken
    }
}
