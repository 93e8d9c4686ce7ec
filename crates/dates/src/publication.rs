//! Which publication date to trust: the input's, or the one in a wire
//! dateline ("SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) --"). Owns the
//! plausibility checks; must not change the document.

use chrono::{Datelike, NaiveDate};

use crate::{find, Tense, TimeExpression};

/// A dateline at the head of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// Byte offset where the dateline starts (0).
    pub start: usize,
    /// Byte offset just past its closing dash.
    pub end: usize,
    /// The date in it: "12 JAN 90", "7 FEB", "JUNE 11 89".
    pub date: TimeExpression,
}

/// Where the publication date in use came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublicationSource {
    /// The input record's `published` (or `--published`).
    Input,
    /// The dateline in the text.
    Dateline,
    /// There is no date to trust.
    None,
}

/// The publication date relative expressions are read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    /// The date, when one can be trusted.
    pub date: Option<NaiveDate>,
    /// Where it came from.
    pub source: PublicationSource,
    /// Why the input's date was set aside, when it was.
    pub warning: Option<String>,
    /// The dateline, when the text opens with one.
    pub dateline: Option<Dateline>,
}

/// Years after publication a full date in the text may lie before the
/// publication date itself is suspect (a scheduled vote, a treaty's term).
const MAX_YEARS_AHEAD: i32 = 5;

impl Publication {
    /// Decides the publication date of a text from the input's date and
    /// the text itself. `expressions` are the text's time expressions
    /// ([`find`] on the whole text): a full date in them far after the
    /// input's date makes that date implausible.
    pub fn decide(
        published: Option<NaiveDate>,
        text: &str,
        expressions: &[TimeExpression],
    ) -> Publication {
        let dateline = dateline(text);
        let from_dateline = |reference: Option<NaiveDate>| {
            let d = dateline.as_ref()?;
            d.date
                .resolve(reference, Tense::Present)
                .and_then(|r| r.start)
        };
        let undated = |warning: Option<String>, dateline: Option<Dateline>| {
            let date = dateline
                .as_ref()
                .and_then(|d| d.date.resolve(None, Tense::Present))
                .and_then(|r| r.start);
            Publication {
                source: if date.is_some() {
                    PublicationSource::Dateline
                } else {
                    PublicationSource::None
                },
                date,
                warning,
                dateline,
            }
        };
        let Some(p) = published else {
            return undated(None, dateline);
        };
        if let Some(reason) = implausible(p, expressions) {
            let warning = format!("publication date {p} set aside: {reason}");
            return undated(Some(warning), dateline);
        }
        match from_dateline(Some(p)) {
            Some(d) if d != p => {
                let written = dateline.as_ref().map_or("", |d| d.date.text.as_str());
                Publication {
                    date: Some(d),
                    source: PublicationSource::Dateline,
                    warning: Some(format!(
                        "publication date {p} contradicts the dateline '{written}' ({d}): using the dateline"
                    )),
                    dateline,
                }
            }
            _ => Publication {
                date: Some(p),
                source: PublicationSource::Input,
                warning: None,
                dateline,
            },
        }
    }
}

/// Why `p` cannot be the publication date of a text with `expressions`.
fn implausible(p: NaiveDate, expressions: &[TimeExpression]) -> Option<String> {
    if !(1800..=2200).contains(&p.year()) {
        return Some(format!("year {} is out of range", p.year()));
    }
    let latest = expressions
        .iter()
        .filter(|e| e.is_day())
        .filter_map(|e| {
            e.written_year()?;
            e.resolve(None, Tense::Past)?.start
        })
        .max()?;
    (latest.year() > p.year() + MAX_YEARS_AHEAD).then(|| {
        format!(
            "the text gives the full date {latest} ('{}'), more than {MAX_YEARS_AHEAD} years later",
            expressions
                .iter()
                .find(|e| e.written_year().is_some()
                    && e.is_day()
                    && e.resolve(None, Tense::Past).and_then(|r| r.start) == Some(latest))
                .map_or("", |e| e.text.as_str())
        )
    })
}

/// The dateline opening `text`: a place in its first 60 bytes, a comma, a
/// day and month (and often a year), an optional source in brackets, and a
/// dash: "TEGUCIGALPA, 7 FEB (REUTER) --", "PERTH (AUSTRALIA), JUNE 11 89 (AFP) --".
pub fn dateline(text: &str) -> Option<Dateline> {
    let head_end = text.char_indices().nth(160).map_or(text.len(), |(i, _)| i);
    let head = &text[..head_end];
    let first = head.trim_start();
    let lead = head.len() - first.len();
    if !first.chars().next()?.is_uppercase() {
        return None;
    }
    let comma = first.find(',')?;
    if comma > 60 || first[..comma].contains(['\n', '.', '"']) {
        return None;
    }
    let after = lead + comma + 1;
    let date = find(&text[after..head_end]).into_iter().next()?;
    if !date.is_day() || text[after..after + date.start].trim() != "" {
        return None;
    }
    let mut rest = text[after + date.end..head_end].trim_start();
    // The source: "(REUTER)", "[INRAVISION TELEVISION CADENA 1)".
    if rest.starts_with(['(', '[']) {
        let close = rest.find([')', ']'])?;
        rest = rest[close + 1..].trim_start();
    }
    let dash = ["--", "\u{2014}", "\u{2013}", "-"]
        .iter()
        .find(|d| rest.starts_with(**d))?;
    let end = head_end - rest.len() + dash.len();
    let date = TimeExpression {
        start: after + date.start,
        end: after + date.end,
        ..date
    };
    Some(Dateline {
        start: lead,
        end,
        date,
    })
}
