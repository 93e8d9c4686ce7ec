//! Sentence splitting over normalised text. Owns where sentences start and
//! end: paragraph and line breaks, the dateline, bracketed photo credits and
//! editorial markers, and the meaning of each `.`, `?` and `!`. Must not
//! change the text; tokens are `tokens`' job.
//!
//! Normalised text has only ASCII punctuation and `' '` / `'\n'` as
//! whitespace, so every byte position found by comparing ASCII bytes here is
//! a char boundary.

use crate::abbrev::{self, Abbrev};
use crate::{LetterCase, SentenceSpan};

pub(crate) fn split(text: &str, case: LetterCase) -> Vec<SentenceSpan> {
    let mut splitter = Splitter {
        text,
        case,
        out: Vec::new(),
    };
    let mut body = 0;
    if let Some((dateline_end, rest)) = dateline(text) {
        splitter.emit(0, dateline_end);
        body = rest;
    }
    for (start, end) in blocks(text, body, case) {
        splitter.block(start, end);
    }
    splitter.out
}

/// Runs of this many spaces inside a line are layout (site furniture such as
/// `read this story in...          hindi`), not a gap between words.
const LAYOUT_GAP: usize = 4;

struct Splitter<'a> {
    text: &'a str,
    case: LetterCase,
    out: Vec<SentenceSpan>,
}

impl Splitter<'_> {
    /// Finds the sentences of a block, a span no sentence crosses.
    fn block(&mut self, start: usize, end: usize) {
        let bytes = self.text.as_bytes();
        let mut sentence = start;
        let mut i = start;
        while i < end {
            match bytes[i] {
                b'[' => {
                    let Some(close) = bracket_end(bytes, i, end) else {
                        i += 1;
                        continue;
                    };
                    let content = &self.text[i + 1..close];
                    if is_editorial_marker(content) || self.is_photo_credit(content, close + 1) {
                        self.emit(sentence, i);
                        sentence = close + 1;
                    }
                    // Brackets hold labels and glosses, never a sentence end.
                    i = close + 1;
                }
                b'.' | b'?' | b'!' => {
                    let (after, boundary) = self.stop(sentence, i, end);
                    if boundary {
                        self.emit(sentence, after);
                        sentence = after;
                    }
                    i = after;
                }
                b' ' => {
                    let run = bytes[i..end].iter().take_while(|&&b| b == b' ').count();
                    let inside_line = i > start
                        && bytes[i - 1] != b'\n'
                        && bytes.get(i + run).is_some_and(|&b| b != b'\n');
                    if run >= LAYOUT_GAP && inside_line {
                        self.emit(sentence, i);
                        sentence = i + run;
                    }
                    i += run;
                }
                _ => i += 1,
            }
        }
        self.emit(sentence, end);
    }

    /// Reads the terminal punctuation starting at `i` and its closing quotes
    /// or brackets, in the sentence begun at `sentence`; returns where that
    /// run ends and whether the sentence ends there.
    fn stop(&self, sentence: usize, i: usize, end: usize) -> (usize, bool) {
        let bytes = self.text.as_bytes();
        let run_end = i + count(&bytes[i..end], |b| matches!(b, b'.' | b'?' | b'!'));
        let after = run_end
            + count(&bytes[run_end..end], |b| {
                matches!(b, b'"' | b'\'' | b')' | b']')
            });
        if after == end {
            return (after, true);
        }
        if !bytes[after].is_ascii_whitespace() {
            // `U.S.-backed`, `3.5`, `"It seems...,"`: not a stop, unless a
            // space was lost between two sentences.
            let glued = run_end - i == 1 && after == run_end && self.is_glued_stop(i);
            return (run_end, glued);
        }
        let rest = self.text[after..end].trim_start();
        let next = rest.chars().next().unwrap_or(' ');
        let next_words = words(rest);
        let caseless = self.case != LetterCase::Mixed;
        let closers = &self.text[run_end..after];
        let ordinary = caseless || !next.is_lowercase();
        let starts_sentence = next_words
            .clone()
            .next()
            .is_some_and(abbrev::is_sentence_starter);
        let boundary = if bytes[i..run_end].iter().any(|&b| b != b'.') {
            // `?" HE ASKED` continues; without case only the words tell.
            ordinary
                && !(caseless
                    && closers.contains(['"', '\''])
                    && abbrev::is_attribution(next_words))
        } else if run_end - i > 1 {
            // An ellipsis trails off as often as it ends a sentence.
            if caseless {
                starts_sentence
            } else {
                ordinary
            }
        } else if !closers.is_empty() {
            ordinary
        } else if is_enumerator(&self.text[sentence..i]) {
            // `1.  GUERRILLA COLUMNS ATTACKED`
            false
        } else {
            match abbrev::classify(word_before(self.text, i)) {
                Some(Abbrev::Prefix) => false,
                Some(Abbrev::Month) => ordinary && !next.is_ascii_digit(),
                Some(Abbrev::Numero | Abbrev::Suffix) => starts_sentence && ordinary,
                None => ordinary,
            }
        };
        (after, boundary)
    }

    /// A period with the following space lost, `to follow.volunteers were`:
    /// a word of letters on both sides, the left one no abbreviation, the
    /// right one no part of a web address.
    fn is_glued_stop(&self, period: usize) -> bool {
        let left = word_before(self.text, period);
        let rest = &self.text[period + 1..];
        let right = &rest[..rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len())];
        let words = |w: &str| w.chars().nth(1).is_some() && w.chars().all(char::is_alphabetic);
        words(left)
            && words(right)
            && abbrev::classify(left).is_none()
            && !rest[right.len()..].starts_with('.')
            && !WEB_SUFFIXES.iter().any(|s| s.eq_ignore_ascii_case(right))
            && (self.case != LetterCase::Mixed || starts_upper(right))
    }

    /// A bracket at the end of a line holding a credit such as
    /// `[Khalil Ashawi/Reuters]`. Upper-case wire text has none, and there a
    /// line-final `[FMLN]` is part of the sentence.
    fn is_photo_credit(&self, content: &str, after: usize) -> bool {
        if self.case == LetterCase::Upper || content.contains('\n') {
            return false;
        }
        let line_ends = !matches!(
            self.text[after..].bytes().find(|&b| b != b' '),
            Some(b) if b != b'\n'
        );
        let lower = content.trim().to_ascii_lowercase();
        let credited = content.contains('/')
            || PHOTO_AGENCIES.iter().any(|agency| {
                lower
                    .strip_suffix(agency)
                    .is_some_and(|before| before.is_empty() || before.ends_with(' '))
            });
        line_ends && credited
    }

    /// Records `start..end` trimmed, when it holds a word or number.
    fn emit(&mut self, start: usize, end: usize) {
        let Some(slice) = self.text.get(start..end) else {
            return;
        };
        let trimmed = slice.trim();
        if !trimmed.chars().any(char::is_alphanumeric) {
            return;
        }
        let start = start + (slice.len() - slice.trim_start().len());
        self.out.push(SentenceSpan {
            start,
            end: start + trimmed.len(),
        });
    }
}

/// Endings of web addresses, which look like a glued sentence end.
const WEB_SUFFIXES: &[&str] = &[
    "asp", "cms", "com", "edu", "gov", "htm", "html", "net", "org", "pdf", "php",
];

const PHOTO_AGENCIES: &[&str] = &[
    "afp",
    "al jazeera",
    "anadolu",
    "ap",
    "epa",
    "getty images",
    "photo",
    "reuters",
];

/// Bracketed notes of the transcriber (MUC/FBIS) that stand between
/// sentences, so the text around them is not one sentence: `[TEXT]`,
/// `[BEGIN RECORDING]`, `[PASSAGE OMITTED]`, `[7-SECOND BREAK IN RECEPTION]`.
fn is_editorial_marker(content: &str) -> bool {
    let words: Vec<&str> = content.split_whitespace().collect();
    let is = |word: Option<&&str>, options: &[&str]| {
        word.is_some_and(|w| options.iter().any(|o| o.eq_ignore_ascii_case(w)))
    };
    let (first, last) = (words.first(), words.last());
    match words.len() {
        0 => false,
        1 => is(
            first,
            &["continued", "excerpt", "excerpts", "report", "text"],
        ),
        _ => {
            (is(first, &["begin", "beging", "end"]) && is(last, &["recording"]))
                || is(last, &["omitted"])
                || (is(first, &["editorial"]) && is(last, &["report"]))
                || (is(first, &["passage"]) && is(last, &["indistinct"]))
                || (words.len() > 3
                    && is(last, &["reception"])
                    && is(words.get(words.len() - 3), &["break"]))
        }
    }
}

/// The `]` closing the `[` at `open`, inside the block and with no `[`
/// between them.
fn bracket_end(bytes: &[u8], open: usize, end: usize) -> Option<usize> {
    let close = bytes[open + 1..end]
        .iter()
        .position(|&b| b == b']' || b == b'[')?
        + open
        + 1;
    (bytes[close] == b']').then_some(close)
}

fn count(bytes: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    bytes.iter().take_while(|&&b| pred(b)).count()
}

/// The word ending just before byte `i`, without surrounding punctuation:
/// `("U.S.` gives `U.S`.
fn word_before(text: &str, i: usize) -> &str {
    let head = &text[..i];
    let from = head.rfind(|c: char| c.is_whitespace()).map_or(0, |p| p + 1);
    head[from..].trim_matches(|c: char| !c.is_alphanumeric())
}

/// The words at the start of `rest`, after any opening quotes or brackets,
/// up to the next punctuation that is not inside a word.
fn words(rest: &str) -> impl Iterator<Item = &str> + Clone {
    rest.trim_start_matches(['"', '\'', '(', '['])
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .take_while(|w| !w.is_empty())
}

/// A list item's number or letter, the whole of a sentence so far.
fn is_enumerator(head: &str) -> bool {
    let head = head.trim();
    let digits = (1..=3).contains(&head.len()) && head.bytes().all(|b| b.is_ascii_digit());
    let mut chars = head.chars();
    let letter = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    digits || letter
}

/// The dateline before a ` -- ` at the start of a wire report
/// (`TEGUCIGALPA, 7 FEB (REUTER) -- [TEXT] A BOMB ...`): returns where the
/// dateline ends and where the body starts.
fn dateline(text: &str) -> Option<(usize, usize)> {
    let lead = text.len() - text.trim_start().len();
    let mut window_end = (lead + 160).min(text.len());
    while !text.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let window = &text[lead..window_end];
    let dash = window.find(" --")?;
    let after = window[dash + 3..].chars().next()?;
    if !after.is_whitespace() {
        return None;
    }
    let prefix = window[..dash].trim();
    let is_dateline = match prefix.split_once(',') {
        Some((place, date)) => {
            place.split_whitespace().count() <= 4
                && starts_upper(place)
                && (date.contains(|c: char| c.is_ascii_digit())
                    || date.to_ascii_uppercase().contains("NO DATE"))
        }
        None => {
            let words = prefix.split_whitespace().count();
            (1..=3).contains(&words) && prefix.split_whitespace().all(starts_upper)
        }
    };
    let short = prefix.chars().count() <= 80 && !prefix.contains("\n\n");
    (is_dateline && short).then_some((lead + dash, lead + dash + 3))
}

fn starts_upper(word: &str) -> bool {
    word.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Splits `text[from..]` into blocks no sentence crosses: paragraphs, and
/// also single lines unless the text is hard-wrapped.
fn blocks(text: &str, from: usize, case: LetterCase) -> Vec<(usize, usize)> {
    // Upper-case text is teletype wire copy, which is always hard-wrapped.
    let wrapped = is_hard_wrapped(&text[from..]).unwrap_or(case == LetterCase::Upper);
    let mut blocks = Vec::new();
    let mut block_start: Option<usize> = None;
    let mut line_start = from;
    for line in text[from..].split('\n') {
        let line_end = line_start + line.len();
        if line.trim().is_empty() {
            if let Some(start) = block_start.take() {
                blocks.push((start, line_start - 1));
            }
        } else if let Some(start) = block_start {
            // In mixed-case text a line that starts in lower case goes on
            // with the sentence of the line before, wrapped or not.
            let continues = wrapped
                || (case == LetterCase::Mixed && line.trim_start().starts_with(char::is_lowercase));
            if !continues {
                blocks.push((start, line_start - 1));
                block_start = Some(line_start);
            }
        } else {
            block_start = Some(line_start);
        }
        line_start = line_end + 1;
    }
    if let Some(start) = block_start {
        blocks.push((start, text.len()));
    }
    blocks
}

/// Whether the text's line breaks are the typesetter's, not the author's:
/// lines inside paragraphs are of similar width, as in wire reports wrapped
/// at 70-80 columns. `None` when too few lines run on to tell. The first
/// line is left out: in wire reports it is what remains after the dateline
/// was cut off, and so is short.
fn is_hard_wrapped(text: &str) -> Option<bool> {
    let mut widths = Vec::new();
    let mut lines = text.split('\n').skip(1).peekable();
    while let Some(line) = lines.next() {
        let Some(next) = lines.peek() else { break };
        if !line.trim().is_empty() && !next.trim().is_empty() {
            widths.push(line.trim_end().chars().count());
        }
    }
    if widths.len() < 2 {
        return None;
    }
    widths.sort_unstable();
    let median = widths[widths.len() / 2];
    if !(30..=120).contains(&median) {
        return Some(false);
    }
    let (low, high) = (median * 6 / 10, median * 5 / 4);
    let similar = widths.iter().filter(|w| (low..=high).contains(*w)).count();
    Some(similar * 10 >= widths.len() * 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_datelines() {
        let table: &[(&str, Option<&str>)] = &[
            (
                "TEGUCIGALPA, 7 FEB (REUTER) -- [TEXT] A BOMB",
                Some("TEGUCIGALPA, 7 FEB (REUTER)"),
            ),
            (
                "PERTH (AUSTRALIA), JUNE 11 89 (AFP) -- [TEXT] X",
                Some("PERTH (AUSTRALIA), JUNE 11 89 (AFP)"),
            ),
            (
                "ST. JOHN'S, ANTIGUA,\nMAY 13, CANA -- X",
                Some("ST. JOHN'S, ANTIGUA,\nMAY 13, CANA"),
            ),
            ("NO CITY, NO DATE -- X", Some("NO CITY, NO DATE")),
            ("Rancagua -- X", Some("Rancagua")),
            ("THE CALLER IDENTIFIED HIMSELF AS ZAPATOCA -- X", None),
            ("TWO U.S. MORMON MISSIONARIES --\nAGED 19", None),
            ("THE RIOTING HAS RESULTED IN --\nACCORDING TO", None),
            ("BOGOTA, 27 APR 90 --", None),
            ("no dash here", None),
        ];
        for (text, expected) in table {
            let found = dateline(text).map(|(end, _)| &text[..end]);
            assert_eq!(found, *expected, "text {text:?}");
        }
    }

    #[test]
    fn tells_hard_wrapped_text_from_one_line_paragraphs() {
        let wire = "THE ARMY REPORTED THAT\n\
                    ABOUT 50 PEASANTS HAVE BEEN KIDNAPPED BY TERRORISTS OF THE\n\
                    FARABUNDO MARTI FRONT IN SAN MIGUEL.  THE SOURCE ADDED THAT\n\
                    THEY WERE TAKEN AWAY TO AN UNKNOWN LOCATION IN THE NORTH.";
        let captions = "Photo\nCaption one\nCaption two\nCaption three that runs on and on for a good while\nEnd";
        let web = "Headline\nFirst paragraph on one long line.\n\nSecond paragraph.";
        assert_eq!(is_hard_wrapped(wire), Some(true));
        assert_eq!(is_hard_wrapped(captions), Some(false));
        assert_eq!(is_hard_wrapped(web), None);
        assert_eq!(is_hard_wrapped(""), None);
    }

    #[test]
    fn recognises_editorial_markers() {
        let table: &[(&str, bool)] = &[
            ("TEXT", true),
            ("BEGIN\nRECORDING", true),
            ("end recording", true),
            ("RECORDED PASSAGE OMITTED", true),
            ("7-SECOND BREAK IN RECEPTION", true),
            ("CONTINUED", true),
            ("FMLN", false),
            ("WORDS INDISTINCT", false),
            ("REPORTER", false),
            ("", false),
        ];
        for (content, expected) in table {
            assert_eq!(
                is_editorial_marker(content),
                *expected,
                "content {content:?}"
            );
        }
    }
}
