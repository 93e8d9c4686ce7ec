//! Tokenisation of one sentence. Owns what a word, a number and a
//! punctuation token are, and the lower-cased form dictionaries match
//! against; must not decide sentence boundaries.

use unicode_normalization::char::is_combining_mark;

use crate::abbrev::{self, Abbrev};
use crate::{to_u32, NormText, SentenceSpan, Token, TokenKind, Tokens};

/// Tokenises the sentence at `span` of `text` into `out`, reusing its
/// buffers; [`crate::tokenize`] is this with fresh buffers.
///
/// A span that reaches past the text or falls inside a character is
/// clamped to the text and to character boundaries.
pub fn tokenize_into(text: &NormText, span: SentenceSpan, out: &mut Tokens) {
    out.lower.clear();
    out.tokens.clear();
    let full = text.text.as_str();
    let end = floor_boundary(full, span.end);
    let start = floor_boundary(full, span.start).min(end);
    let sentence = &full[start..end];
    let mut i = 0;
    while let Some(c) = sentence[i..].chars().next() {
        if c.is_whitespace() {
            i += c.len_utf8();
        } else if is_word_char(c) {
            let word = scan_word(sentence, i);
            let kind = if c.is_ascii_digit() && is_numeric(&sentence[i..word.end]) {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            push(out, sentence, start, i, word.end, kind);
            if let Some(clitic) = word.clitic_end {
                push(out, sentence, start, word.end, clitic, TokenKind::Punct);
            }
            i = word.clitic_end.unwrap_or(word.end);
        } else {
            push(out, sentence, start, i, i + c.len_utf8(), TokenKind::Punct);
            i += c.len_utf8();
        }
    }
}

fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && is_combining_mark(c))
}

/// Digits with separators only (`13,000`, `3.5`, `15-16`), so `M-16` and
/// `3D` are words.
fn is_numeric(token: &str) -> bool {
    token
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ':' | '/' | '-'))
}

/// The end of the run of word characters starting at byte `from`.
fn word_run_end(s: &str, from: usize) -> usize {
    // ASCII letters and digits first, bytewise; any other byte ends the
    // fast path and the rest is read as characters.
    let ascii = s.as_bytes()[from..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .map_or(s.len(), |len| from + len);
    if ascii == s.len() || s.as_bytes()[ascii].is_ascii() {
        return ascii;
    }
    s[ascii..]
        .find(|c: char| !is_word_char(c))
        .map_or(s.len(), |len| ascii + len)
}

/// Where a word ends, and where the clitic split off it (`'s`, `n't`) ends.
struct WordScan {
    end: usize,
    clitic_end: Option<usize>,
}

/// Scans the word starting at byte `start` of `s`, a word character.
fn scan_word(s: &str, start: usize) -> WordScan {
    let mut j = start;
    loop {
        j = word_run_end(s, j);
        let (Some(prev), Some(c)) = (s[..j].chars().next_back(), s[j..].chars().next()) else {
            break;
        };
        let after = s[j + c.len_utf8()..].chars().next();
        let digit_follows = after.is_some_and(|a| a.is_ascii_digit());
        match c {
            '.' | ',' | ':' | '/' if prev.is_ascii_digit() && digit_follows => j += 1,
            '-' if after.is_some_and(is_word_char) => j += 1,
            '\'' if after.is_some_and(char::is_alphabetic) => {
                let tail = word_run_end(s, j + 1);
                match clitic_start(s, start, j, tail) {
                    Some(split) => {
                        return WordScan {
                            end: split,
                            clitic_end: Some(tail),
                        }
                    }
                    None => j = tail,
                }
            }
            '.' => {
                j = abbreviation_end(s, start, j);
                let hyphen_continues =
                    s[j..].starts_with('-') && s[j + 1..].chars().next().is_some_and(is_word_char);
                if s[..j].ends_with('.') && hyphen_continues {
                    // `U.S.-backed`
                    j += 1;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    WordScan {
        end: j,
        clitic_end: None,
    }
}

/// Where the clitic starts when the apostrophe at `apostrophe` begins one
/// (`Syria's`, `they're`, `didn't`), the word running from `start` and the
/// letters after the apostrophe up to `tail`. `None` for a name's inner
/// apostrophe (`O'Brien`).
fn clitic_start(s: &str, start: usize, apostrophe: usize, tail: usize) -> Option<usize> {
    let after = &s[apostrophe + 1..tail];
    if after.eq_ignore_ascii_case("t") {
        // `didn't` -> `did` `n't`, `can't` -> `ca` `n't`.
        let stem = s[start..apostrophe].strip_suffix(['n', 'N'])?;
        return (!stem.is_empty()).then_some(apostrophe - 1);
    }
    let clitic = ["s", "re", "ve", "ll", "d", "m"]
        .iter()
        .any(|c| c.eq_ignore_ascii_case(after));
    clitic.then_some(apostrophe)
}

/// Given a period at `period` after the word `s[start..period]`, returns
/// where the token ends: past the period when it belongs to an
/// abbreviation (`U.S.`, `Gen.`, `W.`, `No.` before a number), else at it.
fn abbreviation_end(s: &str, start: usize, period: usize) -> usize {
    // The dotted form starts after any hyphen (`pro-U.S.`).
    let segment = s[start..period].rfind('-').map_or(start, |h| start + h + 1);
    let run_end = segment
        + s[segment..]
            .find(|c: char| !(c.is_alphabetic() || c == '.'))
            .unwrap_or(s.len() - segment);
    let run = &s[segment..run_end];
    let dotted = run
        .match_indices('.')
        .rev()
        .map(|(p, _)| p)
        .find(|&p| segment + p >= period && abbrev::is_dotted(&run[..p]));
    if let Some(p) = dotted {
        return segment + p + 1;
    }
    let keeps_period = match abbrev::classify(&s[start..period]) {
        // `No.` ending a sentence is the word `no`.
        Some(Abbrev::Numero) => !s[period + 1..].trim().is_empty(),
        Some(_) => true,
        None => false,
    };
    if keeps_period {
        period + 1
    } else {
        period
    }
}

fn push(
    out: &mut Tokens,
    sentence: &str,
    offset: usize,
    start: usize,
    end: usize,
    kind: TokenKind,
) {
    let token = &sentence[start..end];
    if !out.lower.is_empty() {
        out.lower.push(' ');
    }
    let lower_start = out.lower.len();
    if token.is_ascii() {
        out.lower.push_str(token);
        out.lower[lower_start..].make_ascii_lowercase();
    } else if token.contains('\u{130}') {
        // Unicode lower-cases `İ` to `i` and a combining dot, which no
        // dictionary entry (`istanbul`) is written with.
        out.lower
            .push_str(&token.to_lowercase().replace("i\u{307}", "i"));
    } else {
        out.lower.push_str(&token.to_lowercase());
    }
    let capitalized = token
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase);
    out.tokens.push(Token {
        start: to_u32(offset + start),
        end: to_u32(offset + end),
        lower_start: to_u32(lower_start),
        lower_end: to_u32(out.lower.len()),
        kind,
        capitalized,
    });
}
