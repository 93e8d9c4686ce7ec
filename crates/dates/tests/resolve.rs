//! Table-driven tests of finding and resolving time expressions, on our own
//! sentences written in the style of wire reports.

use chrono::NaiveDate;
use dyad_dates::{find, Tense};
use dyad_model::{DateBasis, DatePrecision, EventDate};

fn day(s: &str) -> NaiveDate {
    s.parse().expect("test dates are ISO")
}

/// `start..end precision basis`, e.g. `2017-02-11..2017-02-11 day relative`.
fn show(d: &EventDate) -> String {
    let precision = serde_json::to_value(d.precision).expect("serialises");
    let basis = serde_json::to_value(d.basis).expect("serialises");
    format!(
        "{}..{} {} {}",
        d.start.map_or("?".into(), |x| x.to_string()),
        d.end.map_or("?".into(), |x| x.to_string()),
        precision.as_str().unwrap_or_default(),
        basis.as_str().unwrap_or_default()
    )
}

/// Sentence, publication date, tense, the expression, what it resolves to.
const TABLE: &[(&str, &str, Tense, &str, &str)] = &[
    // Weekdays: the publication weekday itself, the last one, the next one.
    (
        "The minister said on Monday the border would reopen.",
        "2017-02-13",
        Tense::Past,
        "Monday",
        "2017-02-13..2017-02-13 day relative",
    ),
    (
        "Officials said earlier on Monday that talks had stalled.",
        "2017-02-13",
        Tense::Past,
        "earlier on Monday",
        "2017-02-13..2017-02-13 day relative",
    ),
    (
        "The committee met on Saturday in the capital.",
        "2017-02-13",
        Tense::Past,
        "Saturday",
        "2017-02-11..2017-02-11 day relative",
    ),
    (
        "The committee will meet on Saturday in the capital.",
        "2017-02-13",
        Tense::Future,
        "Saturday",
        "2017-02-18..2017-02-18 day relative",
    ),
    (
        "Envoys met last Monday in Geneva.",
        "2017-02-13",
        Tense::Past,
        "last Monday",
        "2017-02-06..2017-02-06 day relative",
    ),
    (
        "Envoys are to meet next Monday in Geneva.",
        "2017-02-13",
        Tense::Future,
        "next Monday",
        "2017-02-20..2017-02-20 day relative",
    ),
    (
        "The mayor resigned on Sunday, two days after the vote.",
        "2016-01-01",
        Tense::Past,
        "Sunday",
        "2015-12-27..2015-12-27 day relative",
    ),
    // Deictic days and offsets.
    (
        "Three soldiers were wounded yesterday.",
        "2017-03-01",
        Tense::Past,
        "yesterday",
        "2017-02-28..2017-02-28 day relative",
    ),
    (
        "Three soldiers were wounded yesterday.",
        "2016-03-01",
        Tense::Past,
        "yesterday",
        "2016-02-29..2016-02-29 day relative",
    ),
    (
        "The envoy arrives tomorrow.",
        "2016-12-31",
        Tense::Future,
        "tomorrow",
        "2017-01-01..2017-01-01 day relative",
    ),
    (
        "Police said today that two men were held.",
        "2017-02-13",
        Tense::Past,
        "today",
        "2017-02-13..2017-02-13 day relative",
    ),
    (
        "The truce collapsed two days ago.",
        "2017-02-13",
        Tense::Past,
        "two days ago",
        "2017-02-11..2017-02-11 day relative",
    ),
    (
        "The deal was signed three years ago.",
        "2017-02-13",
        Tense::Past,
        "three years ago",
        "2014-01-01..2014-12-31 year relative",
    ),
    (
        "Fighting resumed last night near the airport.",
        "2017-02-13",
        Tense::Past,
        "last night",
        "2017-02-12..2017-02-12 day relative",
    ),
    // Calendar periods.
    (
        "They attended a similar meeting last month.",
        "2017-02-13",
        Tense::Past,
        "last month",
        "2017-01-01..2017-01-31 month relative",
    ),
    (
        "They attended a similar meeting last month.",
        "2017-01-10",
        Tense::Past,
        "last month",
        "2016-12-01..2016-12-31 month relative",
    ),
    (
        "Prisoners were swapped this month.",
        "2017-02-13",
        Tense::Past,
        "this month",
        "2017-02-01..2017-02-28 month relative",
    ),
    (
        "Talks are due to begin next week.",
        "2017-02-13",
        Tense::Future,
        "next week",
        "2017-02-20..2017-02-26 week relative",
    ),
    (
        "The ministry closed the crossing last week.",
        "2017-02-13",
        Tense::Past,
        "last week",
        "2017-02-06..2017-02-12 week relative",
    ),
    (
        "Elections are planned for next year.",
        "2017-02-13",
        Tense::Future,
        "next year",
        "2018-01-01..2018-12-31 year relative",
    ),
    (
        "The army has lost ground since late last year.",
        "2017-02-13",
        Tense::Past,
        "late last year",
        "2016-09-01..2016-12-31 range relative",
    ),
    (
        "The talks broke down earlier this month.",
        "2017-02-13",
        Tense::Past,
        "earlier this month",
        "2017-02-01..2017-02-13 range relative",
    ),
    (
        "Casualties doubled in the past two weeks.",
        "2017-02-13",
        Tense::Past,
        "past two weeks",
        "2017-01-30..2017-02-13 range relative",
    ),
    // Months: past tense looks back, future forward; the year boundary.
    (
        "Government forces defeated the rebels in Aleppo in December.",
        "2017-02-13",
        Tense::Past,
        "December",
        "2016-12-01..2016-12-31 month relative",
    ),
    (
        "Government forces defeated the rebels in Aleppo in December.",
        "2017-01-05",
        Tense::Past,
        "December",
        "2016-12-01..2016-12-31 month relative",
    ),
    (
        "A vote will be held in December.",
        "2017-02-13",
        Tense::Future,
        "December",
        "2017-12-01..2017-12-31 month relative",
    ),
    (
        "The ceasefire was agreed in February.",
        "2016-02-20",
        Tense::Past,
        "February",
        "2016-02-01..2016-02-29 month relative",
    ),
    (
        "The offensive began in mid-March.",
        "2017-04-02",
        Tense::Past,
        "mid-March",
        "2017-03-11..2017-03-21 range relative",
    ),
    (
        "The offensive began in mid-March.",
        "2017-02-13",
        Tense::Past,
        "mid-March",
        "2016-03-11..2016-03-21 range relative",
    ),
    (
        "Parliament will reconvene in May.",
        "2017-02-13",
        Tense::Future,
        "May",
        "2017-05-01..2017-05-31 month relative",
    ),
    // Days of a month, ranges, approximate days.
    (
        "Kazakhstan invited the government and rebels for February 15-16 talks.",
        "2017-02-13",
        Tense::Present,
        "February 15-16",
        "2017-02-15..2017-02-16 range relative",
    ),
    (
        "The talks begin on February 23.",
        "2017-02-13",
        Tense::Future,
        "February 23",
        "2017-02-23..2017-02-23 day relative",
    ),
    (
        "Consultations begin on or about February 20.",
        "2017-02-13",
        Tense::Future,
        "on or about February 20",
        "2017-02-20..2017-02-20 day relative",
    ),
    (
        "The bombing took place on 30 December.",
        "1990-01-04",
        Tense::Past,
        "30 December",
        "1989-12-30..1989-12-30 day relative",
    ),
    (
        "The accord was signed on February 29.",
        "2017-02-13",
        Tense::Past,
        "February 29",
        "2016-02-29..2016-02-29 day relative",
    ),
    (
        "The accord was signed on 15-16 February.",
        "2017-02-13",
        Tense::Past,
        "15-16 February",
        "2017-02-15..2017-02-16 range relative",
    ),
    // Written years: explicit.
    (
        "The war has killed hundreds of thousands since 2011.",
        "2017-02-13",
        Tense::Past,
        "since 2011",
        "2011-01-01..2017-02-13 range explicit",
    ),
    (
        "The party was founded in 1989.",
        "2017-02-13",
        Tense::Past,
        "1989",
        "1989-01-01..1989-12-31 year explicit",
    ),
    (
        "The plant will close in early 2016.",
        "2015-06-01",
        Tense::Future,
        "early 2016",
        "2016-01-01..2016-04-30 range explicit",
    ),
    (
        "They defeated the rebels in December 2016.",
        "2017-02-13",
        Tense::Past,
        "December 2016",
        "2016-12-01..2016-12-31 month explicit",
    ),
    (
        "The coup of September 11, 1973 ended the government.",
        "1990-03-11",
        Tense::Past,
        "September 11, 1973",
        "1973-09-11..1973-09-11 day explicit",
    ),
    (
        "The report is dated 2017-02-07.",
        "2017-02-13",
        Tense::Past,
        "2017-02-07",
        "2017-02-07..2017-02-07 day explicit",
    ),
    (
        "The decree of 12/31/1989 was annulled.",
        "1990-01-04",
        Tense::Past,
        "12/31/1989",
        "1989-12-31..1989-12-31 day explicit",
    ),
    (
        "THE BOMB EXPLODED AT 2100 ON 30 DEC 89 IN SAN MIGUEL.",
        "1990-01-04",
        Tense::Past,
        "30 DEC 89",
        "1989-12-30..1989-12-30 day explicit",
    ),
    (
        "SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- THE FMLN ATTACKED.",
        "1990-01-12",
        Tense::Past,
        "12 JAN 90",
        "1990-01-12..1990-01-12 day explicit",
    ),
    (
        "THE ARMY REPORTED YESTERDAY THAT THREE SOLDIERS DIED.",
        "1989-11-20",
        Tense::Past,
        "YESTERDAY",
        "1989-11-19..1989-11-19 day relative",
    ),
    (
        "MILITARY UNITS CLASHED IN MARCH IN MORAZAN.",
        "1989-11-20",
        Tense::Past,
        "MARCH",
        "1989-03-01..1989-03-31 month relative",
    ),
    (
        "Riots swept the country in the 1980s.",
        "2017-02-13",
        Tense::Past,
        "1980s",
        "1980-01-01..1989-12-31 range explicit",
    ),
];

#[test]
fn expressions_resolve_as_the_table_says() {
    let mut failures = Vec::new();
    for &(sentence, published, tense, text, expected) in TABLE {
        let found = find(sentence);
        let Some(e) = found.iter().find(|e| e.text == text) else {
            let texts: Vec<&str> = found.iter().map(|e| e.text.as_str()).collect();
            failures.push(format!("{sentence}: no '{text}' among {texts:?}"));
            continue;
        };
        assert_eq!(&sentence[e.start..e.end], e.text, "spans are byte spans");
        let got = e
            .resolve(Some(day(published)), tense)
            .map_or("unresolved".into(), |d| show(&d));
        if got != expected {
            failures.push(format!(
                "{sentence} ({published}, {tense:?}): '{text}' gave {got}, expected {expected}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Words that look like dates and are not.
const NOT_DATES: &[&str] = &[
    "Police said the 1,000 soldiers had withdrawn.",
    "Amnesty said up to 13,000 prisoners were executed.",
    "Prime Minister Theresa May met the envoy.",
    "Supporters staged a march on the capital.",
    "Thousands will march through the city centre.",
    "Rebels may attend the talks if progress is seen.",
    "The UN envoy Jan Egeland said aid was blocked.",
    "THE SQUAD ARRIVED AT 2100 HOURS WITH 15 MEN.",
    "The convoy carried 2016 tonnes of wheat.",
    "The resolution passed by 120 votes to 12.",
];

#[test]
fn non_dates_are_not_found() {
    for sentence in NOT_DATES {
        let found: Vec<String> = find(sentence).into_iter().map(|e| e.text).collect();
        assert!(found.is_empty(), "{sentence}: found {found:?}");
    }
}

#[test]
fn relative_expressions_need_a_publication_date() {
    let e = &find("The army withdrew on Saturday.")[0];
    assert_eq!(e.basis(), DateBasis::Relative);
    assert!(e.resolve(None, Tense::Past).is_none());
    let e = &find("The army withdrew on 30 December 1989.")[0];
    let d = e
        .resolve(None, Tense::Past)
        .expect("explicit dates need no reference");
    assert_eq!(d.precision, DatePrecision::Day);
    assert_eq!(d.basis, DateBasis::Explicit);
}

#[test]
fn spans_stay_on_char_boundaries_in_any_text() {
    let texts = [
        "Le 3 février à Genève, “on Saturday” — ça va.",
        "السبت on Saturday 15–16 February ‘today’",
        "mid-\u{2013}March 12 JAN ٩٠ 1,000,000 2017-02-3x",
    ];
    for t in texts {
        for e in find(t) {
            assert!(t.is_char_boundary(e.start) && t.is_char_boundary(e.end));
            assert_eq!(&t[e.start..e.end], e.text);
        }
    }
}

#[test]
fn a_day_without_a_year_reads_by_tense() {
    let cases = [
        // A past-tense report in August of an attack "on 21 October": last year's.
        (
            "NORDEFLYGHT SUPERVISED A 21 OCTOBER ATTACK ON A POLICE DETACHMENT.",
            "1989-08-24",
            Tense::Past,
            "1988-10-21",
        ),
        (
            "The summit will open on January 3.",
            "2016-12-28",
            Tense::Future,
            "2017-01-03",
        ),
        (
            "The summit opened on January 3.",
            "2016-12-28",
            Tense::Past,
            "2016-01-03",
        ),
        (
            "The summit is on January 3.",
            "2016-12-28",
            Tense::Present,
            "2017-01-03",
        ),
    ];
    for (sentence, published, tense, expected) in cases {
        let e = &find(sentence)[0];
        let d = e.resolve(Some(day(published)), tense).expect("resolves");
        assert_eq!(d.start, Some(day(expected)), "{sentence}");
    }
}
