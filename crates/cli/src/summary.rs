//! Counts of a `dyad code` run and the closing line that reports them:
//! `documents 1,700 · sentences 21,034 · events 3,112 · rejected 1 · 2.31 s · 9,105 sentences/s`.

use std::ops::Add;
use std::path::Path;
use std::time::Duration;

use dyad_input::thousands;
use serde::{Deserialize, Serialize};

/// What a run (or part of one) has done.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Input items consumed: documents and rejects, in input order.
    pub items: u64,
    /// Documents coded.
    pub documents: u64,
    /// Sentences in the documents coded.
    pub sentences: u64,
    /// Events written.
    pub events: u64,
    /// Inputs set aside (bad input, and documents the coder failed on).
    pub rejected: u64,
}

impl Add for Totals {
    type Output = Totals;

    fn add(self, other: Totals) -> Totals {
        Totals {
            items: self.items + other.items,
            documents: self.documents + other.documents,
            sentences: self.sentences + other.sentences,
            events: self.events + other.events,
            rejected: self.rejected + other.rejected,
        }
    }
}

/// The closing line: counts for the whole output (`totals`, including any
/// part done before a resume) and the speed of this run (`run` over `elapsed`).
pub fn summary_line(
    totals: &Totals,
    run: &Totals,
    elapsed: Duration,
    rejects_file: Option<&Path>,
) -> String {
    let mut line = format!(
        "documents {} · sentences {} · events {} · rejected {}",
        thousands(totals.documents),
        thousands(totals.sentences),
        thousands(totals.events),
        thousands(totals.rejected),
    );
    if let (Some(file), true) = (rejects_file, totals.rejected > 0) {
        line.push_str(&format!(" (listed in {})", file.display()));
    }
    let seconds = elapsed.as_secs_f64();
    line.push_str(&format!(" · {seconds:.2} s"));
    if seconds > 0.0 {
        let rate = (run.sentences as f64 / seconds).round() as u64;
        line.push_str(&format!(" · {} sentences/s", thousands(rate)));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_line() {
        let totals = Totals {
            items: 1_701,
            documents: 1_700,
            sentences: 21_034,
            events: 3_112,
            rejected: 1,
        };
        assert_eq!(
            summary_line(&totals, &totals, Duration::from_millis(2_310), None),
            "documents 1,700 · sentences 21,034 · events 3,112 · rejected 1 · 2.31 s · 9,106 sentences/s"
        );
        assert_eq!(
            summary_line(&totals, &Totals::default(), Duration::ZERO, Some(Path::new("bad.jsonl"))),
            "documents 1,700 · sentences 21,034 · events 3,112 · rejected 1 (listed in bad.jsonl) · 0.00 s"
        );
    }

    #[test]
    fn totals_add_up() {
        let one = Totals {
            items: 1,
            documents: 2,
            sentences: 3,
            events: 4,
            rejected: 5,
        };
        assert_eq!(
            one + one,
            Totals {
                items: 2,
                documents: 4,
                sentences: 6,
                events: 8,
                rejected: 10
            }
        );
    }
}
