//! Splits text into the few kinds of token time expressions are made of:
//! month and weekday names, numbers, time words and punctuation. Owns the
//! word lists; must not decide what an expression means.

use chrono::Weekday;

/// One token of the scanned text, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    /// Whitespace (or the start of the text) comes right before it.
    pub spaced: bool,
    pub class: Class,
}

/// What a token is, as far as dates go.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Class {
    Month {
        month: u32,
        /// "DEC", "Sept": an abbreviation.
        short: bool,
        /// Also an ordinary word ("may", "march"): needs a date around it.
        ambiguous: bool,
    },
    Weekday(Weekday),
    /// Digits, possibly with an ordinal suffix ("15th").
    Number {
        value: u32,
        digits: u8,
        ordinal: bool,
    },
    /// "1990s": the first year of the decade.
    Decade(i32),
    Word(Word),
    /// ASCII punctuation; typographic dashes and apostrophes are folded in.
    Punct(u8),
    Other,
}

/// Words with a role in time expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub(crate) enum Word {
    Yesterday,
    Today,
    Tomorrow,
    Tonight,
    Ago,
    Last,
    Next,
    This,
    Past,
    Coming,
    Earlier,
    Later,
    Early,
    Mid,
    Late,
    End,
    Beginning,
    Start,
    Since,
    In,
    On,
    Or,
    About,
    Around,
    Of,
    The,
    Day,
    Week,
    Month,
    Year,
    Weekend,
    Night,
    Morning,
    Afternoon,
    Evening,
    During,
    By,
    Until,
    From,
    Through,
    /// A number written as a word: "two", "a".
    Numeral(u32),
    /// The clitic of a possessive: "week's".
    S,
    /// "hours", "hrs": after four digits, a time of day.
    Hours,
}

/// Scans `text` into tokens. Whitespace separates tokens; a run of letters
/// or digits is one token (letters followed by digits split: "M16" stays
/// one `Other`).
pub(crate) fn scan(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut spaced = true;
    let mut i = 0;
    while i < bytes.len() {
        // ASCII bytes are classified directly; other characters are decoded.
        let (c, len) = match bytes[i] {
            b if b.is_ascii() => (b as char, 1),
            _ => {
                let c = text[i..].chars().next().expect("i is a char boundary");
                (c, c.len_utf8())
            }
        };
        if c.is_whitespace() {
            spaced = true;
            i += len;
            continue;
        }
        let mut end = i + len;
        let class = if c.is_alphanumeric() {
            while let Some(n) = alphanumeric_at(text, end) {
                end += n;
            }
            classify(&text[i..end])
        } else {
            match c {
                '\u{2019}' | '\u{2018}' => Class::Punct(b'\''),
                '\u{2010}'..='\u{2015}' => Class::Punct(b'-'),
                c if c.is_ascii_punctuation() => Class::Punct(c as u8),
                _ => Class::Other,
            }
        };
        out.push(Tok {
            start: i,
            end,
            spaced,
            class,
        });
        spaced = false;
        i = end;
    }
    mark_long_numbers(&mut out);
    out
}

/// The length of the letter or digit at byte `i` of `text`, if there is one.
fn alphanumeric_at(text: &str, i: usize) -> Option<usize> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => b.is_ascii_alphanumeric().then_some(1),
        _ => {
            let c = text[i..].chars().next()?;
            c.is_alphanumeric().then(|| c.len_utf8())
        }
    }
}

/// "13,000", "3.5", "1,000": digits glued to a separator and more digits
/// are one quantity, never a day or a year.
fn mark_long_numbers(toks: &mut [Tok]) {
    let is_number = |t: &Tok| matches!(t.class, Class::Number { .. });
    let mut long = vec![false; toks.len()];
    for i in 0..toks.len().saturating_sub(2) {
        let sep = toks[i + 1];
        if is_number(&toks[i])
            && matches!(sep.class, Class::Punct(b',' | b'.' | b':'))
            && !sep.spaced
            && !toks[i + 2].spaced
            && is_number(&toks[i + 2])
        {
            long[i] = true;
            long[i + 2] = true;
        }
    }
    for (t, long) in toks.iter_mut().zip(long) {
        if long {
            t.class = Class::Other;
        }
    }
}

fn classify(word: &str) -> Class {
    let bytes = word.as_bytes();
    if bytes[0].is_ascii_digit() {
        return number(word);
    }
    let mut buf = [0u8; 12];
    if bytes.len() > buf.len() || !word.is_ascii() {
        return Class::Other;
    }
    for (slot, b) in buf.iter_mut().zip(bytes) {
        *slot = b.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..bytes.len()]).expect("ASCII");
    if let Some(c) = month(lower) {
        return c;
    }
    if let Some(d) = weekday(lower) {
        return Class::Weekday(d);
    }
    word_class(lower).map_or(Class::Other, Class::Word)
}

fn number(word: &str) -> Class {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &word[digits..];
    let value: Option<u32> = if digits <= 9 {
        word[..digits].parse().ok()
    } else {
        None
    };
    let Some(value) = value else {
        return Class::Other;
    };
    match suffix.to_ascii_lowercase().as_str() {
        "" => Class::Number {
            value,
            digits: digits as u8,
            ordinal: false,
        },
        "st" | "nd" | "rd" | "th" if digits <= 2 => Class::Number {
            value,
            digits: digits as u8,
            ordinal: true,
        },
        "s" if digits == 4 && value % 10 == 0 => Class::Decade(value as i32),
        _ => Class::Other,
    }
}

fn month(lower: &str) -> Option<Class> {
    let (month, short, ambiguous) = match lower {
        "january" => (1, false, false),
        "february" => (2, false, false),
        "march" => (3, false, true),
        "april" => (4, false, false),
        "may" => (5, false, true),
        "june" => (6, false, false),
        "july" => (7, false, false),
        "august" => (8, false, false),
        "september" => (9, false, false),
        "october" => (10, false, false),
        "november" => (11, false, false),
        "december" => (12, false, false),
        "jan" => (1, true, true),
        "feb" => (2, true, true),
        "mar" => (3, true, true),
        "apr" => (4, true, true),
        "jun" => (6, true, true),
        "jul" => (7, true, true),
        "aug" => (8, true, true),
        "sep" | "sept" => (9, true, true),
        "oct" => (10, true, true),
        "nov" => (11, true, true),
        "dec" => (12, true, true),
        _ => return None,
    };
    Some(Class::Month {
        month,
        short,
        ambiguous,
    })
}

fn weekday(lower: &str) -> Option<Weekday> {
    Some(match lower {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn word_class(lower: &str) -> Option<Word> {
    Some(match lower {
        "yesterday" => Word::Yesterday,
        "today" => Word::Today,
        "tomorrow" => Word::Tomorrow,
        "tonight" => Word::Tonight,
        "ago" => Word::Ago,
        "last" => Word::Last,
        "next" => Word::Next,
        "this" => Word::This,
        "past" => Word::Past,
        "coming" => Word::Coming,
        "earlier" => Word::Earlier,
        "later" => Word::Later,
        "early" => Word::Early,
        "mid" => Word::Mid,
        "late" => Word::Late,
        "end" => Word::End,
        "beginning" => Word::Beginning,
        "start" => Word::Start,
        "since" => Word::Since,
        "in" => Word::In,
        "on" => Word::On,
        "or" => Word::Or,
        "about" => Word::About,
        "around" => Word::Around,
        "of" => Word::Of,
        "the" => Word::The,
        "day" | "days" => Word::Day,
        "week" | "weeks" => Word::Week,
        "month" | "months" => Word::Month,
        "year" | "years" => Word::Year,
        "weekend" => Word::Weekend,
        "night" => Word::Night,
        "morning" => Word::Morning,
        "afternoon" => Word::Afternoon,
        "evening" => Word::Evening,
        "during" => Word::During,
        "by" => Word::By,
        "until" | "till" => Word::Until,
        "from" => Word::From,
        "through" => Word::Through,
        "s" => Word::S,
        "hours" | "hrs" => Word::Hours,
        "a" | "an" | "one" => Word::Numeral(1),
        "two" => Word::Numeral(2),
        "three" => Word::Numeral(3),
        "four" => Word::Numeral(4),
        "five" => Word::Numeral(5),
        "six" => Word::Numeral(6),
        "seven" => Word::Numeral(7),
        "eight" => Word::Numeral(8),
        "nine" => Word::Numeral(9),
        "ten" => Word::Numeral(10),
        "eleven" => Word::Numeral(11),
        "twelve" => Word::Numeral(12),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_numbers_are_not_days_or_years() {
        let toks = scan("the 1,000 soldiers and 13,000 prisoners, 3.5 km");
        assert!(toks
            .iter()
            .all(|t| !matches!(t.class, Class::Number { .. })));
    }

    #[test]
    fn typographic_apostrophes_and_dashes_fold_to_ascii() {
        let toks = scan("next week\u{2019}s talks, 15\u{2013}16");
        assert_eq!(toks[2].class, Class::Punct(b'\''));
        assert_eq!(toks[7].class, Class::Punct(b'-'));
        assert!(!toks[2].spaced && !toks[3].spaced);
    }
}
