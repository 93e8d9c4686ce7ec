//! dyad's date resolver: finds English time expressions in text ("on
//! Saturday", "in December", "February 15-16", "30 DEC 89") and resolves
//! them against a publication date and the tense of their clause into a
//! range of days with a precision and a basis. Also reads wire datelines and
//! decides which publication date to trust. Knows nothing of events or
//! clauses: which expression governs which event is the coder's business.

mod grammar;
mod publication;
mod resolve;
mod scan;

use chrono::NaiveDate;
use dyad_model::{DateBasis, EventDate};

pub use publication::{dateline, Dateline, Publication, PublicationSource};

/// The tense of the clause an expression dates: it decides between the
/// Saturday before publication and the one after, last December and next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    /// Happened: "on Saturday" is the last Saturday, or publication day itself.
    Past,
    /// Is happening or habitual: the nearer reading.
    Present,
    /// Will happen: "on Saturday" is the next Saturday, or publication day itself.
    Future,
}

/// A time expression found in a text, not yet resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpression {
    /// Byte offset of its first character in the text searched.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// The words, as written.
    pub text: String,
    kind: grammar::Kind,
    part: grammar::Part,
}

impl TimeExpression {
    /// `Explicit` when the words carry their own year ("December 2016",
    /// "in 1989"), else `Relative`: they need the publication date.
    pub fn basis(&self) -> DateBasis {
        resolve::basis(&self.kind)
    }

    /// True when the expression names a day or days of a given month
    /// ("12 JAN 90", "February 15-16"), as a dateline does.
    pub fn is_day(&self) -> bool {
        matches!(self.kind, grammar::Kind::Days { .. }) && self.part == grammar::Part::Whole
    }

    /// The year written in the expression, when there is one.
    pub fn written_year(&self) -> Option<i32> {
        match self.kind {
            grammar::Kind::Days { year, .. } | grammar::Kind::Month { year, .. } => year,
            grammar::Kind::Year(y) | grammar::Kind::Decade(y) => Some(y),
            _ => None,
        }
    }

    /// The days the expression names, read from `published` in `tense`.
    /// `None` when it needs a publication date and there is none, or
    /// names no real day ("February 30, 2017").
    pub fn resolve(&self, published: Option<NaiveDate>, tense: Tense) -> Option<EventDate> {
        let (start, end, precision) = resolve::resolve(&self.kind, self.part, published, tense)?;
        Some(EventDate {
            start: Some(start),
            end: Some(end),
            precision,
            text: Some(self.text.clone()),
            basis: self.basis(),
        })
    }
}

/// Every time expression in `text`, left to right, not overlapping.
/// Matching ignores letter case, so wire copy in capitals works.
pub fn find(text: &str) -> Vec<TimeExpression> {
    let toks = scan::scan(text);
    grammar::find_all(&toks)
        .into_iter()
        .map(|f| {
            let start = toks[f.start].start;
            let end = toks[f.end - 1].end;
            TimeExpression {
                start,
                end,
                text: text[start..end].to_string(),
                kind: f.kind,
                part: f.part,
            }
        })
        .collect()
}
