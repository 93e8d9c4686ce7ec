//! dyad's text stage: raw document text in, normalised text, sentences and
//! tokens out, with a map from every normalised byte back to the Unicode
//! scalar offset in the original text.
//!
//! Owns: Unicode and HTML-entity normalisation, repair of common mis-decoded
//! (mojibake) sequences, tokenisation, sentence splitting, detection of the
//! document's letter case. Must not know about actors, verbs or events.
//!
//! ```
//! use dyad_text::{split_sentences, tokenize, NormText};
//!
//! let doc = NormText::new("Gen. Smith met U.N. envoys in Geneva. Talks resume on Feb. 20.");
//! let sentences = split_sentences(&doc);
//! assert_eq!(sentences.len(), 2);
//! let tokens = tokenize(&doc, sentences[0]);
//! assert_eq!(tokens.lower, "gen. smith met u.n. envoys in geneva .");
//! ```

#![forbid(unsafe_code)]

mod abbrev;
mod entity;
mod mojibake;
mod normalize;
mod sentences;
mod tokens;

pub use tokens::tokenize_into;

/// Offsets are stored as `u32`; text past 4 G bytes or characters
/// saturates rather than wraps, which keeps spans ordered.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The letter case profile of a document, which decides how sentence
/// boundaries can be recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterCase {
    /// Ordinary mixed-case prose.
    Mixed,
    /// Almost all letters upper case (wire text, e.g. MUC reports).
    Upper,
    /// Almost all letters lower case.
    Lower,
}

/// A document's text after normalisation, with the way back to the original.
#[derive(Debug, Clone)]
pub struct NormText {
    /// The normalised text: straight quotes, plain spaces, `-` for dashes,
    /// entities decoded, mojibake repaired, `\n` line ends.
    pub text: String,
    /// For each byte of `text` (and one past the end), the Unicode scalar
    /// offset in the original text of the character it came from.
    map: Vec<u32>,
    /// For each byte of `text`, the scalar offset just past the original
    /// characters it came from. Kept apart from `map` because a byte's source
    /// can be a run (an entity, a mojibake sequence, a CRLF), and deleted
    /// characters (zero-width spaces) must not be pulled into a span's end.
    map_end: Vec<u32>,
    case: LetterCase,
}

impl NormText {
    /// Normalises `original`.
    pub fn new(original: &str) -> NormText {
        let normalised = normalize::normalise(original);
        let case = normalize::detect_case(&normalised.text);
        NormText {
            text: normalised.text,
            map: normalised.map,
            map_end: normalised.map_end,
            case,
        }
    }

    /// Original scalar offset of the character at normalised byte `byte`
    /// (`byte == text.len()` gives the original length in scalars).
    /// Bytes past the end are clamped to the end.
    pub fn original_offset(&self, byte: usize) -> u32 {
        self.map[byte.min(self.map.len() - 1)]
    }

    /// Original `[start, end)` scalar span of the normalised byte range.
    ///
    /// The end is the end of the last original character that contributed to
    /// `text[start..end]`, so characters deleted by normalisation just after
    /// the range are not included. Out-of-range bytes are clamped.
    pub fn original_span(&self, start: usize, end: usize) -> [u32; 2] {
        let last = self.map.len() - 1;
        let start = start.min(last);
        let end = end.min(last);
        let from = self.map[start];
        if end <= start {
            return [from, from];
        }
        [from, self.map_end[end - 1].max(from)]
    }

    /// The document's letter case profile.
    pub fn letter_case(&self) -> LetterCase {
        self.case
    }
}

/// A sentence: a byte range of [`NormText::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl SentenceSpan {
    /// The sentence's normalised text.
    ///
    /// Returns `""` for a span that is out of range or not on char
    /// boundaries of `text` rather than panicking.
    pub fn as_str<'a>(&self, text: &'a NormText) -> &'a str {
        text.text.get(self.start..self.end).unwrap_or("")
    }
}

/// Splits normalised text into sentences.
///
/// Spans are trimmed of surrounding whitespace, never empty, in document
/// order and non-overlapping. Bracketed photo credits and editorial markers
/// such as `[TEXT]` or `[BEGIN RECORDING]` belong to no sentence.
pub fn split_sentences(text: &NormText) -> Vec<SentenceSpan> {
    sentences::split(&text.text, text.case)
}

/// What kind of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens, apostrophes or periods.
    Word,
    /// Digits, possibly with separators.
    Number,
    /// One punctuation character, or a clitic such as `'s` / `n't`.
    Punct,
}

/// One token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte range in [`NormText::text`].
    pub start: u32,
    /// One past the last byte in [`NormText::text`].
    pub end: u32,
    /// Byte range of the lower-cased form in [`Tokens::lower`].
    pub lower_start: u32,
    /// One past the last byte of the lower-cased form.
    pub lower_end: u32,
    /// What kind of token.
    pub kind: TokenKind,
    /// True when the token's first letter is upper case in the normalised
    /// text (false for tokens without letters).
    pub capitalized: bool,
}

/// The tokens of one sentence.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// Lower-cased token forms joined by single spaces.
    pub lower: String,
    /// The tokens, in order.
    pub tokens: Vec<Token>,
}

impl Tokens {
    /// The lower-cased form of token `i`.
    pub fn lower(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.lower[t.lower_start as usize..t.lower_end as usize]
    }
}

/// Tokenises the sentence at `span` of `text`.
///
/// A span that reaches past the text or falls inside a character is
/// clamped to the text and to character boundaries.
pub fn tokenize(text: &NormText, span: SentenceSpan) -> Tokens {
    let mut tokens = Tokens::default();
    tokenize_into(text, span, &mut tokens);
    tokens
}
