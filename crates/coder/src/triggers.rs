//! Finding verb patterns in a sentence: every pattern whose first word is at
//! a token is tried there; the longest match wins, then the one written
//! first; a token inside an accepted match cannot start another.

use crate::analysis::{class, Sentence};
use dyad_dict::{Dictionaries, Element, VerbPattern};

/// Most words a `*` gap may span.
const GAP: usize = 4;
/// Most words a `+` slot may span.
const SLOT: usize = 8;

/// A pattern found in the sentence.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
    /// Tokens of the `+` slot.
    pub slot: Option<(usize, usize)>,
    /// Token of the `~verb` element, when the pattern has one.
    pub verb: Option<usize>,
    /// Tokens that matched the pattern's own words (not gaps or slots).
    pub words: Vec<usize>,
}

#[derive(Clone)]
struct Partial {
    end: usize,
    slot: Option<(usize, usize)>,
    verb: Option<usize>,
    words: Vec<usize>,
}

fn gap_ok(s: &Sentence, i: usize) -> bool {
    !s.is(
        i,
        class::HARD_PUNCT | class::COMMA | class::SUBORD | class::RELATIVE,
    ) || s.lower(i) == "as"
}

fn match_from(
    s: &Sentence,
    p: &VerbPattern,
    ei: usize,
    ti: usize,
    acc: &Partial,
) -> Option<Partial> {
    let n = s.len();
    if ei == p.elements.len() {
        let mut done = acc.clone();
        done.end = ti;
        return Some(done);
    }
    match &p.elements[ei] {
        Element::Words {
            alternatives,
            verb,
            optional,
        } => {
            for alt in alternatives {
                if ti + alt.len() <= n && alt.iter().enumerate().all(|(k, w)| s.lower(ti + k) == w)
                {
                    let mut next = acc.clone();
                    next.words.extend(ti..ti + alt.len());
                    if verb.is_some() && next.verb.is_none() {
                        next.verb = Some(ti);
                    }
                    if let Some(r) = match_from(s, p, ei + 1, ti + alt.len(), &next) {
                        return Some(r);
                    }
                }
            }
            if *optional {
                return match_from(s, p, ei + 1, ti, acc);
            }
            None
        }
        Element::Gap => {
            for k in 0..=GAP {
                if k > 0 && (ti + k > n || !gap_ok(s, ti + k - 1)) {
                    break;
                }
                if let Some(r) = match_from(s, p, ei + 1, ti + k, acc) {
                    return Some(r);
                }
            }
            None
        }
        Element::Slot => {
            for k in 1..=SLOT {
                if ti + k > n || !gap_ok(s, ti + k - 1) {
                    break;
                }
                let has_actor =
                    (ti..ti + k).any(|t| s.mention_at[t].is_some() || s.is(t, class::REPORT_NOUN));
                if !has_actor {
                    continue;
                }
                let mut next = acc.clone();
                next.slot = Some((ti, ti + k));
                if let Some(r) = match_from(s, p, ei + 1, ti + k, &next) {
                    return Some(r);
                }
            }
            None
        }
    }
}

/// A base or -s form right after a determiner is a noun: "their biggest
/// defeat", "the attacks".
fn looks_like_noun(s: &Sentence, i: usize) -> bool {
    use dyad_dict::VerbForms;
    let forms = s.verb[i];
    let det = |k: usize| s.is(k, class::DET) || s.lower(k) == "'s";
    // "the detained journalists": a participle between a determiner and a
    // noun is an adjective.
    if forms.has(VerbForms::PARTICIPLE) && i > 0 && det(i - 1) && i + 1 < s.len() {
        let next = s.toks.tokens[i + 1];
        if next.kind == dyad_text::TokenKind::Word
            && !s.is(i + 1, class::PREP | class::DET | class::AUX)
            && s.verb[i + 1].0 == 0
        {
            return true;
        }
    }
    if forms.0 == 0 || forms.0 & (VerbForms::PAST | VerbForms::PARTICIPLE | VerbForms::GERUND) != 0
    {
        return false;
    }
    i > 0
        && (det(i - 1)
            || (i > 1
                && det(i - 2)
                && s.verb[i - 1].0 == 0
                && !s.is(
                    i - 1,
                    class::AUX | class::NEGATION | class::PUNCT | class::ADVERB,
                )))
}

/// All accepted pattern matches in the sentence, left to right.
pub(crate) fn find(dict: &Dictionaries, s: &Sentence) -> Vec<Trigger> {
    let mut out: Vec<Trigger> = Vec::new();
    let mut blocked_until = 0;
    for i in 0..s.len() {
        if i < blocked_until {
            continue;
        }
        // Inside an actor name, a word is a name, not a verb ("Free Syrian Army").
        if s.mention_at[i]
            .is_some_and(|m| s.mentions[m].kind != crate::analysis::MentionKind::Pronoun)
        {
            continue;
        }
        let Some(cands) = dict.verbs.anchors.get(s.lower(i)) else {
            continue;
        };
        // Every pattern starts with a word, so a noun reading blocks them all.
        if looks_like_noun(s, i) {
            continue;
        }
        let mut best: Option<(usize, Partial)> = None;
        for &pi in cands {
            let p = &dict.verbs.patterns[pi as usize];
            // A reporting verb on its own ("said") frames what is reported;
            // it is never an event by itself, whatever a dictionary says.
            if p.elements.len() == 1 && s.is(i, class::REPORTING) {
                continue;
            }
            let start = Partial {
                end: i,
                slot: None,
                verb: None,
                words: Vec::new(),
            };
            if let Some(r) = match_from(s, p, 0, i, &start) {
                let better = match &best {
                    None => true,
                    Some((_, b)) => {
                        r.words.len() > b.words.len()
                            || (r.words.len() == b.words.len() && r.end > b.end)
                    }
                };
                if better {
                    best = Some((pi as usize, r));
                }
            }
        }
        if let Some((pattern, r)) = best {
            // The slot and gaps may hold other events ("accusing Moscow of
            // failing to ..."): only the pattern's own words block.
            blocked_until = r.words.last().map_or(i + 1, |w| w + 1);
            out.push(Trigger {
                pattern,
                start: i,
                end: r.end,
                slot: r.slot,
                verb: r.verb,
                words: r.words,
            });
        }
    }
    out
}
