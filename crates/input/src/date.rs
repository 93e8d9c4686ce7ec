//! Publication dates: `YYYY-MM-DD`, or an ISO 8601 / RFC 3339 date-time of
//! which the date is taken as written (no conversion to UTC: a story
//! published at 23:30 in Damascus was published that day in Damascus).

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// A value that is not an acceptable publication date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Shaped like a date, but no such day exists (`2017-02-30`).
    #[error("invalid date '{0}' (no such day)")]
    NoSuchDay(String),
    /// Not shaped like an accepted date (`13/02/2017`).
    #[error("invalid date '{0}' (expected YYYY-MM-DD or an ISO 8601 date-time)")]
    Malformed(String),
}

/// Parses a publication date: `2017-02-13`, `2017-02-13T09:30:00Z`,
/// `2017-02-13T09:30:00+03:00`, `2017-02-13 09:30:00`, `2017-02-13T09:30`.
/// Surrounding whitespace is ignored.
pub fn parse_date(value: &str) -> Result<NaiveDate, DateError> {
    let value = value.trim();
    let malformed = || DateError::Malformed(value.to_string());
    let (day, time) = match value.get(..10) {
        Some(day) => (day, &value[10..]),
        None => return Err(malformed()),
    };
    let date = parse_day(day).ok_or_else(malformed)?;
    let date = date.ok_or_else(|| DateError::NoSuchDay(value.to_string()))?;
    if time.is_empty() || is_date_time(value) {
        Ok(date)
    } else {
        Err(malformed())
    }
}

/// `Some(None)` for a well-shaped `YYYY-MM-DD` that names no day.
fn parse_day(day: &str) -> Option<Option<NaiveDate>> {
    let b = day.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    if !shaped {
        return None;
    }
    let number = |range: std::ops::Range<usize>| day[range].parse::<u32>().ok();
    let year = i32::try_from(number(0..4)?).ok()?;
    Some(NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?))
}

fn is_date_time(value: &str) -> bool {
    DateTime::parse_from_rfc3339(value).is_ok()
        || [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ]
        .iter()
        .any(|format| NaiveDateTime::parse_from_str(value, format).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_dates() {
        let day = NaiveDate::from_ymd_opt(2017, 2, 13).unwrap();
        for value in [
            "2017-02-13",
            " 2017-02-13\n",
            "2017-02-13T09:30:00Z",
            "2017-02-13T23:30:00-05:00",
            "2017-02-13t09:30:00.123+03:00",
            "2017-02-13 09:30:00",
            "2017-02-13T09:30:00.5",
            "2017-02-13T09:30",
        ] {
            assert_eq!(parse_date(value), Ok(day), "{value:?}");
        }
        assert_eq!(
            parse_date("2016-02-29"),
            Ok(NaiveDate::from_ymd_opt(2016, 2, 29).unwrap())
        );
    }

    #[test]
    fn rejected_dates() {
        for (value, want) in [
            ("2017-02-30", "invalid date '2017-02-30' (no such day)"),
            ("2017-13-01", "invalid date '2017-13-01' (no such day)"),
            (
                "2017-02-29T10:00:00Z",
                "invalid date '2017-02-29T10:00:00Z' (no such day)",
            ),
            (
                "13/02/2017",
                "invalid date '13/02/2017' (expected YYYY-MM-DD or an ISO 8601 date-time)",
            ),
            (
                "2017-2-13",
                "invalid date '2017-2-13' (expected YYYY-MM-DD or an ISO 8601 date-time)",
            ),
            (
                "2017-02-13T25:00",
                "invalid date '2017-02-13T25:00' (expected YYYY-MM-DD or an ISO 8601 date-time)",
            ),
            (
                "2017-02-13 junk",
                "invalid date '2017-02-13 junk' (expected YYYY-MM-DD or an ISO 8601 date-time)",
            ),
            (
                "Feb 13, 2017",
                "invalid date 'Feb 13, 2017' (expected YYYY-MM-DD or an ISO 8601 date-time)",
            ),
            (
                "",
                "invalid date '' (expected YYYY-MM-DD or an ISO 8601 date-time)",
            ),
            (
                "２０１７-02-13",
                "invalid date '２０１７-02-13' (expected YYYY-MM-DD or an ISO 8601 date-time)",
            ),
        ] {
            assert_eq!(
                parse_date(value).unwrap_err().to_string(),
                want,
                "{value:?}"
            );
        }
    }
}
