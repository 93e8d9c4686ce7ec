//! Character-level normalisation with an offset map, and letter-case
//! detection. Owns the decision of what each original character becomes;
//! must not look at words or sentences (the `''` and lone `Â` rules look at
//! neighbouring characters only).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use crate::{entity, mojibake, to_u32, LetterCase};

/// Normalised text with, per byte, the original scalar range it came from.
pub(crate) struct Normalised {
    pub(crate) text: String,
    /// Start of the source run of each byte, plus the original length.
    pub(crate) map: Vec<u32>,
    /// End of the source run of each byte.
    pub(crate) map_end: Vec<u32>,
}

/// A run of combining marks longer than this is cut into several clusters:
/// real scripts stay far below it, and it bounds the work NFKC does on
/// adversarial input.
const MAX_CLUSTER: usize = 32;

pub(crate) fn normalise(original: &str) -> Normalised {
    let chars: Vec<char> = original.chars().collect();
    let mut out = Normalised {
        text: String::with_capacity(original.len()),
        map: Vec::with_capacity(original.len() + 1),
        map_end: Vec::with_capacity(original.len()),
    };
    let bytes = original.as_bytes();
    // chars[i] starts at byte b of the original.
    let (mut i, mut b) = (0, 0);
    while i < chars.len() {
        // Most text is runs of plain ASCII, which stays as it is: copied
        // whole, each byte mapping to itself. A character followed by a
        // combining mark is not plain: they normalise together.
        let mut run = bytes[b..].iter().take_while(|&&c| plain_ascii(c)).count();
        if run > 0 && chars.get(i + run).is_some_and(|&n| is_mark(n)) {
            run -= 1;
        }
        if run > 0 {
            out.text.push_str(&original[b..b + run]);
            out.map.extend((i..i + run).map(to_u32));
            out.map_end.extend((i + 1..=i + run).map(to_u32));
            i += run;
            b += run;
            continue;
        }
        let len = step(&mut out, &chars, i);
        b += chars[i..i + len]
            .iter()
            .map(|c| c.len_utf8())
            .sum::<usize>();
        i += len;
    }
    out.map.push(to_u32(chars.len()));
    out
}

/// An ASCII character normalisation keeps as it is, whatever surrounds it.
fn plain_ascii(c: u8) -> bool {
    (c.is_ascii_graphic() || c == b' ' || c == b'\n') && !matches!(c, b'&' | b'\'' | b'`')
}

/// Normalises the source unit starting at `chars[i]` (a character, an
/// entity, a mojibake run, a CRLF...) and returns its length in chars.
fn step(out: &mut Normalised, chars: &[char], i: usize) -> usize {
    let c = chars[i];
    let next = chars.get(i + 1).copied();
    if c == '\r' {
        let len = if next == Some('\n') { 2 } else { 1 };
        out.emit('\n', i, i + len);
        return len;
    }
    if c == '&' {
        let Some((decoded, len)) = entity::decode(&chars[i..]) else {
            out.emit('&', i, i + 1);
            return 1;
        };
        out.push_cluster(std::iter::once(decoded), i, i + len);
        return len;
    }
    if c == '`' {
        let len = if next == Some('`') { 2 } else { 1 };
        out.emit(if len == 2 { '"' } else { '\'' }, i, i + len);
        return len;
    }
    if let Some(len) = apostrophes(out, chars, i) {
        return len;
    }
    if let Some((repaired, len)) = mojibake::repair(chars, i) {
        out.push_cluster(std::iter::once(repaired), i, i + len);
        return len;
    }
    if mojibake::is_stray_nbsp_lead(chars, i) {
        out.emit(' ', i, i + 1);
        return 1;
    }
    let mut end = i + 1;
    while end < chars.len() && end - i < MAX_CLUSTER && is_mark(chars[end]) {
        end += 1;
    }
    out.push_cluster(chars[i..end].iter().copied(), i, end);
    end - i
}

/// Emits a run of apostrophes (`'`, `’`, `‘`, or their mojibake) starting at
/// `chars[i]` and returns its length, or `None` when there is none. Doubled
/// apostrophes are how SQL-escaped text (the India Police Events corpus)
/// spells one: two make `'` and four make `"`.
fn apostrophes(out: &mut Normalised, chars: &[char], i: usize) -> Option<usize> {
    let unit = |k: usize| match chars.get(k)? {
        '\'' | '\u{2018}' | '\u{2019}' => Some(1),
        'â' => mojibake::repair(chars, k)
            .filter(|&(c, _)| matches!(c, '\u{2018}' | '\u{2019}'))
            .map(|(_, len)| len),
        _ => None,
    };
    let mut ends = [0; 4];
    let mut at = i;
    let mut units = 0;
    while units < 4 {
        let Some(len) = unit(at) else { break };
        at += len;
        ends[units] = at;
        units += 1;
    }
    let (quote, end) = match units {
        0 => return None,
        1 => ('\'', ends[0]),
        2 | 3 => ('\'', ends[1]),
        _ => ('"', ends[3]),
    };
    out.emit(quote, i, end);
    Some(end - i)
}

fn is_mark(c: char) -> bool {
    !c.is_ascii() && is_combining_mark(c)
}

impl Normalised {
    /// Appends `c` verbatim, recording that it came from `start..end`.
    fn emit(&mut self, c: char, start: usize, end: usize) {
        self.text.push(c);
        let (start, end) = (to_u32(start), to_u32(end));
        for _ in 0..c.len_utf8() {
            self.map.push(start);
            self.map_end.push(end);
        }
    }

    /// Appends a base character and its combining marks after the explicit
    /// mappings and NFKC. NFKC runs on the whole cluster so that a letter
    /// and its accent compose into one character.
    fn push_cluster<I>(&mut self, cluster: I, start: usize, end: usize)
    where
        I: Iterator<Item = char> + Clone,
    {
        let mut one = cluster.clone();
        if let (Some(c), None) = (one.next(), one.next()) {
            match explicit(c) {
                Mapped::Keep => {}
                mapped => return self.push_mapped(mapped, c, start, end),
            }
        }
        if is_nfkc_quick(cluster.clone()) == IsNormalized::Yes {
            for c in cluster {
                self.push_mapped(explicit(c), c, start, end);
            }
        } else {
            for c in cluster.nfkc() {
                self.push_mapped(explicit(c), c, start, end);
            }
        }
    }

    fn push_mapped(&mut self, mapped: Mapped, c: char, start: usize, end: usize) {
        match mapped {
            Mapped::Keep => self.emit(c, start, end),
            Mapped::To(to) => self.emit(to, start, end),
            Mapped::ToStr(to) => to.chars().for_each(|to| self.emit(to, start, end)),
            Mapped::Drop => {}
        }
    }
}

/// What the explicit table does with one character, before NFKC.
#[derive(Clone, Copy)]
enum Mapped {
    Keep,
    To(char),
    ToStr(&'static str),
    Drop,
}

/// The mappings NFKC does not make or makes differently from what a
/// dictionary written in plain ASCII punctuation needs.
fn explicit(c: char) -> Mapped {
    match c {
        '\n' => Mapped::Keep,
        '\r' | '\u{85}' | '\u{2028}' => Mapped::To('\n'),
        '\u{2029}' => Mapped::ToStr("\n\n"),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2039}'
        | '\u{203A}' | '`' | '\u{00B4}' => Mapped::To('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Mapped::To('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{FE58}'
        | '\u{FE63}' | '\u{FF0D}' => Mapped::To('-'),
        // Em dashes and bars separate clauses; spelt as the typewriter `--`
        // (the form wire text already uses) so `interests—who` stays two
        // words instead of becoming a hyphenated compound.
        '\u{2014}' | '\u{2015}' => Mapped::ToStr("--"),
        '\u{00AD}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Mapped::Drop,
        '\u{FFFD}' => Mapped::To(' '),
        c if c.is_whitespace() || c.is_control() => Mapped::To(' '),
        _ => Mapped::Keep,
    }
}

/// Decides the letter case profile from letter counts and from the case of
/// the first letter after each sentence stop: an all-lower-case document
/// still has a few capitals (site boilerplate), but its sentences start in
/// lower case, which ordinary prose never does.
pub(crate) fn detect_case(text: &str) -> LetterCase {
    let (mut upper, mut lower) = (0usize, 0usize);
    let (mut upper_starts, mut lower_starts) = (0usize, 0usize);
    let mut at_start = true;
    let mut after_stop = false;
    for c in text.chars() {
        if c.is_uppercase() || c.is_lowercase() {
            if at_start {
                if c.is_uppercase() {
                    upper_starts += 1;
                } else {
                    lower_starts += 1;
                }
            }
            if c.is_uppercase() {
                upper += 1;
            } else {
                lower += 1;
            }
            at_start = false;
            after_stop = false;
        } else if matches!(c, '.' | '?' | '!') {
            after_stop = true;
        } else if c.is_whitespace() {
            at_start |= after_stop;
        } else if !matches!(c, '"' | '\'' | '(' | '[') {
            at_start = false;
            after_stop = false;
        }
    }
    let cased = upper + lower;
    if cased < 3 {
        LetterCase::Mixed
    } else if upper * 10 > cased * 9 {
        LetterCase::Upper
    } else if lower_starts > 0 && lower_starts >= upper_starts && upper * 20 < cased {
        LetterCase::Lower
    } else {
        LetterCase::Mixed
    }
}
