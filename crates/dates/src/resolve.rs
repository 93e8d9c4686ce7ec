//! Turns a found expression into a range of days, given the publication
//! date and the tense of the clause. Owns the calendar arithmetic and the
//! choice between past and future readings; must not look at text.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use dyad_model::{DateBasis, DatePrecision};

use crate::grammar::{Kind, Part, Shift, Unit};
use crate::Tense;

/// A resolved range: first day, last day, precision.
pub(crate) type Range = (NaiveDate, NaiveDate, DatePrecision);

/// Whether the expression carries its own year.
pub(crate) fn basis(kind: &Kind) -> DateBasis {
    match kind {
        Kind::Days { year: Some(_), .. }
        | Kind::Month { year: Some(_), .. }
        | Kind::Year(_)
        | Kind::Decade(_) => DateBasis::Explicit,
        _ => DateBasis::Relative,
    }
}

/// The days `kind` and `part` name, read from `published` in `tense`;
/// `None` when it needs a publication date and there is none, or names no
/// real day.
pub(crate) fn resolve(
    kind: &Kind,
    part: Part,
    published: Option<NaiveDate>,
    tense: Tense,
) -> Option<Range> {
    let whole = whole(kind, published, tense)?;
    apply_part(whole, part, published)
}

fn whole(kind: &Kind, published: Option<NaiveDate>, tense: Tense) -> Option<Range> {
    match *kind {
        Kind::Days {
            year: Some(y),
            month,
            first,
            last,
        } => days(y, month, first, last),
        Kind::Days {
            year: None,
            month,
            first,
            last,
        } => {
            let p = published?;
            // Past tense: the latest such day up to publication (two days'
            // slack for time zones and late copy); future tense: the
            // earliest from two days before; present: the nearest.
            let slack = Days::new(2);
            let mut candidates =
                (p.year() - 1..=p.year() + 1).filter_map(|y| days(y, month, first, last));
            match tense {
                Tense::Past => candidates.rfind(|r| r.0 <= p + slack),
                Tense::Future => candidates.find(|r| r.0 >= p - slack),
                Tense::Present => candidates.min_by_key(|r| (r.0 - p).num_days().abs()),
            }
        }
        Kind::Month {
            year: Some(y),
            month,
            ..
        } => month_range(y, month),
        Kind::Month {
            year: None,
            month,
            shift,
        } => {
            let p = published?;
            let (py, pm) = (p.year(), p.month());
            let year = match (shift, tense) {
                (Shift::Last, _) => py - i32::from(month >= pm),
                (Shift::Next, _) => py + i32::from(month <= pm),
                (Shift::This, _) => py,
                (Shift::Plain, Tense::Future) => py + i32::from(month < pm),
                (Shift::Plain, Tense::Past) => py - i32::from(month > pm),
                (Shift::Plain, Tense::Present) => {
                    // The nearer one; a tie (six months away) reads as past.
                    let ahead = (month as i32 - pm as i32).rem_euclid(12);
                    if ahead == 0 {
                        py
                    } else if ahead < 6 {
                        py + i32::from(month < pm)
                    } else {
                        py - i32::from(month > pm)
                    }
                }
            };
            month_range(year, month)
        }
        Kind::Year(y) => year_range(y),
        Kind::Decade(y) => Some((
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y + 9, 12, 31)?,
            DatePrecision::Range,
        )),
        Kind::Weekday(day, shift) => {
            let p = published?;
            let back = days_back(p.weekday(), day);
            let ahead = (7 - back) % 7;
            let d = match (shift, tense) {
                (Shift::Last, _) => p - Days::new(if back == 0 { 7 } else { back }),
                (Shift::Next, _) => p + Days::new(if ahead == 0 { 7 } else { ahead }),
                (_, Tense::Future) => p + Days::new(ahead),
                _ => p - Days::new(back),
            };
            Some((d, d, DatePrecision::Day))
        }
        Kind::Offset(unit, amount) => {
            let p = published?;
            match unit {
                Unit::Day => {
                    let d = add_days(p, amount)?;
                    Some((d, d, DatePrecision::Day))
                }
                Unit::Week | Unit::Weekend => week(add_days(p, 7 * amount)?, unit),
                Unit::Month => {
                    let d = add_months(first_of_month(p), amount)?;
                    month_range(d.year(), d.month())
                }
                Unit::Year => year_range(p.year() + amount),
            }
        }
        Kind::Period(unit, shift) => whole(&Kind::Offset(unit, shift), published, tense),
        Kind::Stretch(unit, amount) => {
            let p = published?;
            let other = match unit {
                Unit::Day => add_days(p, amount)?,
                Unit::Week | Unit::Weekend => add_days(p, 7 * amount)?,
                Unit::Month => add_months(p, amount)?,
                Unit::Year => add_months(p, 12 * amount)?,
            };
            Some((p.min(other), p.max(other), DatePrecision::Range))
        }
    }
}

fn apply_part(whole: Range, part: Part, published: Option<NaiveDate>) -> Option<Range> {
    let (start, end, precision) = whole;
    let len = (end - start).num_days() + 1;
    let third = Days::new((len / 3).max(1) as u64);
    let range = |a: NaiveDate, b: NaiveDate| Some((a, b.max(a), DatePrecision::Range));
    match part {
        Part::Whole => Some(whole),
        Part::Early if precision == DatePrecision::Year => {
            range(start, NaiveDate::from_ymd_opt(start.year(), 4, 30)?)
        }
        Part::Mid if precision == DatePrecision::Year => range(
            NaiveDate::from_ymd_opt(start.year(), 5, 1)?,
            NaiveDate::from_ymd_opt(start.year(), 8, 31)?,
        ),
        Part::Late if precision == DatePrecision::Year => {
            range(NaiveDate::from_ymd_opt(start.year(), 9, 1)?, end)
        }
        Part::Early => range(start, start + third - Days::new(1)),
        Part::Mid => range(start + third, end - third),
        Part::Late => range(end - third + Days::new(1), end),
        Part::Earlier => match published {
            Some(p) if p >= start && p <= end => range(start, p),
            _ => Some(whole),
        },
        Part::Later => match published {
            Some(p) if p >= start && p <= end => range(p, end),
            _ => Some(whole),
        },
        Part::Since => match published {
            Some(p) if p > end => range(start, p),
            _ => range(start, end),
        },
    }
}

/// Days from the last `day` on or before a `from` day to `from`: 0 to 6.
fn days_back(from: Weekday, day: Weekday) -> u64 {
    let f = from.num_days_from_monday() as i64;
    let d = day.num_days_from_monday() as i64;
    (f - d).rem_euclid(7) as u64
}

fn days(year: i32, month: u32, first: u32, last: u32) -> Option<Range> {
    let a = NaiveDate::from_ymd_opt(year, month, first)?;
    let b = NaiveDate::from_ymd_opt(year, month, last)?;
    let precision = if a == b {
        DatePrecision::Day
    } else {
        DatePrecision::Range
    };
    Some((a, b, precision))
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).expect("every month has a first day")
}

fn month_range(year: i32, month: u32) -> Option<Range> {
    let a = NaiveDate::from_ymd_opt(year, month, 1)?;
    let b = a.checked_add_months(Months::new(1))?.pred_opt()?;
    Some((a, b, DatePrecision::Month))
}

fn year_range(year: i32) -> Option<Range> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
        DatePrecision::Year,
    ))
}

/// The Monday-to-Sunday week holding `d`, or its weekend.
fn week(d: NaiveDate, unit: Unit) -> Option<Range> {
    let monday = d - Days::new(d.weekday().num_days_from_monday() as u64);
    if unit == Unit::Weekend {
        return Some((
            monday + Days::new(5),
            monday + Days::new(6),
            DatePrecision::Range,
        ));
    }
    Some((monday, monday + Days::new(6), DatePrecision::Week))
}

fn add_days(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs() as u64))
    }
}

fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}
