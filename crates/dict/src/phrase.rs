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
///
/// The index holds hashes of those words, not the words, and each word's
/// phrases as a run of one shared list: every candidate is checked against
/// its whole key anyway, so two words sharing a hash only cost a failed
/// comparison.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct PhraseMatcher {
    keys: Vec<Box<str>>,
    /// Number of tokens of each phrase.
    lens: Vec<u32>,
    stems: Vec<bool>,
    /// First word → the one-word phrases it is, and whether a longer
    /// phrase starts with it (only then is the pair index consulted).
    single: FxHashMap<u64, (Run, bool)>,
    pair: FxHashMap<u64, Run>,
    stem: FxHashMap<u64, Run>,
    /// Phrase indexes, in the runs the indexes above point to.
    candidates: Vec<u32>,
}

/// A run of [`PhraseMatcher::candidates`].
#[derive(Debug, Clone, Copy, Default, serde::Serialize, serde::Deserialize)]
struct Run {
    start: u32,
    len: u32,
}

/// The first four letters (or fewer) of a token, for the stem index.
fn stem_probe(token: &str) -> &str {
    match token.char_indices().nth(4) {
        Some((i, _)) => &token[..i],
        None => token,
    }
}

/// The index's hash of a word or two (64-bit FNV-1a). Fixed, unlike the
/// hash maps' own, because the compiled dictionaries are written by the
/// build and read on whatever machine runs the binary.
fn word_hash(words: &str) -> u64 {
    words.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Groups `(hash, phrase)` pairs by hash: each hash → its run of phrases
/// (in phrase order), appended to `candidates`.
fn runs(mut pairs: Vec<(u64, u32)>, candidates: &mut Vec<u32>) -> FxHashMap<u64, Run> {
    pairs.sort_unstable();
    let mut index = FxHashMap::default();
    for group in pairs.chunk_by(|a, b| a.0 == b.0) {
        let run = Run {
            start: candidates.len() as u32,
            len: group.len() as u32,
        };
        candidates.extend(group.iter().map(|&(_, p)| p));
        index.insert(group[0].0, run);
    }
    index
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
        let (mut single, mut pair, mut stem) = (Vec::new(), Vec::new(), Vec::new());
        let mut starts_pair = Vec::new();
        for (i, key) in self.keys.iter().enumerate() {
            if key.is_empty() {
                continue;
            }
            let i = i as u32;
            let first = key.split(' ').next().unwrap_or("");
            if self.stems.get(i as usize) == Some(&true) {
                stem.push((word_hash(stem_probe(first)), i));
            } else if self.lens[i as usize] == 1 {
                single.push((word_hash(key), i));
            } else {
                starts_pair.push(word_hash(first));
                let second_end = key
                    .match_indices(' ')
                    .nth(1)
                    .map_or(key.len(), |(at, _)| at);
                pair.push((word_hash(&key[..second_end]), i));
            }
        }
        let mut candidates = Vec::with_capacity(self.keys.len());
        self.single = runs(single, &mut candidates)
            .into_iter()
            .map(|(h, run)| (h, (run, false)))
            .collect();
        for h in starts_pair {
            self.single.entry(h).or_default().1 = true;
        }
        self.pair = runs(pair, &mut candidates);
        self.stem = runs(stem, &mut candidates);
        self.candidates = candidates;
    }

    /// The phrases of a run.
    fn run(&self, run: Run) -> &[u32] {
        &self.candidates[run.start as usize..(run.start + run.len) as usize]
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
            if let Some(&(run, starts_pair)) = self.single.get(&word_hash(word)) {
                self.run(run).iter().for_each(|&p| try_phrase(p, false));
                if starts_pair && i + 1 < n {
                    if let Some(&run) = self.pair.get(&word_hash(span(i, i + 1))) {
                        self.run(run).iter().for_each(|&p| try_phrase(p, false));
                    }
                }
            }
            if !self.stem.is_empty() {
                if let Some(&run) = self.stem.get(&word_hash(stem_probe(word))) {
                    self.run(run).iter().for_each(|&p| try_phrase(p, true));
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
