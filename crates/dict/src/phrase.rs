//! Phrases as token sequences, and a compiled matcher that finds them in a
//! sentence's tokens. Dictionary phrases are tokenised by the same tokenizer
//! as the text, so "u.s." or "al-qaeda" match exactly as the text splits.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use dyad_text::{NormText, SentenceSpan, Tokens};

/// Tokenises a dictionary phrase and returns its lower-case tokens joined
/// by single spaces, as [`Tokens::lower`] writes them.
pub fn phrase_key(phrase: &str) -> String {
    let norm = NormText::new(phrase.trim());
    let span = SentenceSpan {
        start: 0,
        end: norm.text.len(),
    };
    dyad_text::tokenize(&norm, span).lower
}

/// The original-case tokens of a phrase, joined by single spaces (for
/// case-sensitive phrases).
pub fn phrase_surface(phrase: &str) -> String {
    let norm = NormText::new(phrase.trim());
    let span = SentenceSpan {
        start: 0,
        end: norm.text.len(),
    };
    let toks = dyad_text::tokenize(&norm, span);
    toks.tokens
        .iter()
        .map(|t| &norm.text[t.start as usize..t.end as usize])
        .collect::<Vec<_>>()
        .join(" ")
}

/// A phrase found in a sentence: tokens `[start, end)` and the phrase index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index of the phrase in the list the matcher was built from.
    pub phrase: usize,
}

/// Finds whole-token occurrences of many phrases at once.
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    automaton: Option<AhoCorasick>,
    len: usize,
    /// Phrases whose last word is a stem: it may end inside a token.
    stems: Vec<bool>,
}

impl PhraseMatcher {
    /// Builds a matcher for phrase keys (see [`phrase_key`]).
    pub fn new<I, S>(keys: I) -> PhraseMatcher
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let keys: Vec<String> = keys.into_iter().map(|k| k.as_ref().to_string()).collect();
        let len = keys.len();
        let automaton = if keys.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&keys)
                    .expect("phrase automaton fits in memory"),
            )
        };
        PhraseMatcher {
            automaton,
            len,
            stems: Vec::new(),
        }
    }

    /// Marks phrases whose last word is a stem ("argentin" matches
    /// "Argentina" and "Argentine"), by phrase index.
    pub fn with_stems(mut self, stems: Vec<bool>) -> PhraseMatcher {
        self.stems = stems;
        self
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are no phrases.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every whole-token match in `tokens`, overlapping ones included,
    /// ordered by start token then by length (longest first).
    pub fn find_all(&self, tokens: &Tokens, out: &mut Vec<PhraseMatch>) {
        out.clear();
        let Some(ac) = &self.automaton else { return };
        if tokens.tokens.is_empty() {
            return;
        }
        for m in ac.find_overlapping_iter(tokens.lower.as_str()) {
            let stem = self.stems.get(m.pattern().as_usize()) == Some(&true);
            let end = token_ending_at(tokens, m.end())
                .or_else(|| stem.then(|| token_containing(tokens, m.end())).flatten());
            let (Some(start), Some(end)) = (token_starting_at(tokens, m.start()), end) else {
                continue;
            };
            out.push(PhraseMatch {
                start,
                end: end + 1,
                phrase: m.pattern().as_usize(),
            });
        }
        out.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(a.phrase.cmp(&b.phrase))
        });
    }
}

fn token_starting_at(tokens: &Tokens, byte: usize) -> Option<usize> {
    let i = tokens
        .tokens
        .binary_search_by_key(&(byte as u32), |t| t.lower_start)
        .ok()?;
    Some(i)
}

/// The word token that continues past `byte` (a stem ending inside it).
fn token_containing(tokens: &Tokens, byte: usize) -> Option<usize> {
    let i = tokens
        .tokens
        .partition_point(|t| (t.lower_end as usize) <= byte);
    let t = tokens.tokens.get(i)?;
    ((t.lower_start as usize) < byte && byte < t.lower_end as usize).then_some(i)
}

fn token_ending_at(tokens: &Tokens, byte: usize) -> Option<usize> {
    let i = tokens
        .tokens
        .binary_search_by_key(&(byte as u32), |t| t.lower_end)
        .ok()?;
    Some(i)
}
