//! The shapes of English time expressions, read off scanned tokens. Owns
//! what counts as a date and what does not ("Theresa May", "a march on the
//! capital", "the 1,000 soldiers"); must not resolve anything against a
//! publication date.

use chrono::Weekday;

use crate::scan::{Class, Tok, Word};

/// Which of several same-named periods is meant: "December", "last
/// December", "this December", "next December".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shift {
    Plain,
    Last,
    This,
    Next,
}

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Year,
}

/// What an expression names, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// One day or a run of days in one month: "February 23", "15-16
    /// February", "30 DEC 89", "2017-02-13".
    Days {
        year: Option<i32>,
        month: u32,
        first: u32,
        last: u32,
    },
    /// "in December", "December 2016", "last March".
    Month {
        year: Option<i32>,
        month: u32,
        shift: Shift,
    },
    /// "in 1989".
    Year(i32),
    /// "the 1980s".
    Decade(i32),
    /// "on Saturday", "last Monday".
    Weekday(Weekday, Shift),
    /// `amount` units from publication: "yesterday" (-1 day), "two weeks
    /// ago" (-2 weeks), "tomorrow" (+1 day), "today" (0 days).
    Offset(Unit, i32),
    /// The calendar unit `shift` units from publication's: "last week" (-1),
    /// "this month" (0), "next year" (+1).
    Period(Unit, i32),
    /// The stretch between publication and `amount` units away: "the past
    /// two weeks" (-2), "the coming days" (+1 unit per word).
    Stretch(Unit, i32),
}

/// A part of what the expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Whole,
    Early,
    Mid,
    Late,
    /// "earlier this month": from its start to publication.
    Earlier,
    /// "later this week": from publication to its end.
    Later,
    /// "since 2011": from its start to publication.
    Since,
}

/// An expression found in the tokens: `[start, end)` token indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub part: Part,
}

/// Every time expression in `toks`, left to right, not overlapping.
pub(crate) fn find_all(toks: &[Tok]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match parse(toks, i) {
            Some(f) => {
                i = f.end;
                out.push(f);
            }
            None => i += 1,
        }
    }
    out
}

fn word(toks: &[Tok], i: usize) -> Option<Word> {
    match toks.get(i)?.class {
        Class::Word(w) => Some(w),
        _ => None,
    }
}

fn punct(toks: &[Tok], i: usize, c: u8) -> bool {
    toks.get(i).is_some_and(|t| t.class == Class::Punct(c))
}

/// A token glued to the one before it (no space): "15-16", "mid-March".
fn glued(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| !t.spaced)
}

fn number(toks: &[Tok], i: usize) -> Option<(u32, u8, bool)> {
    match toks.get(i)?.class {
        Class::Number {
            value,
            digits,
            ordinal,
        } => Some((value, digits, ordinal)),
        _ => None,
    }
}

fn day_number(toks: &[Tok], i: usize) -> Option<u32> {
    number(toks, i)
        .filter(|&(v, d, _)| d <= 2 && (1..=31).contains(&v))
        .map(|(v, _, _)| v)
}

fn month(toks: &[Tok], i: usize) -> Option<(u32, bool, bool)> {
    match toks.get(i)?.class {
        Class::Month {
            month,
            short,
            ambiguous,
        } => Some((month, short, ambiguous)),
        _ => None,
    }
}

/// A four-digit year at `i`.
fn full_year(toks: &[Tok], i: usize) -> Option<i32> {
    number(toks, i)
        .filter(|&(v, d, ord)| d == 4 && !ord && (1000..=2199).contains(&v))
        .map(|(v, _, _)| v as i32)
}

/// A year at `i` after a day and month: four digits, or two digits as in
/// wire copy ("30 DEC 89"): after an abbreviated month, or when no word
/// follows that the number could be counting ("on 30 December 25 people died").
fn year_after_date(toks: &[Tok], i: usize, short: bool) -> Option<i32> {
    if let Some(y) = full_year(toks, i) {
        return Some(y);
    }
    let (v, d, ord) = number(toks, i)?;
    let counts_next = match toks.get(i + 1).map(|t| t.class) {
        Some(Class::Number { .. } | Class::Month { .. }) => true,
        Some(Class::Word(_) | Class::Other) => !short,
        _ => false,
    };
    if d != 2 || ord || counts_next {
        return None;
    }
    Some(if v >= 50 { 1900 + v } else { 2000 + v } as i32)
}

/// The token after a short month name: skips the abbreviation's full stop.
fn after_month(toks: &[Tok], i: usize, short: bool) -> usize {
    if short && punct(toks, i + 1, b'.') && glued(toks, i + 1) {
        i + 2
    } else {
        i + 1
    }
}

/// Words before a bare month or year that make it a date: "in May",
/// "since 2011", "during March".
fn licenses(w: Option<Word>) -> bool {
    matches!(
        w,
        Some(Word::In | Word::Since | Word::During | Word::Until | Word::Through)
    )
}

fn parse(toks: &[Tok], i: usize) -> Option<Found> {
    let licensed_before = i > 0 && licenses(word(toks, i - 1));
    match toks[i].class {
        Class::Word(Word::Since) => {
            let f = core(toks, i + 1, true)?;
            Some(Found {
                start: i,
                part: Part::Since,
                ..f
            })
        }
        // "on or about February 20"
        Class::Word(Word::On)
            if word(toks, i + 1) == Some(Word::Or)
                && matches!(word(toks, i + 2), Some(Word::About | Word::Around)) =>
        {
            let f = core(toks, i + 3, false)?;
            Some(Found { start: i, ..f })
        }
        Class::Word(w @ (Word::Earlier | Word::Later)) => {
            let mut j = i + 1;
            if word(toks, j) == Some(Word::On) {
                j += 1;
            }
            let f = match word(toks, j) {
                Some(Word::This) => shifted(toks, j)?,
                _ => core(toks, j, false)?,
            };
            let part = match f.kind {
                Kind::Period(..) | Kind::Month { .. } | Kind::Year(_) => {
                    if w == Word::Earlier {
                        Part::Earlier
                    } else {
                        Part::Later
                    }
                }
                _ => Part::Whole,
            };
            Some(Found {
                start: i,
                part,
                ..f
            })
        }
        Class::Word(
            w @ (Word::Early | Word::Mid | Word::Late | Word::End | Word::Beginning | Word::Start),
        ) => {
            let part = match w {
                Word::Early | Word::Beginning | Word::Start => Part::Early,
                Word::Mid => Part::Mid,
                _ => Part::Late,
            };
            let mut j = i + 1;
            if matches!(w, Word::End | Word::Beginning | Word::Start) {
                if word(toks, j) != Some(Word::Of) {
                    return None;
                }
                j += 1;
                if word(toks, j) == Some(Word::The) {
                    j += 1;
                }
            } else if punct(toks, j, b'-') && glued(toks, j) {
                j += 1;
            }
            let f = match word(toks, j) {
                Some(Word::Last | Word::This | Word::Next) => shifted(toks, j)?,
                _ => core(toks, j, true)?,
            };
            if !matches!(
                f.kind,
                Kind::Month { .. } | Kind::Year(_) | Kind::Decade(_) | Kind::Period(..)
            ) {
                return None;
            }
            Some(Found {
                start: i,
                part,
                ..f
            })
        }
        Class::Word(Word::Last | Word::This | Word::Next | Word::Past | Word::Coming) => {
            shifted(toks, i)
        }
        _ => core(toks, i, licensed_before),
    }
}

/// "last week", "this month", "next Monday", "last December", "last
/// night", "this morning", "the past two weeks", "the coming days".
fn shifted(toks: &[Tok], i: usize) -> Option<Found> {
    let w = word(toks, i)?;
    let found = |end, kind| {
        Some(Found {
            start: i,
            end,
            kind,
            part: Part::Whole,
        })
    };
    if matches!(w, Word::Past | Word::Coming) {
        let sign = if w == Word::Past { -1 } else { 1 };
        let (amount, j) = match (number(toks, i + 1), word(toks, i + 1)) {
            (Some((v, d, false)), _) if d <= 3 => (v as i32, i + 2),
            (_, Some(Word::Numeral(n))) => (n as i32, i + 2),
            _ => (1, i + 1),
        };
        let unit = unit(toks, j)?;
        return found(j + 1, Kind::Stretch(unit, sign * amount));
    }
    let shift = match w {
        Word::Last => Shift::Last,
        Word::This => Shift::This,
        Word::Next => Shift::Next,
        _ => return None,
    };
    let step = match shift {
        Shift::Last => -1,
        Shift::Next => 1,
        _ => 0,
    };
    let j = i + 1;
    match toks.get(j)?.class {
        Class::Weekday(d) => found(j + 1, Kind::Weekday(d, shift)),
        Class::Month { month, short, .. } => found(
            after_month(toks, j, short),
            Kind::Month {
                year: None,
                month,
                shift,
            },
        ),
        Class::Word(Word::Night) if shift == Shift::Last => {
            found(j + 1, Kind::Offset(Unit::Day, -1))
        }
        Class::Word(Word::Morning | Word::Afternoon | Word::Evening) if shift == Shift::This => {
            found(j + 1, Kind::Offset(Unit::Day, 0))
        }
        Class::Word(Word::Day | Word::Week | Word::Weekend | Word::Month | Word::Year) => {
            // "this year's", "last weeks" are fine; "last days of the war" is not a period.
            let u = unit(toks, j)?;
            if u == Unit::Day {
                return None;
            }
            found(j + 1, Kind::Period(u, step))
        }
        _ => None,
    }
}

fn unit(toks: &[Tok], i: usize) -> Option<Unit> {
    Some(match word(toks, i)? {
        Word::Day => Unit::Day,
        Word::Week => Unit::Week,
        Word::Weekend => Unit::Weekend,
        Word::Month => Unit::Month,
        Word::Year => Unit::Year,
        _ => return None,
    })
}

/// An expression with no leading modifier. `licensed`: a bare month or
/// year is taken as a date ("in May", "since 2011").
fn core(toks: &[Tok], i: usize, licensed: bool) -> Option<Found> {
    let t = toks.get(i)?;
    let found = |end, kind| {
        Some(Found {
            start: i,
            end,
            kind,
            part: Part::Whole,
        })
    };
    match t.class {
        Class::Word(Word::Yesterday) => found(i + 1, Kind::Offset(Unit::Day, -1)),
        Class::Word(Word::Today | Word::Tonight) => found(i + 1, Kind::Offset(Unit::Day, 0)),
        Class::Word(Word::Tomorrow) => found(i + 1, Kind::Offset(Unit::Day, 1)),
        Class::Word(Word::Numeral(n)) => ago(toks, i, n as i32),
        Class::Weekday(d) => {
            // "Monday, February 13": the date says it all.
            let mut j = i + 1;
            if punct(toks, j, b',') {
                j += 1;
            }
            if matches!(
                toks.get(j).map(|t| t.class),
                Some(Class::Month { .. } | Class::Number { .. })
            ) {
                if let Some(f) = dated(toks, j) {
                    return Some(Found { start: i, ..f });
                }
            }
            found(i + 1, Kind::Weekday(d, Shift::Plain))
        }
        Class::Number { .. } => {
            if let Some(f) = numeric(toks, i).or_else(|| dated(toks, i)) {
                return Some(f);
            }
            let (v, d, ord) = number(toks, i)?;
            if d <= 3 && !ord {
                if let Some(f) = ago(toks, i, v as i32) {
                    return Some(f);
                }
            }
            let year = full_year(toks, i)?;
            // "since 1800 hours": a time of day in wire copy.
            let clock = word(toks, i + 1) == Some(Word::Hours);
            (licensed && !clock).then_some(())?;
            found(i + 1, Kind::Year(year))
        }
        Class::Decade(y) => {
            let the = i > 0 && word(toks, i - 1) == Some(Word::The);
            (licensed || the).then_some(())?;
            found(i + 1, Kind::Decade(y))
        }
        Class::Month { .. } => dated(toks, i).or_else(|| bare_month(toks, i, licensed)),
        _ => None,
    }
}

/// "two days ago", "a week ago", "3 years ago".
fn ago(toks: &[Tok], i: usize, amount: i32) -> Option<Found> {
    let u = unit(toks, i + 1)?;
    if word(toks, i + 2) != Some(Word::Ago) || u == Unit::Weekend {
        return None;
    }
    Some(Found {
        start: i,
        end: i + 3,
        kind: Kind::Offset(u, -amount),
        part: Part::Whole,
    })
}

/// "2017-02-13", "2/13/2017", "13/2/17" (glued, no spaces).
fn numeric(toks: &[Tok], i: usize) -> Option<Found> {
    let (a, da, _) = number(toks, i)?;
    let sep = match toks.get(i + 1)?.class {
        Class::Punct(c @ (b'-' | b'/')) => c,
        _ => return None,
    };
    if !(glued(toks, i + 1) && glued(toks, i + 2) && glued(toks, i + 3) && glued(toks, i + 4)) {
        return None;
    }
    if !punct(toks, i + 3, sep) {
        return None;
    }
    let (b, _, _) = number(toks, i + 2)?;
    let (c, dc, _) = number(toks, i + 4)?;
    let (year, month, day) = if da == 4 && sep == b'-' {
        (a as i32, b, c)
    } else if sep == b'/' && (dc == 4 || dc == 2) && da <= 2 {
        let year = if dc == 4 {
            c as i32
        } else if c >= 50 {
            1900 + c as i32
        } else {
            2000 + c as i32
        };
        // Month first unless the first number cannot be a month.
        if a > 12 {
            (year, b, a)
        } else {
            (year, a, b)
        }
    } else {
        return None;
    };
    chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    Some(Found {
        start: i,
        end: i + 5,
        kind: Kind::Days {
            year: Some(year),
            month,
            first: day,
            last: day,
        },
        part: Part::Whole,
    })
}

/// A month with a day or a year: "February 23", "February 15-16",
/// "September 11, 1973", "June 11 89", "30 DEC 89", "15-16 February",
/// "the 3rd of March", "December 2016".
fn dated(toks: &[Tok], i: usize) -> Option<Found> {
    let found = |end: usize, year: Option<i32>, month: u32, first: u32, last: u32| {
        // The year is checked where it is known; without one, the day
        // must exist in some year (February 29).
        let y = year.unwrap_or(2000);
        chrono::NaiveDate::from_ymd_opt(y, month, last.max(first))?;
        Some(Found {
            start: i,
            end,
            kind: Kind::Days {
                year,
                month,
                first,
                last: last.max(first),
            },
            part: Part::Whole,
        })
    };
    if let Some(first) = day_number(toks, i) {
        // Day first: "30 DECEMBER", "15-16 February", "3rd of March".
        let mut j = i + 1;
        let mut last = first;
        if punct(toks, j, b'-') && glued(toks, j) && glued(toks, j + 1) {
            last = day_number(toks, j + 1)?;
            j += 2;
        }
        if word(toks, j) == Some(Word::Of) {
            j += 1;
        }
        let (m, short, _) = month(toks, j)?;
        let k = after_month(toks, j, short);
        return match year_after_date(toks, k, short) {
            Some(y) => found(k + 1, Some(y), m, first, last),
            None => found(k, None, m, first, last),
        };
    }
    let (m, short, ambiguous) = month(toks, i)?;
    let j = after_month(toks, i, short);
    if let Some(first) = day_number(toks, j) {
        // A day after "may" must look like one: "May 5", not "may 20 people".
        let mut k = j + 1;
        let mut last = first;
        if punct(toks, k, b'-') && glued(toks, k) && glued(toks, k + 1) {
            if let Some(l) = day_number(toks, k + 1) {
                last = l;
                k += 2;
            }
        }
        let comma = punct(toks, k, b',');
        let year_at = if comma { k + 1 } else { k };
        if let Some(y) = full_year(toks, year_at).or_else(|| {
            (!comma)
                .then(|| year_after_date(toks, year_at, short))
                .flatten()
        }) {
            return found(year_at + 1, Some(y), m, first, last);
        }
        let next_counts =
            word(toks, k).is_some() || matches!(toks.get(k).map(|t| t.class), Some(Class::Other));
        if ambiguous && !short && next_counts && m == 5 {
            return None;
        }
        return found(k, None, m, first, last);
    }
    // "December 2016", "DEC 89" (wire), "December, 2016".
    let k = if punct(toks, j, b',') { j + 1 } else { j };
    let year = full_year(toks, k).or_else(|| {
        (short && k == j)
            .then(|| year_after_date(toks, k, short))
            .flatten()
    })?;
    Some(Found {
        start: i,
        end: k + 1,
        kind: Kind::Month {
            year: Some(year),
            month: m,
            shift: Shift::Plain,
        },
        part: Part::Whole,
    })
}

/// A month on its own: "in December". Words that are also ordinary words
/// ("may", "march", "jan") only after a word that makes them a date.
fn bare_month(toks: &[Tok], i: usize, licensed: bool) -> Option<Found> {
    let (m, short, ambiguous) = month(toks, i)?;
    if ambiguous && !licensed {
        return None;
    }
    // "in March 's elections": still March.
    Some(Found {
        start: i,
        end: after_month(toks, i, short),
        kind: Kind::Month {
            year: None,
            month: m,
            shift: Shift::Plain,
        },
        part: Part::Whole,
    })
}
