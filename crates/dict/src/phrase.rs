//! Phrases as token sequences, and a compiled matcher that finds them in a
//! sentence's tokens. Dictionary phrases are tokenised by the same tokenizer
//! as the text, so "u.s." or "al-qaeda" match exactly as the text splits.

use dyad_text::{NormText, SentenceSpan, Tokens};
use rustc_hash::FxHashMap;

/// Tokenises a dictionary phrase and returns its lower-case tokens joined
/// by single spaces, as [`Tokens::lower`] writes them.
pub fn phrase_key(phrase: &str) -> String {
    // Plain words (ASCII letters and spaces) are one token each: no need to
    // normalise and tokenise, which matters for tens of thousands of names.
    if phrase.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ') {
        let mut key = String::with_capacity(phrase.len());
        for w in phrase.split_ascii_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.extend(w.chars().map(|c| c.to_ascii_lowercase()));
        }
        return key;
    }
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
///
/// Phrases are indexed by their first token (one-word phrases) or first two
/// tokens (longer ones), and a phrase whose last word is a stem by the first
/// four letters of its first token; each token of a sentence looks up its
/// candidates and checks them against the sentence's lower-case text. Cheap
/// to build for tens of thousands of phrases, and as fast to run as the
/// sentence has tokens.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct PhraseMatcher {
    keys: Vec<Box<str>>,
    /// Number of tokens of each phrase.
    lens: Vec<u32>,
    stems: Vec<bool>,
    /// First word → the one-word phrases it is, and whether a longer
    /// phrase starts with it (only then is the pair index consulted).
    single: FxHashMap<Box<str>, (Vec<u32>, bool)>,
    pair: FxHashMap<Box<str>, Vec<u32>>,
    stem: FxHashMap<Box<str>, Vec<u32>>,
}

/// The first four letters (or fewer) of a token, for the stem index.
fn stem_probe(token: &str) -> &str {
    match token.char_indices().nth(4) {
        Some((i, _)) => &token[..i],
        None => token,
    }
}

impl PhraseMatcher {
    /// Builds a matcher for phrase keys (see [`phrase_key`]).
    pub fn new<I, S>(keys: I) -> PhraseMatcher
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let keys: Vec<Box<str>> = keys.into_iter().map(|k| k.as_ref().into()).collect();
        let lens = keys.iter().map(|k| k.split(' ').count() as u32).collect();
        let mut m = PhraseMatcher {
            keys,
            lens,
            ..PhraseMatcher::default()
        };
        m.index();
        m
    }

    /// Marks phrases whose last word is a stem ("argentin" matches
    /// "Argentina" and "Argentine"), by phrase index.
    pub fn with_stems(mut self, stems: Vec<bool>) -> PhraseMatcher {
        self.stems = stems;
        self.index();
        self
    }

    fn index(&mut self) {
        self.single.clear();
        self.pair.clear();
        self.stem.clear();
        for (i, key) in self.keys.iter().enumerate() {
            if key.is_empty() {
                continue;
            }
            let i = i as u32;
            if self.stems.get(i as usize) == Some(&true) {
                let first = key.split(' ').next().unwrap_or("");
                self.stem
                    .entry(stem_probe(first).into())
                    .or_default()
                    .push(i);
            } else if self.lens[i as usize] == 1 {
                self.single.entry(key.clone()).or_default().0.push(i);
            } else {
                let first = key.split(' ').next().unwrap_or("");
                self.single.entry(first.into()).or_default().1 = true;
                let second_end = key
                    .match_indices(' ')
                    .nth(1)
                    .map_or(key.len(), |(at, _)| at);
                self.pair
                    .entry(key[..second_end].into())
                    .or_default()
                    .push(i);
            }
        }
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when there are no phrases.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Every whole-token match in `tokens`, overlapping ones included,
    /// ordered by start token then by length (longest first).
    pub fn find_all(&self, tokens: &Tokens, out: &mut Vec<PhraseMatch>) {
        out.clear();
        let n = tokens.tokens.len();
        if n == 0 || self.keys.is_empty() {
            return;
        }
        let lower = tokens.lower.as_str();
        let span = |a: usize, b: usize| {
            &lower[tokens.tokens[a].lower_start as usize..tokens.tokens[b].lower_end as usize]
        };
        for i in 0..n {
            let word = span(i, i);
            let mut try_phrase = |p: u32, stem: bool| {
                let len = self.lens[p as usize] as usize;
                let last = i + len - 1;
                if last >= n {
                    return;
                }
                let text = span(i, last);
                let key = &*self.keys[p as usize];
                let hit = if stem {
                    text.len() > key.len() && text.starts_with(key) || text == key
                } else {
                    text == key
                };
                if hit {
                    out.push(PhraseMatch {
                        start: i,
                        end: last + 1,
                        phrase: p as usize,
                    });
                }
            };
            if let Some((c, starts_pair)) = self.single.get(word) {
                c.iter().for_each(|&p| try_phrase(p, false));
                if *starts_pair && i + 1 < n {
                    if let Some(c) = self.pair.get(span(i, i + 1)) {
                        c.iter().for_each(|&p| try_phrase(p, false));
                    }
                }
            }
            if !self.stem.is_empty() {
                if let Some(c) = self.stem.get(stem_probe(word)) {
                    c.iter().for_each(|&p| try_phrase(p, true));
                }
            }
        }
        out.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(a.phrase.cmp(&b.phrase))
        });
        out.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_are_keyed_as_the_tokenizer_keys_them() {
        for p in ["Barack Obama", "the  United Nations", "al qaeda", "ARNOR"] {
            let norm = NormText::new(p.trim());
            let span = SentenceSpan {
                start: 0,
                end: norm.text.len(),
            };
            assert_eq!(phrase_key(p), dyad_text::tokenize(&norm, span).lower, "{p}");
        }
        // Anything else goes through the tokenizer.
        assert_eq!(phrase_key("U.S. army"), "u.s. army");
    }
}
