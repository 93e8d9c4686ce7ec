//! Place mentions in one tokenised sentence: the longest gazetteer name at
//! each token, and the words around it (a locative preposition, a region or
//! facility noun, a planned-time phrase). Owns which tokens can start or
//! continue a name in each letter case; must not choose among same-named
//! places (that is `resolve`).

use dyad_text::{LetterCase, TokenKind, Tokens};
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

use crate::cues::Hint;
use crate::gazetteer::NameEntry;
use crate::Places;

/// Names longer than this many tokens are not looked up.
const MAX_NAME_WORDS: usize = 6;
/// How far left of a name a locative preposition may be, across region and
/// facility nouns and their modifiers ("in the Kazakh capital Astana").
const MAX_MODIFIERS: usize = 2;

/// The preposition that governs a place mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Preposition {
    /// "in", "near", "at", "on the outskirts of": the mention is a location.
    Locative(String),
    /// "from", "to", "of": a source, direction or attribute.
    Origin(String),
}

/// A place name found in a sentence, with its cues. Token indices are into
/// the sentence's [`Tokens`]; byte offsets into the normalised text.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// First token of the name.
    pub start: usize,
    /// One past the last token of the name.
    pub end: usize,
    /// Byte range of the name in the normalised text.
    pub bytes: (usize, usize),
    /// The gazetteer entry for the name.
    pub entry: NameEntry,
    /// The lookup key ("san miguel").
    pub key: String,
    /// The governing preposition, when there is one.
    pub preposition: Option<Preposition>,
    /// True when the locative comes from a coordinated or listed place
    /// before it ("in Usulutan and Morazan", "in X, Y department").
    pub chained: bool,
    /// What a noun beside the name says it is ("Hama province").
    pub hint: Option<Hint>,
    /// The facility noun before the locative ("a military jail near
    /// Damascus"): its first token.
    pub facility: Option<usize>,
    /// A facility noun right after the name ("La Esperanza farm",
    /// "Aleppo airport"): the name is part of the facility's name.
    pub facility_name: bool,
    /// A "-based" compound ("a London-based monitor"): an attribute of an
    /// actor, never where an event happened.
    pub based: bool,
    /// Followed by a planned-time phrase ("in Geneva next week").
    pub planned: bool,
    /// In mixed-case text, a capitalised word right after the name that
    /// belongs to no cue: the name is part of a longer one ("Yara Sharif").
    pub inside_name: bool,
    /// A connector and another word follow ("SAN LUIS DE LA REINA" when
    /// only "San Luis" is in the gazetteer): the name goes on.
    pub name_continues: bool,
    /// True when the case of the text does not tell a name from a word: an
    /// upper- or lower-case document, or a single word opening a sentence.
    pub case_ambiguous: bool,
}

impl PlaceMention {
    /// True when the words around the mention make it a location: a
    /// locative preposition, a region noun, a facility.
    pub fn is_locative(&self) -> bool {
        matches!(self.preposition, Some(Preposition::Locative(_)))
    }
}

/// A dateline at the head of a document ("SAN SALVADOR, 12 JAN 90 (...) --"):
/// the byte range of the place name in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Dateline {
    /// Byte range of the name.
    pub bytes: (usize, usize),
    /// The lookup key.
    pub key: String,
}

/// The lookup key of a name: lower case, accents removed, words joined by
/// one space.
pub fn fold_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '\u{2018}' | '\u{2019}' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

impl Places {
    /// The place mentions of a tokenised sentence, left to right, longest
    /// name first, not overlapping.
    pub fn find(&self, tokens: &Tokens, case: LetterCase) -> Vec<PlaceMention> {
        let mut out = Vec::new();
        let mut scratch = String::new();
        let toks = &tokens.tokens;
        let mut i = 0;
        while i < toks.len() {
            match self.name_at(tokens, case, i, &mut scratch) {
                Some((end, entry, key, based)) => {
                    out.push(self.with_cues(tokens, case, i, end, entry, key, based));
                    i = end;
                }
                None => i += 1,
            }
        }
        self.chain(tokens, &mut out);
        out
    }

    /// The longest name starting at token `i`: its end, entry, key and
    /// whether it is a "-based" compound.
    fn name_at(
        &self,
        tokens: &Tokens,
        case: LetterCase,
        i: usize,
        scratch: &mut String,
    ) -> Option<(usize, NameEntry, String, bool)> {
        let toks = &tokens.tokens;
        if toks[i].kind != TokenKind::Word || !self.can_start(tokens, case, i) {
            return None;
        }
        let g = self.gazetteer();
        let first = folded(tokens.lower(i), scratch);
        if let Some(stem) = first.strip_suffix("-based") {
            let stem = stem.to_string();
            return g.lookup(&stem).map(|e| (i + 1, e, stem, true));
        }
        // "al-Bab" in the text, "al bab" in the gazetteer.
        let max_words = match g.max_words_after(first, case == LetterCase::Mixed) {
            0 if first.contains('-') => MAX_NAME_WORDS,
            0 => return None,
            n => n.min(MAX_NAME_WORDS),
        };
        let limit = (i + max_words).min(toks.len());
        // The furthest the name may reach: words only, capitalised or
        // connectors in mixed-case text.
        let mut reach = i + 1;
        while reach < limit
            && toks[reach].kind == TokenKind::Word
            && (case != LetterCase::Mixed
                || toks[reach].capitalized
                || self.cues().is_connector(tokens.lower(reach)))
        {
            reach += 1;
        }
        for end in (i + 1..=reach).rev() {
            if case == LetterCase::Mixed && !toks[end - 1].capitalized && end - 1 != i {
                continue;
            }
            let from = toks[i].lower_start as usize;
            let to = toks[end - 1].lower_end as usize;
            let key = folded(&tokens.lower[from..to], scratch);
            if let Some(e) = g.lookup(key) {
                // "OF", "to": in text whose case does not mark names, a
                // common word is never taken for one (see `resolve`), so
                // it is not even a mention.
                if e.common && case != LetterCase::Mixed {
                    return None;
                }
                return Some((end, e, key.to_string(), false));
            }
            if key.contains('-') {
                let spaced = key.replace('-', " ");
                if let Some(e) = g.lookup(&spaced) {
                    return Some((end, e, spaced, false));
                }
            }
        }
        None
    }

    /// Whether token `i` can start a name: in mixed-case text it must be
    /// capitalised ("al-Bab" counts, by the letter after the hyphen).
    fn can_start(&self, tokens: &Tokens, case: LetterCase, i: usize) -> bool {
        let t = &tokens.tokens[i];
        if case != LetterCase::Mixed || t.capitalized {
            return true;
        }
        let lower = tokens.lower(i);
        [
            "al-", "el-", "as-", "ad-", "ar-", "an-", "ash-", "az-", "at-",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
    }

    #[allow(clippy::too_many_arguments)]
    fn with_cues(
        &self,
        tokens: &Tokens,
        case: LetterCase,
        start: usize,
        end: usize,
        entry: NameEntry,
        key: String,
        based: bool,
    ) -> PlaceMention {
        let cues = self.cues();
        let toks = &tokens.tokens;
        let lower = |k: usize| tokens.lower(k);
        let (preposition, before_hint, facility) = self.cue_before(tokens, start);
        let after = (end < toks.len()).then(|| lower(end));
        let hint = after.and_then(|w| cues.hint(w)).or(before_hint);
        let facility_name = after.is_some_and(|w| cues.is_facility(w));
        let planned = cues.planned().iter().any(|phrase| {
            (end..toks.len().min(end + 4)).any(|k| {
                phrase
                    .iter()
                    .enumerate()
                    .all(|(j, w)| k + j < toks.len() && lower(k + j) == w)
            })
        });
        let case_ambiguous = case != LetterCase::Mixed || (start == 0 && end == 1);
        let inside_name = case == LetterCase::Mixed
            && end < toks.len()
            && toks[end].kind == TokenKind::Word
            && toks[end].capitalized
            && after.is_some_and(|w| cues.hint(w).is_none() && !cues.is_facility(w));
        // Spanish, Portuguese, French and Arabic particles only: English
        // ones ("on", "of") are ordinary words after a name.
        let particle = after.is_some_and(|w| {
            cues.is_connector(w)
                && !matches!(w, "of" | "the" | "on" | "upon" | "an" | "am" | "e" | "y")
        });
        let name_continues = particle
            && toks.get(end + 1).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && (case != LetterCase::Mixed
                        || t.capitalized
                        || cues.is_connector(tokens.lower(end + 1)))
            });
        PlaceMention {
            start,
            end,
            bytes: (toks[start].start as usize, toks[end - 1].end as usize),
            entry,
            key,
            preposition,
            chained: false,
            hint,
            facility,
            facility_name,
            based,
            planned,
            inside_name,
            name_continues,
            case_ambiguous,
        }
    }

    /// The preposition governing a name starting at `start`, looking left
    /// over determiners, region and facility nouns ("in the Kazakh capital
    /// Astana", "the town of al-Bab"), and the facility before a locative.
    fn cue_before(
        &self,
        tokens: &Tokens,
        start: usize,
    ) -> (Option<Preposition>, Option<Hint>, Option<usize>) {
        let cues = self.cues();
        let lower = |k: usize| tokens.lower(k);
        let mut k = start;
        let mut hint = None;
        let mut noun = false;
        let mut modifiers = 0;
        while k > 0 {
            for len in (1..=4.min(k)).rev() {
                let from = tokens.tokens[k - len].lower_start as usize;
                let to = tokens.tokens[k - 1].lower_end as usize;
                let phrase = &tokens.lower[from..to];
                if cues.is_locative(phrase) {
                    let facility = self.facility_before(tokens, k - len);
                    return (Some(Preposition::Locative(phrase.into())), hint, facility);
                }
            }
            let w = lower(k - 1);
            if w == "of" && k >= 2 && cues.hint(lower(k - 2)).is_some() {
                hint = hint.or(cues.hint(lower(k - 2)));
                noun = true;
                k -= 2;
                continue;
            }
            if cues.is_origin(w) {
                return (Some(Preposition::Origin(w.into())), hint, None);
            }
            if matches!(w, "the" | "a" | "an") || cues.is_modifier(w) {
                k -= 1;
                continue;
            }
            if let Some(h) = cues.hint(w) {
                hint = hint.or(Some(h));
                noun = true;
                k -= 1;
                continue;
            }
            if noun && modifiers < MAX_MODIFIERS && tokens.tokens[k - 1].kind == TokenKind::Word {
                modifiers += 1;
                k -= 1;
                continue;
            }
            break;
        }
        (None, hint, None)
    }

    /// The first token of a facility phrase ending right before token `k`
    /// ("a military jail" before "near"), when there is one.
    fn facility_before(&self, tokens: &Tokens, k: usize) -> Option<usize> {
        let cues = self.cues();
        if k == 0 || !cues.is_facility(tokens.lower(k - 1)) {
            return None;
        }
        let mut first = k - 1;
        while first > 0
            && k - first <= MAX_MODIFIERS
            && tokens.tokens[first - 1].kind == TokenKind::Word
            && !matches!(tokens.lower(first - 1), "the" | "a" | "an")
            && !cues.is_locative(tokens.lower(first - 1))
        {
            first -= 1;
        }
        Some(first)
    }

    /// Coordinated and listed places share their locative and region noun:
    /// "in Usulutan and Morazan departments", "in La Ranera, San Carlos".
    fn chain(&self, tokens: &Tokens, mentions: &mut [PlaceMention]) {
        let joins = |a: usize, b: usize| {
            (a..b).all(|k| matches!(tokens.lower(k), "and" | "or" | ",")) && b > a && b - a <= 2
        };
        for m in 0..mentions.len() {
            let (left, right) = mentions.split_at_mut(m);
            let cur = &mut right[0];
            if cur.preposition.is_some() {
                continue;
            }
            let prev = left.last();
            if let Some(prev) = prev.filter(|p| p.is_locative() && joins(p.end, cur.start)) {
                cur.preposition = prev.preposition.clone();
                cur.chained = true;
            } else if let Some(word) = listed_after_locative(tokens, self, cur.start) {
                cur.preposition = Some(Preposition::Locative(word));
                cur.chained = true;
            }
        }
        for m in (0..mentions.len().saturating_sub(1)).rev() {
            let (left, right) = mentions.split_at_mut(m + 1);
            let cur = &mut left[m];
            let next = &right[0];
            let plural_noun = next.end < tokens.tokens.len()
                && tokens.lower(next.end).ends_with('s')
                && next.hint.is_some();
            if cur.hint.is_none() && plural_noun && joins(cur.end, next.start) {
                cur.hint = next.hint;
            }
        }
    }

    /// A dateline at the start of a document: "SAN SALVADOR, 12 JAN 90" or
    /// "BOGOTA (AFP) --". Returns the name's byte range when the words before
    /// the comma or bracket are a gazetteer name.
    pub fn dateline(&self, text: &str) -> Option<Dateline> {
        let head = text.get(..text.len().min(120))?;
        let lead = head.len() - head.trim_start().len();
        let rest = &head[lead..];
        let stop = rest.find([',', '(', '\n'])?;
        let name = rest[..stop].trim_end();
        let after = rest[stop..].trim_start_matches([',', ' ']);
        let dated = after.starts_with('(') || after.starts_with(|c: char| c.is_ascii_digit());
        if name.is_empty() || name.split(' ').count() > 4 || !dated {
            return None;
        }
        let letters = name.chars().filter(|c| c.is_alphabetic());
        if !name.chars().next()?.is_uppercase() || letters.clone().count() < 3 {
            return None;
        }
        let key = fold_key(name);
        self.gazetteer().lookup(&key)?;
        Some(Dateline {
            bytes: (lead, lead + name.len()),
            key,
        })
    }
}

/// "in La Ranera stream, San Carlos": a name after a comma with a locative
/// a few words before it in the same phrase; returns the locative.
fn listed_after_locative(tokens: &Tokens, places: &Places, start: usize) -> Option<String> {
    if start == 0 || tokens.lower(start - 1) != "," {
        return None;
    }
    (start.saturating_sub(6)..start - 1)
        .rev()
        .take_while(|&k| tokens.tokens[k].kind == TokenKind::Word)
        .find(|&k| places.cues().is_locative(tokens.lower(k)))
        .map(|k| tokens.lower(k).to_string())
}

/// `word` without accents, in `scratch` when it had any.
fn folded<'a>(word: &'a str, scratch: &'a mut String) -> &'a str {
    if word.is_ascii() {
        return word;
    }
    *scratch = fold_key(word);
    scratch
}
